"""The README's Slack quick start: Socket Mode with the two tokens it names and nothing else
(no signing secret, no REDIS_URL). `neurips-advisor socket` stopped at an AssertionError
before connecting; now a slash command that arrives over the websocket is acked on it and the
consultation's first question is posted in its thread.

Slack's side is local: the Web API fake answers ``apps.connections.open`` with the URL of a
websocket served here, which says hello and delivers one ``slash_commands`` envelope."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from aiohttp import WSMsgType, web

from consultations.adapters.embedded_redis import free_port
from tests.conftest import ROOT
from tests.fakes.slack_api import FakeSlack


class SocketModeServer:
    """One websocket endpoint: hello, then each queued envelope; records what the app sends."""

    def __init__(self, envelopes: list[dict[str, Any]]) -> None:
        self.envelopes = envelopes
        self.received: list[dict[str, Any]] = []
        self.port = free_port()
        self.url = f"ws://127.0.0.1:{self.port}/link"
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    async def _link(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {}})
        for envelope in self.envelopes:
            await ws.send_json(envelope)
        self.envelopes = []  # a reconnect gets hello alone
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                self.received.append(json.loads(msg.data))
        return ws

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_get("/link", self._link)
        runner = web.AppRunner(app)
        self._loop.run_until_complete(runner.setup())
        self._loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
        self._ready.set()
        self._loop.run_forever()

    def start(self) -> SocketModeServer:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


@pytest.fixture
def socket_server(slack: FakeSlack) -> Iterator[SocketModeServer]:
    command = {
        "token": "x",
        "team_id": "T1",
        "api_app_id": "A1",
        "channel_id": "CSOCK",
        "user_id": "USOCK",
        "command": "/neurips",
        "text": "consult 3",
        "response_url": "",
        "trigger_id": "1.2.3",
    }
    envelope = {
        "envelope_id": "env-1",
        "type": "slash_commands",
        "payload": command,
        "accepts_response_payload": True,
    }
    server = SocketModeServer([envelope]).start()
    slack.socket_url = server.url
    yield server
    slack.socket_url = None
    server.stop()


def socket_mode(slack: FakeSlack, tmp_path: Path) -> subprocess.Popen[bytes]:
    """`neurips-advisor socket` on the quick start's two tokens (no REDIS_URL: an embedded
    Redis under ``tmp_path``), its log in ``tmp_path / "socket.log"``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "REDIS_"))}
    env.update(
        SLACK_BOT_TOKEN="xoxb-socket",
        SLACK_APP_TOKEN="xapp-1-socket",
        SLACK_API_URL=f"{slack.url}/api/",
        NEURIPS_DATA_DIR=str(tmp_path),
        NEURIPS_LLM="offline",
        NEURIPS_LOG_FORMAT="json",
    )
    with (tmp_path / "socket.log").open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "socket"],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def first_question(
    slack: FakeSlack, proc: subprocess.Popen[bytes], log: Path, since: int = 0
) -> dict[str, Any]:
    """The consultation's first question, once the slash command came over the websocket
    (among the posts after the first ``since``: the fake Slack serves the module)."""

    def asked() -> dict[str, Any] | None:
        assert proc.poll() is None, log.read_text()[-3000:]
        posts = [p for p in slack.calls("chat.postMessage")[since:] if p.get("channel") == "CSOCK"]
        return next((p for p in posts if "1/8" in json.dumps(p)), None)

    return slack.wait_for(asked, timeout=60)  # type: ignore[no-any-return]


def test_socket_mode_runs_on_the_quick_starts_two_tokens(
    slack: FakeSlack, socket_server: SocketModeServer, tmp_path: Path
) -> None:
    log = tmp_path / "socket.log"
    proc = socket_mode(slack, tmp_path)
    try:
        question = first_question(slack, proc, log)
        slack.wait_for(lambda: socket_server.received, timeout=30)  # the ack may come after
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    assert question.get("thread_ts")  # asked in the consultation's thread
    assert {"envelope_id": "env-1"}.items() <= socket_server.received[0].items()  # acked
    assert [t for t, _ in slack.calls_with_token("apps.connections.open")] == ["xapp-1-socket"]
    # every line JSON; Bolt's warning that our client wins over SLACK_BOT_TOKEN (by design) is
    # not among them
    events = [json.loads(x)["event"] for x in log.read_text().splitlines() if x.strip()]
    assert "bootstrap.ready" in events
    assert not [e for e in events if "will be unused" in e]


def test_sigterm_stops_socket_mode_and_the_embedded_redis_it_started(
    slack: FakeSlack, socket_server: SocketModeServer, tmp_path: Path
) -> None:
    """`kill <pid>` of `neurips-advisor socket` ended it at once, and the embedded Redis it had
    started kept running (Ctrl-C stopped both)."""
    before = len(slack.calls("chat.postMessage"))
    proc = socket_mode(slack, tmp_path)
    try:
        first_question(slack, proc, tmp_path / "socket.log", before)
        port = int((tmp_path / "redis" / "redis.port").read_text())
        assert redis.Redis(port=port).ping()
        proc.send_signal(signal.SIGTERM)  # the process alone, as `kill <pid>` does
        assert proc.wait(timeout=30) == 0
        with pytest.raises(redis.ConnectionError):
            redis.Redis(port=port, socket_connect_timeout=1).ping()
        assert not (tmp_path / "redis" / "redis.port").exists()
    finally:
        if proc.poll() is None:
            proc.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # an embedded Redis left behind
        proc.wait(timeout=20)
