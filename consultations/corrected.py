"""A correction typed at any question: which earlier answer it changes ("actually it's 8
million", "wait, I meant 3 million", "and supplier onboarding" after a list), and what is said
back. Pure; :mod:`consultations.replies` applies every other kind of reply."""

from __future__ import annotations

import re
from dataclasses import dataclass

from consultations.answers import Answer, AnswerError, Unclear, parse_answer
from consultations.answers.corrections import (
    NOT_CLAUSE,
    Correction,
    also_after,
    back_reference,
    continued,
    find_correction,
    named_questions,
    names_of,
    unknown_subject,
)
from consultations.answers.lexer import COUNT_WORDS, NUMBER_WORDS
from consultations.answers.model import clip
from consultations.answers.numbers import one_part
from consultations.answers.plausible import doubt
from consultations.answers.swaps import swapped
from consultations.scripts import ConsultationScript, Question, QuestionType
from consultations.state import Consultation, Pending
from consultations.text import inert


@dataclass(frozen=True)
class ReplyResult:
    changed: bool
    note: str | None = None  # what was understood, said back
    reason: str | None = None  # why the question is asked again
    corrected: bool = False  # an earlier answer was changed


def label(q: Question) -> str:
    return names_of(q)[0]


SIDE = 120  # characters of each side of a change said back: both fit the note (300)


def short(text: str) -> str:
    return clip(text, SIDE)


def changed(q: Question, old: str, new: str) -> str:
    return f"Changed {label(q)}: {short(old).rstrip('.')} → {short(new).rstrip('.')}."


def not_asked(about: str, asking: bool = True) -> str:
    """ "actually the budget is 50k" where no question asks about a budget; ``asking``: a
    question is waiting below (else the consultation is finished)."""
    below = ", or answer the question below" if asking else ""
    return (
        f"No question here asks about the {inert(about, 40)}, so I have not changed anything: "
        f"type `edit N` to change answer N{below}."
    )


def in_currency_of(old: Answer, new: Answer) -> Answer:
    """ "actually more like 25k" after "$20k": the amount changes, not its currency."""
    if new.currency is None and old.currency and (new.number is not None or new.numbers):
        return new.model_copy(update={"currency": old.currency})
    return new


Change = tuple[str, str | None]  # the answer a correction changed last, and its part if one


def last_change(c: Consultation) -> Change | None:
    """The one answer (and the one part of it) the last correction changed, which `undo` would
    take back: where "no wait, 50k" typed next belongs."""
    if c.undo is None or c.undo.restart:
        return None
    keys = [k for k, a in c.answers.items() if c.undo.answers.get(k, a) != a]
    if len(keys) != 1:
        return None
    new, old = c.answers[keys[0]].numbers or {}, c.undo.answers[keys[0]].numbers or {}
    parts = [p for p, v in new.items() if old.get(p) != v]
    return keys[0], parts[0] if len(new) > 1 and len(parts) == 1 else None


