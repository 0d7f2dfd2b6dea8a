"""`/neurips …`: ack at once, route the text, let the desk act, render the reply."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import structlog
from slack_bolt.async_app import AsyncApp

from bot.slack import views
from bot.slack.context import SURFACE, SlackContext, owner_of
from bot.slack.conversation import MOVED, Conversation, moved
from consultations import messages, router
from consultations.adapters.slack import blocks as kit
from consultations.state import Owner

log = structlog.get_logger(__name__)


def register(bolt: AsyncApp, ctx: SlackContext, conv: Conversation) -> None:
    @bolt.command("/neurips")
    async def on_command(ack, body, respond) -> None:
        await ack()
        owner = owner_of(body, body["user_id"])
        structlog.contextvars.bind_contextvars(owner=owner.key)
        cmd = router.parse(kit.as_typed(body.get("text") or ""), slash=True)
        log.info("slack.command", command=type(cmd).__name__)
        channel = body.get("channel_id") or ""
        reply = await handle(ctx, conv, owner, cmd, channel)
        if isinstance(reply, str):
            await respond(text=kit.mrkdwn(reply))
        elif reply is not None:
            await respond(**reply)


async def handle(
    ctx: SlackContext, conv: Conversation, owner: Owner, cmd: router.Command, channel: str
) -> str | dict[str, Any] | None:
    """The reply: Markdown text, a message's fields, or None when the work posted it."""
    desk = ctx.app.desk
    match cmd:
        case router.Consult(ref=None):
            return {"blocks": kit.picker_blocks(desk.catalog), "text": "Pick a consultation"}
        case router.Consult(ref=str(ref)):
            script = desk.find(ref, SURFACE.prefix)
            if isinstance(script, str):
                return script
            opened = await conv.start(owner, script, channel)
            return moved(channel, opened)  # nothing to say when it is here
        case router.Status():
            return await asyncio.to_thread(desk.status, owner, SURFACE)
        case router.Resume():
            turn = await asyncio.to_thread(desk.resume, owner)
            if turn is None:
                return "Nothing in progress. `/neurips consult` starts a consultation."
            await conv.reply(turn)
            c = turn.consultation
            return f"Picking up **{turn.script.title}** in its thread{SURFACE.link(c)}"
        case router.Cancel():
            turn = await asyncio.to_thread(desk.cancel, owner)
            if turn is None:
                return "Nothing in progress to cancel."
            await conv.reply(turn)  # which one, when the same is open in two threads
            return f"Cancelled **{turn.script.title}**{SURFACE.link(turn.consultation)}"
        case router.Forget():
            return {"blocks": views.forget_confirmation(), "text": "Delete everything about you?"}
        case router.Pause():
            waiting = await asyncio.to_thread(ctx.app.service.latest_active, owner)
            if waiting is None:
                return "Nothing in progress, so nothing to stop."
            script = desk.catalog.by_slug(waiting.slug)
            return messages.paused(script, waiting, SURFACE.prefix) + SURFACE.link(waiting)
        case router.Digest():
            return await asyncio.to_thread(desk.digest, owner, channel, cmd, SURFACE)
        case router.Triage(arg=arg):
            return await triage(ctx, conv, owner, arg, channel)
        case router.Help(unknown=unknown, meant=meant):
            return desk.help(SURFACE, unknown, meant)
    return desk.help(SURFACE)


async def triage(
    ctx: SlackContext, conv: Conversation, owner: Owner, arg: str, channel: str
) -> str:
    """`/neurips triage <arXiv ids or links | neurips2025 | colm2025>`, or no arguments to share
    a file in a thread
    (in the channel, or a direct message where the bot cannot post)."""
    desk = ctx.app.desk
    asked = channel
    request = desk.triage_request(arg)
    if request.error:
        return request.error
    if request.wants_file:
        channel, ts = await conv.open_thread(
            owner,
            channel,
            f"<@{owner.user}>: share a CSV or JSONL file of papers in this "
            "thread and I will triage it (columns: id, title, and abstract if you have it).",
        )
        place = f"{channel}/{ts}"
        await saved(conv, channel, ts, ctx.app.triage_jobs.await_file, owner.key, place)
        return "Waiting for your file in the thread." + in_dm(asked, channel)
    if request.builtin:
        channel, ts = await conv.open_thread(
            owner, channel, f"Triage for <@{owner.user}>: reading the {request.builtin} papers…"
        )
        await saved(
            conv, channel, ts, desk.start_triage, owner, channel, ts, ts, builtin=request.builtin
        )
        return f"Triaging the {request.builtin} papers on a worker; results in the thread." + in_dm(
            asked, channel
        )
    n = len(request.ids)
    channel, ts = await conv.open_thread(
        owner, channel, f"Triage for <@{owner.user}>: fetching {n} arXiv paper(s)…"
    )
    await saved(
        conv, channel, ts, desk.start_triage, owner, channel, ts, ts, ids=",".join(request.ids)
    )
    left_out = (
        f" Left out, not arXiv ids (no such month): {', '.join(request.not_ids)}."
        if request.not_ids
        else ""
    )
    return f"Triaging {n} paper(s) on a worker; results in the thread.{left_out}" + in_dm(
        asked, channel
    )


async def saved(
    conv: Conversation, channel: str, ts: str, save: Callable[..., object], *args: Any, **kw: Any
) -> None:
    """``save`` the job of the thread just opened at ``ts``; if it fails (Redis away), the
    thread's first message is taken back before the failure is told."""
    try:
        await asyncio.to_thread(save, *args, **kw)
    except Exception:
        await conv.withdraw(channel, ts)
        raise


def in_dm(asked: str, used: str) -> str:
    """What a triage reply adds when its thread had to open in a direct message."""
    if not asked or used == asked:
        return ""
    return " " + MOVED.format(what="that thread", link="")
