"""The pure consultation engine: a command and the current state in, a decision out.

No I/O, no clock (``now`` is passed in), no ids generated here. The current question is
derived from the answers: the first question of the script without an answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from consultations.answers import MAX_ANSWER_CHARS, Answer, clean_text
from consultations.answers.corrections import names_of
from consultations.corrected import last_change
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

__all__ = [
    "Asked",
    "Cancelled",
    "Decision",
    "Finished",
    "Outcome",
    "Refused",
    "Restored",
    "current_question",
    "summary",
]

# --- commands ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """An answer (or a control word typed as text); ``reading``: the same answer restated by
    an understanding adapter (Claude) for the rules to read; ``text`` is what is stored."""

    text: str
    reading: str | None = None


@dataclass(frozen=True)
class Back:
    """One question back; ``undo``: first, take back the last change of an earlier answer."""

    undo: bool = False


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


@dataclass(frozen=True)
class Help:
    """A call for help ("help", "?"): the question again, with how to answer it; changes
    nothing (it was stored as the answer 'help')."""


@dataclass(frozen=True)
class Edit:
    """Answer question ``number`` again (1-based); reopens a finished consultation. With
    ``text`` ("change 3 to $25k"), that is the new answer, given at once."""

    number: int
    text: str | None = None
    typed: str = ""  # the whole line, read as an answer when there is no question ``number``


@dataclass(frozen=True)
class EditNamed:
    """Answer the question ``name`` names again ("edit the price"); when no question has that
    name, ``text`` is an ordinary reply ("change the latency to batch")."""

    name: str
    text: str


Command = Reply | Back | Skip | Restart | Cancel | Where | Help | Edit | EditNamed

_CONTROL_WORDS: dict[str, Command] = {
    **dict.fromkeys(("back", "previous", "back please", "go back please"), Back()),
    "undo": Back(undo=True),
    **dict.fromkeys(
        ("skip", "pass", "skip it", "skip this", "skip this one", "skip that", "skip for now")
        + ("pass for now",),
        Skip(),
    ),
    **dict.fromkeys(("restart", "start over", "start again", "start from scratch"), Restart()),
    **dict.fromkeys(("cancel", "stop", "abort"), Cancel()),
    **dict.fromkeys(("status", "where", "repeat"), Where()),
    **dict.fromkeys(("help", "help?", "help me", "help please", "?", "??", "huh?"), Help()),
}


_EDIT = re.compile(
    r"^(?:edit|change|redo|fix|(?:go\s+)?back\s+to|return\s+to|revisit)\s+"
    r"(?:question\s+|q\s*|#|number\s+)?(\d{1,2})$"
)
_EDIT_TO = re.compile(  # "change 3 to $25k", "set answer 3 to 25k", "edit q3: 25k"
    r"^\s*(?:edit|change|set)\s+(?:question\s+|answer\s+|q\s*|#)?(\d{1,2})"
    r"\s*(?:\bto\b|=|:|->|→)\s*(?P<text>\S.*)$",
    re.I | re.S,
)


def takes_back(text: str) -> bool:
    """ "undo": what picks up a cancelled consultation again."""
    return command_from_text(text) == Back(undo=True)


_BACK = re.compile(  # "go back", "wait, go back please", "previous question", "undo that"
    r"^(?:(?:wait|sorry|oops|oh|no|ok|okay)[,.!]?\s+)?(?:(?:can we|could we|let me|let's|"
    r"i want to|please|pls)\s+)?(?:(?:go|step|take me)\s+back(?:\s+(?:one|a step|one step|"
    r"one question))?|back\s+(?:one|a step|one step|one question)|(?:back\s+to\s+)?(?:the\s+)?"
    r"(?:previous|last)\s+question|undo(?:\s+(?:that|it|this|last))?|one back)"
    r"(?:[,.!]?\s+(?:please|pls))?$"
)
_EDIT_NAMED = re.compile(  # "edit the price", "go back to the volume question"
    r"^(?:edit|change|redo|fix|(?:go\s+)?back\s+to|return\s+to|revisit)\s+(?:the\s+|my\s+)?"
    r"(?:answer\s+(?:to|for|about)\s+(?:the\s+)?)?(?P<name>[a-z][a-z' -]{1,40}?)"
    r"(?:\s+(?:question|answer))?$"
)


_LEAD_IN = re.compile(  # "actually, change 3 to 12", "hold on, go back", "no wait, edit 2"
    r"^(?:(?:actually|wait|sorry|oops|oh|no|ok|okay|hmm+|um+|uh+|erm?|hold on|hang on|"
    r"my bad|scratch that)[,.!:;]?\s+)+",
    re.I,
)


def _is_control(rest: str) -> bool:
    """What follows a lead-in is a control on its own: `edit 2`, `change 3 to 12`, `go back`,
    `back`, `undo`, `skip`."""
    return bool(
        _EDIT.match(rest)
        or _EDIT_TO.match(rest)
        or _BACK.match(rest)
        or rest in ("back", "back please", "undo", "skip", "restart")
    )


def command_from_text(text: str) -> Command:
    """A typed line becomes a control command when it is only a control word or `edit N`."""
    word = clean_text(text).casefold().strip(" .!`'\"")
    if (lead := _LEAD_IN.match(word)) and _is_control(word[lead.end() :]):
        word, text = word[lead.end() :], _LEAD_IN.sub("", clean_text(text).strip(), count=1)
    if m := _EDIT.match(word):
        return Edit(int(m.group(1)))
    if m := _EDIT_TO.match(text):
        return Edit(int(m.group(1)), m.group("text").strip(), text)
    if _BACK.match(word):  # "undo that" takes back the last change; "go back" goes back
        return Back(undo="undo" in word)
    if m := _EDIT_NAMED.match(word):
        return EditNamed(m.group("name").strip(), text)
    return _CONTROL_WORDS.get(word, Reply(text))


def resolve(script: ConsultationScript, command: Command) -> Command:
    """ "edit the price" as `edit 3`; a name no question has is an ordinary reply."""
    if not isinstance(command, EditNamed):
        return command
    named = [i for i, q in enumerate(script.questions, 1) if command.name in names_of(q)]
    return Edit(named[0]) if len(named) == 1 else Reply(command.text)


# --- queries -------------------------------------------------------------------------------


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
    confirm = c.pending.prompt if c.pending is not None and c.pending.key == q.key else None
    return Asked(
        question=q,
        number=number,
        total=len(script.questions),
        reason=reason,
        note=note,
        confirm=confirm,
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
    return _after_change(script, c, note=note)


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
    if finished and not isinstance(command, Restart | Reply | Edit):
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
            return decide(script, c, Reply(typed), now, earlier=earlier)  # "set 10 to 20 a week"
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
            return _after_change(script, new, note=f"Back one. Your answer was: {shown}.")
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
    script: ConsultationScript, c: Consultation, *, note: str | None, reason: str | None = None
) -> Decision:
    if current_question(script, c) is None:
        c.status = Status.COMPLETED
        c.delivery = Delivery.PENDING
        return Decision(c, Finished(note=note, summary=summary(script, c)), changed=True)
    return Decision(c, _ask(script, c, note=note, reason=reason), changed=True)


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
