"""Reports as Slack ``markdown`` blocks, over real HTTP to the local Slack API, which refuses
what Slack refuses: a malformed markdown block, more than 12,000 characters of Markdown in one
message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk.errors import SlackApiError

from consultations.adapters.slack.canvas import canvas_markdown
from consultations.adapters.slack.gateway import SlackGateway
from consultations.adapters.slack.markdown import MARKDOWN_LIMIT
from consultations.state import Consultation
from tests.fakes.slack_api import FakeSlack
from tests.integration.test_canvas import client, finished  # noqa: F401  (a fixture)


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


def post(slack: FakeSlack, blocks: list[dict]) -> str:
    try:
        client(slack).chat_postMessage(channel="C1", text="x", blocks=blocks)
    except SlackApiError as e:
        return str(e.response["error"])
    return "ok"


def test_the_local_slack_refuses_markdown_blocks_slack_would_refuse(slack: FakeSlack) -> None:
    md = {"type": "markdown", "text": "**fine**"}
    assert post(slack, [md]) == "ok"
    assert post(slack, [{"type": "markdown"}]) == "invalid_blocks"  # no text
    assert post(slack, [{**md, "text": ""}]) == "invalid_blocks"
    assert post(slack, [{**md, "elements": []}]) == "invalid_blocks"  # not a markdown field
    assert post(slack, [{**md, "text": "x" * (MARKDOWN_LIMIT + 1)}]) == "invalid_blocks"
    half = {**md, "text": "x" * (MARKDOWN_LIMIT // 2 + 1)}
    assert post(slack, [half, half]) == "msg_blocks_too_long"  # cumulative, per message
    assert post(slack, [md] * 51) == "invalid_blocks"
    assert len(slack.calls("chat.postMessage")) == 1  # only the good one was posted


def test_the_report_is_standard_markdown_in_one_block_the_same_as_its_canvas(
    slack: FakeSlack,
    finished: Consultation,  # noqa: F811
) -> None:
    placed = finished.model_copy(update={"location": {"channel": "CM", "thread_ts": "1.0"}})
    SlackGateway(lambda team: client(slack)).post_report(placed)
    report = slack.thread("CM", "1.0")[0]
    kinds = [b["type"] for b in report["blocks"]]
    assert kinds == ["header", "context", "markdown", "context", "context_actions"]
    body = report["blocks"][2]["text"]
    assert "$40,500" in body and "\n- " in body and "• " not in body
    assert "*" not in report["text"] and report["text"].startswith(finished.report.title)  # type: ignore[union-attr]
    doc = slack.calls("canvases.create")[-1]["document_content"]["markdown"]
    assert body in doc and doc == canvas_markdown(placed)  # one rendering, not two


def test_a_report_past_12000_characters_goes_on_in_further_messages(
    slack: FakeSlack,
    finished: Consultation,  # noqa: F811
) -> None:
    long = "\n\n".join(f"Paragraph {n}. " + "Quite a long sentence here. " * 60 for n in range(20))
    placed = finished.model_copy(
        update={"location": {"channel": "CL", "thread_ts": "1.0"}, "narrative": long}
    )
    SlackGateway(lambda team: client(slack)).post_report(placed)
    posted = [p for p in slack.thread("CL", "1.0") if p.get("blocks")]
    assert len(posted) == 3  # about 34,000 characters: three messages, every one taken
    assert posted[0]["blocks"][0]["type"] == "header"
    assert posted[-1]["blocks"][-1]["type"] == "context_actions"  # 👍/👎 under the last
    shown = " ".join(b["text"] for p in posted for b in p["blocks"] if b["type"] == "markdown")
    assert shown.split() == long.split()  # all of it, in order, once
