"""Teams' streaming protocol, piece by piece: the real gateway and its stream over real HTTP to
the local Bot Connector, which keeps Teams' rules (and refuses what Teams refuses)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
import redis
from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference

from consultations.adapters.offline_narrator import OfflineNarrator
from consultations.adapters.settings import Settings
from consultations.adapters.teams.gateway import TeamsGateway
from consultations.adapters.teams.references import ReferenceStore
from consultations.adapters.teams.stream import INFORMATIVE
from consultations.catalog import Catalog
from consultations.state import Consultation, Owner
from consultations.text import delink
from tests.fakes.bot_connector import FakeConnector
from tests.unit.test_advisors import EDGE, run

_n = itertools.count(1)
WORDS = [f"word{i} " for i in range(40)]


@pytest.fixture(scope="module")
def connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        yield fake


@pytest.fixture
def fast(connector: FakeConnector) -> Iterator[FakeConnector]:
    connector.stream_interval_s, connector.refuse_streaming = 0.08, False
    yield connector
    connector.stream_interval_s, connector.refuse_streaming = 0.95, False


def chat(
    client: redis.Redis, connector: FakeConnector, kind: str = "personal", max_s: float = 100
) -> tuple[TeamsGateway, Consultation, str]:
    """A gateway, and a consultation whose conversation reference points at the connector."""
    n = next(_n)
    conversation = f"a:stream{n}" if kind == "personal" else f"19:group{n}@thread.v2"
    owner = Owner(platform="teams", workspace="tenant1", user=f"aad-s{n}")
    now = datetime.now(UTC)
    c = Consultation(
        id=f"cons{n:04d}", owner=owner, slug="edge-economics", created_at=now, updated_at=now
    )
    references = ReferenceStore(client, 600)
    references.save(
        owner,
        c.id,
        ConversationReference(
            activity_id=f"in{n}",
            bot=ChannelAccount(id="28:bot"),
            user=ChannelAccount(id=f"29:{owner.user}"),
            conversation=ConversationAccount(id=conversation, conversation_type=kind),
            channel_id="msteams",
            service_url=connector.url,
        ),
    )
    gateway = TeamsGateway(
        Settings(neurips_env="dev"), references, stream_interval_s=0.1, stream_max_s=max_s
    )
    return gateway, c, conversation


def write(stream, words: list[str], pause: float = 0.02) -> None:  # type: ignore[no-untyped-def]
    for w in words:
        stream.append(w)
        time.sleep(pause)


def test_informative_then_the_growing_text_then_one_final(
    redis_client: redis.Redis, fast: FakeConnector
) -> None:
    gateway, c, conv = chat(redis_client, fast)
    stream = gateway.open_stream(c)
    write(stream, [*WORDS[:20], "see www.evil.example ", *WORDS[20:]])
    assert stream.finish() is True
    (s,) = fast.streams_in(conv)
    kinds = [k for k, _, _ in s.updates]
    assert kinds[0] == "informative" and s.updates[0][1:] == (1, INFORMATIVE)
    assert kinds[-1] == "final" and set(kinds[1:-1]) == {"streaming"}
    chunks = [(seq, text) for kind, seq, text in s.updates if kind == "streaming"]
    assert len(chunks) >= 3  # shown as it was written, not all at the end
    seqs = [seq for seq, _ in chunks]
    assert seqs == sorted(set(seqs)) and seqs[0] == 2  # increasing, after the informative 1
    texts = [t for _, t in chunks]
    assert all(b.startswith(a) and len(b) > len(a) for a, b in itertools.pairwise(texts))
    assert s.final == delink(stream.text)  # made inert as Teams posts any text of ours
    assert "evil.example" not in s.final and "word39" in s.final
    assert [r for r in fast.refusals if r[0] == conv] == []
    assert len(fast.messages(conv)) == 1  # one message stays: the final one


def test_a_refused_start_sends_nothing_else(redis_client: redis.Redis, fast: FakeConnector) -> None:
    fast.refuse_streaming = True
    gateway, c, conv = chat(redis_client, fast)
    stream = gateway.open_stream(c)
    write(stream, WORDS[:10])
    assert stream.state == "refused" and stream.text == "".join(WORDS[:10])
    assert [r for r in fast.refusals if r[0] == conv] == [
        (conv, 403, "ContentStreamNotAllowed")
    ]  # tried once, then never again
    assert fast.activities(conv) == [] and fast.streams_in(conv) == []


def test_refused_midway_the_finished_text_is_posted_once(
    redis_client: redis.Redis, fast: FakeConnector
) -> None:
    gateway, c, conv = chat(redis_client, fast)
    stream = gateway.open_stream(c)
    write(stream, WORDS[:15])
    fast.refuse_streaming = True  # e.g. the user pressed Stop, or Teams' time ran out
    write(stream, WORDS[15:])
    assert stream.finish("a note") is True
    (s,) = fast.streams_in(conv)
    assert s.final is None and len(s.updates) >= 2  # some text was streamed, never finished
    refused = [r for r in fast.refusals if r[0] == conv]
    assert refused == [(conv, 403, "ContentStreamNotAllowed")]  # one refused chunk, no more
    (whole,) = fast.messages(conv)  # the finished text, once, as an ordinary message
    assert whole["text"] == stream.text + "\n\n_a note_"
    assert "channelData" not in whole or "streamType" not in (whole["channelData"] or {})


def test_a_stream_near_teams_time_limit_stops_and_the_text_is_posted_once(
    redis_client: redis.Redis, fast: FakeConnector
) -> None:
    gateway, c, conv = chat(redis_client, fast, max_s=0.3)
    stream = gateway.open_stream(c)
    write(stream, WORDS)  # 0.8 s of writing: past the limit
    assert stream.finish() is True
    (s,) = fast.streams_in(conv)
    assert s.final is None and "word39" not in s.shown  # chunks stopped at the limit
    (whole,) = fast.messages(conv)
    assert whole["text"] == stream.text
    assert [r for r in fast.refusals if r[0] == conv] == []


def test_throttled_chunks_wait_and_the_final_still_lands(
    redis_client: redis.Redis, fast: FakeConnector
) -> None:
    fast.stream_interval_s = 0.35  # stricter than the gateway's 0.1 s: some chunks get 429
    gateway, c, conv = chat(redis_client, fast)
    stream = gateway.open_stream(c)
    write(stream, WORDS, pause=0.03)
    assert stream.finish() is True
    (s,) = fast.streams_in(conv)
    assert s.final == stream.text
    assert any(r[1] == 429 for r in fast.refusals if r[0] == conv)
    assert not any(r[1] != 429 for r in fast.refusals if r[0] == conv)


@pytest.mark.parametrize("status", [500, 503])
def test_an_update_the_connector_fails_once_is_skipped_and_the_stream_goes_on(
    redis_client: redis.Redis, fast: FakeConnector, status: int
) -> None:
    """Before, one failed update ended the chunks: the stream hung open with the first words
    and the whole text was posted again below it as an ordinary message."""
    gateway, c, conv = chat(redis_client, fast)
    stream = gateway.open_stream(c)
    write(stream, WORDS[:10])
    fast.fail_only_containing = "word12"
    fast.fail_with.append(status)
    try:
        write(stream, WORDS[10:])
        assert stream.finish() is True
    finally:
        fast.fail_only_containing = ""
    assert not fast.fail_with  # an update failed
    (s,) = fast.streams_in(conv)
    assert s.final == stream.text and "word39" in s.final
    assert len(fast.messages(conv)) == 1  # the final one only: no second copy


@pytest.mark.parametrize(("status", "taken"), [(500, False), (500, True), (502, True)])
def test_a_final_message_the_connector_fails_once_closes_the_stream_once(
    redis_client: redis.Redis, fast: FakeConnector, status: int, taken: bool
) -> None:
    """The message that ends the stream fails once, Teams having shown it (``taken``: its
    gateway answered late) or not. Before, the text was posted again as an ordinary message
    either way: twice in the chat, or once under a stream left hanging open."""
    gateway, c, conv = chat(redis_client, fast)
    stream = gateway.open_stream(c)
    write(stream, WORDS)
    fast.fail_only_containing = "_a note_"  # only the final message carries the note
    (fast.fail_after_taking if taken else fast.fail_with).append(status)
    try:
        assert stream.finish("a note") is True
    finally:
        fast.fail_only_containing = ""
    assert not fast.fail_with and not fast.fail_after_taking
    (s,) = fast.streams_in(conv)
    assert s.final == stream.text + "\n\n_a note_"
    assert len(fast.messages(conv)) == 1  # the final one, once


def test_a_group_chat_is_not_streamed(redis_client: redis.Redis, fast: FakeConnector) -> None:
    gateway, c, conv = chat(redis_client, fast, kind="groupChat")
    stream = gateway.open_stream(c)
    write(stream, WORDS[:5], pause=0)
    assert stream.state == "refused"
    assert [r for r in fast.requests if conv in r.path] == []  # nothing was even tried


def test_the_fake_keeps_teams_rules(connector: FakeConnector) -> None:
    """So that the tests above fail when the protocol is broken."""
    conv = f"a:rules{next(_n)}"
    url = f"{connector.url}/v3/conversations/{conv}/activities"
    connector.stream_interval_s = 0

    def send(kind: str, text: str, seq: int | None, sid: str | None, typ: str = "typing") -> int:
        data = {"streamType": kind, "streamSequence": seq, "streamId": sid}
        data = {k: v for k, v in data.items() if v is not None}
        body = {
            "type": typ,
            "text": text,
            "channelData": data,
            "entities": [{"type": "streaminfo", **data}],
        }
        r = httpx.post(url, json=body)
        return r.status_code if r.status_code != 200 else r.json()["id"]

    try:
        assert send("streaming", "a", 1, None) == 400  # no informative update first
        sid = send("informative", "Writing…", 1, None)
        assert isinstance(sid, str)
        assert send("informative", "again", 1, None) == 403  # one stream at a time
        assert send("streaming", "The", 2, sid) == sid
        assert send("streaming", "The fox", 2, sid) == 400  # the sequence must increase
        assert send("streaming", "A fox", 3, sid) == 400  # must extend what was shown
        assert send("streaming", "The fox", 3, sid, typ="message") == 400
        assert send("final", "The fox jumps", None, sid, typ="message") == sid
        assert send("streaming", "The fox jumps over", 4, sid) == 403  # after the final
        connector.stream_interval_s = 10
        sid2 = send("informative", "Writing…", 1, None)
        assert send("streaming", "Hi", 2, sid2) == 429  # more than one a second
    finally:
        connector.stream_interval_s = 0.95


def test_a_report_posted_whole_names_its_title_once(
    redis_client: redis.Redis, connector: FakeConnector, catalog: Catalog
) -> None:
    """The report's first message read '**Edge Deployment Economics** — report by offline
    analysis', then the built-in advisor's note, then '**Edge Deployment Economics**' again."""
    gateway, c, conv = chat(redis_client, connector, kind="groupChat")
    report = run(catalog, "edge-economics", EDGE)
    c.report, c.narrated_by = report, OfflineNarrator.author
    c.narrative = OfflineNarrator().narrate(None, report).text  # type: ignore[arg-type]
    gateway.post_report(c)
    (text,) = connector.texts(conv)
    assert text.startswith("**Edge Deployment Economics** — report by offline analysis\n\n_Off")
    assert text.count("Edge Deployment Economics") == 1
    assert "\n\n**Verdict: " in text and "**The numbers**" in text
