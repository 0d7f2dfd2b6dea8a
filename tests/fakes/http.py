"""A small threaded HTTP server base for the fakes: records requests, serves scripted replies."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    json: Any = field(default=None)
    at: float = field(default_factory=time.monotonic)


class _Server(ThreadingHTTPServer):
    """A listen backlog like a real API's: the standard library's 5 drops connections in a burst
    (the pool opening many at once), and each dropped one waits a 1 s SYN retransmit."""

    request_queue_size = 1024


class FakeServer:
    """Subclass and implement ``handle(recorded) -> (status, headers, body)``."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.connections = 0  # TCP connections accepted (keep-alive reuses one)
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body go out in two writes: without this, Nagle's algorithm holds
            # the body of a kept-alive connection's reply until the client's delayed ACK
            disable_nagle_algorithm = True

            def setup(self) -> None:
                with fake._lock:
                    fake.connections += 1
                super().setup()

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                rec = Recorded(self.command, self.path, headers, body)
                try:
                    rec.json = json.loads(body) if body else None
                except ValueError:
                    rec.json = None
                with fake._lock:
                    fake.requests.append(rec)
                status, headers, payload = fake.handle(rec)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if not isinstance(payload, bytes):  # an iterator of chunks: streamed (SSE)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.close_connection = True
                    for chunk in payload:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                    return
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

            def log_message(self, *args: object) -> None:
                pass

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # stop() waits for the serving loop to look up: every 0.05 s, not the default 0.5 s
        # (most fakes live for one test, and each stop cost up to half a second)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        """The reply; its body may also be an iterator of byte chunks, each written as it
        comes (the connection then closes after the last)."""
        raise NotImplementedError

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def json_reply(status: int, data: Any, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json", **headers}, json.dumps(data).encode()