def correction(
    script: ConsultationScript,
    c: Consultation,
    current: Question | None,
    text: str,
    latest: Change | None = None,
) -> ReplyResult | None:
    answered = [k for k, a in c.answers.items() if k != c.editing]
    if (swap := _swapped(script, c, current, text)) is not None:
        return swap  # "scratch that: gemini instead of claude"
    if (counted := _list_counted(script, c, current, text)) is not None:
        return counted  # "scratch that: 3 vendors": which one is missing
    found = find_correction(script.questions, answered, current.key if current else None, text)
    if found is None and (about := _about_nothing_asked(script, current, text)):
        reason = not_asked(about, asking=current is not None)  # not a guess at which answer
        return ReplyResult(False, reason=reason)
    guessed = False  # "actually 40" at a choice: which answer it changes is a guess
    if found is None:
        found = _unnamed(script, c, current, text, latest)
        ref = back_reference(text)
        guessed = found is not None and ref is not None and not ref[1] and latest is None
        found = found or _continues_list(script, c, current, text)
    if found is None:
        return None
    q = script.question(found.key)
    old = c.answers[q.key]
    if found.add:  # "we also use Cohere for embeddings": the list grows, nothing is lost
        try:
            more = parse_answer(q, found.text)
        except AnswerError:
            return None
        if more.choices is not None:  # "add RBI compliance as a constraint": one more pick
            return _picked_too(q, c, old, more, found.text)
        had = old.items or ()
        have = {x.casefold() for x in had}
        new = [x for x in more.items or () if x.casefold() not in have]
        items = (*had, *new)
        answer = old.model_copy(
            update={
                "items": items[: q.max_items],
                "raw": ", ".join(filter(None, [old.raw, found.text])),
                "skipped": False,
            }
        )
        c.answers[q.key] = answer
        added = len(items) - len(had)
        note = (
            f"Added to {label(q)}: {'; '.join(new)} (now {len(items)}: {answer.display(q)})."
            + (f" Note: {more.note}." if more.note else "")  # "Copilot": a tool seat
            if added > 0
            else f"{label(q)} already holds that: {old.display(q)}."
        )
        return ReplyResult(True, note=note, corrected=added > 0)
    try:
        answer = parse_answer(q, found.text)
    except AnswerError:  # one part of a two-part figure, or words for this question
        part = one_part(q, old, text, found.text)
        if part is None and latest is not None and latest[0] == q.key and latest[1]:
            part = one_part(q, old, text, found.text, part=latest[1])  # "no wait, 50k"
        if part is None:
            return None
        answer = part
    answer = in_currency_of(old, answer)
    if _same_reading(old, answer):  # "actually 3 years" when it is 36 months: nothing to redo
        return ReplyResult(False, reason=f"{label(q).capitalize()} is already {old.display(q)}.")
    if (question := doubt(q, answer, script.questions)) and guessed:
        number = [x.key for x in script.questions].index(q.key) + 1
        below = ", or answer the question below" if current is not None else ""
        reason = (
            f"“{short(text)}” names no answer; as {label(q)} (question {number}, now "
            f"{old.display(q)}) {answer.display(q)} looks unlikely, so I have changed nothing: "
            f"type `edit {number}` to change it{below}."
        )
        return ReplyResult(False, reason=reason)
    if question:
        c.editing, c.pending = q.key, Pending(key=q.key, readings=(answer,), prompt=question)
        return ReplyResult(True, corrected=True)
    c.answers[q.key] = answer
    how = f" ({answer.note})" if answer.note else ""  # "the midpoint of 3–5%": said, not hidden
    note = changed(q, old.display(q), answer.display(q) + how)
    return ReplyResult(True, note=note, corrected=True)


def _picked_too(q: Question, c: Consultation, old: Answer, more: Answer, text: str) -> ReplyResult:
    """The options an "add …" picks, beside those picked before, in the options' order."""
    had, new = old.choices or (), more.choices or ()
    picked = tuple(o.value for o in q.choices if o.value in had or o.value in new)
    if picked == had:
        return ReplyResult(
            False, reason=f"{label(q).capitalize()} already holds that: {old.display(q)}."
        )
    answer = old.model_copy(
        update={
            "choices": picked,
            "raw": ", ".join(filter(None, [old.raw, text])),
            "skipped": False,
            "note": None,
        }
    )
    c.answers[q.key] = answer
    added = ", ".join(q.label_of(v) for v in picked if v not in had)
    return ReplyResult(
        True, note=f"Added to {label(q)}: {added} (now: {answer.display(q)}).", corrected=True
    )


def _swapped(
    script: ConsultationScript, c: Consultation, current: Question | None, text: str
) -> ReplyResult | None:
    """ "gemini instead of claude" typed after the vendors: the one list answered that holds
    "claude" has it replaced, said back; None unless exactly one list does."""
    hits = []
    for q in script.questions:
        old = c.answers.get(q.key)
        if q.type is not QuestionType.LIST or old is None or old.items is None:
            continue
        if (current is not None and q.key == current.key) or q.key == c.editing:
            continue
        if (swap := swapped(old.items, text)) is not None:
            hits.append((q, old, swap))
    if len(hits) != 1:
        return None
    q, old, (items, said) = hits[0]
    was = next(x for x in old.items or () if x not in items)
    raw = re.sub(re.escape(was), items[(old.items or ()).index(was)], old.raw, flags=re.I)
    new = old.model_copy(update={"items": items, "raw": raw})
    c.answers[q.key] = new
    return ReplyResult(
        True, note=changed(q, old.display(q), f"{new.display(q)} ({said})"), corrected=True
    )


