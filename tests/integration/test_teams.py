"""Teams: turn by turn with botbuilder's TestAdapter, then real HTTP to /api/messages with a
local connector, a real Celery worker delivering the report proactively, and JWT checks."""

from __future__ import annotations

import asyncio
import itertools
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
import redis
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from redis.backoff import NoBackoff
from redis.retry import Retry

from bot.teams.bot import ConsultationBot, TeamsParts
from bot.teams.routes import STORE_AWAY, tell_turn_failure
from consultations.adapters.embedded_redis import EmbeddedRedis, free_port
from consultations.adapters.place_holders import PlaceHolders
from consultations.adapters.redis_digest import DigestStore
from consultations.adapters.redis_feedback import RedisFeedback
from consultations.adapters.redis_store import ConflictError, EventLedger, RedisConsultationStore
from consultations.adapters.redis_triage import TriageJobs
from consultations.adapters.teams.personal import PersonalChats
from consultations.adapters.teams.references import ReferenceStore
from consultations.catalog import Catalog
from consultations.desk import Desk
from consultations.digest_service import DigestService
from consultations.service import ConsultationService
from consultations.state import Owner
from consultations.text import delink
from tests.conftest import ROOT
from tests.fakes.anthropic_api import FakeAnthropic
from tests.fakes.bot_connector import FakeConnector
from tests.fakes.jobs import RecordingJobQueue
from tests.integration.stack import Stack, claude_env, running
from tests.unit.test_engine import typical

_ids = itertools.count(1)


# --- turn by turn ------------------------------------------------------------------------------


def make_bot(client: redis.Redis, catalog: Catalog) -> ConsultationBot:
    jobs = RecordingJobQueue()
    store = RedisConsultationStore(client, 3600)
    service = ConsultationService(catalog, store, ConflictError, jobs=jobs)
    holders = PlaceHolders(client, 3600)
    digests = DigestService(DigestStore(client), jobs)
    desk = Desk(service, digests, TriageJobs(client), jobs, places=holders)
    return ConsultationBot(
        TeamsParts(
            desk=desk,
            ledger=EventLedger(client),
            references=ReferenceStore(client, 3600),
            feedback=RedisFeedback(client, 3600),
            chats=PersonalChats(client),
            holders=holders,
        )
    )


def reply_text(activity: Activity) -> str:
    parts = [activity.text or ""]
    parts += [json.dumps(a.content) for a in activity.attachments or []]
    return "\n".join(parts)


class Chat:
    """Drives the bot through botbuilder's TestAdapter and collects every reply."""

    def __init__(self, bot: ConsultationBot) -> None:
        self.adapter = TestAdapter(bot.on_turn)

    def say(self, text_or_activity: str | Activity) -> list[str]:
        async def run() -> list[str]:
            await self.adapter.send(text_or_activity)
            replies = []
            while self.adapter.activity_buffer:
                replies.append(reply_text(self.adapter.activity_buffer.pop(0)))
            return replies

        return asyncio.run(run())


def test_a_whole_consultation_turn_by_turn(redis_client: redis.Redis, catalog: Catalog) -> None:
    chat = Chat(make_bot(redis_client, catalog))
    script = catalog.by_slug("diffusion-ip-risk")
    intro, first = chat.say("consult diffusion-ip-risk")
    assert "Diffusion Model IP Risk Assessment" in intro and "1/6" in first
    for n, q in enumerate(script.questions[:-1], 2):
        (reply,) = chat.say(typical(q))  # one question per message
        assert f"{n}/6" in reply
    (done,) = chat.say(typical(script.questions[-1]))
    assert "last question" in done


def test_the_store_away_is_said_plainly_with_what_to_do(catalog: Catalog) -> None:
    """A turn while Redis is away said "the advisor hit an error. Nothing was lost" — but what
    was typed was not saved, and Teams never sends it again: the user must, and is told so."""
    dead = redis.Redis(port=free_port(), retry=Retry(NoBackoff(), 0))  # refused at once
    chat = Chat(make_bot(dead, catalog))
    chat.adapter.on_turn_error = tell_turn_failure  # as the server's adapter has it
    for typed in ("consult 3", "5M", "status"):
        (sorry,) = chat.say(typed)
        assert sorry == STORE_AWAY, sorry
    assert "send it again in a minute" in STORE_AWAY and "Nothing was lost" not in STORE_AWAY


def test_an_invalid_answer_is_asked_again(redis_client: redis.Redis, catalog: Catalog) -> None:
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 3")
    (again,) = chat.say("lots of them")
    assert "I need a number" in again and "1/8" in again
    (ok,) = chat.say("5M")
    assert "5,000,000" in ok and "2/8" in ok


