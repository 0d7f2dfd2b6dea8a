"""The agent DM: Slack's assistant thread, through Bolt's ``AsyncAssistant`` middleware.

When a user opens a thread with the app, it is greeted with the eight consultations (buttons)
and suggested prompts (Slack shows at most four: pick a consultation, resume, digest preview,
status). What the user then writes there goes through the same command router, desk and
service as ``/neurips``: a consultation starts *in this thread* (titled after it), and its
answers are taken here. A status line says what the app is doing ("reading your answers…",
"writing your report…"); Slack clears it when the app next posts in the thread.

Only threads opened as agent threads are handled here (a marker under the user's own keys, so
``forget`` removes it); any other DM thread (a consultation that fell back to a DM) falls
through to the ordinary thread listener.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from typing import Any

import redis
import structlog
from slack_bolt.async_app import AsyncApp
from slack_bolt.listener_matcher.async_listener_matcher import AsyncCustomListenerMatcher
from slack_bolt.middleware.assistant.async_assistant import AsyncAssistant
from slack_sdk.errors import SlackApiError

from bot.slack import views
from bot.slack.asides import waiting_in, where_answered
from bot.slack.context import SURFACE, SlackContext, owner_of
from bot.slack.conversation import Conversation
from bot.slack.threads import triage_here
from consultations import engine, messages, router
from consultations.adapters.slack import blocks as kit
from consultations.scripts import ConsultationScript
from consultations.service import Turn
from consultations.state import Consultation, Owner, Status

log = structlog.get_logger(__name__)

PROMPTS = [
    {"title": "Choose a consultation", "message": "consult"},
    {"title": "Resume where I left off", "message": "resume"},
    {"title": "Preview my research digest", "message": "digest mine preview"},
    {"title": "Where do my consultations stand?", "message": "status"},
]
GREETING = (
    "Hi! I turn NeurIPS 2025 research into decisions, one question at a time. "
    "Pick a consultation below, or ask for one by number or name (`consult 3`)."
)
UNMATCHED = (
    "I don't answer questions directly: I work through one of these eight consultations with "
    "you (a few questions about your situation, then a report with the numbers). "
    "*Which is closest to what you asked?*"
)
QUESTION_WORDS = 3  # fewer ("hi", "hello there") is a greeting: the plain picker
AGENT = replace(SURFACE, prefix="")  # commands are typed in the thread as they are
READING = "reading your answers…"
WRITING = "writing your report…"
AGENT_BUTTON = re.compile(r"^agent_consult_\d+$")
MATCH_S = 1.0  # at most this long to tell an agent thread, before Slack's ack


class AgentThread:
    """One assistant thread: its status line, title and prompts. Slack refusing any of them
    (scope, plan, an old thread) never stops the consultation: it is logged and skipped."""

    def __init__(self, ctx: SlackContext, channel: str, thread_ts: str) -> None:
        self.client, self.channel, self.thread_ts = ctx.client, channel, thread_ts

    async def _call(self, method: str, **kwargs: Any) -> None:
        try:
            await self.client.api_call(
                method, json={"channel_id": self.channel, "thread_ts": self.thread_ts, **kwargs}
            )
        except SlackApiError as e:
            log.warning("slack.agent_call_refused", method=method, error=e.response.get("error"))

    async def status(self, text: str) -> None:
        await self._call("assistant.threads.setStatus", status=text)

    async def title(self, text: str) -> None:
        await self._call("assistant.threads.setTitle", title=text[:255])

    async def prompts(self) -> None:
        await self._call(
            "assistant.threads.setSuggestedPrompts", title="Try one of these", prompts=PROMPTS
        )


def elsewhere(ctx: SlackContext, c: Consultation) -> str:
    """Said above the eight to one who wrote, outside its thread, what was likely an answer."""
    return kit.mrkdwn(
        f"Was that an answer? I did not take it as one: {where_answered(ctx, c)}. "
        "Or start another consultation here: *which one?*"
    )


def marker(owner: Owner, channel: str, thread_ts: str) -> str:
    return f"na:{{{owner.key}}}:agent:{channel}/{thread_ts}"


def picker(ctx: SlackContext) -> list[kit.Block]:
    """The eight consultations as buttons that start one in this thread."""
    blocks = kit.picker_blocks(ctx.app.catalog)
    for b in blocks:
        if "accessory" in b:
            number = b["accessory"]["action_id"].rsplit("_", 1)[-1]
            b["accessory"] = {**b["accessory"], "action_id": f"agent_consult_{number}"}
    return blocks


class Agent:
    def __init__(self, ctx: SlackContext, conv: Conversation) -> None:
        self.ctx, self.conv = ctx, conv
        self.app = ctx.app
        self.ttl = ctx.app.settings.state_ttl_seconds

    async def opened(self, owner: Owner, channel: str, thread_ts: str) -> None:
        await self.adopt(owner, channel, thread_ts)
        thread = AgentThread(self.ctx, channel, thread_ts)
        await self.conv.post(
            channel,
            thread_ts=thread_ts,
            blocks=[kit.section(GREETING), *picker(self.ctx)[1:]],
            text=GREETING,
        )
        await thread.prompts()
        log.info("slack.agent_thread_started", owner=owner.key)

    async def adopt(self, owner: Owner, channel: str, thread_ts: str) -> None:
        """A thread of the DM taken as an agent thread (one under a message of the Messages
        tab): what is said in it then goes to :meth:`said`."""
        key = marker(owner, channel, thread_ts)
        await asyncio.to_thread(self.app.redis.set, key, "1", ex=self.ttl)

    async def is_agent_thread(self, owner: Owner, channel: str, thread_ts: str) -> bool:
        """Whether it is; its mark kept as long again (a thread in use stays one)."""
        key = marker(owner, channel, thread_ts)
        return bool(await asyncio.to_thread(self.app.redis.expire, key, self.ttl))

    async def start(
        self, owner: Owner, script: ConsultationScript, channel: str, thread_ts: str
    ) -> None:
        """The consultation, in this thread: titled after it, its first question asked."""
        thread = AgentThread(self.ctx, channel, thread_ts)
        await thread.title(script.title)
        place = f"{channel}/{thread_ts}"
        location = {"place": place, "channel": channel, "thread_ts": thread_ts}
        paused = await asyncio.to_thread(self.app.service.at, owner, place)
        turn = await asyncio.to_thread(self.app.service.start, owner, script.slug, location)
        await self.conv.reply(turn, lead=await self.conv.intro(owner, turn, paused))
        log.info("slack.agent_consultation_started", owner=owner.key, slug=script.slug)

    async def said(self, owner: Owner, channel: str, thread_ts: str, text: str) -> None:
        """A message in the agent thread: an answer, or a command (a prompt picked)."""
        service, desk = self.app.service, self.app.desk
        thread = AgentThread(self.ctx, channel, thread_ts)
        c = await asyncio.to_thread(service.at, owner, f"{channel}/{thread_ts}")
        cmd = service.parse_at(c, text)
        live = c is not None and (
            c.status is Status.ACTIVE or (c.status is Status.CANCELLED and engine.takes_back(text))
        )  # `undo` picks a cancelled one up again
        if c is not None and live and isinstance(cmd, router.Answer):
            await thread.status(READING)
            turn = await asyncio.to_thread(service.act, owner, c.id, kit.as_answered(text), c)
            await self.conv.reply(turn)
            if isinstance(turn.outcome, engine.Finished) and turn.changed:
                await thread.status(WRITING)  # until the worker posts the report
            return
        after = c if c is not None and c.status is Status.COMPLETED else None
        if (
            after
            and isinstance(cmd, router.Answer)
            and await self._after_report(owner, thread, after, text)
        ):
            return  # `edit N`, a correction or a question under the report, as in a channel
        # a command (a suggested prompt picked, `status`, `digest preview`…) is one even in
        # the middle of a consultation, as in Teams: never taken as an answer
        reply: str
        match cmd:
            case router.Consult(ref=None):
                await self._picker(channel, thread_ts)
                return
            case router.Consult(ref=str(ref)):
                script = desk.find(ref)
                if isinstance(script, str):
                    reply = script
                else:
                    await self.start(owner, script, channel, thread_ts)
                    return
            case router.Answer(text=words):  # a consultation named or numbered, or not
                words = words.strip()
                named = words.isdigit() or len(words) >= 4
                script = desk.find(words) if named else "not a consultation"
                if isinstance(script, str) and c is None:  # a new thread (the Messages tab)
                    other = await asyncio.to_thread(waiting_in, self.ctx, owner, channel, thread_ts)
                    if other is not None:  # an answer, likely, meant for that thread
                        await self._picker(channel, thread_ts, lead=elsewhere(self.ctx, other))
                        return
                if isinstance(script, str) and c is not None and c.status is Status.CANCELLED:
                    # what ran here is said first, as in a channel's thread
                    gone = messages.cancelled_here(self.app.catalog.by_slug(c.slug))
                    await self._picker(channel, thread_ts, lead=kit.mrkdwn(gone))
                elif isinstance(script, str):  # a question of theirs is said to be heard
                    asked = len(words.split()) >= QUESTION_WORDS and not messages.thanked(words)
                    await self._picker(channel, thread_ts, lead=UNMATCHED if asked else None)
                else:
                    await self.start(owner, script, channel, thread_ts)
                return
            case router.Status():
                reply = await asyncio.to_thread(desk.status, owner, AGENT)
            case router.Resume():
                await self._resume(owner, channel, thread_ts)
                return
            case router.Digest():
                reply = await asyncio.to_thread(desk.digest, owner, channel, cmd, AGENT)
            case router.Pause() if c is not None and c.status is Status.ACTIVE:
                script = self.app.catalog.by_slug(c.slug)
                await self.conv.post(
                    channel, thread_ts=thread_ts, text=kit.mrkdwn(messages.paused(script, c))
                )
                return
            case router.Forget():
                await self.conv.post(
                    channel,
                    thread_ts=thread_ts,
                    blocks=views.forget_confirmation(),
                    text="Delete everything about you?",
                )
                return
            case router.Help(unknown=unknown, meant=meant):
                reply = desk.help(AGENT, unknown, meant)
            case router.Triage(arg=arg):
                reply = messages.triage_typed(arg, triage_here(arg))
            case _:
                reply = desk.help(AGENT)
        await self.conv.post(channel, thread_ts=thread_ts, text=kit.mrkdwn(reply))
        if c is not None and c.status is Status.ACTIVE:
            # the question this thread waits for, asked again below the reply
            script = self.app.catalog.by_slug(c.slug)
            await self.conv.reply(Turn(script, c, service.where(c), False))

    async def _after_report(
        self, owner: Owner, thread: AgentThread, c: Consultation, text: str
    ) -> bool:
        """Words under a finished report: `edit N` or a correction writes it again (the line
        under the report says so); thanks or a question is told what can be done. False: none."""
        turn = await asyncio.to_thread(self.app.service.act, owner, c.id, kit.as_answered(text), c)
        if turn.changed:
            await self.conv.reply(turn)
            if isinstance(turn.outcome, engine.Finished):
                await thread.status(WRITING)
            return True
        if messages.thanked(text):  # "thanks, very useful": welcomed, and what can come next
            said = kit.mrkdwn(messages.THANKED)
        elif text.rstrip().endswith("?"):
            said = kit.mrkdwn(messages.ASKED_AFTER)
        else:
            return False
        await self.conv.post(thread.channel, thread_ts=thread.thread_ts, text=said)
        return True

    async def _picker(self, channel: str, thread_ts: str, lead: str | None = None) -> None:
        blocks = picker(self.ctx)
        text = "Which consultation?"
        if lead:
            blocks, text = [kit.section(lead), *blocks[1:]], lead
        await self.conv.post(channel, thread_ts=thread_ts, blocks=blocks, text=text)

    async def _resume(self, owner: Owner, channel: str, thread_ts: str) -> None:
        """Said here first, then the question asked in its thread (last, where it is answered)."""
        here = f"{channel}/{thread_ts}"
        turn = await asyncio.to_thread(self.app.desk.resume, owner, here)  # this thread's first
        said = "Nothing in progress. Pick a consultation to start one."
        if turn is not None and turn.consultation.location.get("place") == here:
            said = f"Picking up **{turn.script.title}** here."
        elif turn is not None:
            said = f"Picking up **{turn.script.title}** in its thread"
            said += SURFACE.link(turn.consultation)
        await self.conv.post(channel, thread_ts=thread_ts, text=kit.mrkdwn(said))
        if turn is not None:
            await self.conv.reply(turn)


def register(bolt: AsyncApp, ctx: SlackContext, conv: Conversation) -> None:
    agent = Agent(ctx, conv)
    assistant = AsyncAssistant()
    ledger = ctx.app.ledger

    @assistant.thread_started
    async def on_started(body: dict[str, Any], event: dict[str, Any]) -> None:
        thread = event.get("assistant_thread") or {}
        owner = owner_of(body, str(thread.get("user_id") or "unknown"))
        structlog.contextvars.bind_contextvars(owner=owner.key)
        await agent.opened(owner, str(thread["channel_id"]), str(thread["thread_ts"]))

    async def in_agent_thread(body: dict[str, Any]) -> bool:
        event = body.get("event") or {}
        if not event.get("user") or not event.get("channel") or not event.get("thread_ts"):
            return False
        owner = owner_of(body, str(event["user"]))
        try:  # before the ack: Redis away must not hold it past Slack's 3 s, nor fail it
            return await asyncio.wait_for(
                agent.is_agent_thread(owner, event["channel"], event["thread_ts"]), MATCH_S
            )
        except (redis.RedisError, TimeoutError):
            # taken here: acked at once, the listener fails after the ack and the user is
            # told in the thread (a failed or late ack had Slack send it again, later)
            return True

    only_agent_threads = AsyncCustomListenerMatcher(app_name="assistant", func=in_agent_thread)

    @assistant.user_message(matchers=[only_agent_threads])  # type: ignore[arg-type]  # Bolt merges a list
    async def on_message(body: dict[str, Any], event: dict[str, Any]) -> None:
        if event.get("subtype") not in (None, "file_share"):
            return
        owner = owner_of(body, str(event["user"]))
        structlog.contextvars.bind_contextvars(owner=owner.key, event_id=body.get("event_id"))
        event_id = body.get("event_id", "")
        if not await asyncio.to_thread(ledger.first_time, "slack", event_id, owner):
            log.info("slack.duplicate_event")
            return
        await agent.said(
            owner, event["channel"], event["thread_ts"], kit.as_typed(event.get("text") or "")
        )

    bolt.assistant(assistant)

    async def top_level_dm(body: dict[str, Any]) -> bool:
        """A person's message in the app's Messages tab, outside any thread."""
        event = body.get("event") or {}
        return (
            event.get("channel_type") == "im"
            and not event.get("thread_ts")
            and bool(event.get("user"))
            and event.get("subtype") is None
            and not event.get("bot_id")
        )

    @bolt.event("message", matchers=[top_level_dm])
    async def on_direct_message(body: dict[str, Any], event: dict[str, Any]) -> None:
        """Answered in a thread of its own, as an agent thread: a consultation runs there."""
        owner = owner_of(body, str(event["user"]))
        structlog.contextvars.bind_contextvars(owner=owner.key, event_id=body.get("event_id"))
        if not await asyncio.to_thread(ledger.first_time, "slack", body.get("event_id", ""), owner):
            log.info("slack.duplicate_event")
            return
        channel, ts = str(event["channel"]), str(event["ts"])
        await agent.adopt(owner, channel, ts)
        await agent.said(owner, channel, ts, kit.as_typed(event.get("text") or ""))

    @bolt.action(AGENT_BUTTON)
    async def on_pick(ack, body, action) -> None:
        await ack()
        owner = owner_of(body, body["user"]["id"])
        container = body.get("container") or {}
        channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
        thread_ts = container.get("thread_ts") or container.get("message_ts")
        script = ctx.app.desk.find(str(action.get("value", "")))
        if not channel or not thread_ts or isinstance(script, str):
            return
        await agent.start(owner, script, channel, thread_ts)
