"""A streamed report's start, exactly once, over real HTTP to the Slack fake and a real Redis.

``chat.startStream`` takes no metadata, so its in-flight mark notes when it was called and the
letters its first text begins with. A start Slack carried out whose answer was lost, or was an
error, is found in the thread and the stream goes on (one streamed message, whole); a retry
after the worker died there finds it the same way (``SlackGateway.stream_started``), and one
whose start never reached Slack finds nothing, so it streams as if first."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import redis
from slack_sdk import WebClient

from consultations.adapters.checkpoints import PENDING, RedisParts
from consultations.adapters.slack.gateway import SlackGateway
from consultations.adapters.slack.parts import stream_mark
from consultations.adapters.slack.stream import SlackReportStream
from consultations.ports import STREAM_OPENED
from consultations.state import Consultation, Owner
from tests.fakes.slack_api import FakeSlack

WORDS = [f"Verdict{n}: run it locally. " if n == 0 else f"word{n} " for n in range(12)]


@pytest.fixture
def client(slack: FakeSlack) -> WebClient:
    slack.reset()
    return WebClient(token="xoxb-fake", base_url=f"{slack.url}/api/", timeout=1)


def thread(client: WebClient, channel: str) -> str:
    return str(client.chat_postMessage(channel=channel, text="started *Edge economics*")["ts"])


def streamed_report(client: WebClient, channel: str, top: str, parts: RedisParts) -> bool:
    stream = SlackReportStream(
        client, channel, top, recipient_user_id="U1", recipient_team_id="T1", parts=parts,
        interval_s=0,
    )  # fmt: skip
    for w in WORDS:
        stream.append(w)
    return stream.finish()


@pytest.mark.parametrize(
    "lose",
    [
        pytest.param(lambda s: s.hold("chat.startStream", lambda p: True, 1.5), id="answer-lost"),
        pytest.param(lambda s: s.fail("chat.startStream", after=True), id="error-after-start"),
    ],
)
def test_a_start_slack_carried_out_whose_answer_failed_goes_on_as_one_stream(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis, lose
) -> None:
    """Before: the lost answer failed the attempt (or the error counted as refused), the stream
    stayed open with its first words, and the report followed whole: those words twice."""
    top = thread(client, "CS1")
    lose(slack)
    parts = RedisParts(redis_client, "na:parts:start:1")
    assert streamed_report(client, "CS1", top, parts)
    (shown,) = slack.streamed("CS1", top)
    assert shown["state"] == "stopped" and shown["text"] == "".join(WORDS)
    assert parts.posted(STREAM_OPENED) == next(iter(slack.streams))
    assert slack.calls("conversations.replies")  # looked for, and found


def test_a_start_slack_refused_is_not_looked_for(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    top = thread(client, "CS2")
    slack.refuse["chat.startStream"] = "not_allowed"  # a sure refusal: nothing was shown
    assert not streamed_report(client, "CS2", top, RedisParts(redis_client, "na:parts:start:2"))
    assert slack.streamed("CS2", top) == [] and not slack.calls("conversations.replies")


def consultation(channel: str, top: str, progress: str | None = None) -> Consultation:
    location = {"channel": channel, "thread_ts": top} | (
        {"progress_ts": progress} if progress else {}
    )
    now = datetime.now(UTC)
    return Consultation(
        id="cstream1", owner=Owner(platform="slack", workspace="T1", user="U1"),
        slug="edge-economics", location=location, created_at=now, updated_at=now,
    )  # fmt: skip


def test_a_retry_finds_the_stream_a_dead_worker_started_and_nothing_else(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    """The thread as a worker left it that died waiting for chat.startStream's answer: the
    questions before, the progress message, the stream (its first words only). The retry finds
    the stream, not the bot's other messages; with another start's mark, or before anything
    reached Slack, it finds nothing (and streams as if first)."""
    gateway = SlackGateway(lambda team: client)
    top = thread(client, "CS3")
    client.chat_postMessage(channel="CS3", thread_ts=top, text="How many requests a month?")
    mark = stream_mark("**Verdict: run it locally")
    assert gateway.stream_started(consultation("CS3", top), mark) is None  # not started yet
    progress = str(
        client.chat_postMessage(channel="CS3", thread_ts=top, text="Writing your report ⏳")["ts"]
    )
    started = client.chat_startStream(
        channel="CS3", thread_ts=top, markdown_text="**Verdict: run it locally",
        recipient_user_id="U1", recipient_team_id="T1",
    )  # fmt: skip
    c = consultation("CS3", top, progress)
    assert gateway.stream_started(c, mark) == started["ts"]
    assert gateway.stream_started(c, stream_mark("Something else entirely")) is None
    slack.refuse["conversations.replies"] = "missing_scope:groups:history"
    assert gateway.stream_started(c, mark) == "?"  # cannot tell: counted as shown


def test_the_mark_is_noted_before_the_start_and_the_stream_after(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    top = thread(client, "CS4")
    parts = RedisParts(redis_client, "na:parts:start:4")
    assert streamed_report(client, "CS4", top, parts)
    again = RedisParts(redis_client, parts.key)
    assert again.posted(PENDING + STREAM_OPENED) and again.posted(STREAM_OPENED)
