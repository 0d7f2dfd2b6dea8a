"""The pure consultation engine: a command and the current state in, a decision out.

No I/O, no clock (``now`` is passed in), no ids generated here. The current question is
derived from the answers: the first question of the script without an answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from consultations.answers import MAX_ANSWER_CHARS, Answer
from consultations.commands import (
    Back,
    Cancel,
    Command,
    Edit,
    EditNamed,
    Help,
    Reply,
    Restart,
    Skip,
    Where,
    command_from_text,
    resolve,
    takes_back,
)
from consultations.corrected import last_change
from consultations.moot import passed, settle, stands
from consultations.outcomes import (
    Asked,
    Cancelled,
    Decision,
    Finished,
    Outcome,
    Refused,
    Restored,
)
from consultations.replies import (
    FINISHED,
    apply_reply,
    current_question,
    prefill,
    reopen,
    summary,
)
from consultations.scripts import ConsultationScript
from consultations.state import Consultation, Delivery, Owner, Status, Undo
from consultations.undoing import answers_said, delivered, undoable, undone

__all__ = [  # the commands are read in consultations.commands, and used from here
    "Asked",
    "Back",
    "Cancel",
    "Cancelled",
    "Command",
    "Decision",
    "Edit",
    "EditNamed",
    "Finished",
    "Help",
    "Outcome",
    "Refused",
    "Reply",
    "Restart",
    "Restored",
    "Skip",
    "Where",
    "command_from_text",
    "current_question",
    "resolve",
    "summary",
    "takes_back",
]

# --- queries -------------------------------------------------------------------------------


def progress(script: ConsultationScript, c: Consultation) -> tuple[int, int]:
    """(answered, skipped or settled by an earlier answer so far, total questions)."""
    return sum(1 for q in script.questions if q.key in c.answers), len(script.questions)


def _ask(
    script: ConsultationScript,
    c: Consultation,
    *,
    reason: str | None = None,
    note: str | None = None,
    settled: str | None = None,
) -> Asked:
    q = current_question(script, c)
    assert q is not None, "asked for a question of a complete consultation"
    number = _number(script, c)
    assert number is not None
    confirm = c.pending.prompt if c.pending is not None and c.pending.key == q.key else None
    return Asked(
        question=q,
        number=number,
        total=len(script.questions),
        reason=reason,
        note=note,
        confirm=confirm,
        settled=settled,
    )


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
    reused = prefill(script, c, earlier or {})
    note = None
    if reused:
        note = (
            "From your earlier consultations: "
            + "; ".join(f"{q.text.rstrip('?')}: {c.answers[q.key].display(q)}" for q in reused)
            + " (type `back` to change)."
        )
    return _told(script, None, _after_change(script, c, note=note))


def decide(
    script: ConsultationScript,
    c: Consultation,
    command: Command,
    now: datetime,
    *,
    earlier: Mapping[str, Answer] | None = None,
) -> Decision:
    return _told(script, c, _decide(script, c, command, now, earlier=earlier))


def _told(script: ConsultationScript, c: Consultation | None, d: Decision) -> Decision:
    """The questions an earlier answer settled that the count now moves past, said: why it goes
    from 1/6 to 3/6 (a finished one says only those it had not settled before)."""
    total = len(script.questions)
    since = 0 if c is None else _number(script, c) or total
    outcome = d.outcome
    if not d.changed or not isinstance(outcome, Asked | Finished):
        return d
    now = d.consultation
    if isinstance(outcome, Asked):
        words = passed(script, now, since, outcome.number)
    else:
        words = passed(script, now, since, total + 1, before=c)
    words = " ".join(filter(None, [stands(script, now, c) if c else "", words]))
    if not words:
        return d
    settled = " ".join(filter(None, [outcome.settled, words]))
    return Decision(d.consultation, replace(outcome, settled=settled), changed=True)


def _number(script: ConsultationScript, c: Consultation) -> int | None:
    """The number of the question waiting (None when finished)."""
    q = current_question(script, c)
    return None if q is None else [x.key for x in script.questions].index(q.key) + 1


def _decide(
    script: ConsultationScript,
    c: Consultation,
    command: Command,
    now: datetime,
    *,
    earlier: Mapping[str, Answer] | None = None,
) -> Decision:
    if c.slug != script.slug:
        raise ValueError(f"script {script.slug} does not run consultation {c.slug}")
    command = resolve(script, command)
    if isinstance(command, Where) or (isinstance(command, Help) and c.status != Status.ACTIVE):
        return Decision(c, _where(script, c), changed=False)
    if isinstance(command, Help):
        return Decision(c, _ask(script, c, reason=_how_to_answer(script, c)), changed=False)
    if c.status is Status.CANCELLED:
        if isinstance(command, Back) and command.undo:  # `cancel` typed by mistake
            new = c.editable()
            new.status, new.updated_at = Status.ACTIVE, now
            done, total = progress(script, new)
            picked = f"Picked up again where you were: {done} of {total} answered."
            return _after_change(script, new, note=picked)
        return Decision(c, Refused("This consultation was cancelled. Start a new one."), False)
    finished = c.status is Status.COMPLETED
    undoing = isinstance(command, Back) and command.undo and c.undo is not None
    if finished and not isinstance(command, Restart | Reply | Edit) and not undoing:
        return Decision(c, Refused(FINISHED), False)

    new = c.editable()
    new.updated_at = now
    new.undo = None  # what a restart or a change took away comes back only with the next `undo`
    if finished:
        reopen(new)
    match command:
        case Reply(text=text, reading=reading):
            r = apply_reply(script, new, text, reading, last_change(c))
            if finished and not r.corrected:  # "it is already 36 months", else how to change
                return Decision(c, Refused(r.reason or FINISHED), False)
            if not r.changed:
                return Decision(c, _ask(script, c, reason=r.reason), changed=False)
            undoable(c, new)
            note = r.note
            if note and len(text) > MAX_ANSWER_CHARS:  # say what was kept of a long answer
                kept = f"(kept the first {MAX_ANSWER_CHARS:,} of {len(text):,} characters)"
                note = note.replace("Noted:", f"Noted {kept}:", 1)
            return _after_change(script, new, note=note, reason=r.reason)
        case Edit(number=n, text=str(), typed=typed) if not 1 <= n <= len(script.questions):
            return _decide(script, c, Reply(typed), now, earlier=earlier)  # "set 10 to 20 a week"
        case Edit(number=n, text=str(said)):
            q = script.questions[n - 1]
            if q.key not in new.answers:  # not answered yet: nothing to change
                reason = f"Question {n} has no answer yet to change; answer it when it comes."
                return Decision(c, _ask(script, c, reason=reason), changed=False)
            new.editing, new.pending = q.key, None
            r = apply_reply(script, new, said)  # unreadable: question n is asked, and why
            undoable(c, new)
            return _after_change(script, new, note=r.note, reason=r.reason)
        case Edit(number=n):
            if not 1 <= n <= len(script.questions):
                reason = f"There is no question {n}; they go from 1 to {len(script.questions)}."
                if finished:
                    return Decision(c, Refused(reason), False)
                return Decision(c, _ask(script, c, reason=reason), changed=False)
            q = script.questions[n - 1]
            new.editing, new.pending = q.key, None
            was = new.answers.get(q.key)
            note = f"Your answer was: {was.display(q)}. Type the new one." if was else None
            return _after_change(script, new, note=note)
        case Skip():
            skip = current_question(script, new)
            assert skip is not None
            if not skip.optional:
                reason = "This one is needed for the report, so it cannot be skipped."
                return Decision(c, _ask(script, c, reason=reason), changed=False)
            new.answers[skip.key] = Answer(key=skip.key, raw="", skipped=True)
            if skip.key not in new.trail:
                new.trail.append(skip.key)
            new.pending, new.editing = None, None
            return _after_change(script, new, note="Skipped.")
        case Back(undo=undo) if c.undo is not None and (undo or c.undo.restart):
            new.answers, new.trail = dict(c.undo.answers), list(c.undo.trail)
            new.pending, new.editing = None, None
            note = undone(script, c, c.undo)
            if (posted := c.undo.delivered) is not None and current_question(script, new) is None:
                new.status, new.delivery = Status.COMPLETED, Delivery.DELIVERED
                new.report, new.narrative = posted.report, posted.narrative
                new.narrated_by, new.delivery_note = posted.narrated_by, posted.delivery_note
                said = f"{note} Your report stands as it was posted; nothing is written again."
                return Decision(new, Restored(note=said), changed=True)
            return _after_change(script, new, note=note)
        case Back(undo=undo):
            if new.pending is not None or new.editing is not None:
                new.pending, new.editing = None, None
                return _after_change(script, new, note="Left as it was.")
            if not new.trail:
                return Decision(c, _ask(script, c, reason="This is the first question."), False)
            key = new.trail.pop()
            previous = new.answers.pop(key)
            shown = previous.display(script.question(key))
            if not undo:  # `back` typed by mistake: `undo` puts the answer back
                new.undo = Undo(answers=dict(c.answers), trail=tuple(c.trail))
            said = f"Back one. Your answer was: {shown}."
            return _after_change(script, new, note=said, reopened=key)
        case Restart():
            cleared = sum(1 for a in new.answers.values() if not a.skipped)
            new.undo = (  # `restart` twice: the first one's answers still come back
                Undo(
                    answers=dict(new.answers),
                    trail=tuple(new.trail),
                    restart=True,
                    delivered=delivered(c),
                )
                if cleared
                else c.undo
            )
            new.answers.clear()
            new.trail.clear()
            reopen(new)
            new.pending, new.editing = None, None
            prefill(script, new, earlier or {})
            said = f": {answers_said(cleared)} cleared (type `undo` to bring them back)"
            return _after_change(script, new, note=f"Starting over{said if cleared else ''}.")
        case Cancel():
            new.status = Status.CANCELLED
            return Decision(new, Cancelled(), changed=True)
    raise AssertionError(command)  # pragma: no cover


def _after_change(
    script: ConsultationScript,
    c: Consultation,
    *,
    note: str | None,
    reason: str | None = None,
    reopened: str | None = None,
) -> Decision:
    settled = settle(script, c, reopened=reopened) or None  # questions earlier answers settle
    now_at = current_question(script, c)
    if c.pending is not None and (now_at is None or c.pending.key != now_at.key):
        c.pending = None  # a doubt about a question no longer being asked (an earlier one is)
    if now_at is None:
        c.status = Status.COMPLETED
        c.delivery = Delivery.PENDING
        done = Finished(note=note, summary=summary(script, c), settled=settled)
        return Decision(c, done, changed=True)
    return Decision(c, _ask(script, c, note=note, reason=reason, settled=settled), changed=True)


def _how_to_answer(script: ConsultationScript, c: Consultation) -> str:
    q = current_question(script, c)
    assert q is not None
    how = "Answer the question below in your own words; a rough answer will do."
    if q.choices:
        how = f"Pick {'one or more' if q.multiple else 'one'} below: a number or the words will do."
    skip = ", `skip` (it is optional)" if q.optional else ""
    return (
        f"{how} You can also type `back`{skip}, `edit N` to change answer N, `undo`, `restart` "
        "or `cancel`."
    )


def _where(script: ConsultationScript, c: Consultation) -> Outcome:
    if c.status is Status.ACTIVE:
        return _ask(script, c)
    if c.status is Status.CANCELLED:
        return Cancelled()
    return Finished()
