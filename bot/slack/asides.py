"""Messages that move nothing but were likely meant to: an answer edited or deleted after it
was taken (an edit never reaches the consultation), and an answer written in the channel
instead of the consultation's thread. The writer alone is told (an ephemeral message) what
stands and what to do instead; nothing is changed.
"""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from slack_bolt.async_app import AsyncApp

from bot.slack import commands
from bot.slack.context import SURFACE, SlackContext, mentioned, owner_of
from bot.slack.conversation import Conversation
from consultations import engine, messages, router
from consultations.adapters.slack import blocks as kit
from consultations.state import Consultation, Owner

log = structlog.get_logger(__name__)
CHANGED = ("message_changed", "message_deleted")
RECENT = 10  # the latest consultations looked at too: those saved before the store kept
# its index by channel (drop once every one of them has expired, a state TTL after)


def changed(event: dict[str, Any]) -> bool:
    return event.get("subtype") in CHANGED


def outside_thread(event: dict[str, Any]) -> bool:
    """A person's plain message in a channel, not in any thread."""
    return (
        event.get("type") == "message"
        and event.get("subtype") is None
        and not event.get("thread_ts")
        and not event.get("bot_id")
        and bool(event.get("user"))
        and event.get("channel_type") in ("channel", "group")
    )


def register(bolt: AsyncApp, ctx: SlackContext) -> None:
    """Edits and deletions in direct messages are taken here, before Bolt's assistant
    middleware, which acks and drops every one of a DM thread (an agent thread, or a
    consultation fallen back to a DM) before any listener sees it."""

    @bolt.middleware
    async def dm_edits(body: dict[str, Any], context: Any, next: Any) -> Any:  # noqa: A002
        event = body.get("event") or {}
        if body.get("type") != "event_callback" or event.get("channel_type") != "im":
            return await next()
        if event.get("type") != "message" or not changed(event):
            return await next()
        task = asyncio.create_task(_told_changed(ctx, body, event))
        _RUNNING.add(task)
        task.add_done_callback(_RUNNING.discard)
        return await context.ack()


_RUNNING: set[asyncio.Task[None]] = set()  # after the ack; kept until done


async def _told_changed(ctx: SlackContext, body: dict[str, Any], event: dict[str, Any]) -> None:
    try:
        await on_changed(ctx, body, event)
    except Exception as e:  # noqa: BLE001 — nothing was changed; only the note is lost
        log.error("slack.changed_note_failed", error=repr(e))


async def on_changed(ctx: SlackContext, body: dict[str, Any], event: dict[str, Any]) -> None:
    """An edit (``message_changed``) or a deletion (``message_deleted``) in a thread."""
    deleted = event.get("subtype") == "message_deleted"
    was = event.get("previous_message") or {}
    now = was if deleted else (event.get("message") or {})
    user, thread, channel = now.get("user"), now.get("thread_ts"), event.get("channel")
    if not user or not thread or not channel or now.get("bot_id") or thread == now.get("ts"):
        return  # a bot's message, a thread's first one (its replies counted again), no thread
    if not deleted and now.get("text") == was.get("text"):
        return  # a link unfurled, a file added: the words are the same
    owner = owner_of(body, str(user))
    sent = kit.as_answered(kit.as_typed(str(was.get("text") or "")))

    def told() -> str | None:
        if not ctx.app.ledger.first_time("slack", body.get("event_id", ""), owner):
            return None
        c = ctx.app.service.at(owner, f"{channel}/{thread}")
        if c is None:
            return None
        return messages.changed_after(ctx.app.catalog.by_slug(c.slug), c, sent, deleted)

    if text := await asyncio.to_thread(told):
        log.info("slack.answer_changed_after", deleted=deleted)
        await ctx.client.chat_postEphemeral(
            channel=channel, user=owner.user, thread_ts=thread, text=kit.mrkdwn(text)
        )


