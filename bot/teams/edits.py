"""A message edited or deleted in a chat where a consultation runs (Teams' ``messageUpdate`` and
``messageDelete``): nothing changes, since answers are read as first sent, and the writer is
told how to change one, then asked the waiting question again (the note pushed it up). Teams
does not send what the message said before, so which answer it was is not known here."""

from __future__ import annotations

import asyncio
import hashlib

import structlog
from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from bot.teams.identity import owner_of, place_of
from consultations import messages
from consultations.adapters.redis_store import EventLedger
from consultations.adapters.teams import cards
from consultations.desk import Desk
from consultations.engine import Asked
from consultations.state import Status

log = structlog.get_logger(__name__)
UNDELETE = "undeleteMessage"  # a messageUpdate that restores a message: nothing to say


async def on_changed(tc: TurnContext, desk: Desk, ledger: EventLedger, deleted: bool) -> None:
    activity = tc.activity
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    if data.get("eventType") == UNDELETE:
        return
    owner = owner_of(activity)
    words = hashlib.sha256((activity.text or "").encode()).hexdigest()[:12]
    key = f"{place_of(activity)}:{activity.id}:{'deleted' if deleted else words}"

    def told() -> tuple[str | None, Activity | None]:
        if not ledger.first_time("teams", key):
            return None, None
        c = desk.service.at(owner, place_of(activity))
        if c is None:
            return None, None
        said = messages.changed_after(desk.catalog.by_slug(c.slug), c, None, deleted)
        waiting = desk.service.where(c) if c.status is Status.ACTIVE else None
        return said, cards.question(waiting, c.id) if isinstance(waiting, Asked) else None

    text, question = await asyncio.to_thread(told)
    if text:
        log.info("teams.message_changed_after", deleted=deleted)
        await tc.send_activity(cards.text(text))
        if question is not None:  # last again, where the next answer is typed
            await tc.send_activity(question)
