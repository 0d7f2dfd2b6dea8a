"""Exactly once, per part, with real processes: Slack fails a call in the middle of a report, a
digest or a triage result, or the worker dies between two parts, or right after Slack accepted
a part (before its checkpoint), and every text still appears in its thread once. No beat runs:
the workers sweep for the jobs of dead ones themselves."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from consultations.adapters.embedded_redis import EmbeddedRedis, free_port
from consultations.catalog import Catalog
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack, reap, running
from tests.integration.test_recovery import answer_all, reports, start
from tests.integration.test_triage_sources import Recorded200

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def arxiv() -> Iterator[Recorded200]:
    with Recorded200() as fake:
        yield fake


@pytest.fixture(scope="module")
def stack(
    redis_server: EmbeddedRedis, slack: FakeSlack, arxiv: Recorded200, tmp_path_factory
) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    with running(  # no beat: recovery must not need one
        redis_server.url,
        12,
        slack.url,
        tmp_path_factory.mktemp("once-stack"),
        ARXIV_API_URL=f"{arxiv.url}/api/query",
        NEURIPS_JOB_LEASE_S="3",  # short leases so the worker-kill case runs in seconds
        NEURIPS_SWEEP_S="1",
    ) as s:
        yield s


def failed(slack: FakeSlack, method: str, channel: str) -> int:
    """How many calls of ``method`` to ``channel`` the fake failed on purpose."""
    return sum(
        1
        for r in slack.requests
        if r.path == f"/api/{method}"
        and not r.ok  # type: ignore[attr-defined]
        and channel in (r.params.get("channel"), r.params.get("channel_id"))  # type: ignore[attr-defined]
    )


def kill_workers(stack: Stack) -> None:
    for w in list(stack.workers):
        if w.poll() is None:
            stack.kill(w)


def kill_while_held(stack: Stack, slack: FakeSlack, method: str, channel: str, then: str) -> None:
    """Once Slack has carried out the held call of ``method`` to ``channel``, kill every
    worker (the one waiting for the answer dies without it) and start ``then``."""

    def held() -> bool:
        return any(
            m == method and channel in (p.get("channel"), p.get("channel_id"))
            for m, p in slack.held
        )

    slack.wait_for(held, timeout=90)
    kill_workers(stack)
    stack.start_worker(then)


def texts(posts: list[dict]) -> list[str]:
    return [str(p.get("blocks") or p.get("text")) for p in posts]


def test_a_failed_chart_upload_posts_the_report_once(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    thread = start(stack, slack, "U50", "3", "CE")
    slack.fail("files.completeUploadExternal")  # the chart fails once, after the message is out
    slack.fail("chat.update")  # and then the progress update, once
    answer_all(stack, slack, catalog, "edge-economics", "U50", "CE", thread)
    slack.wait_for(
        lambda: [u for u in slack.calls("chat.update") if u["channel"] == "CE"], timeout=60
    )
    time.sleep(3)  # any duplicate would be out by now
    assert len(reports(slack, "CE", thread)) == 1
    body = texts(slack.thread("CE", thread))
    assert len(body) == len(set(body))  # every message of the thread once
    assert len(slack.calls("files.completeUploadExternal")) == 1
    assert failed(slack, "files.completeUploadExternal", "CE") == 1
    assert failed(slack, "chat.update", "CE") == 1  # both failures happened, and were retried
    ready = [u for u in slack.calls("chat.update") if u["channel"] == "CE"]
    assert len(ready) == 1 and "ready" in ready[0]["text"]


def digest_posts(slack: FakeSlack, channel: str) -> tuple[list[dict], list[dict]]:
    posts = slack.requests_with_ts()
    heads = [p for p in posts if p["channel"] == channel and not p.get("thread_ts")]
    heads = [p for p in heads if "Research digest" in p.get("text", "")]
    items = [p for p in posts if heads and p.get("thread_ts") == heads[0]["ts"]]
    return heads, items


def subscribe_and_post_now(stack: Stack, slack: FakeSlack, user: str, channel: str) -> None:
    url = f"{slack.url}/response/{channel}"
    stack.command(
        f"digest subscribe <#{channel}|c> monday 09:00 UTC", user, channel, response_url=url
    )
    slack.wait_for(lambda: any("Subscribed" in r.get("text", "") for r in slack.responses(channel)))
    stack.command("digest now", user, channel, response_url=url)


def test_a_post_failing_on_the_third_part_leaves_each_digest_item_once(
    stack: Stack, slack: FakeSlack
) -> None:
    slack.fail("chat.postMessage", on_call=3)  # header, item 1, then item 2 fails once
    subscribe_and_post_now(stack, slack, "U51", "CG")
    slack.wait_for(lambda: len(digest_posts(slack, "CG")[1]) >= 5, timeout=60)
    time.sleep(3)
    heads, items = digest_posts(slack, "CG")
    assert len(heads) == 1 and len(items) == 5
    assert len({p["text"] for p in items}) == 5
    assert failed(slack, "chat.postMessage", "CG") == 1


def test_a_failed_triage_result_post_is_retried_and_posted_once(
    stack: Stack, slack: FakeSlack
) -> None:
    # the server posts the progress message (call 1); the worker's results post (call 2) fails
    slack.fail("chat.postMessage", on_call=2)
    stack.command("triage 2505.06708 2501.00001", "U52", "CH")
    done = slack.wait_for(
        lambda: [
            u for u in slack.calls("chat.update") if u["channel"] == "CH" and "✅" in u["text"]
        ],
        timeout=60,
    )
    time.sleep(2)
    results = [
        p for p in slack.calls("chat.postMessage") if p["channel"] == "CH" and p.get("thread_ts")
    ]
    assert len(results) == 1 and "Top 2 of 2 papers" in results[0]["text"]
    assert len(done) == 1
    assert failed(slack, "chat.postMessage", "CH") == 1


def test_progress_messages_deleted_meanwhile_leave_the_report_and_results_delivered_once(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    """The user deleted "Writing your report ⏳" (and a triage's "Triaging…") before the work
    was out: chat.update said message_not_found, and the report's job retried until it gave
    up, saying "Sorry, the report could not be written or posted" under the report it had
    posted, the consultation marked failed."""
    thread = start(stack, slack, "U56", "3", "CG")
    slack.refuse["chat.update"] = "message_not_found"
    try:
        stack.command("triage 2505.06708 2501.00001", "U56", "CT2")
        answer_all(stack, slack, catalog, "edge-economics", "U56", "CG", thread)
        slack.wait_for(lambda: reports(slack, "CG", thread), timeout=60)
        r = redis.Redis.from_url(stack.redis_url)
        slack.wait_for(lambda: r.zcard("na:{jobs}:due") == 0, timeout=90)  # every job done
    finally:
        slack.refuse.pop("chat.update", None)
    said = texts(slack.thread("CG", thread))
    assert [t for t in said if "could not be written" in t] == []
    assert len(reports(slack, "CG", thread)) == 1 and len(said) == len(set(said))
    told = len(slack.calls("chat.postEphemeral"))
    stack.message("U56", "CG", thread, "status", f"EvPG{time.time_ns()}")
    (status,) = slack.wait_for(lambda: slack.calls("chat.postEphemeral")[told:])
    assert "finished, report delivered" in status["text"]
    results = [
        p for p in slack.calls("chat.postMessage") if p["channel"] == "CT2" and p.get("thread_ts")
    ]
    assert len(results) == 1 and "Top 2 of 2 papers" in results[0]["text"]


def test_a_progress_update_slack_keeps_failing_leaves_the_report_delivered_once(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    """chat.update answered internal_error to every try: the job retried until it gave up with
    "Sorry, the report could not be written or posted (SlackApiError: The request to the Slack
    API failed. (url: http://…" under the report it had posted. The "⏳" is only cosmetic."""
    thread = start(stack, slack, "U58", "3", "CU")
    slack.refuse["chat.update"] = "internal_error"
    try:
        answer_all(stack, slack, catalog, "edge-economics", "U58", "CU", thread)
        slack.wait_for(lambda: reports(slack, "CU", thread), timeout=60)
        r = redis.Redis.from_url(stack.redis_url)
        slack.wait_for(lambda: r.zcard("na:{jobs}:due") == 0, timeout=90)
    finally:
        slack.refuse.pop("chat.update", None)
    said = texts(slack.thread("CU", thread))
    assert [t for t in said if "could not be written" in t] == []
    assert len(reports(slack, "CU", thread)) == 1 and len(said) == len(set(said))
    assert failed(slack, "chat.update", "CU") == 3  # tried three times, then left as it was


def test_a_scheduled_digest_slack_kept_failing_is_told_once_and_sent_by_the_next_tick(
    slack: FakeSlack, tmp_path: Path
) -> None:
    """Slack failed the weekly digest's header on every retry: the digest was dropped for the
    week, said only in the log. Now the subscriber is told once, and the next tick of beat
    sends it again: one header, each item once."""
    from datetime import UTC, datetime, timedelta

    own = EmbeddedRedis(tmp_path / "redis", port=free_port())  # beat ticks here: ours alone
    own.start()
    s = Stack(own.url, 0, slack.url, tmp_path / "stack")
    try:
        s.start("worker")
        url = f"{slack.url}/response/CK"
        slot = datetime.now(UTC) + timedelta(seconds=5)  # the slot still ahead, then due
        day = f"{slot:%A}".lower()
        when = f"{day} {slot:%H:%M:%S} UTC"
        s.command(f"digest subscribe <#CK|k> {when}", "U57", "CK", response_url=url)
        slack.wait_for(
            lambda: any("Subscribed" in r.get("text", "") for r in slack.responses("CK"))
        )
        for n in range(1, 5):  # the header, at the first try and at each of the 3 retries
            slack.fail("chat.postMessage", on_call=n)
        s.start_beat()
        heads = slack.wait_for(lambda: len(digest_posts(slack, "CK")[1]) >= 5, timeout=120)
        time.sleep(4)  # more ticks: nothing more
        heads, items = digest_posts(slack, "CK")
        assert len(heads) == 1 and len(items) == len({p["text"] for p in items}) == 5
        told = [p for p in slack.calls("chat.postMessage") if "posted just now" in p["text"]]
        assert (
            len(told) == 1 and "tried again within a minute" in told[0]["text"]
        )  # beat ticks each second
        assert failed(slack, "chat.postMessage", "CK") == 4
    finally:
        s.stop()
        reap()
        own.stop()


def test_the_worker_killed_between_two_parts_posts_each_once(
    stack: Stack, slack: FakeSlack
) -> None:
    # the third post (item 2) hangs, then fails: the worker dies while it waits, before that
    # part is out; the sweep sends the digest again to a new worker, which posts what is missing
    slack.fail("chat.postMessage", on_call=3, delay=6)
    subscribe_and_post_now(stack, slack, "U53", "CJ")
    slack.wait_for(lambda: len(digest_posts(slack, "CJ")[1]) == 1, timeout=60)
    time.sleep(1)  # the worker is now waiting on item 2
    kill_workers(stack)
    stack.start_worker("after-kill")
    slack.wait_for(lambda: len(digest_posts(slack, "CJ")[1]) >= 5, timeout=90)
    time.sleep(3)
    heads, items = digest_posts(slack, "CJ")
    assert len(heads) == 1 and len(items) == 5
    assert len({p["text"] for p in items}) == 5
    assert failed(slack, "chat.postMessage", "CJ") == 1


def is_report(p: dict) -> bool:
    return (p.get("blocks") or [{}])[0].get("type") == "header"


def test_a_worker_killed_after_slack_accepted_a_part_posts_it_once(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    """Slack posts the report's first message, then the chart, but each time the worker is
    killed before the answer reaches it (no checkpoint): the next worker finds the part in the
    thread by its metadata (the chart by its file id) and does not post it again."""
    slack.hold("chat.postMessage", is_report, 20)
    thread = start(stack, slack, "U54", "3", "CO")
    answer_all(stack, slack, catalog, "edge-economics", "U54", "CO", thread)
    kill_while_held(stack, slack, "chat.postMessage", "CO", "after-message")
    slack.hold("files.completeUploadExternal", lambda p: p.get("channel_id") == "CO", 20)
    kill_while_held(stack, slack, "files.completeUploadExternal", "CO", "after-chart")
    slack.wait_for(
        lambda: [u for u in slack.calls("chat.update") if u["channel"] == "CO"], timeout=90
    )
    time.sleep(3)  # any duplicate would be out by now
    assert len(reports(slack, "CO", thread)) == 1
    body = texts(slack.thread("CO", thread))
    assert len(body) == len(set(body))  # every message of the thread once
    charts = [m for m in slack.messages if m.get("thread_ts") == thread and m.get("files")]
    assert len(charts) == 1
    looked = [p for p in slack.calls("conversations.replies") if p["ts"] == thread]
    assert len(looked) >= 2  # both parts were looked for, and found
    ready = [u for u in slack.calls("chat.update") if u["channel"] == "CO"]
    assert len(ready) == 1 and "ready" in ready[0]["text"]


def test_a_worker_killed_after_slack_accepted_the_digest_header_posts_it_once(
    stack: Stack, slack: FakeSlack
) -> None:
    slack.hold(
        "chat.postMessage",
        lambda p: p.get("channel") == "CQ" and "Research digest" in p.get("text", ""),
        20,
    )
    subscribe_and_post_now(stack, slack, "U55", "CQ")
    kill_while_held(stack, slack, "chat.postMessage", "CQ", "after-header")
    slack.wait_for(lambda: len(digest_posts(slack, "CQ")[1]) >= 5, timeout=90)
    time.sleep(3)
    heads, items = digest_posts(slack, "CQ")
    assert len(heads) == 1 and len(items) == 5  # the items went under the one header
    assert len({p["text"] for p in items}) == 5
    assert [p for p in slack.calls("conversations.history") if p["channel"] == "CQ"]
