"""The hot route (bot/slack/hot.py: a person's message in a channel thread, handled without
Bolt's dispatch) refuses or ignores what Bolt would: a forged signature, a replayed old
timestamp, the bot's own message, another bot's, and Slack's retry of an answer."""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.catalog import Catalog
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack, event_body, running, thread_event
from tests.integration.test_slack import block_text, event_id, start
from tests.unit.test_engine import typical

pytestmark = pytest.mark.slow
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def stack(redis_server: EmbeddedRedis, slack: FakeSlack, tmp_path_factory) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    with running(
        redis_server.url, 9, slack.url, tmp_path_factory.mktemp("hot-stack"), worker=False
    ) as s:
        yield s


def thread_message(user: str, channel: str, thread: str, text: str, **extra: str) -> bytes:
    return event_body(thread_event(user, channel, thread, text, **extra), event_id=event_id())


def test_what_is_not_a_persons_fresh_signed_answer_moves_nothing(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    answer = typical(catalog.by_slug("edge-economics").questions[0])
    thread = start(stack, slack, "UH1", "3", channel="CH1")
    own = start(stack, slack, "UBOT", "3", channel="CH2")  # the bot's user id (auth.test's)
    before = {t: len(slack.thread(ch, t)) for ch, t in (("CH1", thread), ("CH2", own))}
    body = thread_message("UH1", "CH1", thread, answer)

    forged = {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=00"}
    assert stack.post(body, "application/json", headers=forged, sign=False).status_code == 401
    old = int(time.time()) - 6 * 60  # signed correctly, but Slack's 5 minutes are past
    assert stack.post(body, "application/json", timestamp=old).status_code == 401
    own_message = thread_message("UBOT", "CH2", own, answer)
    assert stack.post(own_message, "application/json").status_code == 200
    other_bot = thread_message("UH1", "CH1", thread, answer, bot_id="B2")
    assert stack.post(other_bot, "application/json").status_code == 200

    answered = event_id()
    assert stack.message("UH1", "CH1", thread, answer, answered).status_code == 200
    retried = stack.message("UH1", "CH1", thread, answer, answered, retry=1)
    assert retried.status_code == 200
    slack.wait_for(lambda: len(slack.thread("CH1", thread)) > before[thread])
    time.sleep(1.0)  # time for anything wrongly taken to be answered too
    new = slack.thread("CH1", thread)[before[thread] :]
    assert len(new) == 1 and "2/8" in block_text(new[0])  # the answer, once; nothing else
    assert len(slack.thread("CH2", own)) == before[own]  # the bot's own words answer nothing


def command_form(user: str, text: str, channel: str, response_url: str) -> bytes:
    form = {
        "token": "x",
        "team_id": "T1",
        "channel_id": channel,
        "user_id": user,
        "command": "/neurips",
        "text": text,
        "response_url": response_url,
        "trigger_id": "1.2.3",
    }
    return urlencode(form).encode()


def test_a_command_is_acked_at_once_refused_unsigned_and_its_failure_told(
    stack: Stack, slack: FakeSlack
) -> None:
    """`/neurips` on the hot route: a forged or replayed command starts nothing; a signed one
    is acked with Bolt's empty 200 before its work, and when that work fails (Slack refuses
    the thread's first post) the user is told through the command's response URL."""
    slack.reset()
    url = f"{slack.url}/response/hotcmd"
    body = command_form("UH3", "consult 3", "CH3", url)
    forged = {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=00"}
    refused = stack.post(body, FORM, headers=forged, sign=False)
    assert refused.status_code == 401
    old = int(time.time()) - 6 * 60
    assert stack.post(body, FORM, timestamp=old).status_code == 401
    time.sleep(0.5)
    assert slack.calls("chat.postMessage") == [] and slack.responses("hotcmd") == []

    started = stack.post(body, FORM)  # (the first request Bolt authorizes; then the hot route)
    assert started.status_code == 200
    slack.wait_for(lambda: any("1/8" in block_text(p) for p in slack.calls("chat.postMessage")))

    slack.fail("chat.postMessage", error="internal_error")  # the next thread cannot be opened
    acked = stack.post(body, FORM)
    assert acked.status_code == 200 and acked.content == b""  # as Bolt's ack()
    slack.wait_for(lambda: slack.responses("hotcmd"), timeout=10)
    told = slack.responses("hotcmd")
    assert len(told) == 1 and "Sorry" in told[0]["text"]
