"""The Teams bot: activities in, routed commands and service calls, messages out. No
consultation logic here."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import structlog
from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.teams import edits, feedback
from bot.teams.identity import owner_of, place_of
from bot.teams.personal import reach
from consultations import engine, messages, router
from consultations.adapters.place_holders import PlaceHolders
from consultations.adapters.redis_feedback import RedisFeedback
from consultations.adapters.redis_store import EventLedger
from consultations.adapters.teams import cards, typed
from consultations.adapters.teams.personal import HOW_TO_OPEN, PersonalChats, chat_of
from consultations.adapters.teams.references import ReferenceStore
from consultations.desk import Desk, Surface, stops_digest
from consultations.service import NotFound, Turn
from consultations.state import Consultation, Owner, Status
from consultations.text import inert

log = structlog.get_logger(__name__)
SURFACE = Surface(prefix="", digest_channel_words=False, mine="personal chat with me")


TRIAGE_ELSEWHERE = (
    "Paper triage runs in Slack (`/neurips triage neurips2025`, or arXiv ids) and in a "
    "terminal (`neurips-advisor triage neurips2025`), not in Teams."
)
UNREAD_PRESS = "That button's answer could not be read, so nothing was changed."


class CardPress(BaseModel):
    """What a card of ours sends when a button is pressed (or boxes ticked): the consultation,
    the question, and the number(s) of the choice(s) as we wrote them ("2", "1,3")."""

    model_config = ConfigDict(extra="ignore")

    cid: str = Field(min_length=1, max_length=64)
    key: str = Field(min_length=1, max_length=64)
    answer: str = Field(max_length=200)


@dataclass
class TeamsParts:
    desk: Desk
    ledger: EventLedger
    references: ReferenceStore
    feedback: RedisFeedback
    chats: PersonalChats
    holders: PlaceHolders
    app_id: str = ""


class ConsultationBot(ActivityHandler):
    def __init__(self, parts: TeamsParts) -> None:
        self.parts = parts
        self.desk = parts.desk
        self.service = parts.desk.service

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        owner = owner_of(activity)
        structlog.contextvars.bind_contextvars(owner=owner.key, activity_id=activity.id)
        if activity.id:
            key = f"{activity.conversation.id}:{activity.id}"
            if not await asyncio.to_thread(self.parts.ledger.first_time, "teams", key):
                log.info("teams.duplicate_activity")
                return
        chat = chat_of(activity)
        if chat is not None:  # where this user's own digest can reach them
            await asyncio.to_thread(self.parts.chats.save, owner, chat)
        value = activity.value if isinstance(activity.value, dict) else {}
        TurnContext.remove_recipient_mention(activity)
        # a mention of us left in the text; channel messages arrive as HTML ("&lt;1s", "<p>")
        text = typed.as_typed(activity.text or "")
        if "forget" in value:
            await self._forget(turn_context, owner, value.get("forget") == "yes")
        elif "answer" in value:
            await self._button(turn_context, owner, value)
        else:
            cmd = router.parse(text, slash=False)
            if isinstance(cmd, router.Digest):  # "digest weekly on Monday" may be the answer
                here = await asyncio.to_thread(self.service.at, owner, place_of(activity))
                cmd = self.service.parse_at(here, text)
            await self._typed(turn_context, owner, cmd)

    async def on_message_update_activity(self, turn_context: TurnContext) -> None:
        await edits.on_changed(turn_context, self.desk, self.parts.ledger, deleted=False)

    async def on_message_delete_activity(self, turn_context: TurnContext) -> None:
        await edits.on_changed(turn_context, self.desk, self.parts.ledger, deleted=True)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        if turn_context.activity.name != feedback.SUBMIT_ACTION:
            return await super().on_invoke_activity(turn_context)  # 501: not ours
        structlog.contextvars.bind_contextvars(activity_id=turn_context.activity.id)
        return await feedback.on_submit_action(
            turn_context,
            self.service,
            self.parts.feedback,
            self.parts.references,
            self.desk.digests,
        )

    async def _typed(self, tc: TurnContext, owner: Owner, cmd: router.Command) -> None:
        say = self._say(tc)
        match cmd:
            case router.Consult(ref=ref):
                await self._start(tc, owner, ref)
            case router.Help():
                await say(self.desk.help(SURFACE))
                await self._ask_again(tc, owner)
            case router.Status():
                await say(await asyncio.to_thread(self.desk.status, owner, SURFACE))
                await self._ask_again(tc, owner)
            case router.Resume():
                await self._resume(tc, owner)
            case router.Digest():
                await say(await self._digest(tc, owner, cmd))
                await self._ask_again(tc, owner)
            case router.Forget():
                await tc.send_activity(cards.confirm_forget())
            case router.Pause():
                here = await asyncio.to_thread(self.service.at, owner, place_of(tc.activity))
                if here is None or here.status is not Status.ACTIVE:
                    await say("Nothing is running here, so nothing to stop.")
                    return
                await say(messages.paused(self.desk.catalog.by_slug(here.slug), here))
            case router.Triage(arg=arg):
                await say(messages.triage_typed(arg, TRIAGE_ELSEWHERE))
                await self._ask_again(tc, owner)
            case router.Answer(text=text):
                here = await asyncio.to_thread(self.service.at, owner, place_of(tc.activity))
                cancelled = here is not None and here.status is Status.CANCELLED
                if here is None or (cancelled and not engine.takes_back(text)):
                    await say(await asyncio.to_thread(self._nothing_here, tc, owner, here, text))
                    return  # a finished one takes `edit N` and corrections (the report again)
                turn = await asyncio.to_thread(self.service.act, owner, here.id, text, here)
                if here.status is Status.COMPLETED and not turn.changed and messages.thanked(text):
                    await say(messages.THANKED)  # "thanks, very useful" under the report
                    return
                await self._reply(tc, turn)
            case _:
                await say(self.desk.help(SURFACE))

    def _nothing_here(
        self, tc: TurnContext, owner: Owner, here: Consultation | None, text: str
    ) -> str:
        """What words typed where this user has no consultation running are told."""
        if theirs := self._someone_elses(tc, owner):
            return theirs
        if told := self.desk.notices(owner):
            return told
        if meant := router.meant(text, slash=False):  # "cosult 3"
            return self.desk.help(SURFACE, text.split()[0], meant)
        if here is not None:  # cancelled: say so, and what is paused meanwhile
            told = messages.cancelled_here(self.desk.catalog.by_slug(here.slug))
            if (paused := self.service.latest_active(owner)) is not None:
                script = self.desk.catalog.by_slug(paused.slug)
                done, total = engine.progress(script, paused)
                told += (
                    f"\n\n**{script.title}** ({done} of {total} answered) is paused: `resume` "
                    "continues it."
                )
            return told
        return "No consultation is running here.\n\n" + self.desk.help(SURFACE)

    def _someone_elses(self, tc: TurnContext, owner: Owner) -> str | None:
        """What someone writing in another's consultation thread (or shared chat) is told."""
        place = place_of(tc.activity)
        holder = self.parts.holders.holder(place)
        if holder is None or holder.owner == owner:
            return None
        theirs = self.service.at(holder.owner, place)
        if theirs is None or theirs.status is Status.CANCELLED:
            return None
        script = self.desk.catalog.by_slug(theirs.slug)
        if getattr(tc.activity.conversation, "conversation_type", None) == "channel":
            where, start = "thread", "mention me in a new post with `consult` (or type it in a "
            start += "personal chat with me)."
        else:  # a group chat has no threads: one consultation at a time in it
            where, start = "chat", "type `consult` in a personal chat with me."
        return messages.held_by(
            f"{inert(holder.name, 60)}'s", script, where, f"To start your own, {start}"
        )

    def _hold(self, tc: TurnContext, owner: Owner) -> None:
        """A consultation in a channel's thread or a group chat: others there may write in it."""
        kind = getattr(tc.activity.conversation, "conversation_type", None)
        if kind in ("channel", "groupChat"):
            name = getattr(tc.activity.from_property, "name", None) or "someone"
            self.parts.holders.save(place_of(tc.activity), owner, name)

    async def _ask_again(self, tc: TurnContext, owner: Owner) -> None:
        """After a command typed mid-consultation, the question this chat waits for, again
        (last, where the next answer is typed)."""
        here = await asyncio.to_thread(self.service.at, owner, place_of(tc.activity))
        if here is not None and here.status is Status.ACTIVE:
            outcome = self.service.where(here)
            if isinstance(outcome, engine.Asked):
                await tc.send_activity(cards.question(outcome, here.id))

    @staticmethod
    def _say(tc: TurnContext) -> Any:
        async def say(markdown: str) -> None:
            await tc.send_activity(cards.text(markdown))

        return say

    async def _start(self, tc: TurnContext, owner: Owner, ref: str | None) -> None:
        if theirs := await asyncio.to_thread(self._someone_elses, tc, owner):
            await tc.send_activity(cards.text(theirs))  # their thread stays theirs alone
            return
        if not ref:
            await tc.send_activity(
                cards.text(
                    "Which consultation? Type `consult` and a number "
                    "or a name.\n\n" + messages.catalog_list(self.desk.catalog)
                )
            )
            await self._ask_again(tc, owner)  # a bare "3" below answers this, not that list
            return
        script = self.desk.find(ref)
        if isinstance(script, str):
            await tc.send_activity(cards.text(script))
            return
        location = {"place": place_of(tc.activity)}
        paused = await asyncio.to_thread(self.service.at, owner, location["place"])
        turn = await asyncio.to_thread(self.service.start, owner, script.slug, location)
        reference = TurnContext.get_conversation_reference(tc.activity)
        await asyncio.to_thread(self.parts.references.save, owner, turn.consultation.id, reference)
        await asyncio.to_thread(self._hold, tc, owner)
        also = await asyncio.to_thread(
            self.desk.also_in_progress, owner, turn.consultation, SURFACE, paused
        )
        intro = messages.intro(script) + (f"\n\nℹ️ {also}" if also else "")
        if getattr(tc.activity.conversation, "conversation_type", None) == "channel":
            me = inert(getattr(tc.activity.recipient, "name", None) or "me", 60)
            intro += (
                "\n\nℹ️ In a channel I see only the messages that mention me: begin each answer "
                f"with @{me}."
            )
        await tc.send_activity(cards.text(intro))
        await self._reply(tc, turn)

    async def _button(self, tc: TurnContext, owner: Owner, value: dict[str, Any]) -> None:
        try:
            press = CardPress.model_validate(value)
        except ValidationError as e:
            log.warning("teams.card_press_refused", problems=e.error_count())
            await tc.send_activity(cards.text(UNREAD_PRESS))
            await self._ask_again(tc, owner)
            return
        cid, key, answer = press.cid, press.key, press.answer
        try:
            c = await asyncio.to_thread(self.service.get, owner, cid)
        except (NotFound, ValueError):
            theirs = await asyncio.to_thread(self._someone_elses, tc, owner)
            await tc.send_activity(cards.text(theirs or messages.press_unknown()))
            return
        now = self.service.where(c)
        if isinstance(now, engine.Asked) and now.question.key == key:
            turn = await asyncio.to_thread(self.service.act, owner, cid, answer, c)
            await self._reply(tc, turn)
            return
        # a second click, or a button of an earlier question: say what stands
        script = self.desk.catalog.by_slug(c.slug)
        await tc.send_activity(cards.text(messages.stale_press(script, c, str(key))))

    async def _reply(self, tc: TurnContext, turn: Turn) -> None:
        outcome = turn.outcome
        if isinstance(outcome, engine.Asked):
            await tc.send_activity(cards.question(outcome, turn.consultation.id))
            return
        await tc.send_activity(cards.text(messages.outcome(outcome)))

    async def _resume(self, tc: TurnContext, owner: Owner) -> None:
        if theirs := await asyncio.to_thread(self._someone_elses, tc, owner):
            await tc.send_activity(cards.text(theirs))  # not moved into another's thread
            return
        here = place_of(tc.activity)
        turn = await asyncio.to_thread(self.desk.resume, owner, here)  # this chat's own first
        if turn is None:
            await tc.send_activity(cards.text("Nothing in progress. Type `consult` to start."))
            return
        await tc.send_activity(
            cards.text(f"Picking up **{turn.script.title}** (answers typed here apply to it).")
        )
        c = turn.consultation
        if c.location.get("place") != here:
            c = await asyncio.to_thread(self.service.place, c, {"place": here})
            reference = TurnContext.get_conversation_reference(tc.activity)
            await asyncio.to_thread(self.parts.references.save, owner, c.id, reference)
            await asyncio.to_thread(self._hold, tc, owner)
        await self._reply(tc, turn)

    async def _digest(self, tc: TurnContext, owner: Owner, cmd: router.Digest) -> str:
        """For the chat or channel it is typed in."""
        channel = place_of(tc.activity)
        if cmd.action == "mine" and cmd.words and not stops_digest(cmd.words):
            reachable = await reach(tc, owner, self.parts.chats, self.parts.app_id)
            if not reachable:
                return HOW_TO_OPEN
        reply = await asyncio.to_thread(self.desk.digest, owner, channel, cmd, SURFACE)
        if cmd.action == "subscribe" and reply.startswith(("Subscribed", "Changed")):
            reference = TurnContext.get_conversation_reference(tc.activity)
            await asyncio.to_thread(self.parts.references.save_channel, channel, reference)
        return reply

    async def _forget(self, tc: TurnContext, owner: Owner, confirmed: bool) -> None:
        if not confirmed:
            await tc.send_activity(cards.text("Kept: nothing was deleted."))
            return
        n = await asyncio.to_thread(self.desk.forget, owner)
        await tc.send_activity(cards.text(f"Done: deleted {n} stored item(s) about you."))
