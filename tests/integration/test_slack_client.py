"""The workers' Slack client over real HTTP to the local Slack API: one kept-alive connection
for many calls and tokens, slack_sdk's errors and retries as before, and a connection the
server closed while idle replaced without the caller noticing."""

from __future__ import annotations

import asyncio
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pydantic import SecretStr
from slack_sdk.errors import SlackApiError

from consultations.adapters.settings import Settings
from consultations.adapters.slack.client import async_client, web_client
from tests.fakes.slack_api import FakeSlack


def settings(url: str) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None, slack_bot_token=SecretStr("xoxb-fake"), slack_api_url=f"{url}/api/"
    )


def test_many_posts_and_tokens_share_one_connection(slack: FakeSlack) -> None:
    slack.reset()
    before = slack.connections
    s = settings(slack.url)
    one, other = web_client(s), web_client(s, "xoxb-other")  # two workspaces' clients
    for i in range(10):
        client = one if i % 2 else other
        assert client.chat_postMessage(channel="C1", text=f"post {i}")["ok"]
    assert slack.connections - before <= 1  # kept alive, whoever posts
    tokens = [t for t, _ in slack.calls_with_token("chat.postMessage")]
    assert tokens == ["xoxb-other", "xoxb-fake"] * 5  # each call with its own token
    assert [p["text"] for p in slack.calls("chat.postMessage")] == [f"post {i}" for i in range(10)]


def test_errors_and_retries_behave_as_slack_sdk_does(slack: FakeSlack) -> None:
    slack.reset()
    client = web_client(settings(slack.url))
    slack.rate_limited["chat.postMessage"] = 1
    slack.retry_after = 0
    assert client.chat_postMessage(channel="C1", text="after a 429")["ok"]  # retried
    assert len(slack.calls("chat.postMessage")) == 1
    slack.fail("chat.update", error="message_not_found")
    with pytest.raises(SlackApiError) as e:
        client.chat_update(channel="C1", ts="1.1", text="x")
    assert e.value.response["error"] == "message_not_found"


def test_the_servers_lean_post_behaves_as_slack_sdk_does(slack: FakeSlack) -> None:
    """post_json (the server's answer in a thread): the client's token, a 429 waited out and
    sent again once, an error raised as slack_sdk raises it, over one kept-alive connection."""
    slack.reset()
    before = slack.connections

    async def calls() -> tuple[dict, SlackApiError]:
        client = async_client(settings(slack.url))
        try:
            slack.rate_limited["chat.postMessage"] = 1
            slack.retry_after = 0
            posted = await client.post_json("chat.postMessage", {"channel": "C1", "text": "hi"})
            slack.fail("chat.postMessage", error="is_archived")
            with pytest.raises(SlackApiError) as e:
                await client.post_json("chat.postMessage", {"channel": "C1", "text": "x"})
            return posted, e.value
        finally:
            assert client.session is not None
            await client.session.close()

    posted, error = asyncio.run(calls())
    assert posted["ok"] and posted["ts"]
    assert slack.calls_with_token("chat.postMessage") == [
        ("xoxb-fake", {"channel": "C1", "text": "hi"})
    ]
    assert error.response["error"] == "is_archived"
    assert slack.connections - before <= 1


class _ClosesWhenIdle(BaseHTTPRequestHandler):
    """Answers one request per connection and then closes it without saying so, as a
    server does to an idle keep-alive connection it times out."""

    protocol_version = "HTTP/1.1"
    connections = 0

    def setup(self) -> None:
        type(self).connections += 1
        super().setup()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"ok": true, "ts": "1.1"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def log_message(self, *args: object) -> None:
        pass


def test_a_connection_closed_while_idle_is_replaced() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ClosesWhenIdle)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host, port = server.server_address[:2]
        client = web_client(settings(f"http://{host}:{port}"))
        for _ in range(3):
            assert client.chat_postMessage(channel="C1", text="hello")["ok"]
        assert _ClosesWhenIdle.connections == 3  # each call found its connection closed
    finally:
        server.shutdown()
        server.server_close()


class _TakesThenDrops(BaseHTTPRequestHandler):
    """Reads the post (as Slack would, and keeps it) and drops the connection before answering."""

    protocol_version = "HTTP/1.1"
    received = 0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).received += 1
        self.close_connection = True  # no answer: the client sees the connection go

    def log_message(self, *args: object) -> None:
        pass


def test_a_post_whose_answer_is_lost_is_not_sent_again_by_the_client() -> None:
    """The server may have accepted it: the job's retry looks for it by its metadata instead
    of the client posting it twice."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _TakesThenDrops)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host, port = server.server_address[:2]
        client = web_client(settings(f"http://{host}:{port}"))
        with pytest.raises(OSError):
            client.chat_postMessage(channel="C1", text="once")
        assert _TakesThenDrops.received == 1
    finally:
        server.shutdown()
        server.server_close()
