"""Reaching a Teams user in their personal chat with the bot (for their own digest): the chat
they wrote from, the one remembered, or one created through the Bot Connector."""

from __future__ import annotations

import asyncio

import structlog
from botbuilder.core import TurnContext
from msrest.exceptions import HttpOperationError

from consultations.adapters.teams.personal import PersonalChats, address_of, chat_of, open_chat
from consultations.state import Owner

log = structlog.get_logger(__name__)


async def reach(tc: TurnContext, owner: Owner, chats: PersonalChats, app_id: str) -> bool:
    """True when the user's personal chat with the bot is known or could be opened now."""
    if chat_of(tc.activity) is not None:
        return True
    if await asyncio.to_thread(chats.load, owner) is not None:
        return True
    address = address_of(tc.activity)
    if address is None:
        return False
    try:
        chat = await open_chat(tc.adapter, app_id, address)
    except HttpOperationError as e:
        status = getattr(e.response, "status_code", None)
        log.info("teams.personal_chat_refused", status=status, reason=str(e)[:200])
        return False
    await asyncio.to_thread(chats.save, owner, chat)
    return True
