"""Exactly once for the parts a retry used to post again, with real processes (server, worker,
Redis, the local Slack and Messages API servers): the worker is SIGKILLed (its process group)
while Slack holds its answer to the start or the stop of a streamed report, to the "cut off"
note, or to the creation of the report's canvas, or while a start hangs that never takes
effect; or Slack stops the stream and answers an error. After the sweep hands the job to a new
worker, the thread shows each once and the user has one canvas."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.catalog import Catalog
from tests.fakes.anthropic_api import FakeAnthropic
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack, claude_env, running
from tests.integration.test_exactly_once import kill_while_held, kill_workers
from tests.integration.test_recovery import answer_all, start
from tests.integration.test_slack import block_text
from tests.integration.test_slack_stream import NARRATIVE, headers

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stack(redis_server: EmbeddedRedis, slack: FakeSlack, tmp_path_factory) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    with (
        FakeAnthropic(("ok", NARRATIVE), tokens_per_s=100) as claude,
        running(  # no beat: recovery must not need one
            redis_server.url,
            13,
            slack.url,
            tmp_path_factory.mktemp("once-streams"),
            **claude_env(claude.url),
            NEURIPS_JOB_LEASE_S="3",  # short leases: the killed worker's job is swept in seconds
            NEURIPS_SWEEP_S="1",
        ) as s,
    ):
        yield s


def report_out(stack: Stack, slack: FakeSlack, catalog: Catalog, user: str, channel: str) -> str:
    """A consultation answered; returns its thread (the report is being written)."""
    thread = start(stack, slack, user, "3", channel)
    answer_all(stack, slack, catalog, "edge-economics", user, channel, thread)
    return thread


def ready(slack: FakeSlack, channel: str) -> list[dict[str, Any]]:
    """The progress message turned "ready": the last part of a report is out."""
    return slack.wait_for(
        lambda: [u for u in slack.calls("chat.update") if u["channel"] == channel], timeout=90
    )


def notes(slack: FakeSlack, channel: str, thread: str) -> list[dict[str, Any]]:
    return [p for p in slack.thread(channel, thread) if "cut off" in (p.get("text") or "")]


def test_a_worker_killed_after_slack_took_the_cut_off_note_posts_it_once(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    slack.fail("chat.stopStream", error="message_not_in_streaming_state")  # cut off
    slack.hold("chat.postMessage", lambda p: "cut off" in (p.get("text") or ""), 20)
    thread = report_out(stack, slack, catalog, "U71", "CU")
    kill_while_held(stack, slack, "chat.postMessage", "CU", "after-note")
    ready(slack, "CU")
    time.sleep(2)
    (shown,) = slack.streamed("CU", thread)
    assert 0 < len(shown["text"]) < len(NARRATIVE)  # part of it was shown
    assert len(notes(slack, "CU", thread)) == 1
    (report,) = headers(slack, "CU", thread)
    assert "What would change this" in block_text(report)  # then the whole report, once


def test_workers_killed_waiting_for_the_stream_stop_then_the_canvas_leave_one_of_each(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    """Slack stops the stream (the narrative stands whole), then makes the canvas, but each
    time the worker dies before the answer: the next finds the stop by its metadata (so no
    "cut off" note, and only the figures follow), the one after finds the canvas (the bot's
    files since the in-flight mark, this title, this consultation's text; two earlier canvases
    share the title) and shares and links it. The user has one streamed report, one canvas."""
    before, made = set(slack.canvases), len(slack.calls("canvases.create"))
    slack.hold("chat.stopStream", lambda p: p.get("channel") == "CT", 20)
    thread = report_out(stack, slack, catalog, "U70", "CT")
    kill_while_held(stack, slack, "chat.stopStream", "CT", "after-stop")
    slack.hold("canvases.create", lambda p: True, 20)
    slack.wait_for(lambda: [m for m, _ in slack.held if m == "canvases.create"], timeout=90)
    kill_workers(stack)
    stack.start_worker("after-canvas")
    ready(slack, "CT")
    time.sleep(2)  # any duplicate would be out by now
    (shown,) = slack.streamed("CT", thread)  # one streamed message, stopped, whole
    assert shown["state"] == "stopped" and shown["text"] == NARRATIVE
    assert notes(slack, "CT", thread) == []
    (report,) = headers(slack, "CT", thread)
    text = block_text(report)
    assert "$40,500" in text and "Start with one model" not in text  # the figures, once
    assert len(slack.calls("canvases.create")) == made + 1
    (canvas,) = set(slack.canvases) - before
    links = [p for p in slack.thread("CT", thread) if "canvas" in (p.get("text") or "")]
    assert len(links) == 1 and links[0]["text"].endswith(f"/{canvas}")
    shared = [s for s in slack.calls("canvases.access.set") if s["canvas_id"] == canvas]
    assert shared and shared[-1]["user_ids"] == "U70"
    assert slack.calls("files.list") and slack.calls("canvases.sections.lookup")


def test_a_worker_killed_waiting_for_the_stream_start_leaves_one_stream_closed(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    """Slack starts the stream but the worker dies before the answer (no ts recorded): the next
    finds the stream in the thread (its mark: the time and its first words), closes it, says
    once it was cut off, and posts the report whole. Before: the message stayed streaming."""
    slack.hold("chat.startStream", lambda p: p.get("channel") == "CV", 20)
    thread = report_out(stack, slack, catalog, "U72", "CV")
    kill_while_held(stack, slack, "chat.startStream", "CV", "after-start")
    ready(slack, "CV")
    time.sleep(2)
    (shown,) = slack.streamed("CV", thread)  # no second stream
    assert shown["state"] == "stopped" and 0 < len(shown["text"]) < len(NARRATIVE)
    assert len(notes(slack, "CV", thread)) == 1
    (report,) = headers(slack, "CV", thread)
    assert "What would change this" in block_text(report)


def test_a_worker_killed_before_its_stream_start_reached_slack_streams_on_the_retry(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    """The start hangs and never takes effect; the worker dies meanwhile. The retry finds no
    stream in the thread, so nothing was shown: it streams the narrative as if first, with no
    "cut off" note. Before: a note that the stream was cut off (none was shown), then the
    report whole."""
    slack.fail("chat.startStream", delay=8)  # hangs, then fails: nothing is started

    def hanging() -> bool:
        return any(
            r.path == "/api/chat.startStream" and r.params.get("channel") == "CW"  # type: ignore[attr-defined]
            for r in list(slack.requests)
        )

    thread = report_out(stack, slack, catalog, "U74", "CW")
    slack.wait_for(hanging, timeout=90)
    kill_workers(stack)
    stack.start_worker("after-hang")
    ready(slack, "CW")
    time.sleep(2)
    (shown,) = slack.streamed("CW", thread)
    assert shown["state"] == "stopped" and shown["text"] == NARRATIVE
    assert notes(slack, "CW", thread) == []
    (report,) = headers(slack, "CW", thread)
    assert "$40,500" in block_text(report) and "Start with one model" not in block_text(report)


def test_a_stream_stop_slack_carried_out_but_answered_with_an_error_is_not_called_cut_off(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    """Slack stops the stream (the narrative stands whole) but answers internal_error: the
    worker finds the stop in the thread by its metadata, so only the figures follow. Before:
    a note that the stream was cut off, then the whole narrative a second time."""
    slack.fail("chat.stopStream", error="internal_error", after=True)
    thread = report_out(stack, slack, catalog, "U77", "CX")
    ready(slack, "CX")
    time.sleep(2)
    (shown,) = slack.streamed("CX", thread)
    assert shown["state"] == "stopped" and shown["text"] == NARRATIVE
    assert notes(slack, "CX", thread) == []
    (report,) = headers(slack, "CX", thread)
    assert "$40,500" in block_text(report) and "Start with one model" not in block_text(report)
