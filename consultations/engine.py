"""The pure consultation engine: a command and the current state in, a decision out.

No I/O, no clock (``now`` is passed in), no ids generated here. The current question is
derived from the answers: the first question of the script without an answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from consultations.answers import (
    MAX_ANSWER_CHARS,
    Answer,
    AnswerError,
    clean_text,
    parse_answer,
)
from consultations.scripts import ConsultationScript, Question
from consultations.state import Consultation, Delivery, Owner, Status

# --- commands ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """An answer to the current question (or a control word typed as text)."""

    text: str


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class Skip:
    pass


@dataclass(frozen=True)
class Restart:
    pass


@dataclass(frozen=True)
class Cancel:
    pass


@dataclass(frozen=True)
class Where:
    """Show where the consultation stands; changes nothing."""


Command = Reply | Back | Skip | Restart | Cancel | Where

_CONTROL_WORDS: dict[str, Command] = {
    "back": Back(),
    "undo": Back(),
    "previous": Back(),
    "skip": Skip(),
    "pass": Skip(),
    "restart": Restart(),
    "start over": Restart(),
    "cancel": Cancel(),
    "stop": Cancel(),
    "abort": Cancel(),
    "status": Where(),
    "where": Where(),
    "repeat": Where(),
}


def command_from_text(text: str) -> Command:
    """A typed line becomes a control command when it is only a control word."""
    word = clean_text(text).casefold().strip(" .!`'\"")
    return _CONTROL_WORDS.get(word, Reply(text))


# --- outcomes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asked:
    """Ask ``question`` next. ``reason`` says why it is asked again; ``note`` confirms a reading."""

    question: Question
    number: int
    total: int
    reason: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Finished:
    """Every question is answered or skipped: the report can be written."""

    note: str | None = None


@dataclass(frozen=True)
class Cancelled:
    pass


@dataclass(frozen=True)
class Refused:
    """Nothing changed, and here is why (a finished or cancelled consultation, say)."""

    reason: str


Outcome = Asked | Finished | Cancelled | Refused


@dataclass(frozen=True)
class Decision:
    consultation: Consultation
    outcome: Outcome
    changed: bool


# --- queries -------------------------------------------------------------------------------


def current_question(script: ConsultationScript, c: Consultation) -> Question | None:
    for q in script.questions:
        if q.key not in c.answers:
            return q
    return None


def progress(script: ConsultationScript, c: Consultation) -> tuple[int, int]:
    """(answered or skipped so far, total questions)."""
    return sum(1 for q in script.questions if q.key in c.answers), len(script.questions)


def _ask(
    script: ConsultationScript,
    c: Consultation,
    *,
    reason: str | None = None,
    note: str | None = None,
) -> Asked:
    q = current_question(script, c)
    assert q is not None, "asked for a question of a complete consultation"
    number = [x.key for x in script.questions].index(q.key) + 1
    return Asked(question=q, number=number, total=len(script.questions), reason=reason, note=note)


# --- decisions -----------------------------------------------------------------------------


def start(
    script: ConsultationScript,
    owner: Owner,
    consultation_id: str,
    now: datetime,
    *,
    location: Mapping[str, str] | None = None,
    earlier: Mapping[str, Answer] | None = None,
) -> Decision:
    """A new consultation; questions an earlier consultation already answered are filled in."""
    c = Consultation(
        id=consultation_id,
        owner=owner,
        slug=script.slug,
        created_at=now,
        updated_at=now,
        location=dict(location or {}),
    )
    reused = _prefill(script, c, earlier or {})
    note = None
    if reused:
        note = (
            "From your earlier consultations: "
            + "; ".join(f"{q.text.rstrip('?')}: {c.answers[q.key].display(q)}" for q in reused)
            + " (type `back` to change)."
        )
    return _after_change(script, c, note=note)


def _prefill(
    script: ConsultationScript, c: Consultation, earlier: Mapping[str, Answer]
) -> list[Question]:
    reused = []
    for q in script.questions:
        for ref in q.reuse:
            prior = earlier.get(ref)
            if prior is not None and not prior.skipped:
                try:  # re-read the earlier words against this question's type
                    c.answers[q.key] = parse_answer(q, prior.raw)
                except AnswerError:
                    continue
                c.trail.append(q.key)
                reused.append(q)
                break
    return reused


def decide(
    script: ConsultationScript,
    c: Consultation,
    command: Command,
    now: datetime,
    *,
    earlier: Mapping[str, Answer] | None = None,
) -> Decision:
    if c.slug != script.slug:
        raise ValueError(f"script {script.slug} does not run consultation {c.slug}")
    if isinstance(command, Where):
        return Decision(c, _where(script, c), changed=False)
    if c.status is Status.CANCELLED:
        return Decision(c, Refused("This consultation was cancelled. Start a new one."), False)
    if c.status is Status.COMPLETED and not isinstance(command, Restart):
        return Decision(c, Refused("This consultation is finished; its report is above."), False)

    new = c.editable()
    new.updated_at = now
    match command:
        case Reply(text=text):
            q = current_question(script, new)
            assert q is not None
            try:
                answer = parse_answer(q, text)
            except AnswerError as e:
                return Decision(c, _ask(script, c, reason=str(e)), changed=False)
            new.answers[q.key] = answer
            new.trail.append(q.key)
            cut = f" (kept the first {MAX_ANSWER_CHARS:,} of {len(text):,} characters)"
            lead = "Noted" + (cut if len(text) > MAX_ANSWER_CHARS else "")
            return _after_change(script, new, note=f"{lead}: {answer.display(q)}.")
        case Skip():
            q = current_question(script, new)
            assert q is not None
            if not q.optional:
                reason = "This one is needed for the report, so it cannot be skipped."
                return Decision(c, _ask(script, c, reason=reason), changed=False)
            new.answers[q.key] = Answer(key=q.key, raw="", skipped=True)
            new.trail.append(q.key)
            return _after_change(script, new, note="Skipped.")
        case Back():
            if not new.trail:
                return Decision(c, _ask(script, c, reason="This is the first question."), False)
            key = new.trail.pop()
            previous = new.answers.pop(key)
            shown = previous.display(script.question(key))
            return _after_change(script, new, note=f"Back one. Your answer was: {shown}.")
        case Restart():
            new.answers.clear()
            new.trail.clear()
            new.status = Status.ACTIVE
            new.report, new.narrative, new.narrated_by = None, None, None
            new.delivery, new.delivery_note = Delivery.NONE, None
            _prefill(script, new, earlier or {})
            return _after_change(script, new, note="Starting over.")
        case Cancel():
            new.status = Status.CANCELLED
            return Decision(new, Cancelled(), changed=True)
    raise AssertionError(command)  # pragma: no cover


def _after_change(script: ConsultationScript, c: Consultation, *, note: str | None) -> Decision:
    if current_question(script, c) is None:
        c.status = Status.COMPLETED
        c.delivery = Delivery.PENDING
        return Decision(c, Finished(note=note), changed=True)
    return Decision(c, _ask(script, c, note=note), changed=True)


def _where(script: ConsultationScript, c: Consultation) -> Outcome:
    if c.status is Status.ACTIVE:
        return _ask(script, c)
    if c.status is Status.CANCELLED:
        return Cancelled()
    return Finished()