def test_a_channel_message_in_html_is_read_as_typed(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """Teams channel messages come as HTML: '<at>bot</at>&nbsp;&lt;100ms' is '<100ms'."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 3")
    for typed in ("5M", "1200 in &amp; 300 out", "$3 / $15"):
        chat.say(typed)
    (reply,) = chat.say("<at>Advisor</at>&nbsp;&lt;100ms")
    assert "Instantly (under 100 ms)" in reply and "5/8" in reply


def test_a_card_button_answers_the_question(redis_client: redis.Redis, catalog: Catalog) -> None:
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 4")
    for text in ("support bot", "MCP servers, SQL", "loops"):
        chat.say(text)
    (card,) = chat.say("datadog")
    content = json.loads(card.split("\n", 1)[1])
    assert content["type"] == "AdaptiveCard" and "5/7" in content["body"][0]["text"]
    # a card's text shows no code: the choices' numbers were '`1` No  `2` …', backticks and all
    assert "`" not in card and "Pick one: **1** " in content["body"][0]["text"]
    press = content["actions"][2]["data"]  # Yes, a regulator or customer can ask
    (reply,) = chat.say(Activity(type=ActivityTypes.message, value=press))
    assert "Noted: Yes, a regulator or customer can ask" in reply and "6/7" in reply
    (again,) = chat.say(Activity(type=ActivityTypes.message, value=press))  # a second click
    assert again.startswith("Question 5 is already answered (Yes, a regulator")  # nothing moved
    assert "6/7" not in again and "Noted" not in again


def test_a_button_pressed_after_forget_is_not_said_to_be_someone_elses(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """After `forget`, a card button of one's own deleted consultation answered 'That question
    belongs to someone else's consultation.'"""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 4")
    for text in ("support bot", "MCP servers, SQL", "loops"):
        chat.say(text)
    (card,) = chat.say("datadog")
    press = json.loads(card.split("\n", 1)[1])["actions"][0]["data"]
    chat.say("forget")
    (done,) = chat.say(Activity(type=ActivityTypes.message, value={"forget": "yes"}))
    assert done.startswith("Done: deleted")
    (told,) = chat.say(Activity(type=ActivityTypes.message, value=press))
    assert told == (
        "Nothing was changed: that button's consultation is not stored for you (deleted, "
        "expired, or someone else's). `consult` starts one."
    )


def test_a_forged_button_press_changes_nothing_and_says_so(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """A card's data is the client's to send: an answer that is no text (it was read as
    "{'x': 1}") or past any button's length, or no question named, is refused at the door;
    the question waiting is asked again, last."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 4")
    for text in ("support bot", "MCP servers, SQL", "loops"):
        chat.say(text)
    (card,) = chat.say("datadog")
    press = json.loads(card.split("\n", 1)[1])["actions"][0]["data"]
    for forged in (
        {**press, "answer": {"x": 1}},
        {**press, "answer": "1 " + "word " * 8000},
        {"answer": "1", "cid": press["cid"]},
    ):
        told, again = chat.say(Activity(type=ActivityTypes.message, value=forged))
        assert told == "That button's answer could not be read, so nothing was changed."
        assert "5/7" in again and "Noted" not in again
    (status, _) = chat.say("status")
    assert "4 of 7 answered" in status
    (reply,) = chat.say(Activity(type=ActivityTypes.message, value=press))  # the real one
    assert "Noted: No" in reply and "6/7" in reply


