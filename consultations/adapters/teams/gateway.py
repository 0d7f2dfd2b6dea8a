"""Posting from workers into a Teams chat: a proactive message through the stored reference;
in a one-on-one chat, a report's narrative streamed as it is written; a digest, in a channel
or in a user's personal chat with the bot, each paper its own message with 👍/👎."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial

import redis
import structlog
from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference, ResourceResponse
from msrest.exceptions import HttpOperationError

from consultations.adapters.checkpoints import once_unseen, sending, unsent
from consultations.adapters.settings import Settings
from consultations.adapters.teams import cards
from consultations.adapters.teams.auth import build_adapter
from consultations.adapters.teams.personal import (
    PersonalChat,
    PersonalChats,
    chat_from_reference,
    open_chat,
)
from consultations.adapters.teams.references import ReferenceStore
from consultations.adapters.teams.stream import TeamsReportStream, retry_after
from consultations.digest import Subscription
from consultations.ports import (
    STREAM_NOTE,
    STREAM_OPENED,
    STREAM_STARTING,
    CannotPost,
    Parts,
    TriageSpec,
)
from consultations.render import figures_markdown
from consultations.state import Consultation, Owner
from consultations.text import delink, split_text
from consultations.triage.papers import Paper
from consultations.triage.results import TriageResult

log = structlog.get_logger(__name__)
RETRY_STATUSES = {412, 429, 502, 504}


class TeamsGateway:
    def __init__(
        self,
        settings: Settings,
        references: ReferenceStore,
        chats: PersonalChats | None = None,
        attempts: int = 5,
        stream_interval_s: float = 1.0,  # Teams takes about one streaming request a second
        stream_max_s: float = 100.0,  # and ends a stream two minutes after it began
    ) -> None:
        self._adapter = build_adapter(settings)
        self._app_id = settings.microsoft_app_id
        self._references = references
        self._chats = chats
        self._attempts = attempts
        self._stream_interval, self._stream_max = stream_interval_s, stream_max_s

    @classmethod
    def from_settings(cls, settings: Settings, client: redis.Redis) -> TeamsGateway:
        return cls(
            settings, ReferenceStore(client, settings.state_ttl_seconds), PersonalChats(client)
        )

    def open_stream(self, c: Consultation, parts: Parts | None = None) -> TeamsReportStream:
        """The narrative streamed into a one-on-one chat; elsewhere Teams refuses streams, so
        the stream is declined before anything is sent and the report is posted whole."""
        reference = self._reference(c)
        kind = getattr(reference.conversation, "conversation_type", None)
        if kind != "personal":
            return TeamsReportStream.declined(f"{kind or 'unknown'} conversation")
        return TeamsReportStream(
            partial(self._post_one, reference),
            parts=parts,
            interval_s=self._stream_interval,
            max_s=self._stream_max,
        )

    def post_report(
        self, c: Consultation, parts: Parts | None = None, streamed: bool = False
    ) -> None:
        """The report, 👍/👎 under its last message. ``streamed``: the narrative is already in
        the chat (streamed); only the computed verdict and figures follow."""
        title = c.report.title if c.report else c.slug
        body = figures_markdown(c.report) if streamed else delink(c.narrative or "")
        whole = cards.report_text(title, str(c.narrated_by), body)
        activities = [cards.text(t) for t in split_text(whole, cards.MESSAGE_LIMIT)]
        cards.with_feedback(activities[-1])
        last = len(activities) - 1

        def sent(n: int, activity_id: str) -> None:  # a feedback click names this message
            if n == last and activity_id:
                self._references.save_message(c.owner, activity_id, c.id)

        self._deliver(self._reference(c), activities, parts, sent)

    def post_notice(
        self, c: Consultation, text: str, parts: Parts | None = None, part: str = "notice"
    ) -> None:
        """Marked sent, then checkpointed as ``part``: the Bot Connector cannot read a Teams
        chat back (README, "Recovery"), so a worker dying right after Teams took the note may
        post it twice (logged ``part.maybe_repeated``)."""
        once_unseen(parts, part, lambda again: self._send(c, [cards.text(text)]), refused)

    def post_stream_note(self, c: Consultation, text: str, parts: Parts | None = None) -> None:
        self.post_notice(c, text, parts, STREAM_NOTE)

    def stream_started(self, c: Consultation, mark: str) -> str | None:
        return "?"  # not readable (a Teams stream is marked opened before it starts anyway)

    def stream_stopped(self, c: Consultation, parts: Parts) -> bool:
        return False  # not readable: ``end_stream_late`` asks Teams instead

    def end_stream_late(self, c: Consultation, parts: Parts, ending_sent: bool) -> str:
        """End the stream an earlier attempt left open (its worker died) with the whole
        narrative: ``"now"``; ``"before"``: Teams had taken that attempt's end (it was being
        sent, ``ending_sent``); ``""``: neither, and the stream shows what it showed."""
        stream_id = parts.posted(STREAM_OPENED)
        if not stream_id or stream_id == STREAM_STARTING or not c.narrative:
            return ""
        whole = delink(c.narrative)
        head = f"**Verdict: {c.report.verdict}**\n\n" if c.report else ""
        texts = [whole]  # first as the stream shows it: without the verdict the worker put on
        if head and whole.startswith(head):  # top (the figures below the stream carry it)
            texts.insert(0, whole[len(head) :])
        stream = TeamsReportStream.left_open(
            partial(self._post_one, self._reference(c)),
            stream_id,
            interval_s=self._stream_interval,
            max_s=self._stream_max,
        )
        return stream.end_late(texts, ending_sent)

    def post_digest(
        self, sub: Subscription, header: str, items: list[str], parts: Parts | None = None
    ) -> list[str]:
        """A digest where it was subscribed (a channel's reply chain, or a user's personal chat
        with the bot): the header, then each paper as its own message with 👍/👎, each posted
        once (a retry skips those checkpointed in ``parts``); returns the papers' message ids in
        order, so a click teaches that channel's (or reader's) taste. Paper titles and
        abstracts are untrusted: nothing in them can link, mention or tag (``delink``)."""
        owner = None
        if sub.user:
            owner = Owner(platform="teams", workspace=sub.workspace, user=sub.user)
            reference = self._personal(owner).reference()
        else:
            reference = self._channel_reference(sub.channel)
        out = []
        try:
            top = cards.text(delink(header))
            once_unseen(parts, "header", self._poster(reference, top), refused)
            for n, line in enumerate(items):
                activity = cards.with_feedback(cards.text(delink(line)[: cards.MESSAGE_LIMIT]))
                out.append(
                    once_unseen(parts, f"item:{n}", self._poster(reference, activity), refused)
                )
        except HttpOperationError as e:
            gone = getattr(e.response, "status_code", None) in (403, 404)
            if owner is not None and gone and self._chats is not None:
                self._chats.forget(owner)  # the app was removed for them: the chat is gone
                log.warning("teams.personal_chat_gone", owner=owner.key)
            if gone:
                raise CannotPost("the app is no longer in that team or chat") from e
            raise
        log.info("teams.digest_posted", conversation=reference.conversation.id, items=len(out))
        return out

    def reach_personal(self, owner: Owner, c: Consultation) -> bool:
        """Whether ``owner``'s personal chat with the bot is known, or can be opened now from
        the consultation's conversation (Teams refuses while the app is not installed for
        them)."""
        if self._chats is None:
            return False
        if self._chats.load(owner) is not None:
            return True
        reference = self._references.load(c.owner, c.id)
        address = chat_from_reference(reference, owner.workspace) if reference else None
        if address is None:
            return False
        try:
            chat = asyncio.run(open_chat(self._adapter, self._app_id, address))
        except HttpOperationError as e:
            log.info("teams.personal_chat_refused", status=getattr(e.response, "status_code", None))
            return False
        self._chats.save(owner, chat)
        return True

    def _personal(self, owner: Owner) -> PersonalChat:
        chat = self._chats.load(owner) if self._chats is not None else None
        if chat is None:
            raise RuntimeError(f"no personal chat with {owner.key} is known")
        return chat

    def tell_subscriber(self, sub: Subscription, text: str) -> bool:
        """In the subscriber's personal chat with the bot, where one is known."""
        chat = None
        if sub.subscribed_by and self._chats is not None:
            who = Owner(platform="teams", workspace=sub.workspace, user=sub.subscribed_by)
            chat = self._chats.load(who)
        if chat is None:
            return False
        self._post_one(chat.reference(), cards.text(text), True)
        return True

    def post_digest_preview(
        self, sub: Subscription, markdown: str, user: str, parts: Parts | None = None
    ) -> None:
        """Teams has no private replies from bots: the preview goes to the chat it was asked in
        (a user's own digest: their personal chat with the bot), marked sent, then
        checkpointed."""
        if sub.user:
            owner = Owner(platform="teams", workspace=sub.workspace, user=sub.user)
            reference = self._personal(owner).reference()
            markdown = f"_A preview of your own digest; it comes {sub.describe()}._\n\n{markdown}"
        else:
            reference = self._channel_reference(sub.channel)
        self._deliver(reference, [cards.text(markdown)], parts)

    # --- triage: Teams has no triage command; these keep the port whole and say so ---------

    def fetch_papers(self, spec: TriageSpec) -> list[Paper]:
        raise RuntimeError("triage jobs are not offered in Teams")

    def triage_progress(self, spec: TriageSpec, text: str) -> None:
        raise RuntimeError("triage jobs are not offered in Teams")

    def post_triage(
        self,
        spec: TriageSpec,
        results: list[TriageResult],
        total: int,
        parts: Parts | None = None,
    ) -> None:
        raise RuntimeError("triage jobs are not offered in Teams")

    def _channel_reference(self, channel: str) -> ConversationReference:
        reference = self._references.load_channel(channel)
        if reference is None:
            raise RuntimeError(f"the bot has no conversation reference for {channel}")
        return reference

    def _reference(self, c: Consultation) -> ConversationReference:
        reference = self._references.load(c.owner, c.id)
        if reference is None:
            raise RuntimeError(f"no Teams conversation reference for {c.id}")
        return reference

    def _send(
        self, c: Consultation, activities: list[Activity], parts: Parts | None = None
    ) -> None:
        self._deliver(self._reference(c), activities, parts)

    def _post_one(self, reference: ConversationReference, activity: Activity, retry: bool) -> str:
        """One activity (retried on throttling when ``retry``); the id Teams gave it."""
        got: list[ResourceResponse | None] = []

        async def post(turn_context: TurnContext) -> None:
            if retry:
                got.append(await self._with_retries(turn_context, activity))
            else:
                got.append(await turn_context.send_activity(activity))

        asyncio.run(self._adapter.continue_conversation(reference, post, self._app_id))
        return str(getattr(got[0], "id", "") or "") if got else ""

    def _poster(
        self, reference: ConversationReference, activity: Activity
    ) -> Callable[[bool], str]:
        """``_post_one`` (retried on throttling) as ``once_unseen`` calls it: the same post,
        whether or not an earlier one may have been shown (logged there)."""
        return lambda again: self._post_one(reference, activity, True)

    def _deliver(
        self,
        reference: ConversationReference,
        activities: list[Activity],
        parts: Parts | None = None,
        sent: Callable[[int, str], None] | None = None,
    ) -> None:
        """Each activity once: a retry skips those already recorded in ``parts``; each is marked
        sent before its call (a retry that finds it so cannot tell whether Teams showed it: it
        posts it again, logged). ``sent`` hears each one's id before it is recorded."""

        async def deliver(turn_context: TurnContext) -> None:
            for n, activity in enumerate(activities):
                if parts is not None and parts.posted(f"message:{n}") is not None:
                    continue
                sending(parts, f"message:{n}")
                try:
                    response = await self._with_retries(turn_context, activity)
                except Exception as e:
                    if refused(e):
                        unsent(parts, f"message:{n}")
                    raise
                if sent is not None:
                    sent(n, str(getattr(response, "id", "") or ""))
                if parts is not None:
                    parts.record(f"message:{n}")

        asyncio.run(self._adapter.continue_conversation(reference, deliver, self._app_id))
        log.info("teams.posted", conversation=reference.conversation.id, messages=len(activities))

    async def _with_retries(
        self, turn_context: TurnContext, activity: Activity
    ) -> ResourceResponse | None:
        for attempt in range(self._attempts):
            try:
                return await turn_context.send_activity(activity)
            except HttpOperationError as e:
                status = getattr(e.response, "status_code", None)
                if status not in RETRY_STATUSES or attempt == self._attempts - 1:
                    raise
                wait = retry_after(e, min(2**attempt * 0.5, 8))
                log.warning("teams.retry", status=status, wait=wait)
                await asyncio.sleep(wait)
        return None  # not reached: the last attempt returns or raises


def refused(e: Exception) -> bool:
    """The connector refused the activity (4xx, throttling included): Teams showed nothing.
    A 5xx, a timeout or a dropped connection may follow a post Teams carried out."""
    status = getattr(getattr(e, "response", None), "status_code", None)
    return isinstance(e, HttpOperationError) and isinstance(status, int) and 400 <= status < 500
