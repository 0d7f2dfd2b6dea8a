"""Streamed reports end to end: our real server and worker processes, a real Redis, the local
Slack API server (chat.startStream/appendStream/stopStream) and the local Messages API server
streaming Claude's text at a realistic rate."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.catalog import Catalog
from tests.fakes.anthropic_api import FakeAnthropic
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack, claude_env, running
from tests.integration.test_slack import answer_and_wait, block_text, start
from tests.integration.test_slack_agent import calls_in, say, thread_started
from tests.unit.test_engine import typical

pytestmark = pytest.mark.slow

NARRATIVE = (
    "**Verdict: run it locally — a pilot first.** About $40.5k a month on the API against "
    "about $2,833 locally; break-even near 350,000 requests, at 5,000,000 a month today.\n\n"
    "- Start with one model on one device class and measure it.\n"
    "- Keep the API as the fallback while the pilot runs.\n"
    "- What would change this: traffic falling well under the break-even."
)


@pytest.fixture(scope="module")
def claude() -> Iterator[FakeAnthropic]:
    with FakeAnthropic(("ok", NARRATIVE), tokens_per_s=50) as fake:
        yield fake


@pytest.fixture(scope="module")
def stack(
    redis_server: EmbeddedRedis, slack: FakeSlack, claude: FakeAnthropic, tmp_path_factory
) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    with running(
        redis_server.url,
        2,
        slack.url,
        tmp_path_factory.mktemp("stream-stack"),
        **claude_env(claude.url),
    ) as s:
        yield s


def headers(slack: FakeSlack, channel: str, thread: str) -> list[dict[str, Any]]:
    return [
        p
        for p in slack.thread(channel, thread)
        if (p.get("blocks") or [{}])[0].get("type") == "header"
    ]


def consult(stack: Stack, slack: FakeSlack, catalog: Catalog, user: str, channel: str) -> str:
    """A whole edge-economics consultation; returns its thread once the report is out."""
    thread = start(stack, slack, user, "3", channel=channel)
    for q in catalog.by_slug("edge-economics").questions:
        answer_and_wait(stack, slack, user, channel, thread, typical(q))
    slack.wait_for(lambda: headers(slack, channel, thread), timeout=60)
    slack.wait_for(lambda: [u for u in slack.calls("chat.update") if "ready" in u.get("text", "")])
    time.sleep(2)  # long enough for a duplicate to show up, if there were one
    return thread


def posted_at(slack: FakeSlack, channel: str, thread: str) -> float:
    return next(
        r.at
        for r in slack.requests
        if r.path == "/api/chat.postMessage"
        and getattr(r, "params", {}).get("thread_ts") == thread
        and (r.params.get("blocks") or [{}])[0].get("type") == "header"  # type: ignore[attr-defined]
    )


def test_the_narrative_streams_into_the_thread_and_the_figures_follow_once(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    slack.reset()
    thread = consult(stack, slack, catalog, "U21", "C21")
    (shown,) = slack.streamed("C21", thread)  # one streamed message, in the right thread
    assert shown["text"] == NARRATIVE and shown["state"] == "stopped"
    assert (shown["recipient_user_id"], shown["recipient_team_id"]) == ("U21", "T1")
    methods = [m for m, _ in shown["calls"]]
    assert methods[0] == "chat.startStream" and methods[-1] == "chat.stopStream"
    assert methods.count("chat.appendStream") >= 1  # it grew while Claude wrote it (~1.7 s)
    assert shown["calls"][-1][1] - shown["calls"][0][1] > 1.0
    (report,) = headers(slack, "C21", thread)  # exactly once
    text = block_text(report)
    assert "Report by Claude (claude-" in report["blocks"][1]["elements"][0]["text"]
    assert "$40,500" in text and "as computed" in text  # the computed figures follow
    assert "Start with one model" not in text  # the narrative is not posted twice
    assert posted_at(slack, "C21", thread) > shown["calls"][-1][1]  # right after the stream
    assert len(slack.calls("files.completeUploadExternal")) == 1  # the chart, once


def test_in_the_agent_dm_the_narrative_streams_into_its_thread_while_the_status_says_so(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    """The agent (assistant) DM thread: the consultation runs there, "writing your report…"
    shows while Claude writes, the narrative streams into that thread, the figures follow."""
    slack.reset()
    script = catalog.by_slug("edge-economics")
    ch, ts = "D26", "1800000026.000100"
    assert stack.event(thread_started("U26", ch, ts)).status_code == 200
    slack.wait_for(lambda: calls_in(slack, "assistant.threads.setSuggestedPrompts", ch, ts))
    say(stack, slack, "U26", ch, ts, "consult 3")
    for q in script.questions:
        say(stack, slack, "U26", ch, ts, typical(q))
    slack.wait_for(lambda: headers(slack, ch, ts), timeout=60)
    time.sleep(1)  # a duplicate would show up now
    (shown,) = slack.streamed(ch, ts)  # into the agent thread itself, once
    assert shown["text"] == NARRATIVE and shown["state"] == "stopped"
    assert (shown["recipient_user_id"], shown["recipient_team_id"]) == ("U26", "T1")
    methods = [m for m, _ in shown["calls"]]
    assert methods[0] == "chat.startStream" and methods.count("chat.appendStream") >= 1
    writing = [
        r.at
        for r in slack.requests
        if r.path == "/api/assistant.threads.setStatus"
        and r.params.get("channel_id") == ch  # type: ignore[attr-defined]
        and r.params.get("status") == "writing your report…"  # type: ignore[attr-defined]
    ]
    assert len(writing) == 1 and writing[0] < shown["calls"][0][1]  # said before it streamed
    (report,) = headers(slack, ch, ts)  # then the computed figures, once, in the same thread
    text = block_text(report)
    assert "$40,500" in text and "as computed" in text and "Start with one model" not in text
    assert posted_at(slack, ch, ts) > shown["calls"][-1][1]
    assert not [p for p in slack.thread(ch, ts) if "cut off" in (p.get("text") or "")]


def test_slack_refusing_the_stream_posts_the_report_the_old_way_once(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    slack.reset()
    slack.refuse["chat.startStream"] = "not_allowed"  # as where Slack offers no streaming
    thread = consult(stack, slack, catalog, "U22", "C22")
    assert slack.streamed("C22", thread) == []
    assert [r for r in slack.requests if r.path == "/api/chat.startStream"]  # it was refused
    (report,) = headers(slack, "C22", thread)
    text = block_text(report)
    assert "Start with one model" in text and "run it locally" in text
    assert not [p for p in slack.thread("C22", thread) if "cut off" in (p.get("text") or "")]


def test_a_stream_cut_off_midway_says_so_once_and_posts_the_whole_report_once(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    slack.reset()
    slack.fail("chat.appendStream", on_call=2, error="message_not_in_streaming_state")
    thread = consult(stack, slack, catalog, "U23", "C23")
    (shown,) = slack.streamed("C23", thread)
    assert 0 < len(shown["text"]) < len(NARRATIVE)  # part of it was shown
    notes = [p for p in slack.thread("C23", thread) if "cut off" in (p.get("text") or "")]
    assert len(notes) == 1
    (report,) = headers(slack, "C23", thread)
    text = block_text(report)
    assert "Start with one model" in text and "What would change this" in text  # all of it


def test_a_streamed_narrative_with_invented_figures_is_followed_by_the_computed_report(
    stack: Stack, slack: FakeSlack, claude: FakeAnthropic, catalog: Catalog
) -> None:
    slack.reset()
    invented = "**Verdict: run it locally.** The API costs $12,000 a month; you save 85% locally."
    claude.behaviours = deque([("ok", invented)])
    try:
        thread = consult(stack, slack, catalog, "U24", "C24")
    finally:
        claude.behaviours = deque([("ok", NARRATIVE)])
    (shown,) = slack.streamed("C24", thread)
    assert shown["text"].startswith(invented)  # shown as it was written, then marked
    assert "the report below replaces this text" in shown["text"]
    assert shown["state"] == "stopped"
    (report,) = headers(slack, "C24", thread)
    text = block_text(report)
    assert "did not compute" in text and "$12,000" in text  # it says why
    assert "$40,500" in text and "349,800" in text  # and carries the computed report


def test_a_worker_killed_mid_stream_leaves_one_cut_off_note_and_one_whole_report(
    redis_server: EmbeddedRedis, slack: FakeSlack, catalog: Catalog, tmp_path: Path
) -> None:
    slack.reset()
    with FakeAnthropic(("ok", NARRATIVE), tokens_per_s=15) as slow:  # ~6 s of streaming
        s = Stack(
            redis_server.url,
            1,
            slack.url,
            tmp_path,
            **claude_env(slow.url),
            NEURIPS_JOB_LEASE_S="4",
            NEURIPS_SWEEP_S="1",
        )
        redis.Redis.from_url(s.redis_url).flushdb()
        try:
            s.start_beat()
            (doomed,) = s.start("doomed")
            thread = start(s, slack, "U25", "3", channel="C25")
            questions = catalog.by_slug("edge-economics").questions
            for q in questions:
                answer_and_wait(s, slack, "U25", "C25", thread, typical(q))
            slack.wait_for(lambda: [x for x in slack.streamed("C25", thread) if x["text"]])
            s.kill(doomed)  # mid-stream: the message is half written
            s.start_worker("survivor")
            slack.wait_for(lambda: headers(slack, "C25", thread), timeout=60)
            time.sleep(3)  # a duplicate would show up now
        finally:
            s.stop()
    (shown,) = slack.streamed("C25", thread)  # no second stream
    assert shown["text"] and len(shown["text"]) < len(NARRATIVE)
    notes = [p for p in slack.thread("C25", thread) if "cut off" in (p.get("text") or "")]
    assert len(notes) == 1
    (report,) = headers(slack, "C25", thread)
    assert "What would change this" in block_text(report)  # the whole report, once
