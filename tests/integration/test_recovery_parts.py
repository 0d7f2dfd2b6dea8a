"""The one-round-trip window, part by part, over real HTTP to the Slack fake and a real Redis:
Slack carries out a post but its answer never reaches the attempt (it times out, as a worker
killed meanwhile would never hear it), so no checkpoint is written; the next attempt finds that
post in the thread (message metadata, or the file's id) and does not post it again."""

from __future__ import annotations

from typing import Any

import pytest
import redis
from slack_sdk import WebClient
from structlog.testing import capture_logs

from consultations.adapters.checkpoints import RedisParts
from consultations.adapters.slack.parts import Metadata, post_once, upload_once
from tests.fakes.slack_api import FakeSlack

LOST = 1.5  # Slack answers this late; the attempt gave up waiting after 1 s


@pytest.fixture
def client(slack: FakeSlack) -> WebClient:
    slack.reset()
    return WebClient(token="xoxb-fake", base_url=f"{slack.url}/api/", timeout=1)


def poster(client: WebClient, channel: str, thread: str | None, text: str):  # type: ignore[no-untyped-def]
    def post(meta: Metadata | None) -> str:
        resp = client.chat_postMessage(channel=channel, thread_ts=thread, text=text, metadata=meta)
        return str(resp["ts"])

    return post


def lose_answer(slack: FakeSlack, method: str) -> None:
    slack.hold(method, lambda p: True, LOST)


def posted(slack: FakeSlack, channel: str, text: str) -> list[dict[str, Any]]:
    return [m for m in slack.messages if m["channel"] == channel and m.get("text") == text]


