"""A Teams reader's own digest, through the real gateway over real HTTP to the local Bot
Connector: nothing in a paper's title or abstract is live in the chat, and a digest retried
after a failed post posts each message once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference
from msrest.exceptions import HttpOperationError
from structlog.testing import capture_logs

from consultations import messages
from consultations.adapters.checkpoints import RedisParts
from consultations.adapters.settings import Settings
from consultations.adapters.teams.gateway import TeamsGateway
from consultations.adapters.teams.personal import PersonalChat, PersonalChats
from consultations.adapters.teams.references import ReferenceStore
from consultations.digest import Subscription
from consultations.ports import CannotPost
from consultations.state import Owner
from tests.fakes.bot_connector import FakeConnector

HOSTILE = [
    "1. **[Free GPUs](https://evil.example/x) <at>Ada</at>** (70/100) — Answers cost: 'gpu'.",
    "2. **<img src=x onerror=alert(1)> @channel www.evil.example** (60/100) — Answers failure.",
    "3. **javascript:alert(1) &lt;b&gt;** (50/100) — Answers compute.",
]


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        yield fake


def gateway_for(
    client: redis.Redis, connector: FakeConnector, user: str
) -> tuple[TeamsGateway, Subscription, str]:
    owner = Owner(platform="teams", workspace="tenant1", user=user)
    chats = PersonalChats(client)
    conversation = f"a:1{user}"
    chats.save(
        owner,
        PersonalChat(
            service_url=connector.url,
            tenant_id="tenant1",
            bot_id="28:bot",
            user_id=f"29:{user}",
            conversation_id=conversation,
        ),
    )
    gateway = TeamsGateway(Settings(neurips_env="dev"), ReferenceStore(client, 600), chats)
    sub = Subscription(platform="teams", workspace="tenant1", channel=f"@{user}", user=user, top=3)
    return gateway, sub, conversation


def test_nothing_in_a_paper_is_live_in_the_chat(
    redis_client: redis.Redis, connector: FakeConnector
) -> None:
    gateway, sub, conv = gateway_for(redis_client, connector, "aad-hostile")
    ids = gateway.post_digest(sub, "**Your research digest** · 3 papers", HOSTILE)
    texts = connector.texts(conv)
    assert len(texts) == 4 and len(ids) == 3 and all(ids)
    for text in texts[1:]:
        assert not any(s in text for s in ("](", "<", ">", "https:/", "javascript:a", "@channel"))
        assert "evil.example" not in text and "**" in text  # inert, still bold
    items = [a for a in connector.messages(conv) if a.get("channelData")]
    assert [a["channelData"] for a in items] == [{"feedbackLoop": {"type": "default"}}] * 3


def test_a_retry_after_a_failed_post_posts_each_message_once(
    redis_client: redis.Redis, connector: FakeConnector
) -> None:
    gateway, sub, conv = gateway_for(redis_client, connector, "aad-retry")
    lines = [f"{n}. **Paper {n}** ({90 - n}/100) — Answers cost." for n in (1, 2, 3)]
    parts = RedisParts(redis_client, "na:parts:test-teams-digest:1")
    redis_client.delete(parts.key)
    connector.fail_only_containing = "Paper 2"
    connector.fail_with.append(500)  # not a throttle: the attempt fails
    with pytest.raises(HttpOperationError):
        gateway.post_digest(sub, "**Your research digest**", lines, parts)
    assert len(connector.texts(conv)) == 2  # the header and paper 1
    retry = RedisParts(redis_client, parts.key)  # a new attempt reads the checkpoints
    ids = gateway.post_digest(sub, "**Your research digest**", lines, retry)
    texts = connector.texts(conv)
    assert texts == ["**Your research digest**", *lines]  # each once, in order
    assert ids == [connector.id_of(conv, lambda a, t=t: a.get("text") == t) for t in lines]


def test_a_chat_teams_no_longer_lets_the_bot_post_in_is_forgotten(
    redis_client: redis.Redis, connector: FakeConnector
) -> None:
    """The user removed the app: Teams answers 403, and the chat is not kept as if it worked
    (the next `digest mine` asks Teams again, and says how to open one if it still refuses)."""
    gateway, sub, conv = gateway_for(redis_client, connector, "aad-removed")
    owner = Owner(platform="teams", workspace="tenant1", user="aad-removed")
    connector.fail_with.append(403)
    with pytest.raises(CannotPost):  # for good: the task tells the subscriber, no retries
        gateway.post_digest(sub, "**Your research digest**", ["1. **Paper** — Answers cost."])
    assert PersonalChats(redis_client).load(owner) is None
    with pytest.raises(RuntimeError, match="no personal chat"):
        gateway.post_digest(sub, "**Your research digest**", ["1. **Paper** — Answers cost."])
    assert connector.texts(conv) == []


def test_a_post_teams_took_but_answered_with_an_error_is_the_window_left_and_is_logged(
    redis_client: redis.Redis, connector: FakeConnector
) -> None:
    """The Bot Connector cannot read a chat back nor honour an id of ours, so a paper Teams
    showed though its answer was an error (500) is posted again by the retry:
    the one window left, named in the log. A paper Teams refused (4xx) was not shown: its
    retry is no repeat, and nothing is logged."""
    gateway, sub, conv = gateway_for(redis_client, connector, "aad-window")
    lines = [f"{n}. **Paper {n}** ({90 - n}/100) — Answers cost." for n in (1, 2, 3)]
    parts = RedisParts(redis_client, "na:parts:test-teams-digest:2")
    connector.fail_only_containing = "Paper 2"
    connector.fail_after_taking.append(500)
    with pytest.raises(HttpOperationError):
        gateway.post_digest(sub, "**Your research digest**", lines, parts)
    with capture_logs() as logs:
        gateway.post_digest(
            sub, "**Your research digest**", lines, RedisParts(redis_client, parts.key)
        )
    assert connector.texts(conv).count(lines[1]) == 2  # the window: shown, then posted again
    assert [e["part"] for e in logs if e["event"] == "part.maybe_repeated"] == ["item:1"]
    assert [connector.texts(conv).count(t) for t in (lines[0], lines[2])] == [1, 1]

    refused = RedisParts(redis_client, "na:parts:test-teams-digest:3")
    connector.fail_only_containing = "Paper 3"
    connector.fail_with.append(400)
    with pytest.raises(HttpOperationError):
        gateway.post_digest(sub, "**Digest three**", lines, refused)
    with capture_logs() as logs:
        gateway.post_digest(sub, "**Digest three**", lines, RedisParts(redis_client, refused.key))
    assert not [e for e in logs if e["event"] == "part.maybe_repeated"]
    assert connector.texts(conv).count(lines[2]) == 2  # once per digest: not repeated


def test_a_channel_that_removed_the_app_is_told_to_its_subscriber_in_their_chat(
    redis_client: redis.Redis, connector: FakeConnector
) -> None:
    """A team that removed the app: its channel's digest failed with 403 on every retry and
    nobody heard; now the post says it cannot be done, and the subscriber hears it in their
    personal chat with the bot."""
    gateway, _, personal = gateway_for(redis_client, connector, "aad-subscriber")
    channel = "19:gone@thread.tacv2"
    ReferenceStore(redis_client, 600).save_channel(
        channel,
        ConversationReference(
            service_url=connector.url,
            channel_id="msteams",
            conversation=ConversationAccount(id=channel, tenant_id="tenant1"),
            bot=ChannelAccount(id="28:bot"),
        ),
    )
    sub = Subscription(
        platform="teams", workspace="tenant1", channel=channel, subscribed_by="aad-subscriber"
    )
    connector.fail_with.append(403)
    with pytest.raises(CannotPost) as refused:
        gateway.post_digest(sub, "**Research digest**", ["1. **Paper** — Answers cost."])
    assert gateway.tell_subscriber(
        sub, messages.digest_not_posted("teams", channel, refused.value.why)
    )
    (note,) = connector.texts(personal)
    assert note.startswith(
        "The research digest for the channel you subscribed could not be posted: the app is no "
        "longer in that team or chat."
    )
    assert connector.texts(channel) == []
    nobody = sub.model_copy(update={"subscribed_by": "aad-unknown"})  # no chat with them known
    assert gateway.tell_subscriber(nobody, "x") is False
