"""Redis away for 15 s in the middle of a consultation, with real processes: Slack still gets its
ack at once, the user is told in the thread to send the answer again, /readyz says 503 within
the probe's timeout, and once Redis is back the consultation goes on with nothing lost or
doubled."""

from __future__ import annotations

import itertools
import os
import re
import signal
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from bot.slack.events import SORRY_ANSWER
from consultations.adapters.embedded_redis import EmbeddedRedis, free_port
from consultations.catalog import Catalog
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack, reap
from tests.integration.test_recovery import reports, start
from tests.unit.test_engine import typical

pytestmark = pytest.mark.slow
_ids = itertools.count(1)


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


def send(
    stack: Stack, text: str, thread: str, user: str = "U60", channel: str = "CB"
) -> tuple[int, float]:
    began = time.monotonic()
    r = stack.message(user, channel, thread, text, f"EvB{next(_ids):05d}")
    return r.status_code, time.monotonic() - began


def test_redis_away_for_15_seconds_mid_consultation(
    slack: FakeSlack, catalog: Catalog, tmp_path: Path
) -> None:
    own = EmbeddedRedis(tmp_path / "redis", port=free_port())  # ours alone: we stop it
    own.start()
    s = Stack(own.url, 0, slack.url, tmp_path / "stack")
    try:
        s.start_beat()
        s.start("worker")
        questions = catalog.by_slug("edge-economics").questions
        thread = start(s, slack, "U60", "3", "CB")
        status, _ = send(s, typical(questions[0]), thread)
        slack.wait_for(lambda: "2/8" in str(slack.thread("CB", thread)[-1]))

        own.stop()  # Redis goes away (SIGTERM: its AOF is flushed), for 15 s
        away = time.monotonic()
        status, ack_s = send(s, typical(questions[1]), thread)
        assert status == 200 and ack_s < 3.0  # Slack has its ack: it will not resend
        began = time.monotonic()
        ready = s.http.get("/readyz")
        probe_s = time.monotonic() - began
        assert ready.status_code == 503 and probe_s < 1.0
        told = slack.wait_for(
            lambda: [p for p in slack.thread("CB", thread) if p.get("text") == SORRY_ANSWER],
            timeout=10,
        )
        assert len(told) == 1
        told_s = time.monotonic() - away
        # a consultation or a triage asked for now: not started, and said so; no thread is
        # left in the channel that nothing will ever answer in
        for n, command in enumerate(("consult 2", "triage neurips2025")):
            url = f"{slack.url}/response/away{n}"
            assert s.command(command, "U60", "CB", response_url=url).status_code == 200
            sorry = slack.wait_for(lambda n=n: slack.responses(f"away{n}"), timeout=10)
            assert "storage is not responding" in sorry[0]["text"]
            assert "send the command again in a minute" in sorry[0]["text"]
        # in a thread of the app's Messages tab (the agent's): acked, and told there too (a
        # 500 had Slack send it again later, after the user had sent it again)
        dm = {"type": "message", "channel": "D60", "user": "U60", "text": "consult 3"}
        dm.update(ts=f"{time.time():.6f}", thread_ts="1700000000.000100", channel_type="im")
        assert s.event(dm).status_code == 200
        slack.wait_for(lambda: slack.thread("D60", "1700000000.000100"), timeout=10)
        assert [p["text"] for p in slack.thread("D60", "1700000000.000100")] == [SORRY_ANSWER]
        # in the Messages tab outside any thread (answered in a thread of its own): told there
        top = {"type": "message", "channel": "D60", "user": "U60", "channel_type": "im"}
        top.update(text="consult 3", ts="1700000000.000200")
        assert s.event(top).status_code == 200
        slack.wait_for(lambda: slack.thread("D60", "1700000000.000200"), timeout=10)
        assert [p["text"] for p in slack.thread("D60", "1700000000.000200")] == [SORRY_ANSWER]
        slack.wait_for(lambda: len(slack.calls("chat.delete")) == 2, timeout=10)
        # written in the channel itself, not in the thread: nothing could be looked up, and it
        # got no reply at all; the writer is told there, to them alone, and only once
        for _ in range(2):
            plain = {"type": "message", "channel": "CB", "user": "U60", "channel_type": "channel"}
            plain.update(text=typical(questions[1]), ts=f"{time.time():.6f}")
            assert s.event(plain).status_code == 200
        (note,) = slack.wait_for(
            lambda: [p for p in slack.calls("chat.postEphemeral") if p["channel"] == "CB"],
            timeout=10,
        )
        assert note["user"] == "U60" and "thread_ts" not in note
        assert "storage is not responding" in note["text"] and "in its thread" in note["text"]
        parents = [m for m in slack.messages if m["channel"] == "CB" and not m["thread_ts"]]
        assert [m["ts"] for m in parents] == [thread]
        print(f"\nRedis down: ack {ack_s * 1000:.0f} ms, /readyz 503 in {probe_s * 1000:.0f} ms,")
        print(f"user told to send again {told_s:.1f} s after Redis went away")
        time.sleep(max(0.0, 15 - (time.monotonic() - away)))
        assert [p for p in slack.calls("chat.postEphemeral") if p["channel"] == "CB"] == [note]

        own.start()  # back, from its AOF
        slack.wait_for(lambda: s.http.get("/readyz").status_code == 200, timeout=20)
        for q in questions[1:]:  # the user sends that answer again, then the rest
            before = len(slack.thread("CB", thread))
            status, _ = send(s, typical(q), thread)
            slack.wait_for(lambda before=before: len(slack.thread("CB", thread)) > before)
        slack.wait_for(lambda: reports(slack, "CB", thread), timeout=60)
        r = redis.Redis.from_url(s.redis_url)
        # the report job is done (chart, canvas and all) before anything is counted
        slack.wait_for(lambda: r.zcard("na:{jobs}:due") == 0, timeout=60)
        counts = Counter(
            m.group(0)
            for p in slack.thread("CB", thread)
            for m in [re.search(r"\b[1-8]/8\b", str(p.get("blocks") or ""))]
            if m
        )
        assert counts == {f"{n}/8": 1 for n in range(1, 9)}  # each question asked once
        assert len(reports(slack, "CB", thread)) == 1
    finally:
        s.stop()
        reap()  # the worker and beat out before their Redis goes
        own.stop()


