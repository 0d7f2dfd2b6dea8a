"""The Teams bot: activities in, service calls, messages out. No consultation logic here."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

import structlog
from botbuilder.core import ActivityHandler, TurnContext
from celery import Celery

from bot.teams import cards
from bot.teams.identity import owner_of, place_of
from bot.teams.references import ReferenceStore
from consultations import engine, messages
from consultations.adapters.redis_store import EventLedger
from consultations.catalog import UnknownConsultation
from consultations.digest_service import DigestService
from consultations.service import ConsultationService, NotFound, Turn
from consultations.state import Owner, Status
from workers.celery_app import REPORT_TASK

log = structlog.get_logger(__name__)
_AT = re.compile(r"^\s*(?:<at>[^<]{0,200}</at>\s*)+")


@dataclass
class TeamsParts:
    service: ConsultationService
    ledger: EventLedger
    references: ReferenceStore
    digests: DigestService
    celery: Celery | None  # None: reports are written in-process (tests with TestAdapter)


class ConsultationBot(ActivityHandler):
    def __init__(self, parts: TeamsParts) -> None:
        self.parts = parts
        self.service = parts.service

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        owner = owner_of(activity)
        structlog.contextvars.bind_contextvars(owner=owner.key, activity_id=activity.id)
        if activity.id:
            key = f"{activity.conversation.id}:{activity.id}"
            if not await asyncio.to_thread(self.parts.ledger.first_time, "teams", key):
                log.info("teams.duplicate_activity")
                return
        value = activity.value if isinstance(activity.value, dict) else {}
        TurnContext.remove_recipient_mention(activity)
        text = _AT.sub("", activity.text or "").strip()  # a mention of us left in the text
        if "forget" in value:
            await self._forget(turn_context, owner, value.get("forget") == "yes")
        elif "answer" in value:
            await self._button(turn_context, owner, value)
        else:
            await self._typed(turn_context, owner, text)

    async def _typed(self, tc: TurnContext, owner: Owner, text: str) -> None:
        words = text.split(maxsplit=1)
        head = words[0].casefold() if words else ""
        place = place_of(tc.activity)
        here = await asyncio.to_thread(self.service.at, owner, place)
        active = here if here is not None and here.status is Status.ACTIVE else None
        if head == "consult":
            await self._start(tc, owner, words[1] if len(words) > 1 else None)
        elif head in ("help", "?") and len(words) == 1:
            await tc.send_activity(cards.text(cards.HELP))
        elif head == "status" and len(words) == 1:
            await tc.send_activity(cards.text(await asyncio.to_thread(self._status, owner)))
        elif head == "resume" and len(words) == 1:
            await self._resume(tc, owner)
        elif head == "digest":
            await tc.send_activity(cards.text(await self._digest(tc, owner, words[1:])))
        elif head == "forget" and len(words) == 1:
            await tc.send_activity(cards.confirm_forget())
        elif active is not None:
            turn = await asyncio.to_thread(self.service.act, owner, active.id, text, active)
            await self._reply(tc, turn)
        else:
            await tc.send_activity(cards.text("No consultation is running here.\n\n" + cards.HELP))

    async def _start(self, tc: TurnContext, owner: Owner, ref: str | None) -> None:
        if not ref:
            await tc.send_activity(
                cards.text(
                    "Which consultation? Type `consult` and a number "
                    "or a name.\n\n" + messages.catalog_list(self.service.catalog)
                )
            )
            return
        try:
            script = self.service.catalog.find(ref)
        except UnknownConsultation as e:
            await tc.send_activity(cards.text(str(e)))
            return
        location = {"place": place_of(tc.activity)}
        turn = await asyncio.to_thread(self.service.start, owner, script.slug, location)
        reference = TurnContext.get_conversation_reference(tc.activity)
        await asyncio.to_thread(self.parts.references.save, owner, turn.consultation.id, reference)
        await tc.send_activity(cards.text(messages.intro(script)))
        await self._reply(tc, turn)

    async def _button(self, tc: TurnContext, owner: Owner, value: dict) -> None:  # type: ignore[type-arg]
        cid, key, answer = str(value.get("cid", "")), value.get("key"), str(value["answer"])
        try:
            c = await asyncio.to_thread(self.service.get, owner, cid)
        except (NotFound, ValueError):
            await tc.send_activity(
                cards.text("That question belongs to someone else's consultation.")
            )
            return
        now = self.service.where(c)
        if isinstance(now, engine.Asked) and now.question.key == key:
            turn = await asyncio.to_thread(self.service.act, owner, cid, answer)
            await self._reply(tc, turn)

    async def _reply(self, tc: TurnContext, turn: Turn) -> None:
        outcome = turn.outcome
        if isinstance(outcome, engine.Asked):
            await tc.send_activity(cards.question(outcome, turn.consultation.id))
            return
        await tc.send_activity(cards.text(messages.outcome(outcome)))
        if isinstance(outcome, engine.Finished) and turn.changed and self.parts.celery:
            c = turn.consultation
            args = [c.owner.platform, c.owner.workspace, c.owner.user, c.id]
            await asyncio.to_thread(self.parts.celery.send_task, REPORT_TASK, args=args)
            log.info("teams.report_enqueued", cid=c.id)

    async def _resume(self, tc: TurnContext, owner: Owner) -> None:
        c = await asyncio.to_thread(self.service.latest_active, owner)
        if c is None:
            await tc.send_activity(cards.text("Nothing in progress. Type `consult` to start."))
            return
        await tc.send_activity(
            cards.text(
                f"Picking up **{self.service.catalog.by_slug(c.slug).title}**"
                " (answers typed here apply to it)."
            )
        )
        if c.location.get("place") != place_of(tc.activity):
            c = await asyncio.to_thread(self.service.place, c, {"place": place_of(tc.activity)})
            reference = TurnContext.get_conversation_reference(tc.activity)
            await asyncio.to_thread(self.parts.references.save, owner, c.id, reference)
        turn = Turn(self.service.catalog.by_slug(c.slug), c, self.service.where(c), False)
        await self._reply(tc, turn)

    async def _digest(self, tc: TurnContext, owner: Owner, words: list[str]) -> str:
        """`digest subscribe [day] [HH:MM] [zone]` | `unsubscribe` | `preview` | `now`, for the
        chat or channel it is typed in."""
        args = words[0].split() if words else []
        action = args[0].casefold() if args else "help"
        channel = place_of(tc.activity)
        digests = self.parts.digests
        if action == "subscribe":
            try:
                sub = await asyncio.to_thread(
                    digests.subscribe,
                    owner,
                    channel,
                    [w for w in args[1:] if not w.startswith("#")],
                )
            except ValueError as e:
                return f"That subscription does not work: {e}"
            reference = TurnContext.get_conversation_reference(tc.activity)
            await asyncio.to_thread(self.parts.references.save_channel, channel, reference)
            return f"Subscribed this chat to the research digest {sub.describe()}."
        if action == "unsubscribe":
            done = await asyncio.to_thread(digests.unsubscribe, owner, channel)
            return "Unsubscribed." if done else "This chat had no digest."
        if action in ("preview", "now"):
            if not await asyncio.to_thread(digests.request, owner, channel, action):
                return "No digest here yet: `digest subscribe` first."
            return "Preparing the digest…"
        return (
            "`digest subscribe [day] [HH:MM] [time zone]`, `digest unsubscribe`, "
            "`digest preview`, `digest now`"
        )

    def _status(self, owner: Owner) -> str:
        found = self.service.consultations(owner)
        if not found:
            return "You have no consultations yet. Type `consult` to start one."
        return "**Your consultations**\n\n" + "\n".join(
            "- " + messages.status_line(self.service.catalog.by_slug(c.slug), c) for c in found
        )

    async def _forget(self, tc: TurnContext, owner: Owner, confirmed: bool) -> None:
        if not confirmed:
            await tc.send_activity(cards.text("Kept: nothing was deleted."))
            return
        n = await asyncio.to_thread(self.service.forget, owner)
        await asyncio.to_thread(self.parts.digests.forget, owner)
        await tc.send_activity(cards.text(f"Done: deleted {n} stored item(s) about you."))
