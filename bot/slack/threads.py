"""Messages in threads: answers to a consultation, or a file shared for triage."""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from slack_bolt.async_app import AsyncApp

from bot.slack.context import SlackContext, owner_of
from bot.slack.conversation import Conversation
from consultations.adapters.slack import blocks as kit
from consultations.service import Turn
from consultations.state import Consultation, Owner, Status

log = structlog.get_logger(__name__)


def register(bolt: AsyncApp, ctx: SlackContext, conv: Conversation) -> None:
    service, store = ctx.app.service, ctx.app.store

    @bolt.event("message")
    async def on_message(body, event) -> None:
        thread = event.get("thread_ts")
        if event.get("subtype") not in (None, "file_share") or event.get("bot_id"):
            return
        if not thread or thread == event.get("ts") or not event.get("user"):
            return
        owner = owner_of(body, event["user"])
        structlog.contextvars.bind_contextvars(owner=owner.key, event_id=body.get("event_id"))
        place = f"{event['channel']}/{thread}"
        text = event.get("text") or ""
        files = bool(event.get("files"))

        def receive() -> tuple[str, Consultation | None, Turn | None]:
            """Everything blocking, in one trip to a thread: first time? and whose (one round
            trip to Redis), the turn."""
            first, c = store.first_time_at(owner, place, "slack", body.get("event_id", ""))
            if not first:
                return "duplicate", None, None
            if files:
                return "file", None, None
            if c is None or c.status not in (Status.COMPLETED, Status.ACTIVE):
                return "none", c, None
            return "turn", c, service.act(owner, c.id, text, c)

        what, c, turn = await asyncio.to_thread(receive)
        if what == "duplicate":
            log.info("slack.duplicate_event")
        elif what == "file":
            await triage_file(ctx, owner, place, event)
        elif what == "none" and c is None:  # not this user's thread, or their record could
            if told := await asyncio.to_thread(ctx.app.desk.notices, owner):  # not be read
                await conv.post(event["channel"], thread_ts=thread, text=kit.mrkdwn(told))
        elif turn is not None and c is not None and (c.status is Status.ACTIVE or turn.changed):
            await conv.reply(turn)  # a finished one: `edit N` or a correction writes the
            # report again; other talk about the report in its thread is left alone


async def triage_file(ctx: SlackContext, owner: Owner, place: str, event: dict[str, Any]) -> None:
    if not await asyncio.to_thread(ctx.app.triage_jobs.awaiting_file, owner.key, place):
        return  # a file in some other thread: not a triage request
    f = event["files"][0]
    channel, thread = place.split("/", 1)
    progress = await ctx.client.chat_postMessage(
        channel=channel, thread_ts=thread, text=f"Reading {f.get('name', 'the file')}…"
    )
    job = await asyncio.to_thread(
        ctx.app.desk.start_triage,
        owner,
        channel,
        thread,
        progress["ts"],
        file_url=f.get("url_private_download") or f.get("url_private") or "",
        file_name=f.get("name") or "papers.csv",
    )
    log.info("slack.triage_enqueued", job=job)