async def on_outside(
    ctx: SlackContext, body: dict[str, Any], event: dict[str, Any], conv: Conversation
) -> None:
    """Written in the channel while one of the writer's consultations waits in a thread of it:
    told once per consultation where to answer. Addressed to the app ("@advisor consult 3"):
    a command, as after ``/neurips``, answered to the writer alone."""
    owner = owner_of(body, str(event["user"]))
    channel = str(event["channel"])
    words = mentioned(body, str(event.get("text") or ""))
    cmd = router.parse(kit.as_typed(words), slash=True) if words is not None else None
    unknown = isinstance(cmd, router.Help) and cmd.unknown and cmd.meant is None
    if cmd is not None and not unknown:
        await addressed(ctx, conv, body, event, cmd)
        return

    def waiting() -> tuple[Consultation, int] | None:
        found = open_in(ctx, owner, channel)
        return (found[0], len(found) - 1) if found and first_told(ctx, owner, found[0]) else None

    told = await asyncio.to_thread(waiting)
    if told is None:
        if cmd is not None:  # "@advisor hello": what it takes ("@advisor 5M" with a thread
            await addressed(ctx, conv, body, event, cmd)  # waiting is pointed there, above)
        return
    c, others = told
    log.info("slack.answer_outside_thread", others=others)
    text = f"I did not take that as an answer: {where_answered(ctx, c)}"
    if others == 1:  # one thread named, the one last answered; the rest are a command away
        text += "\n1 more of yours waits in another thread here: `/neurips status` links it."
    elif others:
        text += f"\n{others} more of yours wait in threads here: `/neurips status` links each."
    await ctx.client.chat_postEphemeral(channel=channel, user=owner.user, text=kit.mrkdwn(text))


def waiting_in(
    ctx: SlackContext, owner: Owner, channel: str, besides: str | None = None
) -> Consultation | None:
    """The writer's consultation in progress in a thread of ``channel`` (other than the
    thread ``besides``) answered last, if any."""
    return next(iter(open_in(ctx, owner, channel, besides)), None)


def open_in(
    ctx: SlackContext, owner: Owner, channel: str, besides: str | None = None
) -> list[Consultation]:
    """The writer's consultations in progress in threads of ``channel`` (but ``besides``),
    the one answered last first, however many others they answered since (the store keeps
    them by channel)."""
    return [
        c
        for c in ctx.app.store.open_in(owner, channel, RECENT)
        if c.location.get("thread_ts") != besides
    ]


def where_answered(ctx: SlackContext, c: Consultation) -> str:
    """Where a consultation's answers go, in Markdown: its thread, and the question waiting."""
    script = ctx.app.catalog.by_slug(c.slug)
    outcome = ctx.app.service.where(c)
    asked = (
        f", where question {outcome.number} is waiting" if isinstance(outcome, engine.Asked) else ""
    )
    return f"answers to **{script.title}** go in its thread{asked}{SURFACE.link(c)}"


def first_told(ctx: SlackContext, owner: Owner, c: Consultation) -> bool:
    return ctx.app.holders.first_told(f"{c.location.get('place')}#outside", owner)


async def addressed(
    ctx: SlackContext,
    conv: Conversation,
    body: dict[str, Any],
    event: dict[str, Any],
    cmd: router.Command,
) -> None:
    """A command addressed to the app in a channel, run as after ``/neurips`` (once, however
    often Slack delivers it); what it says, to the writer alone."""
    owner = owner_of(body, str(event["user"]))
    if not await asyncio.to_thread(
        ctx.app.ledger.first_time, "slack", body.get("event_id", ""), owner
    ):
        return
    channel = str(event["channel"])
    said = await commands.handle(ctx, conv, owner, cmd, channel)
    if said is None:
        return
    text, blocks = (
        (said, None) if isinstance(said, str) else (str(said["text"]), said.get("blocks"))
    )
    await ctx.client.chat_postEphemeral(
        channel=channel, user=owner.user, text=kit.mrkdwn(text), blocks=blocks
    )