def test_a_thread_reply_slack_accepted_is_found_not_posted_again(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    top = str(client.chat_postMessage(channel="CP", text="thread")["ts"])
    lose_answer(slack, "chat.postMessage")
    with pytest.raises(TimeoutError):
        post_once(client, "CP", top, RedisParts(redis_client, "na:parts:a"), "message:0",
                  poster(client, "CP", top, "the report"))  # fmt: skip
    retry = RedisParts(redis_client, "na:parts:a")  # a new attempt, on another worker
    ref = post_once(client, "CP", top, retry, "message:0", poster(client, "CP", top, "the report"))
    (once,) = posted(slack, "CP", "the report")
    assert ref == once["ts"] and retry.posted("message:0") == once["ts"]
    assert slack.calls("conversations.replies")[0]["include_all_metadata"] in ("1", "true")
    # the same part of another job round (a restarted consultation) is not mistaken for it
    other = RedisParts(redis_client, "na:parts:b")
    post_once(client, "CP", top, other, "message:0", poster(client, "CP", top, "the report"))
    assert len(posted(slack, "CP", "the report")) == 2


def test_a_channel_post_slack_accepted_is_found_in_the_history(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    lose_answer(slack, "chat.postMessage")
    with pytest.raises(TimeoutError):
        post_once(client, "CQ", None, RedisParts(redis_client, "na:parts:d"), "header",
                  poster(client, "CQ", None, "Research digest"))  # fmt: skip
    client.chat_postMessage(channel="CQ", text="someone else, later")
    retry = RedisParts(redis_client, "na:parts:d")
    post_once(client, "CQ", None, retry, "header", poster(client, "CQ", None, "Research digest"))
    assert len(posted(slack, "CQ", "Research digest")) == 1
    assert slack.calls("conversations.history")


def test_a_part_whose_post_never_reached_slack_is_posted(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    top = str(client.chat_postMessage(channel="CR", text="thread")["ts"])
    slack.fail("chat.postMessage")  # the attempt's post fails: the part is in flight, not out
    with pytest.raises(Exception, match="internal_error"):
        post_once(client, "CR", top, RedisParts(redis_client, "na:parts:e"), "results",
                  poster(client, "CR", top, "Top 2 of 2"))  # fmt: skip
    post_once(client, "CR", top, RedisParts(redis_client, "na:parts:e"), "results",
              poster(client, "CR", top, "Top 2 of 2"))  # fmt: skip
    assert len(posted(slack, "CR", "Top 2 of 2")) == 1


def test_a_chart_shared_before_the_worker_died_is_found_by_its_file_id(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    top = str(client.chat_postMessage(channel="CS", text="thread")["ts"])
    slack.fail("files.completeUploadExternal")  # first attempt: uploaded, never shared
    kwargs: dict[str, Any] = {"content": b"png", "filename": "c.png", "title": "Cost"}
    with pytest.raises(Exception, match="internal_error"):
        upload_once(client, "CS", top, RedisParts(redis_client, "na:parts:f"), "chart", **kwargs)
    lose_answer(slack, "files.completeUploadExternal")  # second: shared, the answer lost
    with pytest.raises(TimeoutError):
        upload_once(client, "CS", top, RedisParts(redis_client, "na:parts:f"), "chart", **kwargs)
    third = RedisParts(redis_client, "na:parts:f")
    upload_once(client, "CS", top, third, "chart", **kwargs)
    shared = [m for m in slack.messages if m["channel"] == "CS" and m.get("files")]
    assert len(shared) == 1 and third.posted("chart") == shared[0]["ts"]
    assert len(slack.calls("files.getUploadURLExternal")) == 2  # the third uploaded nothing


def test_a_thread_slack_will_not_let_us_read_is_posted_again_and_says_which_scope(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    """Without the history scope of a private channel the retry cannot look: the part is posted
    again (the one duplicate left), and the log names the part and the scope to add."""
    top = str(client.chat_postMessage(channel="GP", text="thread")["ts"])
    slack.refuse["conversations.replies"] = "missing_scope:groups:history"
    lose_answer(slack, "chat.postMessage")
    with pytest.raises(TimeoutError):
        post_once(client, "GP", top, RedisParts(redis_client, "na:parts:g"), "message:0",
                  poster(client, "GP", top, "the report"))  # fmt: skip
    with capture_logs() as logs:
        post_once(client, "GP", top, RedisParts(redis_client, "na:parts:g"), "message:0",
                  poster(client, "GP", top, "the report"))  # fmt: skip
    assert len(posted(slack, "GP", "the report")) == 2
    (failed,) = [e for e in logs if e["event"] == "slack.part_lookup_failed"]
    assert failed["part"] == "message:0" and failed["needed"] == "groups:history"
    assert failed["error"] == "missing_scope" and failed["log_level"] == "warning"


def test_a_personal_digest_header_is_looked_for_in_the_dm_it_went_to(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    """A user's own digest goes to their DM (opened from "@user"); the retry reads that DM's
    history, not the "@user" name Slack cannot read."""
    from consultations.adapters.slack.gateway import SlackGateway
    from consultations.digest import Subscription

    gateway = SlackGateway(lambda team: client)
    sub = Subscription(platform="slack", workspace="T1", channel="@U73", user="U73")
    lose_answer(slack, "chat.postMessage")
    with pytest.raises(TimeoutError):
        gateway.post_digest(sub, "Research digest", [], RedisParts(redis_client, "na:parts:h"))
    gateway.post_digest(sub, "Research digest", [], RedisParts(redis_client, "na:parts:h"))
    (dm,) = {m["channel"] for m in slack.messages}
    assert dm.startswith("D") and len(posted(slack, dm, "Research digest")) == 1
    assert [p["channel"] for p in slack.calls("conversations.history")] == [dm]


def test_a_personal_digest_preview_slack_accepted_is_found_in_the_dm(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    """`digest mine preview` goes to the user's DM with the bot: it carries its metadata, so a
    retry whose worker never heard Slack's answer finds it there. Before: a second preview."""
    from consultations.adapters.slack.gateway import SlackGateway
    from consultations.digest import Subscription

    gateway = SlackGateway(lambda team: client)
    sub = Subscription(platform="slack", workspace="T1", channel="@U75", user="U75")
    lose_answer(slack, "chat.postMessage")
    with pytest.raises(TimeoutError):
        gateway.post_digest_preview(sub, "*Paper one*", "U75", RedisParts(redis_client, "na:p:v"))
    gateway.post_digest_preview(sub, "*Paper one*", "U75", RedisParts(redis_client, "na:p:v"))
    (dm,) = {m["channel"] for m in slack.messages}
    (preview,) = [m for m in slack.messages if "Paper one" in m["text"]]
    assert preview["channel"] == dm and "preview of your own digest" in preview["text"]
    assert [p["channel"] for p in slack.calls("conversations.history")] == [dm]


def ephemerals(slack: FakeSlack, channel: str) -> list[str]:
    return [p["text"] for p in slack.calls("chat.postEphemeral") if p["channel"] == channel]


def test_an_ephemeral_preview_that_may_have_been_shown_says_it_is_sent_again(
    slack: FakeSlack, client: WebClient, redis_client: redis.Redis
) -> None:
    """A channel's preview is ephemeral, in no history: a retry cannot tell whether the first
    reached the user (Slack showed it, then erred). It sends it again saying so; one whose
    first try Slack refused for sure is sent plainly."""
    from consultations.adapters.slack.gateway import PREVIEW_AGAIN, SlackGateway
    from consultations.digest import Subscription

    gateway = SlackGateway(lambda team: client)
    sub = Subscription(platform="slack", workspace="T1", channel="CV")
    slack.fail("chat.postEphemeral", error="internal_error", after=True)
    with pytest.raises(Exception, match="internal_error"):
        gateway.post_digest_preview(sub, "*Paper one*", "U76", RedisParts(redis_client, "na:p:w"))
    gateway.post_digest_preview(sub, "*Paper one*", "U76", RedisParts(redis_client, "na:p:w"))
    first, again = ephemerals(slack, "CV")
    assert PREVIEW_AGAIN not in first and again.startswith(f"_{PREVIEW_AGAIN}_")
    gateway.post_digest_preview(sub, "*Paper one*", "U76", RedisParts(redis_client, "na:p:w"))
    assert len(ephemerals(slack, "CV")) == 2  # checkpointed: no third

    slack.fail("chat.postEphemeral", error="user_not_in_channel")  # refused: nothing shown
    with pytest.raises(Exception, match="user_not_in_channel"):
        gateway.post_digest_preview(sub, "*Paper two*", "U76", RedisParts(redis_client, "na:p:x"))
    gateway.post_digest_preview(sub, "*Paper two*", "U76", RedisParts(redis_client, "na:p:x"))
    assert [t for t in ephemerals(slack, "CV") if "Paper two" in t] == ["*Paper two*"]