def test_redis_frozen_for_15_seconds_mid_consultation(
    slack: FakeSlack, catalog: Catalog, tmp_path: Path
) -> None:
    """Redis stopped by SIGSTOP (a hung host, a paused container): connections are accepted and
    commands queue unanswered, then run when it resumes. The user is told in the thread to send
    the answer again; whatever lands late must not apply that answer a second time (the
    consultation would go on a question ahead) nor overwrite a newer save."""
    own = EmbeddedRedis(tmp_path / "redis", port=free_port())
    own.start()
    assert own.pid is not None
    s = Stack(own.url, 0, slack.url, tmp_path / "stack")
    frozen = False
    try:
        s.start("worker")
        questions = catalog.by_slug("edge-economics").questions
        thread = start(s, slack, "U70", "3", "CF")
        send(s, typical(questions[0]), thread, "U70", "CF")
        slack.wait_for(lambda: "2/8" in str(slack.thread("CF", thread)[-1]))

        os.kill(own.pid, signal.SIGSTOP)
        frozen, away = True, time.monotonic()
        status, ack_s = send(s, typical(questions[1]), thread, "U70", "CF")
        assert status == 200 and ack_s < 3.0
        began = time.monotonic()
        ready = s.http.get("/readyz")
        probe_s = time.monotonic() - began
        assert ready.status_code == 503 and probe_s < 1.0
        told = slack.wait_for(
            lambda: [p for p in slack.thread("CF", thread) if p.get("text") == SORRY_ANSWER],
            timeout=10,
        )
        assert len(told) == 1
        print(f"\nRedis frozen: ack {ack_s * 1000:.0f} ms, /readyz 503 in {probe_s * 1000:.0f} ms")
        for n, command in enumerate(("consult 2", "triage neurips2025")):  # acked, and told
            url = f"{slack.url}/response/frozen{n}"
            began = time.monotonic()
            assert s.command(command, "U70", "CF", response_url=url).status_code == 200
            assert time.monotonic() - began < 3.0
            sorry = slack.wait_for(lambda n=n: slack.responses(f"frozen{n}"), timeout=10)
            assert "storage is not responding" in sorry[0]["text"]
        time.sleep(max(0.0, 15 - (time.monotonic() - away)))
        os.kill(own.pid, signal.SIGCONT)
        frozen = False
        slack.wait_for(lambda: s.http.get("/readyz").status_code == 200, timeout=20)
        for q in questions[1:]:  # the user sends that answer again, then the rest
            before = len(slack.thread("CF", thread))
            send(s, typical(q), thread, "U70", "CF")
            slack.wait_for(lambda before=before: len(slack.thread("CF", thread)) > before)
        slack.wait_for(lambda: reports(slack, "CF", thread), timeout=60)
        r = redis.Redis.from_url(s.redis_url)
        slack.wait_for(lambda: r.zcard("na:{jobs}:due") == 0, timeout=60)
        counts = Counter(
            m.group(0)
            for p in slack.thread("CF", thread)
            for m in [re.search(r"\b[1-8]/8\b", str(p.get("blocks") or ""))]
            if m
        )
        assert counts == {f"{n}/8": 1 for n in range(1, 9)}
        assert len(reports(slack, "CF", thread)) == 1
        # the consultation asked for while frozen and said not started was not started later
        assert r.zcard("na:{slack:T1:U70}:index") == 1
    finally:
        if frozen:
            os.kill(own.pid, signal.SIGCONT)
        s.stop()
        reap()
        own.stop()


