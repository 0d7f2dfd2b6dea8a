"""The service layer: load a consultation, let the engine decide, save with a version check.

Platform-neutral: Slack, Teams and the terminal all call these methods with an ``Owner`` and
text. A save that meets a concurrent change reloads and decides again, so no answer is lost.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

import structlog

from consultations import engine, messages, router
from consultations.advisors import advise
from consultations.advisors.base import AdvisorInput, EarlierConsultation
from consultations.answers import Answer, AnswerError, parse_answer
from consultations.answers.corrections import find_correction
from consultations.catalog import Catalog
from consultations.ports import JobQueue, Narrator, StreamingNarrator, TextSink, Understanding
from consultations.scripts import ConsultationScript, QuestionType
from consultations.state import (
    Consultation,
    Delivery,
    Owner,
    SetAside,
    Status,
    UnreadableRecord,
)
from consultations.understanding import with_understanding

log = structlog.get_logger(__name__)


class Store(Protocol):
    def take_set_aside(self, owner: Owner) -> list[SetAside]: ...
    def load(self, owner: Owner, cid: str) -> Consultation | None: ...
    def at(self, owner: Owner, place: str) -> Consultation | None: ...
    def list(self, owner: Owner, limit: int = 50) -> list[Consultation]: ...
    def save(self, c: Consultation) -> Consultation: ...
    def forget(self, owner: Owner) -> int: ...


class NotFound(LookupError):
    """No such consultation for this user (never started, forgotten, or expired)."""


@dataclass(frozen=True)
class Turn:
    script: ConsultationScript
    consultation: Consultation
    outcome: engine.Outcome
    changed: bool


def _now() -> datetime:
    return datetime.now(UTC)


def _new_id() -> str:
    return secrets.token_hex(6)


class ConsultationService:
    def __init__(
        self,
        catalog: Catalog,
        store: Store,
        conflict_error: type[Exception],
        *,
        clock: Callable[[], datetime] = _now,
        new_id: Callable[[], str] = _new_id,
        max_retries: int = 100,
        jobs: JobQueue | None = None,
        understanding: Understanding | None = None,
    ) -> None:
        """``jobs``: where a finished consultation's report is requested (None: the caller
        writes it in-process, as the terminal chat does)."""
        self.catalog = catalog
        self._jobs = jobs
        self.store = store
        self._conflict = conflict_error
        self._clock = clock
        self._new_id = new_id
        self._max_retries = max_retries
        self._understanding = understanding  # Claude reads what the rules cannot (optional)

    # --- commands --------------------------------------------------------------------------

    def start(self, owner: Owner, ref: str | int, location: dict[str, str] | None = None) -> Turn:
        """Start a consultation by number or name; raises UnknownConsultation for bad refs."""
        script = self.catalog.find(ref)
        earlier = self.earlier_answers(owner) if script.reuses_earlier else {}
        d = engine.start(
            script, owner, self._new_id(), self._clock(), location=location, earlier=earlier
        )
        saved = self.store.save(d.consultation)
        log.info("consultation.started", owner=owner.key, cid=saved.id, slug=script.slug)
        return self._finished_turn(Turn(script, saved, d.outcome, True))

    def act(
        self,
        owner: Owner,
        cid: str,
        command: engine.Command | str,
        loaded: Consultation | None = None,
    ) -> Turn:
        """Apply an answer or control command; retried on a concurrent change.

        ``loaded`` saves a round trip when the caller has just read the consultation.
        """
        if isinstance(command, str):
            command = engine.command_from_text(command)
        for attempt in range(self._max_retries):
            c = loaded if attempt == 0 and loaded is not None else self.store.load(owner, cid)
            if c is None:
                raise NotFound(f"no consultation {cid} for this user")
            script = self.catalog.by_slug(c.slug)
            command = engine.resolve(script, command)  # "edit the price": question 3
            earlier = (
                self.earlier_answers(owner)
                if isinstance(command, engine.Restart) and script.reuses_earlier
                else None
            )
            d = engine.decide(script, c, command, self._clock(), earlier=earlier)
            d = with_understanding(self._understanding, script, c, command, d, self._clock())
            if not d.changed:
                return Turn(script, c, d.outcome, False)
            try:
                saved = self.store.save(d.consultation)
            except self._conflict:
                continue
            log.info(
                "consultation.turn", owner=owner.key, cid=cid, outcome=type(d.outcome).__name__
            )
            return self._finished_turn(Turn(script, saved, d.outcome, True))
        raise RuntimeError(f"consultation {cid} kept changing; gave up after {self._max_retries}")

    def _finished_turn(self, turn: Turn) -> Turn:
        """A consultation that has just finished asks the job queue for its report."""
        if self._jobs is not None and isinstance(turn.outcome, engine.Finished):
            self._jobs.request_report(turn.consultation)
            log.info("report.requested", cid=turn.consultation.id)
        return turn

    def place(self, c: Consultation, location: dict[str, str]) -> Consultation:
        """Record where a consultation lives (its thread), once the adapter knows it. ``c`` is
        tried first (it was just saved, most often): no read when nobody saved it since."""
        return self._update(c.owner, c.id, lambda x: x.location.update(location), loaded=c)

    def claim_place(self, c: Consultation) -> Consultation:
        """Saved again, so its place (a thread another consultation was started in since)
        takes the answers typed there for it."""
        now = self._clock()
        return self._update(c.owner, c.id, lambda x: setattr(x, "updated_at", now))

    def forget(self, owner: Owner) -> int:
        return self.store.forget(owner)

    def notices(self, owner: Owner) -> tuple[str, ...]:
        """What the user must be told first, each said once: consultations that could not be
        restored and were set aside. Every adapter shows these before its reply."""
        return tuple(messages.set_aside(self.catalog, x) for x in self.store.take_set_aside(owner))

    # --- queries ---------------------------------------------------------------------------

    def get(self, owner: Owner, cid: str) -> Consultation:
        c = self.store.load(owner, cid)
        if c is None:
            raise NotFound(f"no consultation {cid} for this user")
        return c

    def at(self, owner: Owner, place: str) -> Consultation | None:
        return self.store.at(owner, place)

    def consultations(self, owner: Owner) -> list[Consultation]:
        return self.store.list(owner)

    def latest_active(self, owner: Owner) -> Consultation | None:
        return next((c for c in self.store.list(owner) if c.status is Status.ACTIVE), None)

    def where(self, c: Consultation) -> engine.Outcome:
        return engine.decide(self.catalog.by_slug(c.slug), c, engine.Where(), self._clock()).outcome

    def parse_at(self, c: Consultation | None, text: str) -> router.Command:
        """A chat line typed where ``c`` is, as :func:`router.parse` reads it, but for a
        `digest …` whose next word is no digest action ("digest weekly on Monday" at 'How
        often should the digest arrive?'): an answer when the question waiting reads it.
        Free text and lists take any words, so there it stays the digest's help."""
        cmd = router.parse(text, slash=False)
        if not isinstance(cmd, router.Digest) or cmd.action != "help" or not cmd.words:
            return cmd
        if c is None or c.status is not Status.ACTIVE:
            return cmd
        q = engine.current_question(self.catalog.by_slug(c.slug), c)
        if q is None or q.type in (QuestionType.TEXT, QuestionType.LIST):
            return cmd
        try:
            parse_answer(q, text)
        except AnswerError:
            return cmd
        return router.Answer(text)

    def earlier_answers(self, owner: Owner) -> dict[str, Answer]:
        """Answers of this user's finished consultations, newest first wins, as "slug.key"."""
        found: dict[str, Answer] = {}
        for c in self.store.list(owner):
            if c.status is Status.COMPLETED:
                for key, answer in c.answers.items():
                    found.setdefault(f"{c.slug}.{key}", answer)
        return found

    # --- reports ---------------------------------------------------------------------------

    def advisor_input(self, c: Consultation) -> AdvisorInput:
        script = self.catalog.by_slug(c.slug)
        earlier: tuple[EarlierConsultation, ...] = ()
        if script.reuses_earlier:
            earlier = tuple(
                EarlierConsultation(slug=x.slug, answers=x.answers, report=x.report)
                for x in self.store.list(c.owner)
                if x.status is Status.COMPLETED and x.id != c.id and x.slug != c.slug
            )
        return AdvisorInput(
            script=script,
            answers=c.answers,
            context=self.catalog.context,
            earlier=earlier,
            as_of=self._clock().date(),
        )

    def corrected_by(self, owner: Owner, text: str) -> Consultation | None:
        """The one finished consultation a correction typed out of any consultation names
        ("sorry, the price is €3 / €12"), newest first; None when none or several do."""
        found = [
            c
            for c in self.store.list(owner)
            if c.status is Status.COMPLETED
            and find_correction(self.catalog.by_slug(c.slug).questions, c.answers, None, text)
        ]
        return found[0] if len({c.slug for c in found}) == 1 else None

    def changed_since(self, c: Consultation) -> list[str]:
        """The titles of the earlier consultations finished or changed after the report of
        ``c`` was written, when that report is built on them (the roadmap)."""
        if not self.catalog.by_slug(c.slug).reuses_earlier or c.status is not Status.COMPLETED:
            return []
        return [
            self.catalog.by_slug(x.slug).title
            for x in self.store.list(c.owner)
            if x.status is Status.COMPLETED and x.slug != c.slug and x.updated_at > c.updated_at
        ]

    def rewrite(self, owner: Owner, cid: str) -> Consultation:
        """A finished report set to be written again from today's earlier consultations."""

        def clear(x: Consultation) -> None:
            if x.status is Status.COMPLETED:
                x.report, x.narrative, x.narrated_by = None, None, None
                x.delivery, x.delivery_note = Delivery.PENDING, None

        return self._update(owner, cid, clear)

    def write_report(
        self, owner: Owner, cid: str, narrator: Narrator, on_text: TextSink | None = None
    ) -> Consultation:
        """Write the report of a finished consultation once; a second call returns the first.

        Idempotent: a report already written (by a worker that died before posting it) is
        reused, and a delivered one is returned as it is. ``on_text``: where a narrator that
        can stream hands its text as it writes it (none is handed over when reused).
        """
        c = self.get(owner, cid)
        if c.status is not Status.COMPLETED:
            raise ValueError(f"consultation {cid} is {c.status.value}, not finished")
        if c.narrative is not None:
            return c
        request = self.advisor_input(c)
        report = advise(request)
        if on_text is not None and isinstance(narrator, StreamingNarrator):
            narrative = narrator.narrate_streaming(request, report, on_text)
        else:
            narrative = narrator.narrate(request, report)
        text = (
            narrative.text
            if narrative.notice is None
            else f"_{narrative.notice}_\n\n{narrative.text}"
        )

        def fill(x: Consultation) -> None:
            if x.narrative is None and x.status is Status.COMPLETED:
                x.report, x.narrative, x.narrated_by = report, text, narrative.author

        try:
            return self._update(owner, cid, fill)
        except UnreadableRecord as e:  # keep what the user reads; drop what cannot be stored
            log.error("report.not_storable", owner=owner.key, cid=cid, error=str(e)[:300])

            def fill_text(x: Consultation) -> None:
                fill(x)
                x.report = None

            return self._update(owner, cid, fill_text)

    def mark_delivery(
        self, owner: Owner, cid: str, delivery: Delivery, note: str | None = None
    ) -> Consultation:
        def mark(x: Consultation) -> None:
            x.delivery, x.delivery_note = delivery, note

        return self._update(owner, cid, mark)

    def _update(
        self,
        owner: Owner,
        cid: str,
        change: Callable[[Consultation], None],
        loaded: Consultation | None = None,
    ) -> Consultation:
        """``change`` saved (compare-and-set: a concurrent save means reading it again);
        ``loaded``, a copy the caller holds, is tried first instead of reading it."""
        for attempt in range(self._max_retries):
            stored = loaded is None or attempt > 0
            c = self.get(owner, cid) if stored else loaded
            assert c is not None
            new = c.editable()
            change(new)
            if new == c:
                if stored:
                    return c
                continue  # nothing to change in the caller's copy: look at the stored one
            new.updated_at = self._clock()
            try:
                return self.store.save(new)
            except self._conflict:
                continue
        raise RuntimeError(f"consultation {cid} kept changing; gave up")
