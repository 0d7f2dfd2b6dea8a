"""Questions an earlier answer settles (``Question.moot``): one vendor named, "why more than
one?" is not asked. Its answer is recorded for it, marked as not asked, and the user is told;
when the earlier answer changes so that it no longer settles it, the question is asked after
all. An answer the user gave is never replaced. Pure."""

from __future__ import annotations

from consultations.answers import Answer, parse_answer
from consultations.corrected import label
from consultations.scripts import ConsultationScript, Moot, Question
from consultations.state import Consultation


def settled_answer(q: Question) -> Answer:
    """What a question its ``moot`` rule settles is answered: the rule's words read by the
    question's own rules, or a skip. Always the same, so it is told apart from the user's."""
    rule = q.moot
    assert rule is not None, f"{q.key} has no moot rule"
    note = f"not asked: {rule.because}"
    if rule.answer is None:
        return Answer(key=q.key, raw="", skipped=True, note=note)
    return parse_answer(q, rule.answer).model_copy(update={"note": note})


def holds(rule: Moot, answer: Answer | None) -> bool:
    """Whether the earlier ``answer`` settles the question (no answer, or a skip, settles none)."""
    if answer is None or answer.skipped:
        return False
    if rule.items is not None:
        return len(answer.items or ()) == rule.items
    if rule.chose:
        return bool(set(answer.choices or ()) & set(rule.chose))
    return (answer.numbers or {}).get(rule.zero or "") == 0


def settle(script: ConsultationScript, c: Consultation, *, reopened: str | None = None) -> str:
    """Answer the questions earlier answers settle, in script order (one may settle the next),
    and take back those answers whose reason is gone. ``reopened``: the question `back` just
    opened, asked even when settled (as is one reopened by `edit N`, or awaiting a `yes`).
    Says which questions apply now ("" when none); a settled one is told when the count
    passes it (:func:`passed`)."""
    waiting = (reopened, c.editing, c.pending.key if c.pending is not None else None)
    said = []
    for number, q in enumerate(script.questions, 1):
        if q.moot is None:
            continue
        mine, have = settled_answer(q), c.answers.get(q.key)
        source = c.answers.get(q.moot.after)
        if holds(q.moot, source):
            if have is None and q.key not in waiting:
                c.answers[q.key] = mine
        elif have == mine:
            del c.answers[q.key]
            if source is not None:  # not when `back` took the earlier answer away
                said.append(f"Question {number} ({label(q)}) applies now, so I will ask it.")
    return " ".join(said)


def passed(
    script: ConsultationScript,
    c: Consultation,
    since: int,
    until: int,
    before: Consultation | None = None,
) -> str:
    """The settled questions the count passes going from question ``since`` to ``until`` (past
    the last: finished), said with why; with ``before``, only those it had not settled."""
    said = []
    for number in range(since + 1, min(until, len(script.questions) + 1)):
        q = script.questions[number - 1]
        if q.moot is None or c.answers.get(q.key) != (mine := settled_answer(q)):
            continue
        if before is not None and before.answers.get(q.key) == mine:
            continue
        shown = "" if mine.skipped else f", so it reads “{mine.display(q)}”"
        said.append(
            f"Question {number} ({label(q)}) is not asked: {q.moot.because}{shown} "
            f"(`edit {number}` changes it)."
        )
    return " ".join(said)


def stands(script: ConsultationScript, c: Consultation, before: Consultation) -> str:
    """An answer the user gave to a question a changed earlier answer now settles is kept,
    and said so: "Your answer to question 2 (reasons) stands: Price (…)"."""
    said = []
    for number, q in enumerate(script.questions, 1):
        rule, have = q.moot, c.answers.get(q.key)
        if rule is None or have is None or have == settled_answer(q):
            continue
        was = before.answers.get(rule.after)
        if was is not None and not holds(rule, was) and holds(rule, c.answers.get(rule.after)):
            said.append(
                f"Your answer to question {number} ({label(q)}) stands: {have.display(q)} (it "
                f"would not be asked now: {rule.because}; `edit {number}` changes it)."
            )
    return " ".join(said)
