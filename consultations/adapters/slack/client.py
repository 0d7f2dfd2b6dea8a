"""Slack Web API clients, built once per process from settings: every base URL configurable
(SLACK_API_URL), retries on connection errors and on 429 with Retry-After. Both keep their
connections open: the async client (the server's) one pooled aiohttp session, the sync one
(the workers') a pool of HTTP/1.1 keep-alive connections per host shared by every token, so
a report's posts do not each open a connection. The User-Agent is worked out once."""

from __future__ import annotations

import asyncio
import http.client
import io
import json
import logging
import ssl
import threading
import urllib.parse
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.request import Request

import aiohttp
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest as RetryHttpRequest
from slack_sdk.http_retry.response import HttpResponse as RetryHttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse
from slack_sdk.web.internal_utils import get_user_agent

from consultations.adapters.settings import Settings

# Slack's errors for a channel the app cannot post in: for good, so no retry helps (a private
# channel that never invited it, an archived or deleted one, a workspace's posting rules)
NO_POST = {
    "not_in_channel": "the app is not in that channel (a private channel has to invite it)",
    "channel_not_found": "the channel no longer exists, or the app cannot see it",
    "is_archived": "the channel is archived",
    "restricted_action": "the workspace does not let the app post there",
    "cannot_dm_bot": "the app cannot write there",
}

TIMEOUT_S = 30
IDLE_PER_HOST = 8  # idle connections kept per host; more are closed after use
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


def _token(settings: Settings) -> str:
    if settings.slack_bot_token is None:
        raise ValueError("SLACK_BOT_TOKEN is not set")
    return settings.slack_bot_token.get_secret_value()


def _level_set(logger: logging.Logger) -> logging.Logger:
    """slack_sdk formats a debug line of every request and answer (the whole payload) unless
    its logger's own level is above DEBUG (it reads ``logger.level``, which is NOTSET, not the
    level in effect): give it the level it inherits, so nothing is formatted to be dropped."""
    if logger.level == logging.NOTSET:
        logger.setLevel(logger.getEffectiveLevel())
    return logger


def headers() -> dict[str, str]:
    """Headers every client sends; slack_sdk would otherwise build its User-Agent per call."""
    return {"User-Agent": get_user_agent()}


class ConnectionPool:
    """Idle keep-alive connections by (scheme, host, port), shared by threads."""

    def __init__(self, idle_per_host: int = IDLE_PER_HOST) -> None:
        self._idle: dict[tuple[str, str, int], list[http.client.HTTPConnection]] = {}
        self._lock = threading.Lock()
        self._size = idle_per_host
        self.opened = 0  # connections opened so far

    def _take(
        self, key: tuple[str, str, int], timeout: float, context: ssl.SSLContext | None
    ) -> tuple[http.client.HTTPConnection, bool]:
        with self._lock:
            idle = self._idle.get(key)
            if idle:
                return idle.pop(), True
            self.opened += 1
        scheme, host, port = key
        if scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=timeout, context=context), False
        return http.client.HTTPConnection(host, port, timeout=timeout), False

    def _give_back(self, key: tuple[str, str, int], conn: http.client.HTTPConnection) -> None:
        with self._lock:
            idle = self._idle.setdefault(key, [])
            if len(idle) < self._size:
                idle.append(conn)
                return
        conn.close()

    def request(
        self, req: Request, timeout: float, context: ssl.SSLContext | None
    ) -> tuple[int, str, http.client.HTTPMessage, bytes]:
        """Status, reason, headers and body. A reused connection the server has closed
        meanwhile is replaced once by a new one; other errors are raised."""
        url = urllib.parse.urlsplit(req.full_url)
        scheme = url.scheme.lower()
        key = (scheme, url.hostname or "", url.port or (443 if scheme == "https" else 80))
        target = url.path + (f"?{url.query}" if url.query else "")
        while True:
            conn, reused = self._take(key, timeout, context)
            try:
                try:
                    conn.request(req.get_method(), target, req.data, dict(req.header_items()))
                except OSError as e:  # connecting or sending: as urllib says it (retried)
                    if reused and isinstance(e, _STALE):
                        raise
                    raise URLError(e) from e
                resp = conn.getresponse()
                body = resp.read()
            except _STALE:
                conn.close()
                if reused:  # the server closed it while it was idle: send on a new one
                    continue
                raise
            except BaseException:
                conn.close()
                raise
            if resp.will_close:
                conn.close()
            else:
                self._give_back(key, conn)
            return resp.status, resp.reason, resp.headers, body


POOL = ConnectionPool()