_COUNTED = re.compile(
    r"(?:(?:we|i)\s+(?:have|use|run)\s+|there\s+are\s+)?(?:about\s+)?"
    rf"(?P<n>\d{{1,2}}|{COUNT_WORDS})\s+(?P<what>[a-z-]+)[\s.!]*",
    re.I,
)


def _list_counted(
    script: ConsultationScript, c: Consultation, current: Question | None, text: str
) -> ReplyResult | None:
    """ "scratch that: 3 vendors" after two named: the list cannot grow by a count, so the
    one missing is asked for (None unless a cue opens it and it counts an answered list)."""
    ref = back_reference(text)
    m = _COUNTED.fullmatch(ref[0]) if ref else None
    if m is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].casefold()]
    for q in script.questions:
        old = c.answers.get(q.key)
        if q.type is not QuestionType.LIST or old is None or not old.items or q == current:
            continue
        if not named_questions([q], m["what"]) or n == len(old.items):
            continue
        below = ", or answer the question below" if current is not None else ""
        return ReplyResult(
            False,
            reason=(
                f"You named {len(old.items)} {label(q)} ({old.display(q)}), not {n}: type the "
                f"one missing, starting with “and”, or `edit {script.questions.index(q) + 1}` "
                f"to list them again{below}."
            ),
        )
    return None


def _same_reading(a: Answer, b: Answer) -> bool:
    """Two answers that give the report the same values (their words may differ)."""
    values = ("number", "numbers", "currency", "choices", "items", "text", "skipped")
    return all(getattr(a, v) == getattr(b, v) for v in values)


def _unnamed(
    script: ConsultationScript,
    c: Consultation,
    current: Question | None,
    text: str,
    latest: Change | None = None,
) -> Correction | None:
    """ "wait, I meant 3 million" names no question: it corrects a recent figure when it plainly
    points back ("I meant", "make that") or when its words cannot answer the current question
    ("sorry, 3 million" asked for input and output tokens): the latest of the last three
    answers whose question the words can answer (after the tokens, "3 million" is the volume)."""
    ref = back_reference(text)
    if ref is None:
        return None
    words, pointing = ref
    said = [k for k in reversed(c.trail) if k in c.answers and k != c.editing]
    if (back := _saying(script, c, said, current, text, words)) is not None:
        return Correction(back, words)  # "actually 8M not 5": the answer that said 5, even
    fresh = _fresh(current, words, text)  # where "8M" would also answer the question asked
    if fresh and not pointing:
        return None
    recent = said[:RECENT]
    if latest is not None and latest[0] in c.answers:  # the answer just corrected comes first
        recent = [latest[0], *(k for k in recent if k != latest[0])]
    named = named_questions(script.questions, words) - {current.key if current else ""}
    for key in recent:
        q = script.question(key)
        if current is not None and key == current.key:
            continue
        if named and key not in named:  # "we have 4 vendors" is about vendors, not upkeep
            continue
        if q.type is QuestionType.NUMBER and (
            reads(q, words) or one_part(q, c.answers[key], text, words) is not None
        ):
            return Correction(key, words)
        if (
            q.type is QuestionType.CHOICE
            and key == recent[0]  # the choice just made: "actually it's confidential"
            and re.search(r"[^\W\d_]{3}", words)  # words, never "actually 2"
            and reads(q, words)
        ):
            return Correction(key, words)
    last = script.question(recent[0]) if recent else None
    if pointing and not fresh and last is not None and last.type in _NAMED:
        return Correction(last.key, words)  # "sorry I meant: support bot on gpt-4o-mini, …"
    return None  # free words after "sorry" are far likelier a new answer than a correction


_FIGURE = re.compile(r"\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*(?:k|m|mn|mio|b|bn)?(?![\w])", re.I)