def test_a_pick_one_or_more_question_has_boxes_to_tick(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """'Why were they shelved? Pick one or more' came as text only: a Teams user clicked the
    single-choice buttons but had to type '1, 3' here. Now it has boxes to tick and a button."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 6")
    (card,) = chat.say("Rechnungsprüfung, Reklamationen")
    content = json.loads(card.split("\n", 1)[1])
    assert content["type"] == "AdaptiveCard" and "2/6" in content["body"][0]["text"]
    boxes = content["body"][1]
    assert boxes["type"] == "Input.ChoiceSet" and boxes["isMultiSelect"]
    assert [c["title"] for c in boxes["choices"]][:2] == [
        "Too many variations and edge cases",
        "Models were not good enough",
    ]
    (done,) = content["actions"]
    ticked = {**done["data"], boxes["id"]: ",".join(c["value"] for c in boxes["choices"][::2])}
    (none,) = chat.say(Activity(type=ActivityTypes.message, value={**ticked, "answer": ""}))
    assert "2/6" in none and "Noted" not in none  # nothing ticked: asked again, nothing kept
    (reply,) = chat.say(Activity(type=ActivityTypes.message, value=ticked))
    assert "Noted: Too many variations and edge cases, Not enough data" in reply
    assert "Too expensive to build or run" in reply and "3/6" in reply


def test_help_and_unknown_text_outside_a_consultation(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    chat = Chat(make_bot(redis_client, catalog))
    (reply,) = chat.say("hello there")
    assert "No consultation is running here" in reply and "consult" in reply
    (reply,) = chat.say("consult 12")
    assert "No consultation called '12'" in reply


# --- real HTTP ---------------------------------------------------------------------------------


def activity(
    connector: FakeConnector,
    text: str = "",
    user: str = "aad-user-1",
    conversation: str = "a:conv1",
    value: dict | None = None,
    kind: str = "personal",
) -> dict:
    return {
        "type": "message",
        "id": f"act{next(_ids)}",
        "serviceUrl": connector.url,
        "channelId": "msteams",
        "text": text,
        "value": value,
        "from": {"id": f"29:{user}", "name": "Ada", "aadObjectId": user},
        "conversation": {"id": conversation, "conversationType": kind, "tenantId": "tenant1"},
        "recipient": {"id": "28:bot", "name": "advisor"},
        "channelData": {"tenant": {"id": "tenant1"}},
    }


@pytest.fixture(scope="module")
def connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        yield fake


# no figure in it: it stands (grounded) in the report of any consultation
NARRATIVE = (
    "**In short: go ahead, carefully.** Keep the pilot small and write down where every "
    "training set came from before anything ships.\n\n"
    "- Record the licence of each dataset you rely on, and who approved it.\n"
    "- Ask counsel to review outputs that closely resemble known works.\n"
    "- Keep prompts and generations for audit, with the model version used.\n"
    "- What would change this: a ruling on training data in your market, or a takedown."
)


@pytest.fixture(scope="module")
def claude() -> Iterator[FakeAnthropic]:
    with FakeAnthropic(("ok", NARRATIVE), tokens_per_s=40) as fake:
        yield fake


@pytest.fixture(scope="module")
def teams_stack(
    redis_server: EmbeddedRedis, connector: FakeConnector, claude: FakeAnthropic, tmp_path_factory
) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    with running(
        redis_server.url,
        5,
        connector.url,
        tmp_path_factory.mktemp("teams-stack"),
        NEURIPS_ENV="dev",
        **claude_env(claude.url),
    ) as s:
        yield s


def consult(
    stack: Stack,
    connector: FakeConnector,
    catalog: Catalog,
    conv: str,
    user: str,
    kind: str = "personal",
    last: bool = True,
) -> None:
    """A whole diffusion-ip-risk consultation over HTTP, each answer waiting for its reply;
    with ``last``, until the worker's report (its title line) is out."""
    script = catalog.by_slug("diffusion-ip-risk")
    stack.http.post("/api/messages", json=activity(connector, "consult 7", user, conv, kind=kind))
    connector.wait_for(lambda: len(connector.texts(conv)) >= 2)
    for q in script.questions if last else script.questions[:-1]:
        before = len(connector.texts(conv))
        body = activity(connector, typical(q), user, conv, kind=kind)
        assert stack.http.post("/api/messages", json=body).status_code in (200, 201)
        connector.wait_for(lambda b=before: len(connector.texts(conv)) > b)
    if last:
        connector.wait_for(lambda: reports(connector, conv), timeout=40)


def consult_last(
    stack: Stack, connector: FakeConnector, catalog: Catalog, conv: str, user: str
) -> None:
    last = catalog.by_slug("diffusion-ip-risk").questions[-1]
    stack.http.post("/api/messages", json=activity(connector, typical(last), user, conv))


def reports(connector: FakeConnector, conv: str) -> list[dict]:
    return [a for a in connector.messages(conv) if "— report by" in (a.get("text") or "")]


def started_in_log(log: Path, stream_id: str) -> bool:
    """The worker logged the stream as started: its clock for the next chunk is running."""
    return any(
        '"teams.stream_started"' in line and f'"stream": "{stream_id}"' in line
        for line in log.read_text().splitlines()
    )


def delivered_in_log(log: Path, cid: str) -> bool:
    """The worker logged this report as delivered: every part is out and checkpointed."""
    return any(
        '"report.delivered"' in line and f'"cid": "{cid}"' in line
        for line in log.read_text().splitlines()
    )


@pytest.mark.slow
def test_a_consultation_over_http_with_the_report_streamed_from_a_worker(
    teams_stack: Stack, connector: FakeConnector, claude: FakeAnthropic, catalog: Catalog
) -> None:
    def post(body: dict) -> int:
        return teams_stack.http.post("/api/messages", json=body).status_code

    assert post(activity(connector, "consult 7")) in (200, 201)
    connector.wait_for(lambda: len(connector.texts("a:conv1")) >= 2)
    assert "1/6" in connector.texts("a:conv1")[1]
    script = catalog.by_slug("diffusion-ip-risk")
    release = claude.pause_after(80)  # Claude stops mid-sentence until released
    try:
        for n, q in enumerate(script.questions, 2):
            before = len(connector.texts("a:conv1"))
            body = activity(connector, typical(q))
            assert post(body) in (200, 201)
            assert post(body) in (200, 201)  # the same activity again: moves it once
            connector.wait_for(lambda b=before: len(connector.texts("a:conv1")) > b)
            if n <= 6:
                assert f"{n}/6" in connector.texts("a:conv1")[-1]
        # while Claude is still writing: "Writing your report…" shows, nothing final yet
        connector.wait_for(lambda: claude.paused.is_set(), timeout=40)
        (stream,) = connector.wait_for(lambda: connector.streams_in("a:conv1"))
        worker_log = teams_stack.logs / "worker.log"  # sent by the worker, through the reference
        connector.wait_for(lambda: started_in_log(worker_log, stream.id), timeout=10)
        # Teams takes one streaming request a second: the next piece Claude writes goes out
        time.sleep(1.05)
        assert stream.final is None and reports(connector, "a:conv1") == []
    finally:
        release.set()
    (report,) = connector.wait_for(lambda: reports(connector, "a:conv1"), timeout=40)
    # the narrative was streamed as Claude wrote it: informative, the growing text, one final
    kinds = [k for k, _, _ in stream.updates]
    assert kinds[0] == "informative" and kinds[-1] == "final"
    chunks = [(seq, text) for k, seq, text in stream.updates if k == "streaming"]
    assert chunks and [seq for seq, _ in chunks] == list(range(2, len(chunks) + 2))
    assert all(
        len(b[1]) > len(a[1]) and b[1].startswith(a[1]) for a, b in itertools.pairwise(chunks)
    )
    assert stream.final == delink(NARRATIVE)
    assert all(stream.final.startswith(text) for _, text in chunks)
    assert 0 < len(chunks[0][1]) < len(stream.final)  # shown while Claude was still writing
    assert [r for r in connector.refusals if r[0] == "a:conv1"] == []
    # then the title, the verdict and the figures, with 👍/👎, once; after the narrative
    texts = [a.get("text") or "" for a in connector.messages("a:conv1")]
    assert texts.index(stream.final) == texts.index(report["text"]) - 1
    assert "report by Claude" in report["text"] and "Verdict:" in report["text"]
    assert NARRATIVE[40:80] not in report["text"]  # not written twice
    assert report["channelData"]["feedbackLoop"] == {"type": "default"}
    connector.wait_for(lambda: "teams.stream_finished" in worker_log.read_text(), timeout=10)


@pytest.mark.slow
def test_a_refused_stream_posts_the_report_whole_once(
    teams_stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    conv = "a:refusing"
    consult(teams_stack, connector, catalog, conv, "aad-refused", last=False)
    connector.refuse_streaming = True
    try:
        consult_last(teams_stack, connector, catalog, conv, "aad-refused")
        (report,) = connector.wait_for(lambda: reports(connector, conv), timeout=40)
    finally:
        connector.refuse_streaming = False
    assert delink(NARRATIVE) in report["text"] and "report by Claude" in report["text"]
    assert [r for r in connector.refusals if r[0] == conv] == [
        (conv, 403, "ContentStreamNotAllowed")
    ]  # asked once, refused, never again
    assert connector.streams_in(conv) == []
    time.sleep(1)
    assert len(reports(connector, conv)) == 1
    assert sum(delink(NARRATIVE) in t for t in connector.texts(conv)) == 1


@pytest.mark.slow
def test_a_group_chat_gets_the_report_whole_without_a_stream(
    teams_stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    conv = "19:group1@thread.v2"
    consult(teams_stack, connector, catalog, conv, "aad-group", kind="groupChat")
    (report,) = reports(connector, conv)
    assert delink(NARRATIVE) in report["text"] and "report by Claude" in report["text"]
    assert report["channelData"]["feedbackLoop"] == {"type": "default"}
    typing = [a for a in connector.activities(conv) if a.get("type") == "typing"]
    assert typing == [] and [r for r in connector.refusals if r[0] == conv] == []


@pytest.mark.slow
def test_the_worker_retries_on_throttling(
    teams_stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    conv = "a:conv2"
    consult(teams_stack, connector, catalog, conv, "aad-2", last=False)
    connector.fail_only_containing = "report by"  # only the worker's report meets these
    connector.fail_with.extend([429, 502, 412])
    try:
        consult_last(teams_stack, connector, catalog, conv, "aad-2")
        report = connector.wait_for(lambda: reports(connector, conv), timeout=40)
    finally:
        connector.fail_only_containing = ""
    assert len(report) == 1 and not connector.fail_with  # three refusals, then delivered once


def test_a_reply_teams_refuses_after_the_answer_was_kept_says_so_and_nothing_is_applied_twice(
    teams_stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    """The connector answers 502 to the next question after an answer was saved: the chat said
    "Nothing was lost; please try again", and the answer typed again went to the next
    question. Now it says the answer was kept, and `resume` asks the question that is open."""
    conv, user = "a:refused-reply", "aad-refused"
    questions = catalog.by_slug("diffusion-ip-risk").questions

    def say(text: str) -> list[str]:
        before = len(connector.texts(conv))
        body = activity(connector, text, user, conv)
        assert teams_stack.http.post("/api/messages", json=body).status_code in (200, 201)
        return connector.wait_for(lambda: connector.texts(conv)[before:])

    say("consult 7")
    connector.wait_for(lambda: len(connector.texts(conv)) >= 2)
    connector.fail_with.append(502)  # the reply to this answer: refused
    (told,) = say(typical(questions[0]))
    assert "What you sent was received and kept" in told and "try again" not in told
    assert "`resume`" in told
    again = say("resume")
    assert "2/6" in again[-1]  # the answer was kept: the second question is the open one
    assert "3/6" in say(typical(questions[1]))[-1]


def feedback_click(
    connector: FakeConnector, reply_to: str | None, value: object, user: str
) -> dict:
    body = activity(connector, "", user, "a:rated")
    body.update(type="invoke", name="message/submitAction", value=value, text=None)
    if reply_to is not None:
        body["replyToId"] = reply_to
    return body


def dislike(text: str) -> dict:
    form = json.dumps({"feedbackText": text})
    return {"actionName": "feedback", "actionValue": {"reaction": "dislike", "feedback": form}}


@pytest.mark.slow
def test_feedback_on_a_report_is_stored_and_shown_in_status(
    teams_stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    consult(teams_stack, connector, catalog, "a:rated", "aad-rater")
    rated = connector.id_of("a:rated", lambda a: "feedbackLoop" in (a.get("channelData") or {}))
    store = redis.Redis.from_url(teams_stack.redis_url)
    owner = Owner(platform="teams", workspace="tenant1", user="aad-rater")
    (cid,) = [k.decode().rsplit(":", 1)[1] for k in store.scan_iter(f"na:{{{owner.key}}}:c:*")]
    worker_log = teams_stack.logs / "worker.log"  # the worker has noted which message it is
    connector.wait_for(lambda: delivered_in_log(worker_log, cid), timeout=20)
    feedback = RedisFeedback(store, 3600)
    r = teams_stack.http.post(
        "/api/messages",
        json=feedback_click(connector, rated, dislike("a cost was off"), "aad-rater"),
    )
    assert r.status_code == 200
    assert feedback.of(owner, cid) | {"at": ""} == {
        "vote": "down",
        "slug": "diffusion-ip-risk",
        "note": "a cost was off",
        "at": "",
    }
    assert feedback.counts("diffusion-ip-risk") == (0, 1)
    server_log = teams_stack.logs / "server.log"
    connector.wait_for(lambda: "teams.report_feedback" in server_log.read_text(), timeout=5)
    before = len(connector.texts("a:rated"))
    teams_stack.http.post(
        "/api/messages", json=activity(connector, "status", "aad-rater", "a:rated")
    )
    status = connector.wait_for(lambda: connector.texts("a:rated")[before:])
    assert "your feedback 👎" in status[0] and "👍 0 · 👎 1" in status[0]

    # bad payloads: a clear 400, nothing changed
    like = {"actionName": "feedback", "actionValue": {"reaction": "like", "feedback": "{}"}}
    for reply_to, value in [
        (rated, {"actionName": "feedback", "actionValue": {"reaction": "meh"}}),
        (rated, {"actionName": "other", "actionValue": {"reaction": "like"}}),
        (rated, {"actionName": "feedback", "actionValue": {"reaction": "like", "feedback": "{"}}),
        (rated, "not an object"),
        (None, like),
    ]:
        r = teams_stack.http.post(
            "/api/messages", json=feedback_click(connector, reply_to, value, "aad-rater")
        )
        assert r.status_code == 400, value
        assert r.json()["value"]["code"] == "BadRequest" and r.json()["value"]["message"]
    assert feedback.of(owner, cid)["vote"] == "down"
    assert feedback.counts("diffusion-ip-risk") == (0, 1)

    # someone else's click on this report: told, nothing stored
    before = len(connector.texts("a:rated"))
    r = teams_stack.http.post(
        "/api/messages", json=feedback_click(connector, rated, like, "aad-someone-else")
    )
    assert r.status_code == 200
    told = connector.wait_for(lambda: connector.texts("a:rated")[before:])
    assert "Only the person who asked" in told[0]
    assert feedback.counts("diffusion-ip-risk") == (0, 1)

    # the owner changes their mind: the latest click wins
    r = teams_stack.http.post(
        "/api/messages", json=feedback_click(connector, rated, like, "aad-rater")
    )
    assert r.status_code == 200 and feedback.of(owner, cid)["vote"] == "up"
    assert feedback.counts("diffusion-ip-risk") == (1, 0)


# --- authentication ------------------------------------------------------------------------------

APP_ID = "00000000-aaaa-bbbb-cccc-000000000001"


@pytest.fixture(scope="module")
def keys() -> dict:
    good = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    bad = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(RSAAlgorithm.to_jwk(good.public_key()))
    jwk.update(kid="test-key", endorsements=["msteams"])
    return {"good": good, "bad": bad, "jwk": jwk}


@pytest.fixture(scope="module")
def secured(
    redis_server: EmbeddedRedis, connector: FakeConnector, keys: dict, tmp_path_factory
) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    connector.jwks = [keys["jwk"]]
    with running(
        redis_server.url,
        6,
        connector.url,
        tmp_path_factory.mktemp("teams-secured"),
        MICROSOFT_APP_ID=APP_ID,
        MICROSOFT_APP_PASSWORD="test-password",
        MICROSOFT_OPENID_METADATA_URL=f"{connector.url}/.well-known/openid-configuration",
        worker=False,
    ) as s:
        yield s


def token(key, audience: str = APP_ID, expires_in: int = 600, service_url: str = "") -> str:  # type: ignore[no-untyped-def]
    now = int(time.time())
    claims = {
        "iss": "https://api.botframework.com",
        "aud": audience,
        "nbf": now - 10,
        "exp": now + expires_in,
        "serviceurl": service_url,
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "test-key"})


@pytest.mark.parametrize("case", ["none", "wrong-key", "wrong-audience", "expired"])
def test_requests_without_a_valid_token_are_refused(
    secured: Stack, connector: FakeConnector, keys: dict, case: str
) -> None:
    body = activity(connector, "consult 3", user="aad-sec", conversation="a:sec")
    headers = {}
    if case != "none":
        key = keys["bad"] if case == "wrong-key" else keys["good"]
        tok = token(
            key,
            audience="someone-else" if case == "wrong-audience" else APP_ID,
            expires_in=-3600 if case == "expired" else 600,
            service_url=connector.url,
        )
        headers["Authorization"] = f"Bearer {tok}"
    store = redis.Redis.from_url(secured.redis_url)
    kept = set(store.scan_iter(match="na:{teams:*"))  # the valid-token test's, if it ran first
    before = len(connector.requests)
    r = secured.http.post("/api/messages", json=body, headers=headers)
    assert r.status_code == 401
    time.sleep(0.3)
    assert [q for q in connector.requests[before:] if "/v3/" in q.path] == []  # nothing sent
    assert set(store.scan_iter(match="na:{teams:*")) == kept  # nothing changed


def test_an_anonymous_teams_server_refuses_to_start_outside_dev(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_"))}
    env.update(NEURIPS_DATA_DIR=str(tmp_path), NEURIPS_ENV="prod")
    r = subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "MICROSOFT_APP_ID" in r.stderr


def test_a_valid_token_is_accepted(secured: Stack, connector: FakeConnector, keys: dict) -> None:
    """The other side of the 401 tests: the same request with a good token gets through."""
    body = activity(connector, "consult 3", user="aad-valid", conversation="a:valid")
    tok = token(keys["good"], service_url=connector.url)
    r = secured.http.post("/api/messages", json=body, headers={"Authorization": f"Bearer {tok}"})
    assert r.status_code != 401
    store = redis.Redis.from_url(secured.redis_url)
    assert list(store.scan_iter(match="na:{teams:tenant1:aad-valid}:index"))  # it was started


@pytest.mark.slow
def test_a_digest_delivered_to_a_teams_channel(
    teams_stack: Stack, connector: FakeConnector
) -> None:
    conv = "19:channel@thread.tacv2"
    body = activity(
        connector, "<at>advisor</at> digest subscribe friday 09:00 Europe/Paris", "aad-3", conv
    )
    body["conversation"]["conversationType"] = "channel"
    body["entities"] = [
        {
            "type": "mention",
            "text": "<at>advisor</at>",
            "mentioned": {"id": "28:bot", "name": "advisor"},
        }
    ]
    teams_stack.http.post("/api/messages", json=body)
    confirm = connector.wait_for(lambda: [t for t in connector.texts(conv) if "Subscribed" in t])
    assert "every Friday at 09:00 Europe/Paris" in confirm[0]
    teams_stack.http.post(
        "/api/messages",
        json={
            **activity(connector, "digest now", "aad-3", conv),
            "conversation": body["conversation"],
        },
    )

    def papers() -> list[dict]:
        return [
            a
            for a in connector.messages(conv)
            if "feedbackLoop" in (a.get("channelData") or {}) and "/100)" in (a.get("text") or "")
        ]

    header = connector.wait_for(
        lambda: [t for t in connector.texts(conv) if "Research digest" in t], timeout=30
    )
    assert "/100)" not in header[0]
    # each paper its own message with 👍/👎 (the channel's digest had none: one message)
    posted = connector.wait_for(lambda: len(papers()) == 5 and papers())
    assert all("Answers" in a["text"] for a in posted)

    # a 👍 from anyone in the channel teaches the channel's taste (and theirs)
    first = connector.id_of(conv, lambda a: a.get("text") == posted[0]["text"])
    click = activity(connector, "", "aad-4", conv)
    click.update(type="invoke", name="message/submitAction", text=None, replyToId=first)
    click["value"] = {"actionName": "feedback", "actionValue": {"reaction": "like"}}
    assert teams_stack.http.post("/api/messages", json=click).status_code == 200
    r = redis.Redis.from_url(teams_stack.redis_url)
    assert r.exists(f"na:digest:nudge:teams:tenant1:{conv}")
    assert r.hlen("na:{teams:tenant1:aad-4}:taste") == 1
    assert not [t for t in connector.texts(conv) if "Only the person" in t]


@pytest.mark.slow
def test_a_channel_named_in_teams_is_refused_not_read_as_this_one(
    teams_stack: Stack, connector: FakeConnector
) -> None:
    """Teams cannot post to a channel named in text: 'digest unsubscribe #research' typed in
    another channel stopped that channel's digest ('Unsubscribed this chat.'), and
    'subscribe #research …' subscribed the chat it was typed in."""
    conv = "19:general@thread.tacv2"

    def say(text: str) -> str:
        before = len(connector.texts(conv))
        body = activity(connector, text, "aad-9", conv, kind="channel")
        assert teams_stack.http.post("/api/messages", json=body).status_code in (200, 201)
        return connector.wait_for(lambda: connector.texts(conv)[before:])[0]

    assert say("digest subscribe monday 09:00 UTC").startswith("Subscribed this chat")
    for typed in ("digest unsubscribe #research", "digest subscribe #research fridays 9am"):
        said = say(typed)
        assert "'#research' cannot be named" in said and "Nothing was changed" in said
    assert "every Monday at 09:00 UTC" in say("digest")  # this channel's digest is untouched


@pytest.mark.slow
def test_a_card_button_of_an_answered_question_says_what_stands(
    teams_stack: Stack, connector: FakeConnector
) -> None:
    """A second press, or a press on an earlier question's card, was met with silence."""
    conv = "a:conv-press"

    def say(text: str = "", value: dict | None = None) -> list[dict]:
        before = len(connector.messages(conv))
        body = activity(connector, text, "aad-10", conv, value=value)
        assert teams_stack.http.post("/api/messages", json=body).status_code in (200, 201)
        return connector.wait_for(lambda: connector.messages(conv)[before:])

    say("consult 3")
    connector.wait_for(lambda: len(connector.messages(conv)) >= 2)
    for text in ("5M", "1200/300"):
        say(text)
    (card,) = say("$3 / $15")
    content = json.dumps(card["attachments"])
    cid = content.split('"cid": "')[1].split('"')[0]
    press = {"answer": "2", "cid": cid, "key": "latency"}
    assert "5/8" in json.dumps(say(value=press))
    (again,) = say(value={**press, "answer": "1"})
    said = json.dumps(again)
    assert "Question 4 is already answered (Within a second)" in said and "edit 4" in said


def test_a_finished_consultation_takes_edit_n_and_asks_for_the_report_again(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    bot = make_bot(redis_client, catalog)
    jobs = bot.desk.jobs
    assert isinstance(jobs, RecordingJobQueue)
    chat = Chat(bot)
    chat.say("consult diffusion-ip-risk")
    for q in catalog.by_slug("diffusion-ip-risk").questions:
        chat.say(typical(q))
    assert len(jobs.of("report")) == 1
    (again,) = chat.say("edit 1")
    assert "1/6" in again  # the first question, asked again
    (done,) = chat.say(typical(catalog.by_slug("diffusion-ip-risk").questions[0]))
    assert "last question" in done or "report" in done
    assert len(jobs.of("report")) == 2  # written again with the changed answer


def test_an_unreadable_record_is_set_aside_and_the_user_told(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 3")
    (key,) = [k for k in redis_client.scan_iter("na:{teams:*:c:*") if b":aside:" not in k]
    redis_client.hset(key, "doc", '{"slug": "edge-economics", "id": 7')  # cut short, corrupt
    (told,) = chat.say("5M")
    assert "could not be restored" in told and "Edge Deployment Economics" in told
    (status,) = chat.say("status")  # every other command keeps working
    assert "no consultations yet" in status
    (intro, first) = chat.say("consult 3")
    assert "1/8" in first


def test_help_in_teams_says_to_answer_here_not_in_a_thread(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """A Teams chat has no consultation thread; `edit N` was missing from the controls."""
    (reply,) = Chat(make_bot(redis_client, catalog)).say("help")
    assert (
        "Answer each question here; type `back`, `skip`, `edit N`, `undo`, `restart` or `cancel`"
        in (reply)
    )
    assert "thread" not in reply


def test_a_mistyped_command_or_consultation_name_is_understood(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """'cosult 3' was met with 'No consultation is running here' and the whole help, and
    'consult edge economcs' with 'No consultation called …'."""
    chat = Chat(make_bot(redis_client, catalog))
    assert chat.say("cosult 3") == ["I don't know `cosult`: did you mean `consult 3`?"]
    intro, first = chat.say("consult edge economcs")
    assert "**Edge Deployment Economics**" in intro and "1/8" in first


def test_writing_after_cancel_says_it_was_cancelled_and_what_is_paused(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """After `cancel`, 'restart' (or any words) met 'No consultation is running here' and the
    whole help, though another consultation was paused in the same chat."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 3")
    chat.say("5M")
    chat.say("consult 7")
    chat.say("cancel")
    (told,) = chat.say("restart")
    assert told == (
        "**Diffusion Model IP Risk Assessment** was cancelled, so nothing more is asked or "
        "answered here: `undo` picks it up again, or `consult 7` starts it afresh.\n\n"
        "**Edge Deployment Economics** (1 of 8 answered) is paused: `resume` continues it."
    )
    (back,) = chat.say("undo")
    assert "Picked up again where you were: 0 of 6 answered." in back and "1/6" in back


def test_a_stranger_pressing_a_card_button_in_a_channel_is_told_whose_it_is(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """Bob pressing a choice of Ada's question was told only 'That question belongs to someone
    else's consultation.'"""
    chat = Chat(make_bot(redis_client, catalog))
    thread = ConversationAccount(id="19:ops@thread.tacv2;messageid=5", conversation_type="channel")

    def said(text: str | None, who: str, value: dict | None = None) -> list[str]:
        person = ChannelAccount(id=f"29:{who}", name=who.title(), aad_object_id=who)
        return chat.say(
            Activity(
                type=ActivityTypes.message,
                text=text,
                value=value,
                from_property=person,
                conversation=thread,
            )
        )

    said("consult 4", "ada")
    for text in ("support bot", "MCP servers, SQL", "loops"):
        said(text, "ada")
    (card,) = said("datadog", "ada")
    press = json.loads(card.split("\n", 1)[1])["actions"][2]["data"]
    assert said(None, "bob", press) == [
        "This thread holds Ada's consultation, **Reasoning Telemetry Architecture**: only their "
        "answers move it. To start your own, mention me in a new post with `consult` (or type "
        "it in a personal chat with me)."
    ]
    (noted,) = said(None, "ada", press)
    assert "6/7" in noted  # Ada's own press still answers


def test_a_stranger_typing_consult_in_anothers_channel_thread_starts_nothing_there(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """Bob's 'consultation 3' in the thread of Ada's consultation started his there (and his
    `resume` moved his own there): the thread then held both, Bob's questions among Ada's,
    and Bob's press of Ada's card was told only 'That question belongs to someone else's
    consultation.'"""
    chat = Chat(make_bot(redis_client, catalog))
    thread = ConversationAccount(id="19:ops@thread.tacv2;messageid=9", conversation_type="channel")

    def said(
        text: str | None, who: str, value: dict | None = None, where: ConversationAccount = thread
    ) -> list[str]:
        person = ChannelAccount(id=f"29:{who}", name=who.title(), aad_object_id=who)
        return chat.say(
            Activity(
                type=ActivityTypes.message,
                text=text,
                value=value,
                from_property=person,
                conversation=where,
            )
        )

    personal = ConversationAccount(id="a:bob", conversation_type="personal")
    said("consult 7", "bob", where=personal)  # Bob's own, in his chat with the bot
    said("Beratung 3", "ada")
    for text in ("etwa 2.500.000", "1200 rein, 300 raus"):
        said(text, "ada")
    (card,) = said("3 $ / 15 $", "ada")
    held = (
        "This thread holds Ada's consultation, **Edge Deployment Economics**: only their "
        "answers move it. To start your own, mention me in a new post with `consult` (or type "
        "it in a personal chat with me)."
    )
    for typed in ("consultation 3", "consult", "consult 7", "resume"):
        assert said(typed, "bob") == [held]
    press = json.loads(card.split("\n", 1)[1])["actions"][1]["data"]
    assert said(None, "bob", press) == [held]
    (status,) = said("status", "bob")[:1]
    assert "Diffusion Model IP Risk" in status and "Edge" not in status
    (first,) = said("ads for our shop", "bob", where=personal)  # still answered in his chat
    assert "Noted: ads for our shop" in first and "2/6" in first
    (noted,) = said(None, "ada", press)
    assert "Noted: Within a second" in noted and "5/8" in noted
    group = ConversationAccount(id="19:team@thread.v2", conversation_type="groupChat")
    said("consult 6", "ada", where=group)
    assert said("consult 3", "bob", where=group) == [  # no posts to start one in a group chat
        "This chat holds Ada's consultation, **Automation Frontier Reassessment**: only their "
        "answers move it. To start your own, type `consult` in a personal chat with me."
    ]


def test_starting_again_a_consultation_in_progress_says_so(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 3")
    chat.say("5M")
    intro, first = chat.say("consult edge")
    assert (
        "You already have this consultation in progress here (1 of 8 answered): this one starts "
        "fresh, and that one keeps its answers (`resume` continues it when this one is done)."
    ) in intro
    assert "1/8" in first


def test_a_command_mid_consultation_asks_the_waiting_question_again_last(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """After `status` (or `help`, `digest`) the question was left scrolled above the reply.
    The French `statut` was read as an answer to it ('I need 2 numbers here')."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 3")
    chat.say("5M")
    for typed in ("status", "help", "digest", "statut"):
        told, again = chat.say(typed)
        assert "Noted" not in told and "2/8 How many tokens" in again
        assert "I need" not in told
    (noted,) = chat.say("1200 in, 300 out")
    assert "Noted: input 1,200, output 300" in noted and "3/8" in noted


def test_triage_typed_mid_consultation_is_not_noted_as_a_vendor(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """'triage neurips2025' at 'Which models and vendors do you use?' was noted as the one
    vendor, and question 2 passed over because of it."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 1")
    told, again = chat.say("triage neurips2025")
    assert "`triage neurips2025` was not taken as an answer" in told
    assert "/neurips triage" in told and "neurips-advisor triage" in told  # where it runs
    assert "Noted" not in told and "1/6 Which models" in again


def test_digest_weekly_at_the_cadence_question_is_the_answer(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """'digest weekly on Monday' at 'How often should the digest arrive?' was told the digest
    commands, the question asked again; at the role (any words) it still is."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 5")
    told, again = chat.say("digest weekly on Monday")
    assert "I don't know `digest weekly`" in told and "1/8" in again
    script = catalog.by_slug("research-curation")
    for q in script.questions[: [q.key for q in script.questions].index("cadence")]:
        chat.say(typical(q))
    (noted,) = chat.say("digest weekly on Monday")
    assert "Noted: Weekly." in noted and "8/8" in noted


def test_quit_mid_consultation_keeps_it_and_is_not_an_answer(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """'quit' at 'What is your role?' was noted as the role and question 2 asked."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 5")
    (told,) = chat.say("quit")
    assert "**Research Curation System** stays as it is (0 of 8 answered)" in told
    (noted,) = chat.say("CTO; vendor choices")
    assert "Noted: CTO" in noted and "2/8" in noted


def test_consult_alone_mid_consultation_lists_the_eight_then_the_question_waiting(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """After the list of eight the question waiting was left scrolled above it, so a "3"
    typed next, meant for the list, goes to a question out of sight."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 3")
    chat.say("5M")
    listed, again = chat.say("consult")
    assert "Which consultation?" in listed and "2/8 How many tokens" in again


def test_a_chat_without_a_digest_is_said_so_in_a_sentence(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """'digest preview' and 'digest unsubscribe' in a chat with no digest answered
    'this chat has no digest yet…' and 'this chat had no digest.', lower case."""
    chat = Chat(make_bot(redis_client, catalog))
    (preview,) = chat.say("digest preview")
    assert preview.startswith("This chat has no digest yet: `digest subscribe` first.")
    (gone,) = chat.say("digest unsubscribe")
    assert gone.startswith("This chat had no digest.")


def test_a_formatted_channel_message_is_answered_by_its_words(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """'<p><strong>GPT-4o</strong> …</p>' was noted as '‹p›‹strong›GPT-4o‹/strong›…'."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 1")
    (reply,) = chat.say(
        "<p><at>Advisor</at> <strong>GPT-4o</strong> for chat, <em>Claude</em> for code</p>"
    )
    assert "Noted: GPT-4o for chat; Claude for code." in reply
    (reply,) = chat.say("<p>2<br>3</p>")  # two lines: two choices
    assert "Noted: Price, Redundancy when one is down." in reply


def test_another_consultation_started_in_the_chat_says_the_first_is_paused(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """The chat then answered the new one; the first seemed gone."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 7")
    chat.say("ads for our shop")
    intro, first = chat.say("consult 3")
    assert (
        "**Diffusion Model IP Risk Assessment** (1 of 6 answered) is paused meanwhile: "
        "`resume` continues it when this one is done." in intro
    )
    assert "1/8" in first


@pytest.mark.slow
def test_a_stranger_in_a_channel_thread_is_told_whose_consultation_it_is(
    teams_stack: Stack, connector: FakeConnector
) -> None:
    """Someone else writing in a channel thread that holds Ada's consultation was told 'No
    consultation is running here' and the whole help, beside Ada's questions."""
    conv = "19:research@thread.tacv2;messageid=1700000000001"

    def say(text: str, user: str, name: str, where: str = conv) -> str:
        before = len(connector.texts(where))
        body = activity(connector, text, user, where, kind="channel")
        body["from"]["name"] = name
        assert teams_stack.http.post("/api/messages", json=body).status_code in (200, 201)
        return "\n".join(connector.wait_for(lambda: connector.texts(where)[before:]))

    assert "1/6" in say("consult 7", "aad-ada", "Ada Lovelace")
    told = say("ads for our shop", "aad-bob", "Bob")
    assert told == (
        "This thread holds Ada Lovelace's consultation, **Diffusion Model IP Risk Assessment**: "
        "only their answers move it. To start your own, mention me in a new post with "
        "`consult` (or type it in a personal chat with me)."
    )
    assert "2/6" in say("ads for our shop", "aad-ada", "Ada")  # the stranger moved nothing
    other = "19:research@thread.tacv2;messageid=1700000000002"  # a name is quoted inertly
    say("consult 3", "aad-eve", "<at>Eve</at> @channel [x](https://evil.example)", other)
    told = say("5M", "aad-bob", "Bob", other)
    assert "holds ‹at›Eve‹/at› @\u200bchannel ⁅x⁆" in told and "evil.example" not in told
    body = activity(connector, "", "aad-ada", conv, value={"forget": "yes"}, kind="channel")
    teams_stack.http.post("/api/messages", json=body)
    connector.wait_for(lambda: "deleted" in connector.texts(conv)[-1])
    store = redis.Redis.from_url(teams_stack.redis_url)
    held = [store.get(k) for k in store.scan_iter(match="na:held:*")]
    assert not any(b"aad-ada" in (h or b"") for h in held)  # no trace of Ada's id left
    assert say("ads for our shop", "aad-bob", "Bob").startswith("No consultation is running")


@pytest.mark.slow
def test_a_consultation_in_a_channel_says_to_mention_the_bot_with_each_answer(
    teams_stack: Stack, connector: FakeConnector
) -> None:
    """Teams delivers a channel message to the bot only when it mentions the bot: answers
    typed plainly in the thread met silence, and nothing said so."""
    conv = "19:research@thread.tacv2;messageid=1700000000009"
    body = activity(connector, "<at>advisor</at> consult 3", "aad-cm", conv, kind="channel")
    teams_stack.http.post("/api/messages", json=body)
    intro, first = connector.wait_for(
        lambda: len(connector.texts(conv)) >= 2 and connector.texts(conv)
    )
    assert intro.endswith(
        "ℹ️ In a channel I see only the messages that mention me: begin each answer with @advisor."
    )
    assert "1/8" in first
    personal = activity(connector, "consult 3", "aad-cm", "a:personal-cm")
    teams_stack.http.post("/api/messages", json=personal)
    said = connector.wait_for(
        lambda: len(connector.texts("a:personal-cm")) >= 2 and connector.texts("a:personal-cm")
    )
    assert "mention me" not in said[0]  # a personal chat sees every message


def test_an_edited_or_deleted_message_says_answers_stand_as_first_sent(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """An answer edited (or deleted) in Teams changed nothing and nothing was said. Then the
    note said so but left the waiting question scrolled above it; now it is asked again last."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 3")
    chat.say("5M")
    edited = Activity(type=ActivityTypes.message_update, id="m-1", text="6M")
    said, again = chat.say(edited)
    assert said == (
        "I read each message once, as first sent, so your edit changed nothing. "
        "To change an answer, type `edit N` here, N its question's number."
    )
    assert again.startswith("**2/8 How many tokens")
    assert chat.say(edited) == []  # the same edit delivered again: said once
    said, again = chat.say(Activity(type=ActivityTypes.message_delete, id="m-1"))
    assert said.startswith("Deleting a message does not take its answer back.")
    assert again.startswith("**2/8 How many tokens")
    restored = Activity(
        type=ActivityTypes.message_update, id="m-1", channel_data={"eventType": "undeleteMessage"}
    )
    assert chat.say(restored) == []
    (reply,) = chat.say("status")[:1]
    assert "1 of 8 answered" in reply  # nothing moved


def test_words_under_a_finished_report_cite_no_other_consultations_example(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """Under an IP-risk report, Teams said 'write the correction (e.g. `change the volume to
    8M`)', an example of Edge Deployment Economics."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 7")
    for q in catalog.by_slug("diffusion-ip-risk").questions:
        chat.say(typical(q))
    (said,) = chat.say("why is the risk rated high?")
    assert said.startswith("This consultation is finished; its report is above.")
    assert "volume" not in said and "`edit N`" in said


def test_thanks_under_a_finished_report_is_welcomed(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """'thanks, very useful' under the report got 'This consultation is finished; its report
    is above.', as if the report had been asked for again."""
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 7")
    for q in catalog.by_slug("diffusion-ip-risk").questions:
        chat.say(typical(q))
    for typed in ("thanks, very useful", "merci"):
        (said,) = chat.say(typed)
        assert said.startswith("Glad it helps.") and "`edit N`" in said, typed
        assert "`consult` to start another consultation" in said
    (again,) = chat.say("edit 1")
    assert "1/6" in again


def test_resume_in_a_chat_picks_up_that_chats_own_consultation(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """`resume` where a consultation was paused picked up the one answered last in another
    conversation, and moved it here: the one begun here seemed gone."""
    bot = make_bot(redis_client, catalog)
    here = Chat(bot)
    there = Chat(bot)
    there.adapter.template.conversation = ConversationAccount(id="19:ops@thread.tacv2;messageid=7")
    here.say("consult 7")
    here.say("ads for our shop")
    there.say("consult 3")
    there.say("5M")  # answered last
    said, asked = here.say("resume")
    assert "Picking up **Diffusion Model IP Risk Assessment**" in said
    assert "2/6" in asked