class PooledWebClient(WebClient):
    """slack_sdk's WebClient opens a urllib connection per call; this one sends through
    :data:`POOL` (slack_sdk still builds the request, raises, and applies its retries)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._logger = _level_set(self._logger)

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        if self.proxy is not None or not url.lower().startswith(("http://", "https://")):
            return super()._perform_urllib_http_request_internal(url, req)
        status, reason, resp_headers, body = POOL.request(req, self.timeout, self.ssl)
        if status >= 400:  # as urlopen does: slack_sdk's retry handlers read the HTTPError
            raise HTTPError(url, status, reason, resp_headers, io.BytesIO(body))
        if resp_headers.get_content_type() == "application/gzip":
            return {"status": status, "headers": resp_headers, "body": body}
        charset = resp_headers.get_content_charset() or "utf-8"
        return {"status": status, "headers": resp_headers, "body": body.decode(charset)}


def web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A client posting with ``token`` (default: SLACK_BOT_TOKEN)."""
    return PooledWebClient(
        token=token or _token(settings),
        base_url=settings.slack_api_url,
        timeout=TIMEOUT_S,
        headers=headers(),
        retry_handlers=[
            # only where the request never got out whole (the pool raises those as URLError):
            # a reset while awaiting the answer may follow a post Slack accepted, and the job's
            # own retry finds such a post by its metadata rather than posting it again
            ConnectionErrorRetryHandler(max_retry_count=3, error_types=[URLError]),
            RateLimitErrorRetryHandler(max_retry_count=8),
        ],
    )


class PooledAsyncWebClient(AsyncWebClient):
    """slack_sdk opens (and closes) an aiohttp session per call unless it is given one; this
    client opens one on its first call, in the running loop, and keeps it.

    :meth:`post_json` is a JSON call (chat.postMessage, chat.update: a server's answer in a
    thread) without slack_sdk's per-call work (its argument checks, request building, debug
    hooks): the same request, the same retry handlers, the same ``SlackApiError``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._logger = _level_set(self._logger)
        self._urls: dict[str, str] = {}

    def _session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self.session is None or self.session.closed or self.session._loop is not loop:
            self.session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout),
                connector=aiohttp.TCPConnector(limit=64, keepalive_timeout=30),
            )
        return self.session

    async def close(self) -> None:
        """Close the pooled session (the server's shutdown; a test's end)."""
        if self.session is not None and not self.session.closed:
            await self.session.close()
        self.session = None

    async def _request(self, *, http_verb: str, api_url: str, req_args: dict) -> dict[str, Any]:
        self._session()
        return await super()._request(http_verb=http_verb, api_url=api_url, req_args=req_args)

    async def post_json(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        """``api_call(method, json=payload)``'s answer (its data), or its ``SlackApiError``."""
        session = self._session()
        url = self._urls.get(method)
        if url is None:
            url = self._urls[method] = urllib.parse.urljoin(self.base_url, method)
        headers = {
            **self.headers,
            "Content-Type": "application/json;charset=utf-8",
            "Authorization": f"Bearer {self.token}",
        }
        body = json.dumps(payload).encode()
        request = RetryHttpRequest(method="POST", url=url, headers=headers, data=body)
        state = RetryState()
        while True:
            state.next_attempt_requested = False
            try:
                async with session.post(url, data=body, headers=headers) as res:
                    raw = await res.read()
                    status, got = res.status, res.headers
            except Exception as e:
                if await self._retried(state, request, None, e):
                    continue
                raise
            try:
                data = json.loads(raw) if raw else {}
            except ValueError as e:
                answer = raw[:200].decode(errors="replace")
                raise SlackApiError(
                    f"Received a response in a non-JSON format: {answer}", {}
                ) from e
            response = RetryHttpResponse(status_code=status, headers=got, body=data)  # type: ignore[arg-type]
            if await self._retried(state, request, response, None):
                continue
            done = AsyncSlackResponse(
                client=self,
                http_verb="POST",
                api_url=url,
                req_args={"json": payload},
                data=data,
                headers=got,  # type: ignore[arg-type]
                status_code=status,
            )
            return done.validate().data

    async def _retried(
        self,
        state: RetryState,
        request: RetryHttpRequest,
        response: RetryHttpResponse | None,
        error: Exception | None,
    ) -> bool:
        """As slack_sdk does: the first handler that can retry waits for the next attempt."""
        for handler in self.retry_handlers:
            if await handler.can_retry_async(
                state=state, request=request, response=response, error=error
            ):
                await handler.prepare_for_next_attempt_async(
                    state=state, request=request, response=response, error=error
                )
                return True
        return False


async def close_client(client: AsyncWebClient) -> None:
    """Close a pooled client's session (the server's shutdown; a test's end); others hold none."""
    if isinstance(client, PooledAsyncWebClient):
        await client.close()


def async_retries() -> list[Any]:
    return [
        AsyncConnectionErrorRetryHandler(max_retry_count=3),
        AsyncRateLimitErrorRetryHandler(max_retry_count=8),
    ]


def async_client(settings: Settings) -> AsyncWebClient:
    return PooledAsyncWebClient(
        token=_token(settings),
        base_url=settings.slack_api_url,
        timeout=TIMEOUT_S,
        headers=headers(),
        retry_handlers=async_retries(),
    )
