"""Messages in threads: answers to a consultation, or a file shared for triage."""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from slack_bolt.async_app import AsyncApp

from bot.slack.context import SlackContext, owner_of
from bot.slack.conversation import Conversation
from consultations.adapters.slack import blocks as kit
from consultations.state import Owner, Status

log = structlog.get_logger(__name__)


def register(bolt: AsyncApp, ctx: SlackContext, conv: Conversation) -> None:
    service, ledger = ctx.app.service, ctx.app.ledger

    @bolt.event("message")
    async def on_message(body, event) -> None:
        thread = event.get("thread_ts")
        if event.get("subtype") not in (None, "file_share") or event.get("bot_id"):
            return
        if not thread or thread == event.get("ts") or not event.get("user"):
            return
        owner = owner_of(body, event["user"])
        structlog.contextvars.bind_contextvars(owner=owner.key, event_id=body.get("event_id"))
        if not await asyncio.to_thread(ledger.first_time, "slack", body.get("event_id", "")):
            log.info("slack.duplicate_event")
            return
        place = f"{event['channel']}/{thread}"
        if event.get("files"):
            await triage_file(ctx, owner, place, event)
            return
        c = await asyncio.to_thread(service.at, owner, place)
        text = event.get("text") or ""
        if c is None:  # not this user's thread, or their record could not be read back
            if told := await asyncio.to_thread(ctx.app.desk.notices, owner):
                await conv.post(event["channel"], thread_ts=thread, text=kit.mrkdwn(told))
            return  # others' threads stay theirs
        if c.status is Status.COMPLETED:  # `edit N` or a correction writes the report again;
            turn = await asyncio.to_thread(service.act, owner, c.id, text, c)
            if turn.changed:  # talk about the report in its thread is left alone
                await conv.reply(turn)
            return
        if c.status is Status.ACTIVE:
            await conv.answer(owner, c.id, text, loaded=c)


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
