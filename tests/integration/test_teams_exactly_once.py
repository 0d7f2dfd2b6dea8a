"""Exactly once, per part, in Teams, with real processes: a report streamed into a personal chat
by a real worker through the local Bot Connector, which fails one of its parts once, or hangs
on one while the worker is killed. Every text still reaches the chat once, and no stream is
left hanging open. No beat runs: the workers sweep for the jobs of dead ones themselves."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from consultations.adapters.celery_queue import QUEUE
from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.catalog import Catalog
from consultations.text import delink
from tests.fakes.anthropic_api import FakeAnthropic
from tests.fakes.bot_connector import FakeConnector
from tests.integration.stack import Stack, claude_env, running
from tests.integration.test_teams import NARRATIVE, activity, consult, consult_last, reports

pytestmark = pytest.mark.slow
SHOWN = delink(NARRATIVE)


@pytest.fixture(scope="module")
def connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        yield fake


@pytest.fixture(scope="module")
def claude() -> Iterator[FakeAnthropic]:
    with FakeAnthropic(("ok", NARRATIVE), tokens_per_s=60) as fake:
        yield fake


@pytest.fixture(scope="module")
def stack(
    redis_server: EmbeddedRedis, connector: FakeConnector, claude: FakeAnthropic, tmp_path_factory
) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    with running(
        redis_server.url,
        10,
        connector.url,
        tmp_path_factory.mktemp("teams-once"),
        NEURIPS_ENV="dev",
        NEURIPS_JOB_LEASE_S="3",  # short leases so the worker-kill case runs in seconds
        NEURIPS_SWEEP_S="1",
        **claude_env(claude.url),
    ) as s:
        yield s


def each_once(connector: FakeConnector, conv: str) -> None:
    """The narrative once (the stream's final message), the report's figures once, every
    message of the chat once, and every stream closed."""
    texts = connector.texts(conv)
    assert sum(SHOWN in t for t in texts) == 1, texts
    assert len(reports(connector, conv)) == 1
    assert len(texts) == len(set(texts)), texts
    streams = connector.streams_in(conv)
    assert [s.final for s in streams] == [SHOWN]


def test_the_figures_failing_once_after_the_stream_are_posted_once(
    stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    conv = "a:once-figures"
    consult(stack, connector, catalog, conv, "aad-once-1", last=False)
    connector.fail_only_containing = "report by"  # the part after the streamed narrative
    connector.fail_with.append(500)  # not a throttle: the attempt fails, Celery retries it
    try:
        consult_last(stack, connector, catalog, conv, "aad-once-1")
        connector.wait_for(lambda: reports(connector, conv), timeout=40)
    finally:
        connector.fail_only_containing = ""
    time.sleep(1)  # any repeat would be out by now
    assert not connector.fail_with
    each_once(connector, conv)


@pytest.mark.parametrize("last", [False, True])
def test_a_stream_part_failing_once_leaves_one_narrative_and_no_open_stream(
    stack: Stack, connector: FakeConnector, catalog: Catalog, last: bool
) -> None:
    """The Bot Connector fails the first growing update of the stream (its second part) once;
    or (``last``) the first part carrying the narrative's end, the message ending the stream
    most often, which Teams shows though its answer is an error. Before, the first stopped the
    stream, hanging open with the first words, and the narrative was posted again in full as an
    ordinary message below it; the second posted it again under the closed stream."""
    conv = f"a:once-chunk-{last}"
    consult(stack, connector, catalog, conv, f"aad-once-2{last}", last=False)
    if last:
        connector.fail_only_containing = "a takedown."
        connector.fail_after_taking.append(500)
    else:
        connector.fail_only_containing = "In short"  # every update of the stream carries it
        connector.fail_with.append(500)
    try:
        consult_last(stack, connector, catalog, conv, f"aad-once-2{last}")
        connector.wait_for(lambda: reports(connector, conv), timeout=40)
    finally:
        connector.fail_only_containing = ""
    time.sleep(1)
    assert not connector.fail_with and not connector.fail_after_taking  # it failed once
    each_once(connector, conv)


def test_the_worker_killed_while_a_part_hangs_posts_each_once(
    stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    """The connector hangs on the figures after the streamed narrative and the worker is
    killed meanwhile; the sweep gives the report to a new worker, which posts only what is
    missing."""
    conv = "a:once-killed"
    consult(stack, connector, catalog, conv, "aad-once-3", last=False)
    connector.stall("report by", 8)
    consult_last(stack, connector, catalog, conv, "aad-once-3")
    connector.wait_for(lambda: connector.stalled, timeout=40)
    for w in list(stack.workers):
        if w.poll() is None:
            stack.kill(w)
    stack.start_worker("after-kill")
    connector.wait_for(lambda: reports(connector, conv), timeout=60)
    time.sleep(2)
    each_once(connector, conv)
    again = activity(connector, "status", "aad-once-3", conv)  # the chat goes on as before
    stack.http.post("/api/messages", json=again)
    connector.wait_for(lambda: any("Your consultations" in t for t in connector.texts(conv)))


def test_a_report_given_up_says_what_to_type_in_teams(
    redis_server: EmbeddedRedis, connector: FakeConnector, catalog: Catalog, tmp_path: Path
) -> None:
    """Every worker writing it died: the note in the Teams chat said 'try `/neurips resume`
    later', a Slack command Teams does not have (and `resume` finds nothing in progress)."""
    s = Stack(
        redis_server.url,
        11,
        connector.url,
        tmp_path,
        NEURIPS_ENV="dev",
        NEURIPS_JOB_START_GRACE_S="2",
        NEURIPS_SWEEP_S="1",
    )
    r = redis.Redis.from_url(s.redis_url)
    r.flushdb()
    conv = "a:given-up"
    try:
        s.start_server()
        consult(s, connector, catalog, conv, "aad-given-up", last=False)
        consult_last(s, connector, catalog, conv, "aad-given-up")
        connector.wait_for(lambda: r.llen(QUEUE) == 1, timeout=20)
        r.delete(QUEUE)  # lost…
        (job,) = r.hkeys("na:{jobs}:spec")
        r.hset("na:{jobs}:sweeps", job, 5)  # …as it was four times before: the workers died
        s.start_worker()
        (told,) = connector.wait_for(
            lambda: [t for t in connector.texts(conv) if "could not be written" in t], timeout=30
        )
        assert "/neurips" not in told and told.endswith(
            "Type `restart`, then `undo`: your answers come back and it is written again."
        )
    finally:
        s.stop()


def test_the_worker_killed_mid_stream_finishes_the_stream_with_the_whole_report(
    stack: Stack, connector: FakeConnector, claude: FakeAnthropic, catalog: Catalog
) -> None:
    """Claude stops mid-sentence and the worker streaming it is killed. Before, the stream stayed
    in the chat showing its first words, a note said it was cut off and the report followed
    whole below it; now the next worker ends that stream with the whole narrative, so the chat
    shows the report once, and only its figures follow."""
    conv = "a:once-mid-stream"
    consult(stack, connector, catalog, conv, "aad-once-4", last=False)
    release = claude.pause_after(400)  # the first words shown, perhaps
    try:
        consult_last(stack, connector, catalog, conv, "aad-once-4")
        connector.wait_for(lambda: claude.paused.is_set(), timeout=40)
        (stream,) = connector.wait_for(lambda: connector.streams_in(conv), timeout=20)
        for w in list(stack.workers):
            if w.poll() is None:
                stack.kill(w)
    finally:
        release.set()
    assert stream.final is None and SHOWN.startswith(stream.shown) and stream.shown != SHOWN
    stack.start_worker("after-stream-kill")
    connector.wait_for(lambda: reports(connector, conv), timeout=60)
    time.sleep(2)
    assert not [t for t in connector.texts(conv) if "cut off" in t]
    each_once(connector, conv)
    assert connector.streams_in(conv) == [stream]  # not streamed a second time


def test_the_worker_killed_after_teams_took_the_streams_end_posts_the_narrative_once(
    stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    """Teams took the message that ends the stream, and the worker was killed before its answer
    came back (so before it was recorded). Before, the next worker said the stream was cut off
    and posted the narrative again in full below it; now it finds the stream ended and posts
    only what is missing."""
    conv = "a:once-final-taken"
    consult(stack, connector, catalog, conv, "aad-once-5", last=False)
    connector.stall_taken("a takedown.", 8)
    stalled = len(connector.stalled)
    consult_last(stack, connector, catalog, conv, "aad-once-5")
    connector.wait_for(lambda: len(connector.stalled) > stalled, timeout=40)
    (stream,) = connector.streams_in(conv)
    assert stream.final == SHOWN  # Teams shows the whole narrative: the stream has ended
    for w in list(stack.workers):
        if w.poll() is None:
            stack.kill(w)
    stack.start_worker("after-final-kill")
    connector.wait_for(lambda: reports(connector, conv), timeout=60)
    time.sleep(2)
    assert not [t for t in connector.texts(conv) if "cut off" in t]
    each_once(connector, conv)
