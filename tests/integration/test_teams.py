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
from botbuilder.schema import Activity, ActivityTypes
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot.teams.bot import ConsultationBot, TeamsParts
from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.redis_digest import DigestStore
from consultations.adapters.redis_store import ConflictError, EventLedger, RedisConsultationStore
from consultations.adapters.redis_triage import TriageJobs
from consultations.adapters.teams.references import ReferenceStore
from consultations.catalog import Catalog
from consultations.desk import Desk
from consultations.digest_service import DigestService
from consultations.service import ConsultationService
from tests.conftest import ROOT
from tests.fakes.bot_connector import FakeConnector
from tests.fakes.jobs import RecordingJobQueue
from tests.integration.stack import Stack
from tests.unit.test_engine import typical

_ids = itertools.count(1)


# --- turn by turn ------------------------------------------------------------------------------


def make_bot(client: redis.Redis, catalog: Catalog) -> ConsultationBot:
    jobs = RecordingJobQueue()
    store = RedisConsultationStore(client, 3600)
    service = ConsultationService(catalog, store, ConflictError, jobs=jobs)
    desk = Desk(service, DigestService(DigestStore(client), jobs), TriageJobs(client), jobs)
    return ConsultationBot(
        TeamsParts(desk=desk, ledger=EventLedger(client), references=ReferenceStore(client, 3600))
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


def test_an_invalid_answer_is_asked_again(redis_client: redis.Redis, catalog: Catalog) -> None:
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 3")
    (again,) = chat.say("no idea")
    assert "I need a number" in again and "1/8" in again
    (ok,) = chat.say("5M")
    assert "5,000,000" in ok and "2/8" in ok


def test_a_card_button_answers_the_question(redis_client: redis.Redis, catalog: Catalog) -> None:
    chat = Chat(make_bot(redis_client, catalog))
    chat.say("consult 4")
    for text in ("support bot", "MCP servers, SQL"):
        chat.say(text)
    (card,) = chat.say("loops")
    content = json.loads(card.split("\n", 1)[1])
    assert content["type"] == "AdaptiveCard" and "4/7" in content["body"][0]["text"]
    press = content["actions"][2]["data"]  # OpenTelemetry
    (reply,) = chat.say(Activity(type=ActivityTypes.message, value=press))
    assert "Noted: OpenTelemetry" in reply and "5/7" in reply
    assert chat.say(Activity(type=ActivityTypes.message, value=press)) == []  # a second click


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
) -> dict:
    return {
        "type": "message",
        "id": f"act{next(_ids)}",
        "serviceUrl": connector.url,
        "channelId": "msteams",
        "text": text,
        "value": value,
        "from": {"id": f"29:{user}", "name": "Ada", "aadObjectId": user},
        "conversation": {"id": conversation, "conversationType": "personal", "tenantId": "tenant1"},
        "recipient": {"id": "28:bot", "name": "advisor"},
        "channelData": {"tenant": {"id": "tenant1"}},
    }


@pytest.fixture(scope="module")
def connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        yield fake


@pytest.fixture(scope="module")
def teams_stack(
    redis_server: EmbeddedRedis, connector: FakeConnector, tmp_path_factory
) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    s = Stack(
        redis_server.url,
        5,
        connector.url,
        tmp_path_factory.mktemp("teams-stack"),
        NEURIPS_ENV="dev",
    )
    redis.Redis.from_url(s.redis_url).flushdb()
    s.start_server()
    s.start_worker()
    yield s
    s.stop()


@pytest.mark.slow
def test_a_consultation_over_http_with_the_report_from_a_worker(
    teams_stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    def post(body: dict) -> int:
        return teams_stack.http.post("/api/messages", json=body).status_code

    assert post(activity(connector, "consult 7")) in (200, 201)
    first = connector.wait_for(lambda: len(connector.texts("a:conv1")) >= 2)
    assert "1/6" in connector.texts("a:conv1")[1]
    script = catalog.by_slug("diffusion-ip-risk")
    for n, q in enumerate(script.questions, 2):
        before = len(connector.texts("a:conv1"))
        body = activity(connector, typical(q))
        assert post(body) in (200, 201)
        assert post(body) in (200, 201)  # the same activity again: moves it once
        connector.wait_for(lambda b=before: len(connector.texts("a:conv1")) > b)
        if n <= 6:
            assert f"{n}/6" in connector.texts("a:conv1")[-1]
    report = connector.wait_for(
        lambda: [t for t in connector.texts("a:conv1") if "report by offline analysis" in t],
        timeout=30,
    )
    assert "Risk:" in report[0]
    worker_log = teams_stack.logs / "worker.log"  # sent by the worker, through the reference
    connector.wait_for(lambda: "teams.posted" in worker_log.read_text(), timeout=10)
    del first


@pytest.mark.slow
def test_the_worker_retries_on_throttling(
    teams_stack: Stack, connector: FakeConnector, catalog: Catalog
) -> None:
    conv = "a:conv2"
    script = catalog.by_slug("diffusion-ip-risk")
    teams_stack.http.post("/api/messages", json=activity(connector, "consult 7", "aad-2", conv))
    connector.wait_for(lambda: len(connector.texts(conv)) >= 2)
    for q in script.questions[:-1]:
        before = len(connector.texts(conv))
        teams_stack.http.post("/api/messages", json=activity(connector, typical(q), "aad-2", conv))
        connector.wait_for(lambda b=before: len(connector.texts(conv)) > b)
    connector.fail_only_containing = "report by"  # only the worker's report meets these
    connector.fail_with.extend([429, 502, 412])
    try:
        teams_stack.http.post(
            "/api/messages", json=activity(connector, typical(script.questions[-1]), "aad-2", conv)
        )
        report = connector.wait_for(
            lambda: [t for t in connector.texts(conv) if "report by offline analysis" in t],
            timeout=40,
        )
    finally:
        connector.fail_only_containing = ""
    assert len(report) == 1 and not connector.fail_with  # three refusals, then delivered once


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
    s = Stack(
        redis_server.url,
        6,
        connector.url,
        tmp_path_factory.mktemp("teams-secured"),
        MICROSOFT_APP_ID=APP_ID,
        MICROSOFT_APP_PASSWORD="test-password",
        MICROSOFT_OPENID_METADATA_URL=f"{connector.url}/.well-known/openid-configuration",
    )
    redis.Redis.from_url(s.redis_url).flushdb()
    s.start_server()
    yield s
    s.stop()


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
    before = len(connector.requests)
    r = secured.http.post("/api/messages", json=body, headers=headers)
    assert r.status_code == 401
    time.sleep(0.3)
    assert [q for q in connector.requests[before:] if "/v3/" in q.path] == []  # nothing sent
    store = redis.Redis.from_url(secured.redis_url)
    assert list(store.scan_iter(match="na:{teams:*")) == []  # nothing changed


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
    digest = connector.wait_for(
        lambda: [t for t in connector.texts(conv) if "Research digest" in t], timeout=30
    )
    assert "Answers" in digest[0] and digest[0].count("/100)") == 5


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
