"""The report as a canvas, against the local Slack API: created with the whole report, shared
with its owner; Slack's refusals leave only the thread, with nothing raised."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from slack_sdk import WebClient

from consultations.adapters.offline_narrator import OfflineNarrator
from consultations.adapters.redis_store import ConflictError, RedisConsultationStore
from consultations.adapters.slack.canvas import ReportCanvas, canvas_markdown
from consultations.catalog import Catalog
from consultations.scripts import QuestionType
from consultations.service import ConsultationService
from consultations.state import Consultation, Owner
from tests.fakes.slack_api import FakeSlack
from tests.unit.test_engine import typical

OWNER = Owner(platform="slack", workspace="T1", user="U60")


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def finished(redis_client: redis.Redis, catalog: Catalog) -> Consultation:
    svc = ConsultationService(
        catalog, RedisConsultationStore(redis_client, ttl_seconds=3600), ConflictError
    )
    script = catalog.by_slug("edge-economics")
    cid = svc.start(OWNER, script.slug).consultation.id
    for q in script.questions:
        svc.act(OWNER, cid, typical(q) if q.type is not QuestionType.CHOICE else "1")
    return svc.write_report(OWNER, cid, OfflineNarrator())


def client(slack: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-fake", base_url=f"{slack.url}/api/")


def test_the_whole_report_becomes_a_canvas_shared_with_its_owner(
    slack: FakeSlack, finished: Consultation
) -> None:
    canvas = ReportCanvas(client(slack)).create(finished)
    assert canvas is not None and canvas.id.startswith("F0CANVAS")
    assert canvas.url == f"https://example.slack.com/docs/T1/{canvas.id}"
    made = slack.calls("canvases.create")[-1]
    assert made["title"].startswith(finished.report.title)  # type: ignore[union-attr]
    doc = made["document_content"]
    assert doc["type"] == "markdown"
    assert "$40,500" in doc["markdown"] and "349,800" in doc["markdown"]
    assert "• " not in doc["markdown"] and "\n- " in doc["markdown"]  # Markdown list items
    shared = slack.calls("canvases.access.set")[-1]
    assert shared["canvas_id"] == canvas.id and shared["user_ids"] == "U60"
    assert shared["access_level"] == "write"


@pytest.mark.parametrize(
    "error", ["free_teams_cannot_create_non_tabbed_canvases", "missing_scope", "ratelimited"]
)
def test_a_refused_canvas_is_none_and_nothing_else_is_called(
    slack: FakeSlack, finished: Consultation, error: str
) -> None:
    slack.refuse["canvases.create"] = error
    assert ReportCanvas(client(slack)).create(finished) is None
    assert not slack.calls("canvases.access.set") and not slack.calls("chat.postMessage")


def test_a_canvas_that_cannot_be_shared_is_deleted(
    slack: FakeSlack, finished: Consultation
) -> None:
    slack.refuse["canvases.access.set"] = "restricted_action"
    assert ReportCanvas(client(slack)).create(finished) is None
    made = slack.calls("canvases.create")
    assert len(made) == 1
    assert [d["canvas_id"] for d in slack.calls("canvases.delete")] == ["F0CANVAS1"]


def test_an_unreachable_slack_is_no_canvas_either(finished: Consultation) -> None:
    dead = WebClient(token="xoxb-fake", base_url="http://127.0.0.1:9/api/", timeout=2)
    assert ReportCanvas(dead).create(finished) is None


def test_no_report_no_canvas(slack: FakeSlack, finished: Consultation) -> None:
    unwritten = finished.model_copy(update={"narrative": None})
    assert ReportCanvas(client(slack)).create(unwritten) is None
    assert not slack.calls("canvases.create")
    assert "Report by" in canvas_markdown(finished)


def test_the_report_in_the_thread_links_its_canvas_or_goes_without_one(
    slack: FakeSlack, finished: Consultation
) -> None:
    from consultations.adapters.slack.gateway import SlackGateway

    placed = finished.model_copy(update={"location": {"channel": "CR", "thread_ts": "1.0"}})
    gateway = SlackGateway(lambda team: client(slack))
    gateway.post_report(placed)
    texts = [str(p.get("text")) for p in slack.thread("CR", "1.0")]
    assert any("as a canvas: https://example.slack.com/docs/T1/" in t for t in texts)
    assert "report_feedback" in str(slack.thread("CR", "1.0")[0]["blocks"])  # 👍/👎 on it

    slack.refuse["canvases.create"] = "free_teams_cannot_create_non_tabbed_canvases"
    gateway.post_report(
        placed.model_copy(update={"location": {"channel": "CQ", "thread_ts": "2.0"}})
    )
    texts = [str(p.get("text")) for p in slack.thread("CQ", "2.0")]
    assert texts and not any("canvas" in t for t in texts)  # the thread alone carries it