def test_installable_anywhere_redis_away_is_acked_and_told(
    slack: FakeSlack, catalog: Catalog, tmp_path: Path
) -> None:
    """With OAuth (any workspace installs the app), Bolt reads the workspace's installation
    from Redis before every ack: with Redis away every request was answered 500 (Slack sends
    it again later) and nobody was told. The installation last read is used meanwhile."""
    from consultations.adapters.slack.installations import Installations
    from tests.integration.test_slack_oauth import installation, oauth_settings

    own = EmbeddedRedis(tmp_path / "redis", port=free_port())
    own.start()
    s = Stack(
        own.url,
        0,
        slack.url,
        tmp_path / "stack",
        SLACK_CLIENT_ID="111.222",
        SLACK_CLIENT_SECRET="client-secret",
        SLACK_REDIRECT_URI="https://advisor.example.com/slack/oauth_redirect",
    )
    del s.env["SLACK_BOT_TOKEN"]
    client = redis.Redis.from_url(s.redis_url)
    Installations(oauth_settings(), client).store.save(installation("T1", "xoxb-fake"))
    client.close()
    try:
        s.start_server()  # no worker: the first questions are the server's to ask
        thread = start(s, slack, "U61", "3", "CO")
        own.stop()
        first = typical(catalog.by_slug("edge-economics").questions[0])
        status, ack_s = send(s, first, thread, "U61", "CO")
        assert status == 200 and ack_s < 3.0
        slack.wait_for(lambda: [p for p in slack.thread("CO", thread) if p["text"] == SORRY_ANSWER])
        url = f"{slack.url}/response/oauth-away"
        assert s.command("status", "U62", "CO", response_url=url).status_code == 200  # new user
        told = slack.wait_for(lambda: slack.responses("oauth-away"))[0]["text"]
        assert "storage is not responding" in told and "again in a minute" in told
    finally:
        s.stop()
        own.stop()
