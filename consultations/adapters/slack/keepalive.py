"""The server's posts to the Slack API over its own kept-alive HTTP/1.1 connections.

A server answer in a thread is one ``chat.postMessage``; sent through aiohttp's client it cost
about three times the CPU of the bytes on the wire (its request and response objects, cookie
jar, timers and connector). :class:`AsyncConnectionPool` writes the request and reads the
answer itself, on connections it keeps open, and behaves as the aiohttp session it stands in
for: at most ``limit`` connections at once (more callers wait), idle ones closed after
``idle_s``, a ``total`` time limit (``TimeoutError``), gzip and deflate answers expanded, and
a connection that fails raised as aiohttp raises it (``ClientOSError``,
``ServerDisconnectedError``), so slack_sdk's retry handlers treat it alike.
"""

from __future__ import annotations

import asyncio
import ssl
import time
import urllib.parse
import zlib
from dataclasses import dataclass, field

import aiohttp
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

MAX_HEAD = 64 * 1024  # bytes of a response's status line and headers


@dataclass
class _Line:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    idle_since: float = field(default_factory=time.monotonic)

    def close(self) -> None:
        self.writer.close()


@dataclass(frozen=True)
class Answer:
    status: int
    headers: CIMultiDictProxy[str]
    body: bytes


class AsyncConnectionPool:
    """Kept-alive connections to one API origin (``scheme://host:port``), in one event loop."""

    def __init__(
        self,
        origin: str,
        *,
        limit: int = 64,
        idle_s: float = 30.0,
        context: ssl.SSLContext | None = None,
    ) -> None:
        url = urllib.parse.urlsplit(origin)
        self.scheme = url.scheme.lower()
        if self.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"not an http(s) origin: {origin!r}")
        self.host = url.hostname
        self.port = url.port or (443 if self.scheme == "https" else 80)
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.authority = host if self.port == default else f"{host}:{self.port}"
        self._context = context
        self._idle: list[_Line] = []
        self._slots = asyncio.Semaphore(limit)
        self._idle_s = idle_s
        self.opened = 0  # connections opened so far

    async def post(self, path: str, headers: dict[str, str], body: bytes, total: float) -> Answer:
        """The answer to one POST; raises ``TimeoutError`` after ``total`` seconds in all
        (waiting for a free connection included)."""
        async with asyncio.timeout(total), self._slots:
            line = await self._take()
            try:
                answer, reusable = await self._exchange(line, path, headers, body)
            except OSError as e:  # reset, refused, broken pipe: as aiohttp raises it
                line.close()
                raise aiohttp.ClientOSError(*e.args) from e
            except BaseException:
                line.close()
                raise
            if reusable:
                line.idle_since = time.monotonic()
                self._idle.append(line)
            else:
                line.close()
            return answer

    async def close(self) -> None:
        lines, self._idle = self._idle, []
        for line in lines:
            line.close()

    async def _take(self) -> _Line:
        now = time.monotonic()
        while self._idle:
            line = self._idle.pop()
            if now - line.idle_since < self._idle_s and not line.reader.at_eof():
                return line
            line.close()  # idle too long, or closed by the server meanwhile
        context = None
        if self.scheme == "https":
            context = self._context or _default_context()
        try:
            reader, writer = await asyncio.open_connection(
                self.host, self.port, ssl=context, limit=MAX_HEAD
            )
        except OSError as e:
            raise aiohttp.ClientOSError(*e.args) from e
        self.opened += 1
        return _Line(reader, writer)

    async def _exchange(
        self, line: _Line, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[Answer, bool]:
        head = [f"POST {path} HTTP/1.1", f"Host: {self.authority}"]
        if any("\r" in v or "\n" in v for v in headers.values()):
            raise ValueError("a header value with a line break")  # as aiohttp refuses it
        head += [f"{k}: {v}" for k, v in headers.items()]
        head += ["Accept: */*", "Accept-Encoding: gzip, deflate", f"Content-Length: {len(body)}"]
        line.writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        await line.writer.drain()
        reader = line.reader
        try:
            raw_head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as e:
            raise aiohttp.ServerDisconnectedError() from e
        except asyncio.LimitOverrunError as e:
            raise self._bad(path, "the answer's headers are too long") from e
        status_line, *rest = raw_head[:-4].decode("latin-1").split("\r\n")
        version, _, after = status_line.partition(" ")
        code = after[:3]
        if not version.startswith("HTTP/1.") or not code.isdigit() or code < "200":
            # not HTTP/1.x, or an interim (1xx) answer to a request that asked for none
            raise self._bad(path, f"an answer that cannot be read: {status_line[:80]!r}")
        got: CIMultiDict[str] = CIMultiDict()
        for h in rest:
            name, sep, value = h.partition(":")
            if sep:
                got.add(name.strip(), value.strip())
        status = int(code)
        closes = got.get("Connection", "").lower()
        keep = "close" not in closes if version == "HTTP/1.1" else "keep-alive" in closes
        try:
            if status in (204, 304):
                data = b""
            elif "chunked" in got.get("Transfer-Encoding", "").lower():
                data = await _chunked(reader)
            elif (length := got.get("Content-Length")) is not None:
                data = await reader.readexactly(int(length))
            else:  # to the end: the connection is not reused
                data, keep = await reader.read(), False
        except asyncio.IncompleteReadError as e:
            raise aiohttp.ServerDisconnectedError() from e
        coding = got.get("Content-Encoding", "").lower()
        if coding == "gzip":
            data = zlib.decompress(data, 16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            data = _inflate(data)
        return Answer(status, CIMultiDictProxy(got), data), keep

    def _bad(self, path: str, message: str) -> aiohttp.ClientResponseError:
        url = URL.build(scheme=self.scheme, host=self.host, port=self.port, path=path)
        info = aiohttp.RequestInfo(url, "POST", CIMultiDictProxy(CIMultiDict()), url)
        return aiohttp.ClientResponseError(info, (), message=message)


async def _chunked(reader: asyncio.StreamReader) -> bytes:
    parts: list[bytes] = []
    while True:
        size_line = await reader.readuntil(b"\r\n")
        size = int(size_line.split(b";", 1)[0].strip(), 16)
        if size == 0:
            while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers, then the blank line
                pass
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)  # the chunk's CRLF


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompress(data)
    except zlib.error:  # raw deflate, without the zlib header some servers leave out
        return zlib.decompress(data, -zlib.MAX_WBITS)


_CONTEXT: ssl.SSLContext | None = None


def _default_context() -> ssl.SSLContext:
    global _CONTEXT  # noqa: PLW0603 — built once, on the first https connection
    if _CONTEXT is None:
        _CONTEXT = ssl.create_default_context()
    return _CONTEXT
