"""Slack, fast and in-process: requests signed exactly as Slack signs them, dispatched through
the production Bolt app (``build_bolt_app``) with its real listeners, desk and service on a real
Redis; the Web API is a local server speaking Slack's protocol, and the job queue records what
the workers would be asked to do. The slow subprocess tests in ``test_slack.py`` keep the whole
stack (server process, Celery worker) honest; these cover what the listeners do, quickly.

Every request returns once Bolt has finished the work it started after the ack, so "nothing
happened" is an honest assertion here, not a sleep that hopes.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlencode

import pytest
import redis
from pydantic import SecretStr
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.signature import SignatureVerifier

from bot.slack.asides import RECENT
from bot.slack.events import SORRY, SORRY_ANSWER, SORRY_REPLY, STORE_AWAY_HOME
from bot.slack.routes import build_bolt_app
from consultations.adapters.bootstrap import App, assemble
from consultations.adapters.embedded_redis import EmbeddedRedis, free_port
from consultations.adapters.settings import Settings
from consultations.adapters.slack.client import close_client
from consultations.adapters.slack.gateway import NOT_WRITTEN
from consultations.catalog import Catalog
from consultations.state import Delivery, Owner, Status
from tests.fakes.jobs import RecordingJobQueue
from tests.fakes.slack_api import FakeSlack
from tests.unit.test_engine import typical

SECRET = "fast-signing-secret"  # noqa: S105 — a test value
DB = 10  # a Redis database of its own (the subprocess stacks use 3-7)
_ids = itertools.count(1)


def build_app(redis_url: str, catalog: Catalog, jobs: RecordingJobQueue, slack_url: str) -> App:
    """The parts ``bootstrap`` wires, wired the same way, with the job queue at the boundary."""
    settings = Settings(
        redis_url=redis_url,
        slack_bot_token=SecretStr("xoxb-fake"),
        slack_signing_secret=SecretStr(SECRET),
        slack_api_url=f"{slack_url}/api/",
        neurips_llm="offline",
    )
    client = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=1)
    return assemble(settings, client, redis_url, jobs, catalog=catalog)


async def _dispatch(bolt: AsyncApp, request: AsyncBoltRequest) -> BoltResponse:
    """The ack, then wait for every task Bolt started after it (this loop runs nothing else)."""
    response = await bolt.async_dispatch(request)
    me = asyncio.current_task()
    while pending := [t for t in asyncio.all_tasks() if t is not me and not t.done()]:
        await asyncio.wait(pending)
    return response


class SignedSlack:
    """Slack's side of the wire: signed requests into the Bolt app, and what came back."""

    def __init__(self, bolt: AsyncApp, loop: asyncio.AbstractEventLoop, fake: FakeSlack) -> None:
        self.bolt, self.loop, self.fake = bolt, loop, fake

    def close(self) -> None:
        """Close the Web API client's pooled session, in the loop it was opened in."""
        asyncio.run_coroutine_threadsafe(close_client(self.bolt.client), self.loop).result(
            timeout=10
        )

    def send(self, body: str, content_type: str, **headers: str) -> BoltResponse:
        """Signed as Slack signs (``headers`` may override, e.g. with a forged signature)."""
        ts = str(int(time.time()))
        signature = SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=body)
        assert signature is not None
        signed: dict[str, str | Sequence[str]] = {
            "content-type": content_type,
            "x-slack-request-timestamp": ts,
            "x-slack-signature": signature,
            **headers,
        }
        request = AsyncBoltRequest(body=body, headers=signed)
        future = asyncio.run_coroutine_threadsafe(_dispatch(self.bolt, request), self.loop)
        return future.result(timeout=10)

    def command(self, text: str, user: str = "U1", channel: str = "C1") -> list[dict[str, Any]]:
        """``/neurips text``; what was sent back to its response_url."""
        name = f"r{next(_ids)}"
        form = {
            "token": "x",
            "team_id": "T1",
            "channel_id": channel,
            "user_id": user,
            "command": "/neurips",
            "text": text,
            "response_url": f"{self.fake.url}/response/{name}",
            "trigger_id": "1.2.3",
        }
        acked = self.send(urlencode(form), "application/x-www-form-urlencoded")
        assert acked.status == 200
        return self.fake.responses(name)

    def event(self, event: dict[str, Any], event_id: str | None = None, **headers: str) -> None:
        body = {
            "type": "event_callback",
            "team_id": "T1",
            "api_app_id": "A1",
            "event_id": event_id or f"Ev{next(_ids):06d}",
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
        assert self.send(json.dumps(body), "application/json", **headers).status == 200

    def message(
        self,
        user: str,
        thread: str,
        text: str,
        channel: str = "C1",
        *,
        files: list[dict[str, str]] | None = None,
        event_id: str | None = None,
        retry: int = 0,
    ) -> None:
        """A message in a thread (with ``files``: a file shared there); ``retry``: Slack
        delivering the same event again after a timeout."""
        event: dict[str, Any] = {
            "type": "message",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": f"{time.time():.6f}",
            "thread_ts": thread,
            "channel_type": "channel",
        }
        if files:
            event.update(subtype="file_share", files=files)
        again = {"x-slack-retry-num": str(retry), "x-slack-retry-reason": "http_timeout"}
        self.event(event, event_id, **(again if retry else {}))

    def click(
        self, user: str, action: dict[str, Any], channel: str | None = "C1"
    ) -> list[dict[str, Any]]:
        """A button pressed in a message (``channel=None``: on the Home tab); what was sent
        back to its response_url."""
        name = f"a{next(_ids)}"
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "team_id": "T1"},
            "team": {"id": "T1"},
            "api_app_id": "A1",
            "actions": [{"type": "button", "action_ts": f"{time.time():.6f}", **action}],
            "trigger_id": "1.2.3",
        }
        if channel is None:
            payload["container"] = {"type": "view", "view_id": "V1"}
            payload["view"] = {"id": "V1", "type": "home"}
        else:
            payload["channel"] = {"id": channel}
            payload["container"] = {"type": "message", "channel_id": channel}
            payload["response_url"] = f"{self.fake.url}/response/{name}"
        body = urlencode({"payload": json.dumps(payload)})
        assert self.send(body, "application/x-www-form-urlencoded").status == 200
        return self.fake.responses(name)

    def start(self, user: str, ref: str, channel: str = "C1") -> str:
        """``/neurips consult ref``; the thread it lives in (its first question is there)."""
        assert self.command(f"consult {ref}", user, channel) == []  # it answers in the thread
        parents = [
            p
            for p in self.fake.requests_with_ts()
            if p["channel"] == channel and p["text"].startswith(f"<@{user}> started")
        ]
        thread = parents[-1]["ts"]
        assert self.fake.thread(channel, thread)
        return thread

    def thread(self, thread: str, channel: str = "C1") -> list[str]:
        """The text of every message posted in a thread, blocks included."""
        return [text_of(p) for p in self.fake.thread(channel, thread)]

    def last_post(self, thread: str) -> dict[str, Any]:
        return [p for p in self.fake.requests_with_ts() if p.get("thread_ts") == thread][-1]


