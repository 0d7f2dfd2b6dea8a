"""The hot route (bot/slack/hot.py: a person's message in a channel thread, handled without
Bolt's dispatch) refuses or ignores what Bolt would: a forged signature, a replayed old
timestamp, the bot's own message, another bot's, and Slack's retry of an answer."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.catalog import Catalog
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack, event_body, running, thread_event
from tests.integration.test_slack import block_text, event_id, start
from tests.unit.test_engine import typical

pytestmark = pytest.mark.slow


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


def test_an_answer_written_in_the_channel_is_pointed_to_its_thread_once(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    """Through the hot route: the writer alone is told where question 1 waits, once; nothing
    is answered, and others' talk in the channel is left alone."""
    answer = typical(catalog.by_slug("edge-economics").questions[0])
    thread = start(stack, slack, "UH2", "3", channel="CH3")
    before = len(slack.thread("CH3", thread))

    def top_level(user: str, text: str) -> bytes:
        event = {**thread_event(user, "CH3", "", text)}
        del event["thread_ts"]
        return event_body(event, event_id=event_id())

    def told() -> list[dict]:
        return [p for p in slack.calls("chat.postEphemeral") if p.get("channel") == "CH3"]

    assert stack.post(top_level("UH2", answer), "application/json").status_code == 200
    (pointer,) = slack.wait_for(told)
    assert pointer["user"] == "UH2" and "thread_ts" not in pointer
    assert "not take that as an answer" in pointer["text"] and "question 1" in pointer["text"]
    assert f"/archives/CH3/p{thread.replace('.', '')}" in pointer["text"]  # a link to it
    for user in ("UH2", "UH3"):  # said once; another's message is not theirs to be told
        assert stack.post(top_level(user, answer), "application/json").status_code == 200
    time.sleep(1.0)
    assert len(told()) == 1 and len(slack.thread("CH3", thread)) == before
