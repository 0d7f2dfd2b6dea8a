"""👍/👎 on reports: the store in a real Redis, the Block Kit element, the Bolt listeners in
process against the local Slack API, and `/neurips status` on our real server process."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
import redis

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.redis_digest import DigestStore
from consultations.adapters.redis_feedback import RedisFeedback
from consultations.adapters.redis_store import ConflictError, RedisConsultationStore
from consultations.adapters.redis_triage import TriageJobs
from consultations.adapters.slack.feedback_blocks import (
    FEEDBACK_ACTION,
    feedback_block,
    parse_value,
)
from consultations.catalog import Catalog
from consultations.desk import Desk, Surface
from consultations.digest_service import DigestService
from consultations.service import ConsultationService
from consultations.state import Owner
from tests.fakes.jobs import RecordingJobQueue
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack, running
from tests.integration.test_slack_agent import dispatch  # noqa: F401 — a fixture

ME = Owner(platform="slack", workspace="T1", user="U50")


def parts(client: redis.Redis, catalog: Catalog) -> tuple[ConsultationService, RedisFeedback, Desk]:
    store = RedisConsultationStore(client, ttl_seconds=3600)
    service = ConsultationService(catalog, store, ConflictError)
    feedback = RedisFeedback(client, ttl_seconds=3600)
    jobs = RecordingJobQueue()
    desk = Desk(
        service, DigestService(DigestStore(client), jobs), TriageJobs(client), jobs, feedback
    )
    return service, feedback, desk


def test_the_element_carries_the_vote_and_the_consultation() -> None:
    block = feedback_block("abc123def")
    el = block["elements"][0]
    assert block["type"] == "context_actions" and el["type"] == "feedback_buttons"
    assert el["action_id"] == FEEDBACK_ACTION
    assert parse_value(el["positive_button"]["value"]) == ("up", "abc123def")
    assert parse_value(el["negative_button"]["value"]) == ("down", "abc123def")
    for bad in (None, 3, "", "up|", "sideways|abc123def", "up|ABC123DEF", "up|abc123def|x"):
        assert parse_value(bad) is None
    with pytest.raises(ValueError):
        feedback_block("not an id!")


def test_a_vote_is_kept_changed_counted_once_and_forgotten(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    service, feedback, _ = parts(redis_client, catalog)
    cid = service.start(ME, "edge-economics").consultation.id
    assert feedback.vote(ME, cid, "edge-economics", "up") is True
    assert feedback.vote(ME, cid, "edge-economics", "up") is False  # a second click
    assert feedback.counts("edge-economics") == (1, 0)
    assert feedback.vote(ME, cid, "edge-economics", "down") is True  # changed their mind
    assert feedback.counts("edge-economics") == (0, 1)
    assert feedback.note(ME, cid, "  the GPU price is a year old  ") is True
    assert feedback.of(ME, cid)["note"] == "the GPU price is a year old"
    assert feedback.note(ME, "zzzzzz99", "no vote there") is False
    assert 0 < redis_client.ttl(f"na:{{{ME.key}}}:feedback:{cid}") <= 3600
    service.forget(ME)
    assert feedback.of(ME, cid) == {} and feedback.votes(ME, [cid]) == {}


def test_status_shows_the_owner_their_feedback(redis_client: redis.Redis, catalog: Catalog) -> None:
    service, feedback, desk = parts(redis_client, catalog)
    a = service.start(ME, "edge-economics").consultation.id
    b = service.start(ME, "model-convergence").consultation.id
    service.start(ME, "attention-readiness")
    feedback.vote(ME, a, "edge-economics", "up")
    feedback.vote(ME, b, "model-convergence", "down")
    text = desk.status(ME, Surface(prefix="/neurips "))
    assert text.count("your feedback 👍") == 1 and text.count("your feedback 👎") == 1
    assert "Your feedback on reports: 👍 1 · 👎 1" in text
    other = Owner(platform="slack", workspace="T1", user="U51")
    assert "feedback" not in desk.status(other, Surface(prefix="/neurips "))


# --- the listeners, in process ---------------------------------------------------------------


def settle(seconds: float = 0.5):  # type: ignore[no-untyped-def]
    """A wait condition that holds once the listeners (run after the ack) have had time."""
    import time

    later = time.monotonic() + seconds
    return lambda: time.monotonic() > later


def click(user: str, value: str, channel: str = "C50") -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": {"id": user, "team_id": "T1"},
        "team": {"id": "T1"},
        "channel": {"id": channel},
        "api_app_id": "A1",
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        "container": {"type": "message", "channel_id": channel, "thread_ts": "1800000050.000100"},
        "actions": [{"type": "feedback_buttons", "action_id": FEEDBACK_ACTION, "value": value}],
    }


def test_clicks_are_stored_for_the_owner_and_a_thumbs_down_asks_what_was_off(
    dispatch,  # noqa: F811 — the fixture
    slack: FakeSlack,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    app = dispatch.app
    cid = app.service.start(ME, "edge-economics").consultation.id
    before = len(slack.calls("chat.postEphemeral"))
    dispatch(click("U50", f"up|{cid}"), lambda: slack.calls("chat.postEphemeral")[before:])
    assert app.feedback.of(ME, cid)["vote"] == "up"
    assert slack.calls("chat.postEphemeral")[-1]["text"] == "Thanks for the feedback."

    opened = dispatch(click("U50", f"down|{cid}"), lambda: slack.calls("views.open"))
    assert app.feedback.of(ME, cid)["vote"] == "down"
    view = opened[-1]["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert view["private_metadata"] == cid and view["blocks"][0]["optional"] is True

    submit = {
        "type": "view_submission",
        "user": {"id": "U50", "team_id": "T1"},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "view": {
            "type": "modal",
            "id": "V50",
            "callback_id": view["callback_id"],
            "private_metadata": cid,
            "state": {"values": {"note": {"note": {"type": "plain_text_input", "value": "stale"}}}},
        },
    }
    dispatch(submit, lambda: app.feedback.of(ME, cid).get("note"))
    assert app.feedback.of(ME, cid)["note"] == "stale"


def test_a_strangers_click_or_a_forged_value_stores_nothing(
    dispatch,  # noqa: F811 — the fixture
    slack: FakeSlack,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    app = dispatch.app
    cid = app.service.start(ME, "edge-economics").consultation.id
    before = len(slack.calls("chat.postEphemeral"))
    told = dispatch(click("U99", f"up|{cid}"), lambda: slack.calls("chat.postEphemeral")[before:])
    assert "Only the person who asked" in told[-1]["text"] and told[-1]["user"] == "U99"
    stranger = Owner(platform="slack", workspace="T1", user="U99")
    assert app.feedback.of(ME, cid) == {} and app.feedback.of(stranger, cid) == {}
    r = app.redis
    keys_before = set(r.keys("*"))
    dispatch(click("U50", "up|../../etc"), settle())
    dispatch(click("U50", f"meh|{cid}"), settle())
    assert set(r.keys("*")) == keys_before and app.feedback.counts("edge-economics") == (0, 0)


# --- end to end: `/neurips status` on our server ---------------------------------------------


@pytest.fixture(scope="module")
def stack(redis_server: EmbeddedRedis, slack: FakeSlack, tmp_path_factory) -> Iterator[Stack]:  # type: ignore[no-untyped-def]  # noqa: F811
    with running(
        redis_server.url, 9, slack.url, tmp_path_factory.mktemp("feedback-stack"), worker=False
    ) as s:
        yield s


@pytest.mark.slow
def test_a_click_on_the_server_shows_in_status(stack: Stack, slack: FakeSlack) -> None:  # noqa: F811
    stack.command("consult 3", "U52", channel="C52")
    slack.wait_for(lambda: [p for p in slack.calls("chat.postMessage") if p["channel"] == "C52"])
    r = redis.Redis.from_url(stack.redis_url)
    cid = slack.wait_for(lambda: r.zrange("na:{slack:T1:U52}:index", 0, -1))[0].decode()
    body = urlencode({"payload": json.dumps(click("U52", f"up|{cid}", channel="C52"))})
    assert stack.post(body.encode(), "application/x-www-form-urlencoded").status_code == 200
    slack.wait_for(lambda: [e for e in slack.calls("chat.postEphemeral") if e["user"] == "U52"])
    url = f"{slack.url}/response/fb52"
    stack.command("status", "U52", response_url=url)
    status = slack.wait_for(lambda: slack.responses("fb52"))[-1]["text"]
    assert "your feedback 👍" in status and "👍 1 · 👎 0" in status