def text_of(post: dict[str, Any]) -> str:
    blocks = post.get("blocks") or []
    return "\n".join([*(json.dumps(b, ensure_ascii=False) for b in blocks), post.get("text") or ""])


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    """One event loop on a thread of its own, as the server's: Bolt's after-ack work runs on it."""
    running = asyncio.new_event_loop()
    thread = threading.Thread(target=running.run_forever, daemon=True)
    thread.start()
    yield running
    running.call_soon_threadsafe(running.stop)
    thread.join(timeout=5)
    running.close()


@pytest.fixture(scope="module")
def slack_server() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.fixture
def fake(slack_server: FakeSlack) -> FakeSlack:
    slack_server.reset()
    return slack_server


@pytest.fixture
def db_url(redis_server: EmbeddedRedis) -> str:
    return redis_server.url.rsplit("/", 1)[0] + f"/{DB}"


@pytest.fixture
def db(db_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(db_url)
    client.flushdb()
    yield client
    client.close()


@pytest.fixture
def jobs() -> RecordingJobQueue:
    return RecordingJobQueue()


@pytest.fixture
def app(
    db_url: str, db: redis.Redis, catalog: Catalog, jobs: RecordingJobQueue, fake: FakeSlack
) -> Iterator[App]:
    built = build_app(db_url, catalog, jobs, fake.url)
    yield built
    built.close()


@pytest.fixture
def slack(app: App, loop: asyncio.AbstractEventLoop, fake: FakeSlack) -> Iterator[SignedSlack]:
    signed = SignedSlack(build_bolt_app(app), loop, fake)
    yield signed
    signed.close()


U1 = Owner(platform="slack", workspace="T1", user="U1")


# --- slash commands ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["consult", ""])
def test_consult_alone_offers_the_eight_as_buttons_and_one_starts(
    slack: SignedSlack, fake: FakeSlack, catalog: Catalog, text: str
) -> None:
    (picker,) = slack.command(text)
    starts = [b["accessory"] for b in picker["blocks"] if "accessory" in b]
    assert [s["value"] for s in starts] == [s.slug for s in catalog.scripts]
    assert slack.click("U1", starts[6]) == []  # it answers in a new thread
    (parent,) = [p for p in fake.requests_with_ts() if "thread_ts" not in p]
    assert parent["text"].startswith("<@U1> started *Diffusion Model IP Risk Assessment*")
    assert "1/6" in slack.thread(parent["ts"])[0]


@pytest.mark.parametrize("ref", ["3", "edge-economics", "Edge-Economics"])
def test_consult_by_number_or_name_asks_the_first_question_in_a_thread(
    slack: SignedSlack, app: App, catalog: Catalog, ref: str
) -> None:
    thread = slack.start("U1", ref)
    (first,) = slack.thread(thread)
    script = catalog.by_slug("edge-economics")
    assert "1/8" in first and script.questions[0].text[:40] in first
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.slug == "edge-economics" and c.status is Status.ACTIVE


def test_an_unknown_consultation_names_the_choices_and_starts_nothing(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    (reply,) = slack.command("consult 12")
    assert "No consultation called '12'" in reply["text"] and "Choose 1-8" in reply["text"]
    assert fake.calls("chat.postMessage") == []


def test_an_unknown_command_gets_help(slack: SignedSlack) -> None:
    (reply,) = slack.command("dance")
    assert "I don't know `dance`" in reply["text"]
    assert "/neurips consult" in reply["text"] and "/neurips triage" in reply["text"]


def test_status_lists_my_consultations_with_a_link_to_each_thread(slack: SignedSlack) -> None:
    (empty,) = slack.command("status")
    assert "no consultations yet" in empty["text"]
    thread = slack.start("U1", "5")
    (status,) = slack.command("status")
    assert "*Research Curation System*" in status["text"]  # Markdown bold, as Slack's mrkdwn
    assert "0 of" in status["text"] and "in progress" in status["text"]
    assert f"/archives/C1/p{thread.replace('.', '')}" in status["text"]
    (other,) = slack.command("status", user="U2")  # another user sees only their own
    assert "no consultations yet" in other["text"]


def test_resume_asks_the_current_question_again_in_its_thread(slack: SignedSlack) -> None:
    (nothing,) = slack.command("resume")
    assert "Nothing in progress" in nothing["text"]
    thread = slack.start("U1", "3")
    slack.message("U1", thread, "5M")
    (reply,) = slack.command("resume")
    assert "Picking up *Edge Deployment Economics* in its thread" in reply["text"]
    again = slack.thread(thread)
    assert len(again) == 3 and "2/8" in again[1] and "2/8" in again[2]


def test_cancel_stops_the_latest_consultation(slack: SignedSlack, app: App) -> None:
    """Each `/neurips cancel` says which thread it cancelled: with the same consultation open
    twice, two cancels both read 'Cancelled *Model Convergence Strategy*.'"""
    earlier = slack.start("U1", "1")
    thread = slack.start("U1", "1")
    (reply,) = slack.command("cancel")
    assert "Cancelled *Model Convergence Strategy*" in reply["text"]
    assert f"p{thread.replace('.', '')}|open thread>" in reply["text"]
    assert "Cancelled. Nothing more will be asked" in slack.thread(thread)[-1]
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.status is Status.CANCELLED
    (second,) = slack.command("cancel")
    assert f"p{earlier.replace('.', '')}|open thread>" in second["text"]
    (again,) = slack.command("cancel")
    assert "Nothing in progress to cancel" in again["text"]


def test_forget_asks_first_and_keep_deletes_nothing(slack: SignedSlack, db: redis.Redis) -> None:
    slack.start("U1", "2")
    keys = set(db.scan_iter(match="na:{slack:T1:U1}:*"))
    (confirm,) = slack.command("forget")
    buttons = confirm["blocks"][1]["elements"]
    assert [b["action_id"] for b in buttons] == ["forget_confirm", "forget_cancel"]
    (kept,) = slack.click("U1", buttons[1])
    assert kept == {"replace_original": True, "text": "Kept: nothing was deleted."}
    assert keys and set(db.scan_iter(match="na:{slack:T1:U1}:*")) == keys


def test_forget_confirmed_deletes_everything_about_me_and_only_me(
    slack: SignedSlack, db: redis.Redis
) -> None:
    slack.start("U1", "2")
    slack.start("U2", "2")
    slack.command("digest subscribe friday 09:00 UTC", channel="CD")
    assert any(b"U1" in v for v in db.hvals("na:digest:subs"))
    (confirm,) = slack.command("forget")
    (done,) = slack.click("U1", confirm["blocks"][1]["elements"][0])
    assert done["replace_original"] is True and "Done: deleted" in done["text"]
    assert list(db.scan_iter(match="na:{slack:T1:U1}:*")) == []
    assert not any(b"U1" in v for v in db.hvals("na:digest:subs"))  # no id left behind
    assert list(db.scan_iter(match="na:{slack:T1:U2}:*"))  # someone else's stays
    (status,) = slack.command("status")
    assert "no consultations yet" in status["text"]


# --- digests and triage: what the workers are asked to do --------------------------------------


def test_digest_subscribe_preview_now_unsubscribe(
    slack: SignedSlack, jobs: RecordingJobQueue
) -> None:
    (early,) = slack.command("digest preview", channel="CD")
    assert "has no digest yet" in early["text"] and jobs.sent == []
    (sub,) = slack.command("digest subscribe <#CX|research> monday 08:30 UTC", channel="CD")
    assert sub["text"].startswith("Subscribed <#CX> to the research digest")
    (bad,) = slack.command("digest subscribe someday", channel="CD")
    assert "That subscription does not work" in bad["text"]
    (preview,) = slack.command("digest preview", user="U2", channel="CX")
    (now,) = slack.command("digest now", channel="CX")
    assert "only you will see" in preview["text"] and "Posting" in now["text"]
    assert jobs.of("digest") == [
        ("slack:T1:CX", "preview", "", "U2"),
        ("slack:T1:CX", "now", "", ""),
    ]
    (off,) = slack.command("digest unsubscribe", channel="CX")
    assert off["text"] == "Unsubscribed <#CX>."
    slack.command("digest now", channel="CX")
    assert len(jobs.of("digest")) == 2  # nothing more was queued


def test_triage_of_arxiv_ids_creates_and_queues_one_job(
    slack: SignedSlack, app: App, fake: FakeSlack, jobs: RecordingJobQueue
) -> None:
    (reply,) = slack.command("triage https://arxiv.org/abs/2505.06708v2 2501.00001", channel="CT")
    assert reply["text"] == "Triaging 2 paper(s) on a worker; results in the thread."
    (parent,) = fake.requests_with_ts()
    assert parent["channel"] == "CT" and "fetching 2 arXiv paper(s)" in parent["text"]
    ((job,),) = jobs.of("triage")
    spec = app.triage_jobs.get(job)
    assert spec["ids"] == "2505.06708,2501.00001" and spec["user"] == "U1"
    assert spec["channel"] == "CT" and spec["thread_ts"] == spec["progress_ts"] == parent["ts"]


@pytest.mark.parametrize("text", ["consult 1", "triage 2505.06708", "triage"])
def test_a_channel_the_bot_cannot_post_in_falls_back_to_a_direct_message(
    slack: SignedSlack, fake: FakeSlack, text: str
) -> None:
    fake.no_post_channels.add("CLOCKED")
    replies = slack.command(text, channel="CLOCKED")
    assert not any(r["text"].startswith(SORRY) for r in replies)
    (opened,) = fake.calls("conversations.open")
    assert opened["users"] == "U1"
    (parent,) = [p for p in fake.requests_with_ts() if "thread_ts" not in p]
    assert parent["channel"] == "DU1" and parent["text"].startswith(("<@U1>", "Triage for <@U1>"))
    # and said where it went (nothing was said in the channel it was asked in)
    (told,) = [r["text"] for r in replies if "I cannot post in this channel" in r["text"]]
    assert "in our direct messages instead" in told and "add the app to the channel" in told
    if text.startswith("consult"):
        assert f"/archives/DU1/p{parent['ts'].replace('.', '')}|open thread>" in told


def test_subscribing_a_direct_message_points_to_ones_own_digest(
    slack: SignedSlack, db: redis.Redis
) -> None:
    """`/neurips digest subscribe` typed in the DM with the app answered 'Subscribed <#D…>' (a
    broken channel link) and scheduled a channel digest into the DM."""
    (reply,) = slack.command("digest subscribe monday 9am", user="U51", channel="DU51")
    assert reply["text"].startswith("This is our direct message, not a channel: ")
    assert "`/neurips digest mine weekly`" in reply["text"] and "<#D" not in reply["text"]
    assert db.hget("na:digest:subs", "slack:T1:DU51") is None  # nothing scheduled


def test_a_channel_digest_asked_daily_is_refused_in_one_sentence(
    slack: SignedSlack, db: redis.Redis
) -> None:
    """'That subscription does not work: A channel's digest…': a capital mid-sentence."""
    (reply,) = slack.command("digest subscribe daily", user="U53", channel="C53")
    assert reply["text"].startswith(
        "That subscription does not work: a channel's digest comes weekly (give it a day"
    )
    assert db.hget("na:digest:subs", "slack:T1:C53") is None  # nothing scheduled


def test_a_mistyped_digest_word_is_named_and_the_likely_one_offered(
    slack: SignedSlack, db: redis.Redis
) -> None:
    """`/neurips digest subscibe monday 9am` and `digest foo` answered with the status alone,
    as if understood."""
    (typo,) = slack.command("digest subscibe monday 9am", user="U52", channel="C52")
    assert typo["text"].startswith(
        "I don't know `digest subscibe`: did you mean `/neurips digest subscribe monday 9am`?\n"
    )
    assert "<#C52>: none" in typo["text"]  # the status follows, and nothing was subscribed
    (foo,) = slack.command("digest foo", user="U52", channel="C52")
    assert foo["text"].startswith("I don't know `digest foo`.\n*Research digest*")
    (plain,) = slack.command("digest", user="U52", channel="C52")
    assert plain["text"].startswith("*Research digest* · <#C52>: none")


def test_triage_of_nonsense_says_so_and_starts_nothing(
    slack: SignedSlack, fake: FakeSlack, jobs: RecordingJobQueue, db: redis.Redis
) -> None:
    (reply,) = slack.command("triage the best papers please")
    assert "I found no arXiv ids or links there" in reply["text"]
    assert fake.calls("chat.postMessage") == [] and jobs.sent == []
    assert list(db.scan_iter(match="na:triage:*")) == []


def test_triage_without_ids_waits_for_a_file_in_its_thread(
    slack: SignedSlack, app: App, fake: FakeSlack, jobs: RecordingJobQueue
) -> None:
    (reply,) = slack.command("triage", channel="CF")
    assert reply["text"] == "Waiting for your file in the thread."
    (parent,) = fake.requests_with_ts()
    assert "share a CSV or JSONL file" in parent["text"]
    shared = {"id": "F9", "name": "mine.csv", "url_private_download": f"{fake.url}/files/mine.csv"}
    slack.message("U1", "1.000", "", channel="CF", files=[shared])
    slack.message("U2", parent["ts"], "", channel="CF", files=[shared])
    assert jobs.sent == []  # a file elsewhere, or from someone else, is not a triage request
    slack.message("U1", parent["ts"], "", channel="CF", files=[shared])
    assert "Reading mine\u2024csv" in slack.thread(parent["ts"], "CF")[0]  # a dot: no link
    ((job,),) = jobs.of("triage")
    spec = app.triage_jobs.get(job)
    assert spec["file_url"] == shared["url_private_download"] and spec["file_name"] == "mine.csv"


# --- answers in the thread ---------------------------------------------------------------------


def test_an_answer_posts_the_next_question_and_a_bad_one_is_asked_again(
    slack: SignedSlack,
) -> None:
    thread = slack.start("U1", "3")
    slack.message("U1", thread, "lots of them")
    again = slack.thread(thread)[-1]
    assert "I need a number" in again and "1/8" in again
    slack.message("U1", thread, "no idea")
    again = slack.thread(thread)[-1]
    assert "a rough guess will do" in again and "1/8" in again
    slack.message("U1", thread, "5M")
    (*_, reply) = slack.thread(thread)
    assert "5,000,000" in reply and "2/8" in reply


def test_the_last_answer_requests_the_report_once_and_says_it_is_coming(
    slack: SignedSlack, app: App, catalog: Catalog, jobs: RecordingJobQueue
) -> None:
    script = catalog.by_slug("diffusion-ip-risk")
    thread = slack.start("U1", "7")
    for q in script.questions:
        slack.message("U1", thread, typical(q))
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.status is Status.COMPLETED
    assert jobs.of("report") == [(U1.key, c.id)]
    *_, said, progress = slack.thread(thread)
    assert "That was the last question" in said and "⏳" in progress
    assert c.location["progress_ts"] == slack.last_post(thread)["ts"]  # the worker updates it
    slack.message("U1", thread, typical(script.questions[-1]))  # once more, after the end
    assert jobs.of("report") == [(U1.key, c.id)]


def test_the_last_answers_note_and_the_summary_stay_when_the_report_arrives(
    slack: SignedSlack, app: App, catalog: Catalog, fake: FakeSlack
) -> None:
    """The worker replaced the "writing your report" message with "Your report is ready", and
    with it the last "Noted: …" and the summary of the answers the report was written with."""
    script = catalog.by_slug("diffusion-ip-risk")
    thread = slack.start("U1", "7")
    for q in script.questions:
        slack.message("U1", thread, typical(q))
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None
    app.gateway("slack").post_report(app.service.write_report(U1, c.id, app.narrator))
    shown = fake.shown("C1", thread)
    assert "Your report is ready, just below. ✅" in shown and not any("⏳" in t for t in shown)
    (said,) = [t for t in shown if "That was the last question" in t]
    assert said.startswith("_Noted: ") and "Writing your report with: " in said


def test_a_report_that_could_not_be_written_leaves_no_hourglass(
    slack: SignedSlack, app: App, catalog: Catalog, fake: FakeSlack
) -> None:
    """When the workers gave up, "⏳ Writing your report…" stayed above the apology for good."""
    script = catalog.by_slug("diffusion-ip-risk")
    thread = slack.start("U1", "7")
    for q in script.questions:
        slack.message("U1", thread, typical(q))
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None
    failed = app.service.mark_delivery(U1, c.id, Delivery.FAILED, "WorkersKeptDying: …")
    app.gateway("slack").post_notice(failed, "Sorry, the report could not be written.")
    shown = fake.shown("C1", thread)
    assert not any("⏳" in t for t in shown)
    assert shown[-2:] == [NOT_WRITTEN, "Sorry, the report could not be written."]


def test_after_the_report_edit_n_writes_it_again_and_chat_is_left_alone(
    slack: SignedSlack, app: App, catalog: Catalog, jobs: RecordingJobQueue
) -> None:
    script = catalog.by_slug("diffusion-ip-risk")
    thread = slack.start("U1", "7")
    for q in script.questions:
        slack.message("U1", thread, typical(q))
    before = len(slack.thread(thread))
    slack.message("U1", thread, "thanks, very useful")  # people talk about the report
    assert len(slack.thread(thread)) == before and len(jobs.of("report")) == 1
    slack.message("U1", thread, "edit 1")
    assert "1/6" in slack.thread(thread)[-1]  # the first question again
    slack.message("U1", thread, typical(script.questions[0]))
    assert "last question" in slack.thread(thread)[-2]
    assert len(jobs.of("report")) == 2  # the report is written again


@pytest.mark.parametrize("typed", ["status", "help"])
def test_status_or_help_under_the_report_is_answered_to_the_writer(
    slack: SignedSlack, catalog: Catalog, fake: FakeSlack, typed: str
) -> None:
    """`status` or `help` typed in a finished consultation's thread met silence. (No worker
    here: the report is still being written, so it is not said to be above.)"""
    script = catalog.by_slug("diffusion-ip-risk")
    thread = slack.start("U1", "7")
    for q in script.questions:
        slack.message("U1", thread, typical(q))
    before = len(slack.thread(thread))
    slack.message("U1", thread, typed)
    (told,) = fake.calls("chat.postEphemeral")
    assert told["user"] == "U1" and told["thread_ts"] == thread
    assert "*Diffusion Model IP Risk Assessment*" in told["text"]
    assert "finished, report being written" in told["text"]
    assert "its report is above" not in told["text"]
    assert len(slack.thread(thread)) == before  # said to the writer alone


def test_an_unreadable_record_is_set_aside_and_told_in_its_thread(
    slack: SignedSlack, app: App
) -> None:
    thread = slack.start("U1", "3")
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None
    app.redis.hset(f"na:{{{U1.key}}}:c:{c.id}", "doc", '{"slug": "edge-economics", "id": 7')
    slack.message("U1", thread, "5M")
    told = slack.thread(thread)[-1]
    assert "could not be restored" in told and "Edge Deployment Economics" in told
    (status,) = slack.command("status")  # everything else keeps working
    assert "no consultations yet" in status["text"]


def test_the_same_event_delivered_again_moves_the_consultation_once(slack: SignedSlack) -> None:
    thread = slack.start("U1", "1")
    for retry in (0, 1, 2):
        slack.message("U1", thread, "GPT-4o for chat, Claude for code", event_id="Ev1", retry=retry)
    posts = slack.thread(thread)
    assert len(posts) == 2 and "2/6" in posts[1]


def test_a_strangers_message_in_my_thread_changes_nothing(slack: SignedSlack, app: App) -> None:
    thread = slack.start("U1", "7")
    slack.message("U4", thread, "ads for our shop")
    assert len(slack.thread(thread)) == 1
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.answers == {}
    slack.message("U1", thread, "ads for our shop")
    assert "2/6" in slack.thread(thread)[-1]


# --- buttons -----------------------------------------------------------------------------------


def choice_buttons(slack: SignedSlack, thread: str) -> list[dict[str, Any]]:
    actions = next(b for b in slack.last_post(thread)["blocks"] if b["type"] == "actions")
    return [{**e, "block_id": actions["block_id"]} for e in actions["elements"]]


def test_a_choice_button_answers_once_and_a_second_click_changes_nothing(
    slack: SignedSlack,
) -> None:
    thread = slack.start("U1", "4")
    for text in ("support bot", "MCP servers, SQL", "loops", "datadog"):
        slack.message("U1", thread, text)
    assert "5/7" in slack.thread(thread)[-1]
    regulated = choice_buttons(slack, thread)[2]
    assert slack.click("U1", regulated) == []
    after = slack.thread(thread)
    assert "Yes, a regulator" in after[-1] and "6/7" in after[-1]
    slack.click("U1", regulated)  # the same button again, on a question already answered
    assert slack.thread(thread) == after


def test_a_strangers_click_is_refused_to_them_alone(slack: SignedSlack, fake: FakeSlack) -> None:
    thread = slack.start("U1", "4")
    for text in ("support bot", "MCP servers, SQL", "loops", "datadog"):
        slack.message("U1", thread, text)
    before = slack.thread(thread)
    slack.click("U8", choice_buttons(slack, thread)[0])
    (refusal,) = fake.calls("chat.postEphemeral")
    assert refusal["user"] == "U8" and "or someone else's" in refusal["text"]
    assert slack.thread(thread) == before


def test_a_click_after_forget_is_not_said_to_be_someone_elses(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    """After `/neurips forget`, a button of one's own deleted consultation answered 'That
    question belongs to someone else's consultation.'"""
    thread = slack.start("U1", "4")
    for text in ("support bot", "MCP servers, SQL", "loops", "datadog"):
        slack.message("U1", thread, text)
    button = choice_buttons(slack, thread)[0]
    (confirm,) = slack.command("forget")
    (done,) = slack.click("U1", confirm["blocks"][1]["elements"][0])
    assert done["text"].startswith("Done: deleted")
    slack.click("U1", button)
    (told,) = fake.calls("chat.postEphemeral")
    assert told["user"] == "U1" and told["text"] == (
        "Nothing was changed: that button's consultation is not stored for you (deleted, "
        "expired, or someone else's). `/neurips consult` starts one."
    )


# --- events that are not answers --------------------------------------------------------------


def test_the_home_tab_lists_my_consultations_and_starts_one_in_a_dm(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    slack.start("U1", "8")
    slack.event({"type": "app_home_opened", "user": "U1", "tab": "home", "channel": "DHOME"})
    (published,) = fake.calls("views.publish")
    view = json.dumps(published["view"])
    assert published["user_id"] == "U1"
    assert "2026 AI Strategy Synthesis" in view and "in progress" in view and "Start" in view
    start = next(b["accessory"] for b in published["view"]["blocks"] if "accessory" in b)
    slack.click("U1", start, channel=None)  # the Home tab is no channel: a direct message
    parent = next(p for p in fake.requests_with_ts() if p["channel"] == "DU1")
    assert parent["text"].startswith("<@U1> started *") and slack.thread(parent["ts"], "DU1")
    # and the tab says where it went (nothing seemed to happen there)
    _, again = fake.calls("views.publish")
    notice = again["view"]["blocks"][1]["text"]["text"]
    assert notice.startswith("✅ Started *Model Convergence Strategy*: its first question is in")
    assert f"/archives/DU1/p{parent['ts'].replace('.', '')}|open thread>" in notice


def test_a_reaction_on_a_digest_item_nudges_its_questions_once(
    slack: SignedSlack, app: App, db: redis.Redis
) -> None:
    key = "slack:T1:CD"
    app.digest_store.remember_items(key, {"1700000099.000100": ["cost", "failure"]})  # a worker
    item = {"type": "message", "channel": "CD", "ts": "1700000099.000100"}
    for reaction, user, event_id in (("+1", "U5", "Ev1"), ("+1", "U5", "Ev1"), ("-1", "U6", "")):
        react = {"type": "reaction_added", "user": user, "reaction": reaction, "item": item}
        slack.event(react, event_id or None)
    assert app.digest_store.nudges(key) == {"cost": 0.0, "failure": 0.0}  # +1 once, then -1
    slack.event({"type": "reaction_added", "user": "U7", "reaction": "tada", "item": item})
    slack.event({"type": "reaction_added", "user": "U7", "reaction": "thumbsup", "item": item})
    assert app.digest_store.nudges(key) == {"cost": 1.0, "failure": 1.0}  # 🎉 is not a vote


# --- hostile text, errors after the ack ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        # Slack's markup is read as typed (<!channel> is @channel), then made inert
        ("consult <!channel>", "No consultation called '@\u200bchannel'"),
        ("<!channel>", "I don't know `@\u200bchannel`"),
        ("<!here|here> now", "I don't know `@\u200bhere`"),
        ("consult @everyone", "No consultation called '@\u200beveryone'"),
        ("digest subscribe <!everyone> friday", "did not understand '@\u200beveryone'"),
    ],
)
def test_hostile_text_is_quoted_inert_never_live(
    slack: SignedSlack, fake: FakeSlack, text: str, reply: str
) -> None:
    (said,) = slack.command(text)
    assert reply in said["text"]  # the user sees what they typed, and nobody is notified
    assert "<!" not in said["text"] and "@everyone" not in said["text"]
    assert fake.calls("chat.postMessage") == []


def test_hostile_answers_are_quoted_back_escaped(slack: SignedSlack) -> None:
    thread = slack.start("U1", "7")
    slack.message("U1", thread, "<!channel> ads <https://evil.example|click> & @here")
    slack.message("U1", thread, "<!everyone>")
    slack.message("U1", thread, "back")
    posts = slack.thread(thread)
    assert "Noted: @\u200bchannel ads click" in posts[1]  # read as typed, made inert
    assert "@\u200bhere" in posts[1] and "evil.example" not in posts[1]  # no live link
    assert "Your answer was: @\u200beveryone" in posts[3]
    assert not any("<!" in p or "<http" in p or "&lt;!" in p for p in posts)


def test_slack_failing_after_the_ack_is_told_to_the_user_where_they_wrote(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    fake.fail("chat.postMessage")
    (sorry,) = slack.command("consult 3")  # acked (200) at once, though it failed in a moment
    assert sorry["text"].startswith(SORRY)
    thread = slack.start("U1", "3")  # and then it works
    fake.fail("chat.postMessage")
    slack.message("U1", thread, "5M")
    # the answer was saved, the next question was not posted: the user is not told to resend
    assert slack.thread(thread)[-1] == SORRY_REPLY
    (resumed,) = slack.command("resume")
    assert "Picking up" in resumed["text"] and "2/8" in slack.thread(thread)[-1]


def test_redis_down_is_told_to_the_user_in_the_thread_the_command_the_button_and_home(
    catalog: Catalog, loop: asyncio.AbstractEventLoop, fake: FakeSlack
) -> None:
    """Every reply while the store is away says so plainly and what to do (a command used to
    answer "the advisor hit an error"; the Home tab stayed as it was, saying nothing)."""
    dead = build_app(f"redis://127.0.0.1:{free_port()}/0", catalog, RecordingJobQueue(), fake.url)
    slack = SignedSlack(build_bolt_app(dead), loop, fake)
    storage = "the advisor's storage is not responding right now, so nothing was saved"
    try:
        for command in ("status", "consult 3"):
            (sorry,) = slack.command(command)
            assert storage in sorry["text"]
            assert "send the command again in a minute" in sorry["text"]
        slack.message("U1", "1700000001.000100", "5M")
        assert slack.thread("1700000001.000100") == [SORRY_ANSWER]
        choice = {"action_id": "answer_choice_1", "value": "c1|1", "block_id": "q:k:team"}
        (pressed,) = slack.click("U1", choice)
        assert storage in pressed["text"]
        assert "press the button again in a minute" in pressed["text"]
        slack.event({"type": "app_home_opened", "user": "U1", "tab": "home", "channel": "DHOME"})
        (home,) = fake.calls("views.publish")
        assert home["user_id"] == "U1" and home["view"]["blocks"][1]["text"]["text"] == (
            STORE_AWAY_HOME
        )
        assert "Start" in json.dumps(home["view"])  # the eight are still offered
        start = next(b["accessory"] for b in home["view"]["blocks"] if "accessory" in b)
        slack.click("U1", start, channel=None)  # Start on the Home tab: told there
        _, again = fake.calls("views.publish")
        told = again["view"]["blocks"][1]["text"]["text"]
        assert storage in told and "press the button again in a minute" in told
    finally:
        slack.close()
        dead.close()


def test_a_forged_signature_is_refused_and_does_nothing(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    body = urlencode({"team_id": "T1", "user_id": "U1", "command": "/neurips", "text": "consult 3"})
    forged = {"x-slack-signature": "v0=" + "0" * 64}
    assert slack.send(body, "application/x-www-form-urlencoded", **forged).status == 401
    assert fake.calls("chat.postMessage") == []


# --- what moves nothing, yet was meant to --------------------------------------------------


def changed(user: str, thread: str, ts: str, was: str, now: str | None) -> dict[str, Any]:
    """Slack's event for a message edited (``now``: its new text) or deleted (None)."""
    before = {"type": "message", "user": user, "text": was, "ts": ts, "thread_ts": thread}
    event: dict[str, Any] = {
        "type": "message",
        "channel": "C1",
        "hidden": True,
        "ts": f"{time.time():.6f}",
        "previous_message": before,
    }
    if now is None:
        return {**event, "subtype": "message_deleted", "deleted_ts": ts}
    edited = {**before, "text": now, "edited": {"user": user, "ts": f"{time.time():.6f}"}}
    return {**event, "subtype": "message_changed", "message": edited}


def test_an_answer_edited_or_deleted_says_to_its_writer_what_stands(
    slack: SignedSlack, fake: FakeSlack, app: App
) -> None:
    thread = slack.start("U1", "3")
    slack.message("U1", thread, "5M")
    slack.message("U1", thread, "lots")  # refused: a number is needed
    posted = len(slack.thread(thread))

    slack.event(changed("U1", thread, "1.000001", "5M", "6M"))
    slack.event(changed("U1", thread, "1.000002", "lots", "1200 in, 300 out"))
    slack.event(changed("U1", thread, "1.000001", "5M", None))
    slack.event(changed("U1", thread, "1.000001", "5M", "5M"))  # a link unfurled: same words
    slack.event(changed("U2", thread, "1.000003", "5M", "7M"))  # not their consultation
    told = fake.calls("chat.postEphemeral")
    assert [(p["user"], p["thread_ts"]) for p in told] == [("U1", thread)] * 3
    edited, refused, deleted = (p["text"] for p in told)
    assert "I do not read edits, so question 1 keeps your answer as first sent" in edited
    assert "(5,000,000 requests a month)" in edited and "type `edit 1` here" in edited
    assert "your edit changed nothing" in refused and "as a new message" in refused
    assert "Deleting a message does not take its answer back: question 1" in deleted
    assert len(slack.thread(thread)) == posted  # nothing said in the thread
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.answers["requests"].number == 5_000_000


def test_consult_n_typed_in_a_thread_starts_that_one_in_its_own_thread(
    slack: SignedSlack, fake: FakeSlack, app: App
) -> None:
    """Slash commands do not work in threads, so people type `consult 2` there: it was taken
    as the answer ('I need 2 numbers here')."""
    thread = slack.start("U1", "3")
    slack.message("U1", thread, "5M")
    slack.message("U1", thread, "consult 2")
    told = slack.thread(thread)[-1]
    assert told.startswith("Started *Attention Infrastructure Readiness* in a thread of its own")
    assert "*Edge Deployment Economics* keeps its answers (1 of 8)" in told
    (parent,) = [
        p for p in fake.requests_with_ts() if "thread_ts" not in p and "Attention" in p["text"]
    ]
    assert f"/archives/C1/p{parent['ts'].replace('.', '')}" in told  # a link to the new one
    assert "1/" in slack.thread(parent["ts"])[0]  # its first question, there
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.answers.keys() == {"requests"}  # this one moved not
    slack.message("U1", thread, "consult our lawyers")  # names no consultation: an answer
    last = slack.thread(thread)[-1]
    assert "2/8" in last and "Started" not in last  # asked again here, nothing started
    posted = len(slack.thread(thread))
    slack.message("U2", thread, "consult 7")  # in someone else's thread: theirs starts
    (told,) = [p["text"] for p in fake.calls("chat.postEphemeral") if p["user"] == "U2"]
    assert told.startswith("Started *Diffusion Model IP Risk Assessment* in a thread of its own")
    assert "keeps its answers" not in told and len(slack.thread(thread)) == posted
    assert [p for p in fake.requests_with_ts() if p["text"].startswith("<@U2> started *Diff")]


def test_an_answer_with_a_file_attached_is_taken_and_a_file_alone_is_told(
    slack: SignedSlack, fake: FakeSlack, app: App
) -> None:
    """An answer typed with a file attached was dropped without a word (read as a file for
    triage, which this thread was not waiting for)."""
    thread = slack.start("U1", "3")
    sheet = [{"id": "F1", "name": "volumes.xlsx", "url_private": f"{fake.url}/files/v.xlsx"}]
    slack.message("U1", thread, "5M, see the sheet", files=sheet)
    assert "2/8" in slack.thread(thread)[-1]
    slack.message("U1", thread, "", files=[{**sheet[0], "name": "shot.png"}])
    assert "2/8" in slack.thread(thread)[-1] and len(slack.thread(thread)) == 2
    words, alone = (p["text"] for p in fake.calls("chat.postEphemeral"))
    # (a file's name is quoted inertly: 'volumes.xlsx' could read as a link)
    assert words.startswith("I read the words of your message only; volumes")
    assert words.endswith("xlsx was not opened.")
    assert alone.startswith("I do not open files such as shot") and "nothing was answered" in alone
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.answers["requests"].number == 5_000_000
    assert not [r for r in fake.requests if r.path.startswith("/files/")]  # nothing fetched


def test_the_home_tab_lists_whole_lines_and_says_how_many_more(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    """With 24 in progress the list was cut at Slack's 3,000 characters in the middle of a
    line ('*Diffusion Model IP Risk Assessment* (778c41c2'), its link broken, the rest unsaid."""
    for n in range(24):
        slack.command(f"consult {n % 8 + 1}")
    slack.event({"type": "app_home_opened", "user": "U1", "tab": "home", "channel": "DHOME"})
    (published,) = fake.calls("views.publish")
    listed = published["view"]["blocks"][1]["text"]["text"]
    head, *lines, more = listed.split("\n")
    assert head == "*In progress*" and len(listed) <= 3000
    assert all(line.endswith("|open thread>") for line in lines)  # each whole, its link too
    assert more == f"…and {24 - len(lines)} more: `/neurips status` lists them all."


def test_start_3_is_offered_as_consult_3_and_consult_3_please_starts_it(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    """'/neurips start 3' was 'I don't know `start`.' and the whole help; 'consult 3 please'
    was "No consultation called '3 please'"."""
    (said,) = slack.command("start 3")
    assert said["text"] == "I don't know `start`: did you mean `/neurips consult 3`?"
    (said,) = slack.command("new consultation")
    assert said["text"] == "I don't know `new`: did you mean `/neurips consult`?"
    assert fake.calls("chat.postMessage") == []  # offered, not run
    thread = slack.start("U1", "3 please")
    assert "Edge Deployment Economics" in slack.thread(thread)[0]


def test_a_question_under_the_report_is_told_once_what_can_be_done(
    slack: SignedSlack, fake: FakeSlack, catalog: Catalog, jobs: RecordingJobQueue
) -> None:
    """'why is the risk rated high?' under a finished report met silence."""
    thread = slack.start("U1", "7")
    for q in catalog.by_slug("diffusion-ip-risk").questions:
        slack.message("U1", thread, typical(q))
    before = len(slack.thread(thread))
    slack.message("U1", thread, "why is the risk rated high?")
    slack.message("U1", thread, "and who wrote it?")  # said once a thread
    slack.message("U1", thread, "thanks, very useful")  # talk is left alone
    (told,) = fake.calls("chat.postEphemeral")
    assert told["user"] == "U1" and told["thread_ts"] == thread
    assert told["text"].startswith("I cannot answer questions about the report, only write it")
    assert "Type `edit N` to change answer N" in told["text"]
    assert len(slack.thread(thread)) == before and len(jobs.of("report")) == 1  # nothing moved


def test_triage_typed_in_a_consultations_thread_is_not_taken_as_an_answer(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    """'triage neurips2025' typed in the thread at 'Which models and vendors do you use?'
    was noted as the one vendor, and question 2 passed over because of it."""
    thread = slack.start("U1", "1")
    posted = len(fake.thread("C1", thread))
    slack.message("U1", thread, "triage neurips2025")
    (told,) = fake.calls("chat.postEphemeral")
    assert told["user"] == "U1" and told["thread_ts"] == thread
    assert "`triage neurips2025` was not taken as an answer" in told["text"]
    assert "`/neurips triage neurips2025`" in told["text"]
    assert len(fake.thread("C1", thread)) == posted  # nothing noted, the question stands
    slack.message("U1", thread, "GPT-4o for chat, Claude for code")
    assert "Noted: GPT-4o" in slack.thread(thread)[-1]


def test_one_other_consultation_waiting_is_said_in_the_singular(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    """Two open in a channel, an answer written in the channel itself: the note read
    '1 more of yours wait in threads here'."""
    first = slack.start("U1", "3")
    slack.start("U1", "1")
    slack.message("U1", first, "5M")
    event = {"type": "message", "channel": "C1", "user": "U1", "text": "1200 in, 300 out"}
    slack.event({**event, "ts": f"{time.time():.6f}", "channel_type": "channel"})
    (told,) = fake.calls("chat.postEphemeral")
    one = "\n1 more of yours waits in another thread here: `/neurips status` links it."
    assert one in told["text"]


def test_an_answer_written_in_the_channel_points_to_the_thread_answered_last_once(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    """Several consultations open in one channel: a message written in the channel itself is
    told (to its writer alone, once) to go to the thread they answered last, and that the
    others are listed by `/neurips status`; nothing is taken or posted. However many of theirs
    elsewhere are newer (only their 10 latest were looked at: this one was not found)."""
    first = slack.start("U1", "3")
    slack.start("U1", "1")
    slack.start("U1", "2")
    slack.message("U1", first, "5M")  # the one they were answering
    for _ in range(RECENT):  # then as many started in another channel: not counted here
        slack.start("U1", "3", channel="C2")
    posted = len(fake.calls("chat.postMessage"))

    def in_channel(user: str, text: str) -> None:
        event = {"type": "message", "channel": "C1", "user": user, "text": text}
        slack.event({**event, "ts": f"{time.time():.6f}", "channel_type": "channel"})

    in_channel("U1", "1200 in, 300 out")
    in_channel("U1", "oops, 1200 in, 300 out")
    in_channel("U2", "lunch?")  # someone with nothing open here
    (told,) = fake.calls("chat.postEphemeral")
    assert told["user"] == "U1" and "channel" in told and "thread_ts" not in told
    text = told["text"]
    assert "*Edge Deployment Economics* go in its thread, where question 2 is waiting" in text
    assert f"p{first.replace('.', '')}|open thread>" in text
    assert "2 more of yours wait in threads here: `/neurips status` links each." in text
    assert len(fake.calls("chat.postMessage")) == posted


def test_status_and_digest_typed_in_a_consultations_thread_are_commands_as_in_teams(
    slack: SignedSlack, fake: FakeSlack, jobs: RecordingJobQueue
) -> None:
    """At 'How many requests a month?', `digest preview` was read as an answer ('I need a
    number here') and `status` only asked the question again; in Teams both are commands."""
    thread = slack.start("U1", "3")
    slack.command("digest subscribe monday 08:30 UTC", channel="C1")
    slack.message("U1", thread, "digest preview")
    (told,) = fake.calls("chat.postEphemeral")
    assert told["user"] == "U1" and told["thread_ts"] == thread
    assert "only you will see" in told["text"]
    assert jobs.of("digest") == [("slack:T1:C1", "preview", "", "U1")]
    assert "I need a number" not in "\n".join(slack.thread(thread))
    slack.message("U1", thread, "status")
    (_, listed) = fake.calls("chat.postEphemeral")
    assert "Your consultations" in listed["text"] and "Edge Deployment" in listed["text"]
    assert "1/8" in slack.thread(thread)[-1]  # the question stands, asked again
    slack.message("U1", thread, "5M")
    assert "5,000,000" in slack.thread(thread)[-1]  # nothing was taken as an answer before


def test_a_mistyped_consultation_name_is_offered_the_closest_one_and_starts_nothing(
    slack: SignedSlack, fake: FakeSlack
) -> None:
    """`/neurips consult edgy` got only the list of eight, though `consult edge` works."""
    (reply,) = slack.command("consult edgy")
    assert "No consultation called 'edgy'" in reply["text"]
    assert "Did you mean Edge Deployment Economics (`/neurips consult 3`)?" in reply["text"]
    assert fake.calls("chat.postMessage") == []
    (far,) = slack.command("consult zzz")
    assert "Did you mean" not in far["text"] and "Choose 1-8" in far["text"]


def test_the_same_consultation_started_twice_before_any_answer_says_where_the_first_is(
    slack: SignedSlack,
) -> None:
    """`/neurips consult 3` sent twice opened a second identical thread without a word; once
    the first had answers, the second said so."""
    first = slack.start("U1", "3")
    assert "already" not in slack.thread(first)[0]
    second = slack.start("U1", "3")
    (opening,) = slack.thread(second)
    link = f"/archives/C1/p{first.replace('.', '')}"
    assert "You already have this consultation open (nothing answered yet" in opening
    assert link in opening and "1/8" in opening
    third = slack.start("U1", "7")  # another consultation: nothing to say
    assert "already" not in slack.thread(third)[0]


def test_resume_and_forget_typed_in_a_consultations_thread_are_commands_as_in_teams(
    slack: SignedSlack, app: App, fake: FakeSlack
) -> None:
    """At 'What is your role?' a lone `resume` or `forget` typed in the thread was noted as the
    role; in Teams and the agent thread both are commands. Words around them stay answers."""
    thread = slack.start("U1", "5")
    slack.message("U1", thread, "resume")
    assert "1/8" in slack.thread(thread)[-1]  # this one picked up: its question again
    slack.message("U1", thread, "forget")
    (confirm,) = fake.calls("chat.postEphemeral")
    assert confirm["user"] == "U1" and confirm["thread_ts"] == thread
    buttons = confirm["blocks"][1]["elements"]
    assert [b["action_id"] for b in buttons] == ["forget_confirm", "forget_cancel"]
    assert "1/8" in slack.thread(thread)[-1]
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.answers == {}  # neither was taken as the role
    slack.message("U1", thread, "resume writer for help desk tickets")
    assert "2/8" in slack.thread(thread)[-1]


def test_digest_weekly_at_the_cadence_question_is_the_answer_and_elsewhere_a_command(
    slack: SignedSlack, app: App, catalog: Catalog, fake: FakeSlack
) -> None:
    """At 'How often should the digest arrive?', `digest weekly on Monday` was told "I don't
    know `digest weekly`" with the digest commands, and nothing asked again. Where the
    question takes any words (the role), a `digest …` line stays the digest's help."""
    thread = slack.start("U1", "5")
    slack.message("U1", thread, "digest weekly on Monday")
    (help_,) = fake.calls("chat.postEphemeral")
    assert "I don't know `digest weekly`" in help_["text"]
    script = catalog.by_slug("research-curation")
    for q in script.questions[: [q.key for q in script.questions].index("cadence")]:
        slack.message("U1", thread, typical(q))
    slack.message("U1", thread, "digest weekly on Monday")
    assert "_Noted: Weekly._" in slack.thread(thread)[-1] and "8/8" in slack.thread(thread)[-1]
    assert len(fake.calls("chat.postEphemeral")) == 1
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.answers["cadence"].choices == ("weekly",)


def test_consult_alone_in_a_consultations_thread_offers_the_eight_not_an_answer(
    slack: SignedSlack, app: App, fake: FakeSlack, catalog: Catalog
) -> None:
    """`consult` typed alone at 'What is your role?' was noted as the role ('Noted:
    consult.'); a name that is no consultation ('consult our lawyers') stays an answer."""
    thread = slack.start("U1", "5")
    slack.message("U1", thread, "consult")
    (picker,) = fake.calls("chat.postEphemeral")
    assert picker["user"] == "U1" and picker["thread_ts"] == thread
    starts = [b["accessory"]["value"] for b in picker["blocks"] if "accessory" in b]
    assert starts == [s.slug for s in catalog.scripts]
    assert "1/8" in slack.thread(thread)[-1]  # the question stands, asked again
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.answers == {}
    slack.message("U1", thread, "consult our lawyers on vendor choices")
    assert "_Noted: consult our lawyers on vendor choices._" in slack.thread(thread)[-1]


def test_an_answer_addressed_to_the_app_is_read_without_the_mention(
    slack: SignedSlack, app: App, fake: FakeSlack
) -> None:
    """'@advisor status' in the thread was an answer ('I need a number here', at a text
    question noted with the mention); people address bots so, and must in Teams."""
    thread = slack.start("U1", "3")
    slack.message("U1", thread, "<@UBOT> status")
    (listed,) = fake.calls("chat.postEphemeral")
    assert "Your consultations" in listed["text"]
    slack.message("U1", thread, "<@UBOT|advisor>: 5M")
    assert "_Noted: 5,000,000" in slack.thread(thread)[-1]


def channel_message(slack: SignedSlack, user: str, text: str, channel: str = "C1") -> None:
    """A person's message in the channel itself, not in a thread."""
    slack.event(
        {
            "type": "message",
            "channel": channel,
            "user": user,
            "text": text,
            "ts": f"{time.time():.6f}",
            "channel_type": "channel",
        }
    )


def test_the_app_addressed_in_a_channel_takes_the_command_and_says_so(
    slack: SignedSlack, app: App, fake: FakeSlack
) -> None:
    """'@advisor consult 3' or '@advisor help' in a channel met silence (only `/neurips …`
    worked); people address bots so, and must in Teams."""
    channel_message(slack, "U1", "<@UBOT> help")
    (helped,) = fake.calls("chat.postEphemeral")
    assert helped["user"] == "U1" and "/neurips consult" in helped["text"]
    channel_message(slack, "U1", "<@UBOT> consult 3")
    thread = [p for p in fake.requests_with_ts() if "started *Edge" in p["text"]][0]["ts"]
    assert "1/8" in slack.thread(thread)[0]
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.slug == "edge-economics"
    channel_message(slack, "U1", "<@UBOT> 5M")  # an answer, likely: its thread is named
    (_, pointed) = fake.calls("chat.postEphemeral")
    assert "go in its thread, where question 1 is waiting" in pointed["text"]
    channel_message(slack, "U2", "<@UBOT> dance")
    (*_, unknown) = fake.calls("chat.postEphemeral")
    assert unknown["user"] == "U2" and "I don't know `dance`" in unknown["text"]
    channel_message(slack, "U2", "lunch anyone?")  # not to the app: nothing said
    assert len(fake.calls("chat.postEphemeral")) == 3
    fake.fail("chat.postMessage")  # Slack failing the thread it opens: said, not only logged
    channel_message(slack, "U2", "<@UBOT> consult 3")
    (*_, sorry) = fake.calls("chat.postEphemeral")
    assert sorry["user"] == "U2" and sorry["text"].startswith(SORRY)


@pytest.mark.parametrize("typed", ["quit", "exit", "bye"])
def test_quit_in_a_consultations_thread_keeps_it_and_says_so(
    slack: SignedSlack, app: App, fake: FakeSlack, typed: str
) -> None:
    """`quit` at 'What is your role?' was noted as the role ('Noted: quit.') and the next
    question asked; leaving needs nothing in a chat, and the user is told so."""
    thread = slack.start("U1", "5")
    slack.message("U1", thread, typed)
    (told,) = fake.calls("chat.postEphemeral")
    assert told["user"] == "U1" and told["thread_ts"] == thread
    assert "*Research Curation System* stays as it is (0 of 8 answered)" in told["text"]
    assert "`/neurips cancel` ends it" in told["text"]
    assert len(slack.thread(thread)) == 1  # nothing posted for all to see
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.answers == {} and c.status is Status.ACTIVE
    (slashed,) = slack.command(typed)  # `/neurips quit`: the same, with a link to its thread
    assert "stays as it is" in slashed["text"] and f"p{thread.replace('.', '')}" in slashed["text"]


def test_commands_typed_in_anothers_consultation_thread_are_answered_to_the_writer(
    slack: SignedSlack, app: App, fake: FakeSlack
) -> None:
    """A second person in someone's consultation thread was told once whose it is; after that
    their `status`, `help` or `cancel` met silence."""
    thread = slack.start("U1", "3")
    slack.message("U2", thread, "5M")
    (whose,) = fake.calls("chat.postEphemeral")
    assert whose["user"] == "U2" and "<@U1>'s consultation" in whose["text"]
    slack.message("U2", thread, "status")
    slack.message("U2", thread, "help")
    slack.message("U2", thread, "cancel")  # theirs is not here: said again whose it is
    slack.message("U2", thread, "6M")  # an answer, told once already: not again
    _, status, helped, cancel = fake.calls("chat.postEphemeral")
    assert all(p["user"] == "U2" and p["thread_ts"] == thread for p in (status, helped, cancel))
    assert "no consultations yet" in status["text"]
    assert "/neurips consult" in helped["text"]
    assert "<@U1>'s consultation" in cancel["text"]
    assert len(slack.thread(thread)) == 1  # nothing for all to see; U1's question stands
    c = app.service.at(U1, f"C1/{thread}")
    assert c is not None and c.status is Status.ACTIVE and c.answers == {}


def test_the_app_addressed_in_a_thread_of_peoples_talk_answers_the_writer(
    slack: SignedSlack, app: App, fake: FakeSlack
) -> None:
    """'@advisor status' or '@advisor consult 3' in a thread that holds no consultation met
    silence; words there not addressed to the app still do (people's talk)."""
    talk = "1700000099.000100"
    slack.message("U1", talk, "anyone tried the advisor?")
    assert fake.calls("chat.postEphemeral") == [] and fake.calls("chat.postMessage") == []
    slack.message("U1", talk, "<@UBOT> status")
    (status,) = fake.calls("chat.postEphemeral")
    assert status["user"] == "U1" and status["thread_ts"] == talk
    assert "no consultations yet" in status["text"]
    slack.message("U1", talk, "<@UBOT> consult 3")  # opens a thread of its own
    (parent,) = [p for p in fake.requests_with_ts() if "started *Edge" in p["text"]]
    assert parent["channel"] == "C1" and "thread_ts" not in parent
    assert "1/8" in slack.thread(parent["ts"])[0]