def _saying(
    script: ConsultationScript,
    c: Consultation,
    keys: list[str],
    current: Question | None,
    text: str,
    words: str,
) -> str | None:
    """The one earlier number answer that said the figure taken back ("…, not 5": the volume
    typed as "5M"), however far back, when the new words can answer it."""
    taken = NOT_CLAUSE.search(text)
    figures = [_norm(f) for f in _FIGURE.findall(taken.group(0))] if taken else []
    if not figures:
        return None
    hits = [
        k
        for k in keys
        if (current is None or k != current.key)
        and script.question(k).type is QuestionType.NUMBER
        and any(_same(f, _norm(old)) for f in figures for old in _FIGURE.findall(c.answers[k].raw))
        and reads(script.question(k), words)
    ]
    if len(set(hits)) > 1:  # "3" said at the volume and at the write-off: "4M" fits one of them
        hits = [k for k in hits if _plausible(script.question(k), words)]
    return hits[0] if len(set(hits)) == 1 else None


def _norm(figure: str) -> str:
    return re.sub(r"\s+", "", figure).casefold()


def _same(taken: str, old: str) -> bool:
    """ "5" taken back from "5M" (the scale left off), or the figure as typed."""
    return taken == old or (
        taken[-1:].isdigit() and old.startswith(taken) and old[len(taken) :].isalpha()
    )


def _continues_list(
    script: ConsultationScript, c: Consultation, current: Question | None, text: str
) -> Correction | None:
    """ "and supplier onboarding" right after a list was answered: more of that list (a list
    is often typed over several messages), not an answer to the question asked since."""
    rest = continued(text)
    if rest is None and (rest := also_after(text)) is not None and current and reads(current, rest):
        return None  # "logos too" answers "What could the images resemble?"
    if rest is None:
        return None
    for back, last in enumerate(reversed(c.trail[-2:])):  # the list just answered, or before
        if last not in c.answers or last == c.editing or (current and last == current.key):
            return None
        q = script.question(last)
        if q.type is QuestionType.LIST and back == 0:
            return Correction(q.key, rest, add=True)
        if q.type is QuestionType.LIST and current and not reads(current, rest):
            return Correction(q.key, rest, add=True)  # "oh we also use Cohere" at the spend
    return None


_NAMED = (QuestionType.LIST, QuestionType.TEXT)


RECENT = 3  # how far back an unnamed correction may reach


def _fresh(current: Question | None, words: str, text: str) -> bool:
    """The words of a cued reply can answer the question asked ("sorry, 5M" at the volume),
    and plausibly: "no wait, 1500 in" at the price is the token count, not $1,500 a million."""
    return (
        current is not None
        and not _only_quantity(current, words)
        and reads(current, text)
        and _plausible(current, text)
    )


def _plausible(q: Question, text: str) -> bool:
    """A figure ``q`` would take without doubting it (a part not typed yet is left aside)."""
    try:
        readings: tuple[Answer, ...] = (parse_answer(q, text),)
    except Unclear as e:
        readings = e.readings
    except AnswerError:
        return False
    given = [
        a.model_copy(update={"numbers": {p: v for p, v in a.numbers.items() if v}})
        if a.numbers
        else a
        for a in readings
    ]
    return not given or any(doubt(q, a, ()) is None for a in given)


def _about_nothing_asked(
    script: ConsultationScript, current: Question | None, text: str
) -> str | None:
    """ "actually the budget is 50k" that cannot answer the question asked, where no question
    asks about a budget: what it is about (no earlier answer is changed on a guess)."""
    ref = back_reference(text)
    if ref is None or _fresh(current, ref[0], text):
        return None
    return unknown_subject(script.questions, text)


def _only_quantity(current: Question, words: str) -> bool:
    """ "sorry, 2 hours a week" typed at a free-text question is a figure for the last one: free
    text is never a bare quantity of a few words."""
    return (
        current.type is QuestionType.TEXT
        and len(words.split()) <= 5
        and any(ch.isdigit() for ch in words)
    )


def reads(q: Question, text: str) -> bool:
    try:
        parse_answer(q, text)
    except Unclear:
        return True
    except AnswerError:
        return False
    return True
