"""A Teams user's one-on-one (personal) chat with the bot: where their own digest goes.

Teams bots cannot post to a user out of nowhere: a proactive message needs the address of a
conversation. A user's personal chat is remembered whenever they write to the bot there; when
they have only met the bot in a channel or group chat, the chat is created the Bot Framework
way (``POST /v3/conversations`` with the user as the one member). Teams refuses that (403,
``BotNotInConversationRoster``) until the user has the app in their personal scope; they are
then told how to open the chat (``HOW_TO_OPEN``).

What is kept (validated with pydantic, read and written): the service URL, the conversation,
the tenant and the bot and user ids; under the user's own keys, so ``forget`` removes it.
"""

from __future__ import annotations

from typing import Any

import redis
import structlog
from botbuilder.core import TurnContext
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
)
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from consultations.state import Owner

log = structlog.get_logger(__name__)
_ID = r"^[^\s<>\"']{1,256}$"


def how_to_open(command: str = "digest mine weekly") -> str:
    """What to tell a user whose personal chat with the bot cannot be opened from here."""
    return (
        "Your own digest comes to your personal chat with me, and I cannot open one with you "
        "from here. In Teams, open **Apps**, find this bot and choose **Open** (or start a new "
        f"chat and search for the bot by name), then type `{command}` in that chat."
    )


HOW_TO_OPEN = how_to_open()


class Address(BaseModel):
    """Where the bot can reach one user (no conversation yet: enough to create one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    service_url: str = Field(pattern=r"^https?://[^\s<>\"']{1,500}$")
    tenant_id: str = Field(pattern=_ID)
    bot_id: str = Field(pattern=_ID)
    user_id: str = Field(pattern=_ID)
    channel_id: str = Field(default="msteams", pattern=r"^[a-z]{1,32}$")


class PersonalChat(Address):
    """A user's one-on-one chat with the bot."""

    conversation_id: str = Field(pattern=_ID)

    def reference(self) -> ConversationReference:
        return ConversationReference(
            channel_id=self.channel_id,
            service_url=self.service_url,
            bot=ChannelAccount(id=self.bot_id),
            user=ChannelAccount(id=self.user_id),
            conversation=ConversationAccount(
                id=self.conversation_id,
                conversation_type="personal",
                tenant_id=self.tenant_id,
                is_group=False,
            ),
        )


def _fields(
    service_url: str | None,
    conversation: ConversationAccount | None,
    bot: ChannelAccount | None,
    user: ChannelAccount | None,
    tenant: str | None,
) -> dict[str, Any]:
    return {
        "service_url": service_url or "",
        "tenant_id": tenant or getattr(conversation, "tenant_id", None) or "",
        "bot_id": getattr(bot, "id", None) or "",
        "user_id": getattr(user, "id", None) or "",
    }


def _tenant(activity: Activity) -> str | None:
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = data.get("tenant")
    return str(tenant.get("id") or "") or None if isinstance(tenant, dict) else None


def address_of(activity: Activity) -> Address | None:
    """Where this activity's sender can be reached; None when it does not say."""
    raw = _fields(
        activity.service_url,
        activity.conversation,
        activity.recipient,
        activity.from_property,
        _tenant(activity),
    )
    try:
        return Address.model_validate({**raw, "channel_id": activity.channel_id or "msteams"})
    except ValidationError as e:
        log.info("teams.no_address", problems=len(e.errors()))
        return None


def chat_of(activity: Activity) -> PersonalChat | None:
    """The personal chat this activity came from; None for a channel or group chat."""
    conversation = activity.conversation
    if getattr(conversation, "conversation_type", None) != "personal":
        return None
    address = address_of(activity)
    if address is None:
        return None
    try:
        return PersonalChat(**address.model_dump(), conversation_id=conversation.id or "")
    except ValidationError:
        return None


def chat_from_reference(reference: ConversationReference, tenant: str) -> Address | None:
    """Where the user of a stored conversation reference (a consultation's) can be reached;
    ``tenant``: the user's tenant (a stored reference loses Teams' ``tenantId``)."""
    raw = _fields(
        reference.service_url, reference.conversation, reference.bot, reference.user, tenant
    )
    try:
        return Address.model_validate({**raw, "channel_id": reference.channel_id or "msteams"})
    except ValidationError:
        return None


class PersonalChats:
    """Each Teams user's personal chat with the bot, under their own keys (no expiry: a
    monthly digest needs it as long as the user keeps it; ``forget`` removes it)."""

    def __init__(self, client: redis.Redis, prefix: str = "na") -> None:
        self._r, self._prefix = client, prefix

    def _key(self, owner: Owner) -> str:
        return f"{self._prefix}:{{{owner.key}}}:teams-personal"

    def save(self, owner: Owner, chat: PersonalChat) -> None:
        self._r.set(self._key(owner), chat.model_dump_json())

    def forget(self, owner: Owner) -> None:
        self._r.delete(self._key(owner))

    def load(self, owner: Owner) -> PersonalChat | None:
        raw = self._r.get(self._key(owner))
        if not raw:
            return None
        try:
            return PersonalChat.model_validate_json(raw)
        except ValidationError:
            log.warning("teams.personal_chat_unreadable", owner=owner.key)
            return None


async def open_chat(adapter: Any, app_id: str, address: Address) -> PersonalChat:
    """Create (or get: Teams answers with the existing one) the user's personal chat with the
    bot through the Bot Connector. Raises ``msrest.exceptions.HttpOperationError`` when Teams
    refuses (the app is not installed for the user: 403)."""
    params = ConversationParameters(
        is_group=False,
        bot=ChannelAccount(id=address.bot_id),
        members=[ChannelAccount(id=address.user_id)],
        tenant_id=address.tenant_id,
        channel_data={"tenant": {"id": address.tenant_id}},
    )
    created: list[str] = []

    async def took(tc: TurnContext) -> None:
        created.append(str(getattr(tc.activity.conversation, "id", "") or ""))

    await adapter.create_conversation(app_id, took, params, address.channel_id, address.service_url)
    chat = PersonalChat(**address.model_dump(), conversation_id=created[0] if created else "")
    log.info("teams.personal_chat_opened", conversation=chat.conversation_id[:64])
    return chat
