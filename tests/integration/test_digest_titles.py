"""A paper's title in a digest item, through the real gateways over real HTTP to the local Slack
and Bot Connector fakes: a "*", "_", "~" or backtick in it cannot break the item's bold (nor
start italics, strike-through or code), and it shows as typed; nothing in it is live."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import redis
from slack_sdk import WebClient

from consultations import digest
from consultations.adapters.settings import Settings
from consultations.adapters.slack.gateway import SlackGateway
from consultations.adapters.teams.gateway import TeamsGateway
from consultations.adapters.teams.personal import PersonalChat, PersonalChats
from consultations.adapters.teams.references import ReferenceStore
from consultations.state import Owner
from consultations.triage.results import TriageResult
from tests.fakes.bot_connector import FakeConnector
from tests.fakes.slack_api import FakeSlack

TITLE = "Is *Attention* All You Need? A ** Study of `rm` in _k_-means, ~5% and snake_case"
PAPER = TriageResult(
    id="p1",
    title=TITLE + " <!here> @channel",
    score=70.0,
    scores={"cost": 0.5, "failure": 0.5, "compute": 0.1},
    questions=["failure"],
    why="Answers failure: 'jail*break', '_bias_'.",
    source="colm2025",
)
# Slack's mrkdwn: a "*" only at a word's edge opens or closes bold (likewise "_", "~")
SLACK_MARK = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)[_~]|[_~](?!\w)|`")
UNESCAPED = re.compile(r"(?<!\\)(?:\\\\)*([*_~`])")  # standard Markdown: not after a backslash


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        yield fake


def test_a_title_with_marks_stays_one_bold_title_in_slack(slack: FakeSlack) -> None:
    slack.reset()
    client = WebClient(token="xoxb-fake", base_url=f"{slack.url}/api/", timeout=5)
    sub = digest.Subscription(platform="slack", workspace="T1", channel="C1")
    SlackGateway(lambda team: client).post_digest(
        sub, "Research digest", [digest.item(1, PAPER, "slack")]
    )
    item = slack.messages[-1]["text"]
    marks = [m.start() for m in SLACK_MARK.finditer(item)]
    assert len(marks) == 2, item  # the bold's two stars, and nothing else
    bold = item[marks[0] + 1 : marks[1]]
    assert bold.startswith("Is ∗Attention∗ All You Need? A ∗∗ Study of 'rm' in ˍkˍ-means"), bold
    assert "~5%" not in bold and "snake_case" in bold  # "∼5%": reads the same, strikes nothing
    assert "<!here>" not in item and "@channel" not in item


def test_a_title_with_marks_stays_one_bold_title_in_teams(
    redis_client: redis.Redis, connector: FakeConnector
) -> None:
    owner = Owner(platform="teams", workspace="tenant1", user="aad-marks")
    chats = PersonalChats(redis_client)
    chats.save(
        owner,
        PersonalChat(
            service_url=connector.url,
            tenant_id="tenant1",
            bot_id="28:bot",
            user_id="29:aad-marks",
            conversation_id="a:1marks",
        ),
    )
    gateway = TeamsGateway(Settings(neurips_env="dev"), ReferenceStore(redis_client, 600), chats)
    sub = digest.Subscription(
        platform="teams", workspace="tenant1", channel="@aad-marks", user="aad-marks"
    )
    gateway.post_digest(sub, "**Your research digest**", [digest.item(1, PAPER, "teams")])
    item = connector.texts("a:1marks")[-1]
    marks = [m.start(1) for m in UNESCAPED.finditer(item)]
    assert len(marks) == 4 and item[marks[0] + 1] == "*" and item[marks[2] + 1] == "*", item
    bold = re.sub(r"\\(.)", r"\1", item[marks[0] + 2 : marks[2]])  # as Teams shows it
    assert bold.startswith(TITLE), bold  # as typed
    assert "<!here>" not in item and "@channel" not in item
