"""Messages in threads: answers to a consultation, or a file shared for triage.

:func:`on_thread_message` is the one handler, reached through Bolt's listener or, for a
person's plain message in a channel thread (the hot route), through :mod:`bot.slack.hot`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import structlog
from slack_bolt.async_app import AsyncApp

from bot.slack import asides, commands
from bot.slack.context import SURFACE, SlackContext, mentioned, owner_of
from bot.slack.conversation import Conversation
from consultations import engine, messages, router
from consultations.adapters.slack import blocks as kit
from consultations.replies import FINISHED
from consultations.scripts import ConsultationScript
from consultations.service import Turn
from consultations.state import Consultation, Delivery, Owner, Status
from consultations.text import inert

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class Duplicate:
    """Seen before (Slack's retry, a redelivery): nothing to do."""


@dataclass(frozen=True)
class FileShared:
    """A file: a triage request if the thread waits for one."""


@dataclass(frozen=True)
class NoConsultation:
    """Nothing of this user's to move here (``found``: a cancelled or set-aside one);
    ``control``: what was typed is a consultation's control word (`cancel`, `back`)."""

    found: Consultation | None
    control: bool = False


@dataclass(frozen=True)
class Taken:
    consultation: Consultation
    turn: Turn
    attached: str = ""  # a file's name, shared with the answer: its words alone are read


@dataclass(frozen=True)
class FileOnly:
    """A file shared as the answer, without words: nothing to read (files are not opened)."""

    name: str


@dataclass(frozen=True)
class Another:
    """`consult 2` typed in a consultation's thread (slash commands do not work in threads):
    that one is started in a thread of its own; this one is left as it was."""

    consultation: Consultation | None  # None: someone else's thread, or none
    script: ConsultationScript


@dataclass(frozen=True)
class Commanded:
    """`status`, `digest preview`, `forget`, `resume`, `quit` or `consult` typed in a
    consultation's thread: the command, as after ``/neurips`` (and as in Teams), said to the
    writer; ``asked``: the question again (`resume` in its own thread: that alone)."""

    cmd: (
        router.Status
        | router.Digest
        | router.Forget
        | router.Resume
        | router.Consult
        | router.Pause
    )
    asked: Turn | None


@dataclass(frozen=True)
class Typed:
    """`triage neurips2025` typed in a consultation's thread: a command, not an answer."""

    arg: str


_ANYWHERE = (router.Status, router.Help, router.Digest, router.Resume, router.Forget, router.Pause)


@dataclass(frozen=True)
class Addressed:
    """The app addressed in a thread that holds no consultation ("@advisor status"): the
    command, as after ``/neurips``."""

    cmd: router.Command


Received = (
    Duplicate
    | FileShared
    | FileOnly
    | NoConsultation
    | Taken
    | Another
    | Typed
    | Commanded
    | Addressed
)


def answerable(event: dict[str, Any]) -> bool:
    """A person's message (or file) in a thread, not the thread's first message."""
    thread = event.get("thread_ts")
    if event.get("subtype") not in (None, "file_share") or event.get("bot_id"):
        return False
    return bool(thread and thread != event.get("ts") and event.get("user"))


async def on_thread_message(
    ctx: SlackContext, conv: Conversation, body: dict[str, Any], event: dict[str, Any]
) -> None:
    if not answerable(event):
        if asides.changed(event):
            await asides.on_changed(ctx, body, event)
        elif asides.outside_thread(event):
            await asides.on_outside(ctx, body, event, conv)
        return
    store, service = ctx.app.store, ctx.app.service
    thread = str(event["thread_ts"])
    owner = owner_of(body, event["user"])
    structlog.contextvars.bind_contextvars(owner=owner.key, event_id=body.get("event_id"))
    channel = str(event["channel"])
    place = f"{channel}/{thread}"
    typed = event.get("text") or ""
    if addressed := (words := mentioned(body, typed)) is not None:  # "@advisor 5M"
        typed = words
    text = kit.as_answered(kit.as_typed(typed))
    files = bool(event.get("files"))
    attached = str((event.get("files") or [{}])[0].get("name") or "the file") if files else ""

    def receive() -> Received:
        """Everything blocking, in one trip to a thread: first time? and whose (one round
        trip to Redis), the turn."""
        first, c = store.first_time_at(owner, place, "slack", body.get("event_id", ""))
        if not first:
            return Duplicate()
        if files and (c is None or c.status is not Status.ACTIVE):
            return FileShared()  # a triage request, if the thread waits for one
        wanted = named(ctx, text)  # in a consultation's thread, this user's or another's
        if wanted is not None and (c is not None or ctx.app.holders.holder(place)):
            return Another(c, wanted)
        if c is None and addressed and not ctx.app.holders.holder(place):
            return Addressed(router.parse(text, slash=True))  # a thread of people's talk
        if c is None:  # in another's consultation thread, a command works as anywhere
            cmd = router.parse(text, slash=False)
            commanded = isinstance(cmd, _ANYWHERE) or cmd == router.Consult(None)
            if commanded and ctx.app.holders.holder(place):
                return Commanded(cmd, None)  # type: ignore[arg-type]  # one of _ANYWHERE
            control = not isinstance(engine.command_from_text(text), engine.Reply)
            return NoConsultation(None, control)
        if files and not text:
            return FileOnly(attached)
        if c.status is Status.CANCELLED and not engine.takes_back(text):  # `undo` picks it up
            return NoConsultation(c)
        if isinstance(cmd := service.parse_at(c, text), router.Triage):
            return Typed(cmd.arg)  # a slash command typed here: no answer
        if isinstance(cmd, router.Digest | router.Forget | router.Resume) or (
            (isinstance(cmd, router.Status | router.Pause) or cmd == router.Consult(None))
            and c.status is Status.ACTIVE
        ):  # under a finished one, `status` tells where that one stands (below); `consult`
            # alone offers the eight (a name that is none, `consult our lawyers`, answers)
            active = c.status is Status.ACTIVE and not isinstance(cmd, router.Digest)
            script = ctx.app.catalog.by_slug(c.slug)
            return Commanded(cmd, Turn(script, c, service.where(c), False) if active else None)
        return Taken(c, service.act(owner, c.id, text, c), attached)

    match await asyncio.to_thread(receive):
        case Duplicate():
            log.info("slack.duplicate_event")
        case FileShared():
            await triage_file(ctx, owner, place, event)
        case NoConsultation(found=None, control=control):
            # not this user's thread, or their record could not be read; whose thread it is
            # is told once, but to `cancel` (a control word typed in another's) each time
            if told := await asyncio.to_thread(ctx.app.desk.notices, owner):
                await conv.post(event["channel"], thread_ts=thread, text=kit.mrkdwn(told))
            elif whose := await asyncio.to_thread(someone_elses, ctx, owner, place, not control):
                await ctx.client.chat_postEphemeral(
                    channel=event["channel"], user=owner.user, thread_ts=thread, text=whose
                )
        case NoConsultation(found=Consultation(status=Status.CANCELLED) as c):  # its owner
            told = messages.cancelled_here(ctx.app.catalog.by_slug(c.slug), "/neurips ")
            await conv.post(event["channel"], thread_ts=thread, text=kit.mrkdwn(told))
        case Another(consultation=c, script=script):
            started = await conv.start(owner, script, event["channel"])
            told = messages.started_elsewhere(
                started.script, started.consultation, c, ctx.app.catalog, SURFACE.link
            )
            if c is None:  # someone else's thread: said to them alone
                await tell(ctx, owner, event, told)
            else:
                await conv.post(event["channel"], thread_ts=thread, text=kit.mrkdwn(told))
        case FileOnly(name=name):
            await tell(ctx, owner, event, messages.file_unread(name, answered=False))
        case Addressed(cmd=cmd):
            await answered(ctx, owner, event, await commands.handle(ctx, conv, owner, cmd, channel))
        case Typed(arg=arg):
            await tell(ctx, owner, event, messages.triage_typed(arg, triage_here(arg)))
        case Commanded(cmd=router.Pause(), asked=Turn(script=script, consultation=c)):
            await tell(ctx, owner, event, messages.paused(script, c, "/neurips "))
        case Commanded(cmd=cmd, asked=asked):
            if not (isinstance(cmd, router.Resume) and asked is not None):  # `resume` in its
                said = await commands.handle(ctx, conv, owner, cmd, channel)  # own thread:
                await answered(ctx, owner, event, said)  # this one, its question asked again
            if asked is not None:  # the question this thread waits for, last
                await conv.reply(asked)
        case Taken(consultation=c, turn=turn) if c.status is Status.ACTIVE or turn.changed:
            await conv.reply(turn)  # a finished one: `edit N` or a correction writes the
            # report again; other talk about the report in its thread is left alone
            if attached:
                await tell(ctx, owner, event, messages.file_unread(attached, answered=True))
        case Taken(consultation=c) if c.status is Status.COMPLETED and isinstance(
            engine.command_from_text(text), engine.Where | engine.Help
        ):  # `status` or `help` under the report: where it stands, and what it takes
            script = ctx.app.catalog.by_slug(c.slug)
            above = f"\n{FINISHED}" if c.delivery is Delivery.DELIVERED else ""  # not yet
            await tell(ctx, owner, event, messages.status_line(script, c) + above)
        case Taken(consultation=c) if c.status is Status.COMPLETED and text.endswith("?"):
            # a question about the report, which nothing would answer: said once a thread
            if await asyncio.to_thread(ctx.app.holders.first_told, f"{place}#asked", owner):
                await tell(ctx, owner, event, messages.ASKED_AFTER)


async def answered(
    ctx: SlackContext, owner: Owner, event: dict[str, Any], said: str | dict[str, Any] | None
) -> None:
    """A command's reply (Markdown, or a message's fields: `forget`'s confirmation, the
    eight), said in the thread to the writer alone."""
    if isinstance(said, str):
        await tell(ctx, owner, event, said)
    elif said is not None:
        await tell(ctx, owner, event, str(said["text"]), said.get("blocks"))


async def tell(
    ctx: SlackContext,
    owner: Owner,
    event: dict[str, Any],
    markdown: str,
    blocks: list[kit.Block] | None = None,
) -> None:
    """Said in the thread to the writer alone (``blocks``: with buttons)."""
    await ctx.client.chat_postEphemeral(
        channel=event["channel"],
        user=owner.user,
        thread_ts=event["thread_ts"],
        text=kit.mrkdwn(markdown),
        blocks=blocks,
    )


def triage_here(arg: str) -> str:
    """Where `triage …` typed in a thread runs: as the slash command."""
    return f"Triage is a slash command: type `/neurips triage {inert(arg, 80)}` in a channel."


def named(ctx: SlackContext, text: str) -> ConsultationScript | None:
    """The consultation a line such as `consult 2` names, if it is one (`consult our lawyers`
    names none: it is an answer)."""
    cmd = router.parse(text, slash=False)
    if not isinstance(cmd, router.Consult) or not cmd.ref:
        return None
    found = ctx.app.desk.find(cmd.ref)
    return None if isinstance(found, str) else found


def someone_elses(ctx: SlackContext, owner: Owner, place: str, once: bool = True) -> str | None:
    """Told (to them alone; ``once`` per thread) to someone writing in another's consultation
    thread: whose it is, and how to start their own; None for talk about a finished one."""
    holder = ctx.app.holders.holder(place)
    if holder is None or holder.owner == owner:
        return None
    theirs = ctx.app.service.at(holder.owner, place)
    if theirs is None or theirs.status is not Status.ACTIVE:
        return None
    if once and not ctx.app.holders.first_told(place, owner):
        return None
    script = ctx.app.catalog.by_slug(theirs.slug)
    start = f"`/neurips consult {script.number}` starts your own."
    return kit.mrkdwn(messages.held_by(f"<@{holder.owner.user}>'s", script, "thread", start))


def register(bolt: AsyncApp, ctx: SlackContext, conv: Conversation) -> None:
    @bolt.event("message")
    async def on_message(body: dict[str, Any], event: dict[str, Any]) -> None:
        await on_thread_message(ctx, conv, body, event)


async def triage_file(ctx: SlackContext, owner: Owner, place: str, event: dict[str, Any]) -> None:
    if not await asyncio.to_thread(ctx.app.triage_jobs.awaiting_file, owner.key, place):
        return  # a file in some other thread: not a triage request
    f = event["files"][0]
    channel, thread = place.split("/", 1)
    name = inert(str(f.get("name") or "the file"), 80)  # the user's to choose: anything
    progress = await ctx.client.chat_postMessage(
        channel=channel, thread_ts=thread, text=f"Reading {name}…"
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
