"""Our real processes for end-to-end tests: `neurips-advisor serve` and `neurips-advisor worker`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import redis
from slack_sdk.signature import SignatureVerifier

from consultations.adapters.embedded_redis import free_port

_reapers: list[threading.Thread] = []  # stopped stacks' workers, waited for in the background
SECRET = "test-signing-secret"  # noqa: S105 — a test value
ROOT = Path(__file__).resolve().parents[2]


class Stack:
    """A server and workers sharing one Redis database (isolated from other tests by index)."""

    def __init__(self, redis_url: str, db: int, slack_api: str, logs: Path, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.redis_url = redis_url.rsplit("/", 1)[0] + f"/{db}"
        self.logs = logs
        logs.mkdir(parents=True, exist_ok=True)
        base = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("REDIS_", "ANTHROPIC_", "SLACK_", "CELERY_", "NEURIPS_"))
        }
        self.env = {
            **base,
            "REDIS_URL": self.redis_url,
            "SLACK_BOT_TOKEN": "xoxb-fake",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": f"{slack_api}/api/",
            "NEURIPS_LLM": "offline",
            "NEURIPS_LOG_FORMAT": "json",
            "NEURIPS_DATA_DIR": str(logs / "data"),
            "PYTHONUNBUFFERED": "1",
            "NEURIPS_DIGEST_SOURCE": "colm2025",  # built into the package
            "NEURIPS_DIGEST_TICK_S": "1",
            **env,
        }
        self.server: subprocess.Popen[bytes] | None = None
        self.workers: list[subprocess.Popen[bytes]] = []
        self.http = httpx.Client(base_url=self.url, timeout=10)

    def _spawn(self, name: str, *args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 — closed with the process
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", *args],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_server(self) -> None:
        self.server = self._spawn("server", "serve", "--port", str(self.port), env=self.env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if self.http.get("/healthz").status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
            assert self.server.poll() is None, (self.logs / "server.log").read_text()[-3000:]
        raise AssertionError("server did not start")

    def stop_server(self) -> None:
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=10)
            self.server = None

    def start_worker(self, name: str = "worker", **env: str) -> subprocess.Popen[bytes]:
        return self._ready(*self._launch_worker(name, env))

    def start(self, *workers: str) -> list[subprocess.Popen[bytes]]:
        """The server and the named workers, started at once (each spends its first seconds
        importing), each waited for; the workers, in order."""
        launched = [self._launch_worker(name, {}) for name in workers]
        self.start_server()
        return [self._ready(*w) for w in launched]

    def _launch_worker(
        self, name: str, env: dict[str, str]
    ) -> tuple[subprocess.Popen[bytes], Path, int]:
        log_file = self.logs / f"{name}.log"
        start = log_file.stat().st_size if log_file.exists() else 0
        w = self._spawn(name, "worker", "--concurrency", "1", env={**self.env, **env})
        self.workers.append(w)
        return w, log_file, start

    def _ready(
        self, w: subprocess.Popen[bytes], log_file: Path, start: int
    ) -> subprocess.Popen[bytes]:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if log_file.exists() and b" ready." in log_file.read_bytes()[start:]:
                return w
            assert w.poll() is None, log_file.read_text()[-3000:]
            time.sleep(0.1)
        raise AssertionError("worker did not start")

    def start_beat(self) -> subprocess.Popen[bytes]:
        beat = self._spawn("beat", "beat", env=self.env)
        self.workers.append(beat)
        return beat

    def kill(self, proc: subprocess.Popen[bytes]) -> None:
        """SIGKILL the worker and its pool children: no clean shutdown, no ack."""
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop(self) -> None:
        """The server stopped; every worker and beat asked to stop (a warm shutdown takes a
        worker a second or so) and waited for in the background: ``reap`` waits for them all."""
        running = [w for w in self.workers if w.poll() is None]
        for w in running:
            os.killpg(w.pid, signal.SIGTERM)
        self.stop_server()
        self.http.close()
        if running:
            reaper = threading.Thread(target=_reap, args=(running,), daemon=True)
            reaper.start()
            _reapers.append(reaper)

    # --- requests signed as Slack signs them -----------------------------------------------------
    def post(
        self,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
        timestamp: int | None = None,
        sign: bool = True,
    ) -> httpx.Response:
        ts = str(timestamp if timestamp is not None else int(time.time()))
        h = {"Content-Type": content_type, **(headers or {})}
        if sign:
            h["X-Slack-Request-Timestamp"] = ts
            h["X-Slack-Signature"] = SignatureVerifier(SECRET).generate_signature(
                timestamp=ts, body=body.decode()
            )
        return self.http.post("/slack/events", content=body, headers=h)

    def command(
        self, text: str, user: str, channel: str = "C1", team: str = "T1", response_url: str = ""
    ) -> httpx.Response:
        form = {
            "token": "x",
            "team_id": team,
            "channel_id": channel,
            "user_id": user,
            "command": "/neurips",
            "text": text,
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
        return self.post(urlencode(form).encode(), "application/x-www-form-urlencoded")

    def event(
        self,
        event: dict[str, Any],
        team: str = "T1",
        event_id: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Any Events API event, wrapped and signed as Slack delivers it."""
        return self.post(event_body(event, team, event_id), "application/json", headers)

    def message(
        self,
        user: str,
        channel: str,
        thread_ts: str,
        text: str,
        event_id: str,
        team: str = "T1",
        retry: int | None = None,
    ) -> httpx.Response:
        headers = (
            {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
            if retry
            else None
        )
        return self.event(thread_event(user, channel, thread_ts, text), team, event_id, headers)

    def action(
        self,
        user: str,
        channel: str,
        action: dict[str, Any],
        team: str = "T1",
        response_url: str = "",
        thread_ts: str | None = None,
    ) -> httpx.Response:
        """A button pressed (in a thread: ``thread_ts``)."""
        container: dict[str, Any] = {"type": "message", "channel_id": channel}
        if thread_ts:
            container["thread_ts"] = thread_ts
        payload = {
            "type": "block_actions",
            "user": {"id": user, "team_id": team},
            "team": {"id": team},
            "channel": {"id": channel},
            "api_app_id": "A1",
            "actions": [action],
            "response_url": response_url,
            "trigger_id": "1.2.3",
            "container": container,
        }
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(body, "application/x-www-form-urlencoded")


def _reap(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=10)


def reap() -> None:
    """Wait until every worker of every stopped stack has exited."""
    while _reapers:
        _reapers.pop().join()


def event_body(event: dict[str, Any], team: str = "T1", event_id: str | None = None) -> bytes:
    """An Events API event wrapped as Slack delivers it (unsigned)."""
    body = {
        "type": "event_callback",
        "team_id": team,
        "api_app_id": "A1",
        "event_id": event_id or f"Ev{time.time_ns()}",
        "event_time": int(time.time()),
        "event": event,
    }
    return json.dumps(body).encode()


def thread_event(
    user: str, channel: str, thread_ts: str, text: str, **extra: Any
) -> dict[str, Any]:
    """A person's message in a channel thread, as Slack's ``message`` event."""
    return {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": f"{time.time():.6f}",
        "thread_ts": thread_ts,
        "channel_type": "channel",
        **extra,
    }


@contextmanager
def running(
    redis_url: str,
    db: int,
    slack_api: str,
    logs: Path,
    *,
    worker: bool = True,
    beat: bool = False,
    **env: str,
) -> Iterator[Stack]:
    """A stack on an emptied database: the server, a worker and beat if asked; stopped after."""
    s = Stack(redis_url, db, slack_api, logs, **env)
    redis.Redis.from_url(s.redis_url).flushdb()
    try:
        s.start(*(["worker"] if worker else []))
        if beat:
            s.start_beat()
        yield s
    finally:
        s.stop()


def claude_env(url: str) -> dict[str, str]:
    """Settings for a stack whose reports Claude writes, through the Messages API at ``url``."""
    return {
        "NEURIPS_LLM": "anthropic",
        "ANTHROPIC_API_KEY": "sk-test",
        "ANTHROPIC_BASE_URL": url,
        "ANTHROPIC_MAX_RETRIES": "0",
    }
