"""A reader's own digest end to end: a Research Curation finished in Slack becomes that
reader's digest, delivered to their DMs by the real worker when beat finds it due, from the
sources they chose and with as many papers as their reading time allows; 👍 in the DM teach
their own taste; `/neurips digest` shows it, `digest mine` changes or stops it.

Real server, worker and beat processes, a real Redis and the local Slack Web API fake."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

import pytest
import redis

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.paper_sources import builtin
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack, running
from tests.integration.test_slack import answer_and_wait, start

pytestmark = pytest.mark.slow
_ids = itertools.count(1)
USER = "UREADER"
ANSWERS = [  # the eight questions of consultation 5, as a reader types them
    "Head of research; which vendor models we adopt",
    "agents, retrieval",
    "skip",
    "NeurIPS 2025",  # the built-in list of accepted papers, not the deployment's default
    "1 hour",
    "40% cost, 40% failure, 20% compute",
    "every two weeks",
    "skip",
]


@pytest.fixture(scope="module")
def stack(redis_server: EmbeddedRedis, slack: FakeSlack, tmp_path_factory) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    with running(
        redis_server.url, 6, slack.url, tmp_path_factory.mktemp("personal-digest"), beat=True
    ) as s:
        yield s


def replies(slack: FakeSlack, name: str) -> list[str]:
    return [r.get("text", "") for r in slack.responses(name)]


def triage_top(stack: Stack, slack: FakeSlack, url: str) -> str:
    """The reader's top 10 of the built-in COLM 2025 list, as posted in the thread."""
    seen = len(tops(slack))
    stack.command("triage colm2025", USER, channel="C5", response_url=url)
    return slack.wait_for(lambda: tops(slack)[seen:], timeout=60)[0]


def tops(slack: FakeSlack) -> list[str]:
    return [
        p["text"]
        for p in slack.calls("chat.postMessage")
        if p["channel"] == "C5" and "Top 10 of 418 papers" in p["text"].replace("*", "")
    ]


def test_a_finished_curation_brings_the_readers_own_digest_to_their_dms(
    stack: Stack, slack: FakeSlack
) -> None:
    thread = start(stack, slack, USER, "5", channel="C5")
    for n, text in enumerate(ANSWERS):
        answer_and_wait(stack, slack, USER, "C5", thread, text, expect_new=1 if n < 7 else 0)

    def headers() -> list[dict]:
        return [
            p
            for p in slack.requests_with_ts()
            if p["channel"].startswith("D") and "Your research digest" in p.get("text", "")
        ]

    header = slack.wait_for(headers, timeout=60)[0]
    opened = slack.calls("conversations.open")
    assert [o["users"] for o in opened] == [USER] and header["channel"] == f"D{USER[-6:]}"

    def items() -> list[dict]:
        return [p for p in slack.requests_with_ts() if p.get("thread_ts") == header["ts"]]

    # 1 hour a week, an issue every two weeks, 15 minutes a paper: 8 papers an issue
    got = slack.wait_for(lambda: len(items()) == 8 and items())
    neurips = {p.title for p in builtin("neurips2025")}
    assert all(p["text"].split("*")[1] in neurips for p in got)  # from the source they chose
    assert all("Answers" in p["text"] for p in got)  # the question each answers, and why
    time.sleep(3)  # beat checks every second: still one issue this fortnight
    assert len(headers()) == 1

    url = f"{slack.url}/response/mine"
    stack.command("digest", USER, channel="C5", response_url=url)
    status = slack.wait_for(lambda: replies(slack, "mine"))[0]
    assert "Your own (direct messages): every other Monday at 09:00 UTC, top 8" in status
    assert "from neurips2025" in status

    # 👍 and 👎 in the DM: examples of this reader's own taste (stored under their keys),
    # which then re-rank their triage: the same list triaged before and after differs
    before = triage_top(stack, slack, url)
    for post, reaction in zip(got, ("+1", "+1", "-1", "-1"), strict=False):
        stack.event(
            {
                "type": "reaction_added",
                "user": USER,
                "reaction": reaction,
                "item": {"type": "message", "channel": header["channel"], "ts": post["ts"]},
            }
        )
    r = redis.Redis.from_url(stack.redis_url)
    slack.wait_for(lambda: r.hlen(f"na:{{slack:T1:{USER}}}:taste") == 4)
    after = triage_top(stack, slack, url)
    assert after != before and after.splitlines()[0] == before.splitlines()[0]

    stack.command("digest mine daily 07:00 top 3", USER, channel="C5", response_url=url)
    changed = slack.wait_for(
        lambda: [t for t in replies(slack, "mine") if t.startswith("Your own digest: every day")]
    )[0]
    assert changed == (
        "Your own digest: every day at 07:00 UTC, top 3, from neurips2025, in your direct messages."
    )
    stack.command("digest mine off", USER, channel="C5", response_url=url)
    assert slack.wait_for(lambda: "Your own digest is stopped." in replies(slack, "mine"))
    stack.command("digest status", USER, channel="C5", response_url=url)
    assert slack.wait_for(
        lambda: any("Your own (direct messages): none" in t for t in replies(slack, "mine"))
    )
    assert r.hget("na:digest:subs", f"slack:T1:@{USER}") is None

    # `forget` removes the reader's own digest, its ledger and their taste with the rest
    stack.command("digest mine once a week", USER, channel="C5", response_url=url)
    slack.wait_for(lambda: r.hget("na:digest:subs", f"slack:T1:@{USER}"))
    stack.command("forget", USER, channel="C5", response_url=url)
    slack.wait_for(lambda: any(x.get("blocks") for x in slack.responses("mine")))
    stack.action(USER, "C5", {"action_id": "forget_confirm", "value": "yes"}, response_url=url)
    slack.wait_for(lambda: any("deleted" in t for t in replies(slack, "mine")))
    assert r.hget("na:digest:subs", f"slack:T1:@{USER}") is None
    assert list(r.scan_iter(match=f"na:{{slack:T1:{USER}}}:*")) == []
    assert list(r.scan_iter(match=f"na:digest:*slack:T1:@{USER}*")) == []  # ledgers, claims
