"""A Teams reader's own digest end to end: scheduled by a finished Research Curation or by
`digest mine …`, delivered by the real worker when beat finds it due, into the reader's
one-on-one chat with the bot (known from their messages there, or created through the
connector's `POST /v3/conversations`), each paper its own message with 👍/👎 whose clicks teach
the reader's taste; a digest whose post failed midway is retried without doubling a paper.

Real server, worker and beat processes, a real Redis and the local Bot Connector fake."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import redis

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.paper_sources import builtin
from consultations.text import literal
from consultations.triage.latex import readable
from tests.fakes.bot_connector import FakeConnector
from tests.integration.stack import Stack, running
from tests.integration.test_teams import activity

pytestmark = pytest.mark.slow
CURATION = [  # the eight questions of consultation 5, as a reader types them
    "Head of research; which vendor models we adopt",
    "agents, retrieval",
    "skip",
    "NeurIPS 2025",  # the built-in list of accepted papers, not the deployment's default
    "30 minutes",
    "40% cost, 40% failure, 20% compute",
    "every two weeks",  # 30 min a week, an issue every two weeks, 15 min a paper: 4 papers
    "skip",
]
SUBS = "na:digest:subs"
ITEM = re.compile(r"^\d+\. \*\*")  # "1. **Title** (59/100) — Answers failure: …"


@pytest.fixture(scope="module")
def connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        yield fake


@pytest.fixture(scope="module")
def stack(
    redis_server: EmbeddedRedis, connector: FakeConnector, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    with running(
        redis_server.url,
        9,
        connector.url,
        tmp_path_factory.mktemp("teams-digest"),
        beat=True,
        NEURIPS_ENV="dev",
    ) as s:
        yield s


def say(stack: Stack, connector: FakeConnector, text: str, user: str, conv: str, kind: str) -> str:
    """One message to the bot; its (first) reply in that conversation."""
    before = len(connector.texts(conv))
    body = activity(connector, text, user, conv, kind=kind)
    assert stack.http.post("/api/messages", json=body).status_code in (200, 201)
    return connector.wait_for(lambda: connector.texts(conv)[before:])[0]


def click(
    stack: Stack, connector: FakeConnector, user: str, conv: str, reply_to: str, value: object
) -> int:
    body = activity(connector, "", user, conv)
    body.update(type="invoke", name="message/submitAction", value=value, text=None)
    body["replyToId"] = reply_to
    return stack.http.post("/api/messages", json=body).status_code


def vote(reaction: str) -> dict:
    return {"actionName": "feedback", "actionValue": {"reaction": reaction, "feedback": "{}"}}


def items(connector: FakeConnector, conv: str) -> list[dict]:
    """The digest papers in this chat, each its own message with 👍/👎."""
    return [
        a
        for a in connector.messages(conv)
        if "feedbackLoop" in (a.get("channelData") or {}) and ITEM.match(a.get("text") or "")
    ]


def headers(connector: FakeConnector, conv: str) -> list[str]:
    return [t for t in connector.texts(conv) if "Your research digest" in t]


def soon(seconds: int) -> datetime:
    """A slot ``seconds`` from now, to the second (beat checks the clock each second)."""
    return (datetime.now(UTC) + timedelta(seconds=seconds)).replace(microsecond=0)


def test_a_readers_digest_comes_to_their_personal_chat_and_learns_from_their_clicks(
    stack: Stack, connector: FakeConnector
) -> None:
    user, conv = "aad-reader", "a:reader"
    r = redis.Redis.from_url(stack.redis_url)
    say(stack, connector, "consult 5", user, conv, "personal")
    for text in CURATION:
        say(stack, connector, text, user, conv, "personal")

    # the finished curation schedules the reader's own digest; its first issue comes at
    # beat's next check, into this personal chat: the header, then each paper with 👍/👎
    first = connector.wait_for(lambda: len(items(connector, conv)) == 4 and items(connector, conv))
    assert len(headers(connector, conv)) == 1
    neurips = {literal(readable(p.title), "teams") for p in builtin("neurips2025")}  # as shown
    titles = [a["text"].split("**")[1] for a in first]
    assert len(set(titles)) == 4 and all(t in neurips for t in titles)  # the source they chose
    assert all("Answers" in a["text"] for a in first)  # the question each answers, and why
    assert not any("matches your taste" in a["text"] for a in first)
    assert connector.created == []  # the chat they wrote from: nothing to create
    time.sleep(2)  # beat checks every second: still one issue this fortnight
    assert len(items(connector, conv)) == 4

    # malformed clicks: 400, nothing learned
    ids = [connector.id_of(conv, lambda a, t=a["text"]: a.get("text") == t) for a in first]
    taste = f"na:{{teams:tenant1:{user}}}:taste"
    for value in (
        {"actionName": "feedback", "actionValue": {"reaction": "love"}},
        {"actionName": "feedback"},
        "👍",
        {"actionName": "feedback", "actionValue": {"reaction": "like", "feedback": "{"}},
    ):
        assert click(stack, connector, user, conv, ids[0], value) == 400, value
    assert r.hlen(taste) == 0 and not r.exists(f"na:digest:nudge:teams:tenant1:@{user}")

    # 👍 on two papers, 👎 on two: the reader's own taste (under their keys)
    for item_id, reaction in zip(ids, ("like", "dislike", "like", "dislike"), strict=True):
        assert click(stack, connector, user, conv, item_id, vote(reaction)) == 200
    assert r.hlen(taste) == 4
    before = len(connector.texts(conv))
    assert click(stack, connector, "aad-someone-else", conv, ids[0], vote("like")) == 200
    assert "Only the person" in connector.wait_for(lambda: connector.texts(conv)[before:])[0]
    assert r.hlen(taste) == 4 and not r.exists("na:{teams:tenant1:aad-someone-else}:taste")

    # the next issue on its schedule (a daily slot a few seconds ahead), ranked by that taste;
    # its second paper's first post fails (500): the worker's retry posts what is missing
    slot = soon(5)
    at = f"{slot:%H:%M:%S}" if slot.second else f"{slot:%H:%M}"  # as the bot says it
    command = f"digest mine daily {slot:%H:%M:%S} UTC top 3"
    changed = say(stack, connector, command, user, conv, "personal")
    assert changed.startswith(f"Your own digest: every day at {at} UTC, top 3, from neurips2025")
    assert changed.endswith("in your personal chat with me.")
    connector.fail_only_containing = "2. **"
    connector.fail_with.append(500)
    try:
        time.sleep(max(0.0, (slot - datetime.now(UTC)).total_seconds() - 0.5))
        assert len(headers(connector, conv)) == 1  # not before its slot
        connector.wait_for(lambda: len(items(connector, conv)) >= 7, timeout=60)
    finally:
        connector.fail_only_containing = ""
    second = items(connector, conv)[4:]
    assert not connector.fail_with  # the failure happened, then the retry
    assert len(headers(connector, conv)) == 2
    texts = [a["text"] for a in second]
    assert [t.split(".", 1)[0] for t in texts] == ["1", "2", "3"]  # each paper once, in order
    assert not set(t.split("**")[1] for t in texts) & set(titles)  # nothing shown twice
    assert any("matches your taste" in t for t in texts)
    time.sleep(1)  # the retry is done: still each paper once
    assert len(items(connector, conv)) == 7 and len(headers(connector, conv)) == 2

    # 'digest preview' is a channel's: this chat has none, and the reader's own is named
    told = say(stack, connector, "digest preview", user, conv, "personal")
    assert told == (
        "This chat has no digest yet: `digest subscribe` first. "
        "Your own digest: `digest mine preview`."
    )
    # a preview of the next issue, now, in the same chat (there was no way to see one)
    preparing = say(stack, connector, "digest mine preview", user, conv, "personal")
    assert preparing == "Preparing a preview of your own digest, in your personal chat with me…"
    preview = connector.wait_for(
        lambda: [t for t in connector.texts(conv) if t.startswith("_A preview of your own")]
    )
    assert f"it comes every day at {at} UTC, top 3" in preview[0] and "\n1. **" in preview[0]

    status = say(stack, connector, "digest", user, conv, "personal")
    assert f"Your own (personal chat with me): every day at {at} UTC, top 3" in status
    status = say(stack, connector, "status", user, conv, "personal")
    assert f"Your own digest: every day at {at} UTC, top 3, from neurips2025, in your " in status
    stopped = say(stack, connector, "digest mine off", user, conv, "personal")
    assert stopped == "Your own digest is stopped."
    assert r.hget(SUBS, f"teams:tenant1:@{user}") is None


def test_from_a_channel_the_personal_chat_is_created_or_the_reader_told_how_to_open_it(
    stack: Stack, connector: FakeConnector
) -> None:
    user, conv = "aad-channel", "19:team@thread.tacv2"
    r = redis.Redis.from_url(stack.redis_url)
    # a curation finished where the bot cannot open a personal chat: told after the report
    for text in ("consult 5", *CURATION):
        say(stack, connector, text, user, conv, "channel")
    notice = connector.wait_for(lambda: [t for t in connector.texts(conv) if "**Apps**" in t])
    report = [n for n, t in enumerate(connector.texts(conv)) if "— report by" in t]
    assert report and connector.texts(conv).index(notice[0]) > report[0]
    told = say(stack, connector, "digest mine weekly", user, conv, "channel")
    assert "then type `digest mine biweekly` in that chat" in notice[0]  # their cadence
    assert "personal chat with me" in told and "then type `digest mine weekly`" in told
    assert r.hget(SUBS, f"teams:tenant1:@{user}") is None  # nothing scheduled it cannot deliver
    refused = [x[1:] for x in connector.refusals if x[0] == ""]
    assert refused == [(403, "BotNotInConversationRoster")] * 2  # the worker's, the server's

    connector.installed_for.add(f"29:{user}")  # the reader adds the app for themselves
    done = say(
        stack, connector, "digest mine weekly friday 08:00 Europe/Paris", user, conv, "channel"
    )
    assert done == (
        "Your own digest: every Friday at 08:00 Europe/Paris, top 4, from neurips2025, "
        "in your personal chat with me."  # the rest as their curation chose
    )
    (created,) = connector.created
    assert created["members"] == [{"id": f"29:{user}"}] and created["isGroup"] is False
    assert created["channelData"] == {"tenant": {"id": "tenant1"}}
    assert created["bot"]["id"] == "28:bot"
    stored = json.loads(r.get(f"na:{{teams:tenant1:{user}}}:teams-personal") or "{}")
    assert stored["conversation_id"] == f"a:129-{user}"
    assert stored["service_url"] == connector.url

    helped = say(stack, connector, "help", user, conv, "channel")
    assert "`digest mine` — your own, in your personal chat with me" in helped
    stopped = say(stack, connector, "digest mine off", user, conv, "channel")
    assert stopped == "Your own digest is stopped."
    status = say(stack, connector, "digest", user, conv, "channel")
    assert "Your own (personal chat with me): none" in status

    # `forget` removes the remembered chat with the rest of what is theirs
    before = len(connector.texts(conv))
    body = activity(connector, "", user, conv, value={"forget": "yes"}, kind="channel")
    stack.http.post("/api/messages", json=body)
    connector.wait_for(lambda: any("deleted" in t for t in connector.texts(conv)[before:]))
    assert not r.exists(f"na:{{teams:tenant1:{user}}}:teams-personal")


def test_a_curation_finished_in_a_group_chat_opens_the_readers_personal_chat(
    stack: Stack, connector: FakeConnector
) -> None:
    user, conv = "aad-group", "19:group@thread.v2"
    connector.installed_for.add(f"29:{user}")
    for text in ("consult 5", *CURATION):
        say(stack, connector, text, user, conv, "groupChat")
    personal = f"a:129-{user}"  # created by the worker, through the connector
    got = connector.wait_for(lambda: len(items(connector, personal)) == 4, timeout=60)
    assert got and len(headers(connector, personal)) == 1
    assert headers(connector, conv) == [] and items(connector, conv) == []  # not in the group
    assert [c["members"] for c in connector.created if c["members"][0]["id"].endswith(user)] == [
        [{"id": f"29:{user}"}]
    ]
    assert not [t for t in connector.texts(conv) if "**Apps**" in t]
