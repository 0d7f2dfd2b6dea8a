"""A typed reply applied to a consultation: an answer, a confirmation, or a correction.

Pure, and kept apart from the engine's commands and outcomes. ``apply_reply`` changes the
(editable) consultation it is given and says what to tell the user.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from consultations.answers import Answer, AnswerError, Unclear, clean_text, parse_answer
from consultations.answers.corrections import (
    Correction,
    back_reference,
    continued,
    find_correction,
    named_questions,
    names_of,
    unknown_subject,
)
from consultations.answers.lexer import scan
from consultations.answers.numbers import one_part
from consultations.answers.plausible import doubt, doubted_part
from consultations.scripts import ConsultationScript, Question, QuestionType
from consultations.state import Consultation, Delivery, Pending, Status
from consultations.text import inert

_YES = {
    "yes",
    "y",
    "yep",
    "yeah",
    "yes please",
    "correct",
    "right",
    "that's right",
    "thats right",
    "yes that's right",
    "yes, that's right",
    "ok",
    "okay",
    "sure",
    "confirm",
    "confirmed",
    "keep",
    "keep it",
    "exactly",
    "indeed",
    "it is",
    "yes it is",
}
_NO = {"no", "n", "nope", "wrong", "no it isn't", "no it is not", "not right"}
_UNKNOWN = re.compile(
    r"^\s*(?:i\s+|we\s+)?(?:have\s+|honestly\s+|really\s+)?(?:no idea|no clue|don'?t know|"
    r"do not know|not sure|unsure|idk|dunno|can'?t say|cannot say|haven'?t (?:checked|a clue))\b",
    re.I,
)


@dataclass(frozen=True)
class ReplyResult:
    changed: bool
    note: str | None = None  # what was understood, said back
    reason: str | None = None  # why the question is asked again
    corrected: bool = False  # an earlier answer was changed


def current_question(script: ConsultationScript, c: Consultation) -> Question | None:
    """The question reopened by ``edit``, else the first without an answer."""
    if c.editing is not None:
        return script.question(c.editing)
    for q in script.questions:
        if q.key not in c.answers:
            return q
    return None


def label(q: Question) -> str:
    return names_of(q)[0]


SIDE = 120  # characters of each side of a change said back: both fit the note (300)


def short(text: str) -> str:
    return text if len(text) <= SIDE else text[: SIDE - 1] + "…"


def changed(q: Question, old: str, new: str) -> str:
    return f"Changed {label(q)}: {short(old)} → {short(new)}."


def apply_reply(
    script: ConsultationScript, c: Consultation, text: str, reading: str | None = None
) -> ReplyResult:
    q = current_question(script, c)
    if reading is not None and q is not None:
        return _restated(script, c, q, text, reading)
    corrected = _correction(script, c, q, text)
    if corrected is not None or q is None:
        return corrected or ReplyResult(False, reason="Every question is answered.")
    pending = c.pending if c.pending is not None and c.pending.key == q.key else None
    if pending is not None:
        word = clean_text(text).casefold().strip(" .!")
        picks = pending.readings
        if word in _YES and len(picks) == 1:
            return _accept(script, c, q, picks[0])
        if word.isdigit() and 1 <= int(word) <= len(picks) and len(picks) > 1:
            return _accept(script, c, q, picks[int(word) - 1], checked=False)
        if word in _NO:
            c.pending = None
            return ReplyResult(True, note="Then type the right value, please.")
        if len(picks) == 1 and (part := _doubted_part(q, pending, text)) is not None:
            return _accept(script, c, q, part)  # "change the hardware to 45k" (or "45k")
    if (unsure := _UNKNOWN.match(text)) is not None:
        rest = text[unsure.end() :].strip(" ,.;:!?-–—")  # "not sure, maybe 5M" gives a figure
        if not rest or not _reads(q, rest):
            return _unknown(script, c, q)
        text = text if q.type is QuestionType.TEXT else rest  # a description keeps its hedge
    if q.type in (QuestionType.TEXT, QuestionType.LIST) and _questioned(text):
        return ReplyResult(False, reason=_asked_back(q, text))  # words take any answer
    try:
        answer = parse_answer(q, text)
    except Unclear as e:
        c.pending = Pending(key=q.key, readings=e.readings, prompt=str(e))
        return ReplyResult(True)
    except AnswerError as e:
        return ReplyResult(False, reason=_asked_back(q, text) or str(e))
    same = pending is not None and _same(pending.readings[0], answer)
    return _accept(script, c, q, answer, checked=not same)


_ASKED_BACK = re.compile(
    r"^\s*(?:what|why|how|which|who|do you mean|what do you mean|meaning|define|explain)\b"
    r"|\?\s*$",
    re.I,
)


_QUESTION_BACK = re.compile(  # "not sure what you mean by tool protocols?": no list of tools
    r"\b(?:what do you mean|what does .{1,40} mean|mean by|what(?:'s| is| are) (?:a |an |the )?"
    r"[\w -]{1,30}|which ones|like what|what counts|such as what|do you want|do you need)"
    r"[^?]*\?\s*$",
    re.I,
)
_SHORT_QUESTION = re.compile(  # "what is this?", "is this confidential?", "can I skip this?"
    r"^\s*(?:(?:huh|hmm|um|sorry|wait|ok|okay|so|and|but)\b[\s,.!]*)?"
    r"(?:what|why|how|who|where|when|which|is|are|can|could|do|does|should|will|would|must)\b"
    r"[^?]{0,80}\?\s*$",
    re.I,
)


def _questioned(text: str) -> bool:
    """A question back about the question, not an answer to it (free text takes any words)."""
    return bool(_QUESTION_BACK.search(text) or _SHORT_QUESTION.match(text))


def _not_asked(about: str) -> str:
    return (
        f"No question here asks about the {inert(about, 40)}, so I have not changed anything: "
        "type `edit N` to change answer N, or answer the question below."
    )


def _asked_back(q: Question, text: str) -> str | None:
    """ "what do you mean by requests?": a question about the question, answered with why it
    is asked and an example, instead of "I need a number"."""
    if not _ASKED_BACK.search(text):
        return None
    example = f" For example: {q.example}." if q.example else ""
    skip = " or `skip` it (it is optional)" if q.optional else ""
    return f"Why I ask: {q.why}{example} A rough answer will do{skip}; `edit N` changes it later."


def _doubted_part(q: Question, pending: Pending, text: str) -> Answer | None:
    """A part typed at "I read $50 for hardware — is that right?": the part it names, or the
    one the doubt was about ("45k"); the other part is kept."""
    old = pending.readings[0]
    named = one_part(q, old, text, text)
    doubted = doubted_part(q, old)
    if named is None and doubted and len(scan(text)) == 1:  # "$3 / $15" retypes both
        return one_part(q, old, text, text, part=doubted)
    return named


def _unknown(script: ConsultationScript, c: Consultation, q: Question) -> ReplyResult:
    """ "no idea": the option that says so, a skip where the question allows one, or a rough
    guess asked for — never "no idea" read as "no" or "none"."""
    unknown = next((ch for ch in q.choices if ch.value == "unknown"), None)
    if unknown is not None:
        answer = Answer(key=q.key, raw="don't know", choices=(unknown.value,))
        return _accept(script, c, q, answer)
    if q.optional:
        c.answers[q.key] = Answer(key=q.key, raw="", skipped=True)
        if q.key not in c.trail:
            c.trail.append(q.key)
        c.pending = None
        return ReplyResult(True, note="Skipped; the report says so (`edit N` adds it later).")
    example = f" (for example: {q.example})" if q.example else ""
    doubted = c.pending is not None  # "not sure" at "I read 2 — is that right?": drop the 2
    c.pending = None
    return ReplyResult(
        doubted,
        reason="The report needs this one, but a rough guess will do"
        + example
        + ": it shows what it rests on, and `edit N` changes it later.",
    )


def _restated(
    script: ConsultationScript, c: Consultation, q: Question, text: str, reading: str
) -> ReplyResult:
    """An answer restated by the understanding adapter: read by the same rules, kept as typed."""
    try:
        answer = parse_answer(q, reading)
    except AnswerError as e:
        return ReplyResult(False, reason=str(e))
    note = "understood with Claude" + (f"; {answer.note}" if answer.note else "")
    answer = answer.model_copy(update={"raw": clean_text(text), "note": note})
    return _accept(script, c, q, answer, checked=True)


def _accept(
    script: ConsultationScript, c: Consultation, q: Question, answer: Answer, checked: bool = False
) -> ReplyResult:
    """Keep ``answer`` unless it deserves one question first (when ``checked`` is asked)."""
    if c.editing == q.key and (was := c.answers.get(q.key)) is not None:
        answer = in_currency_of(was, answer)
    if checked and (question := doubt(q, answer, script.questions) or _mixed(script, c, answer)):
        c.pending = Pending(key=q.key, readings=(answer,), prompt=question)
        return ReplyResult(True)
    old = c.answers.get(q.key)
    c.answers[q.key] = answer
    if q.key not in c.trail:
        c.trail.append(q.key)
    c.pending = None
    shown = answer.display(q) + (f" ({answer.note})" if answer.note else "")
    if c.editing == q.key:
        c.editing = None
        if old is not None:
            return ReplyResult(True, note=changed(q, old.display(q), shown))
    return ReplyResult(True, note=f"Noted: {shown}.")


def in_currency_of(old: Answer, new: Answer) -> Answer:
    """ "actually more like 25k" after "$20k": the amount changes, not its currency."""
    if new.currency is None and old.currency and (new.number is not None or new.numbers):
        return new.model_copy(update={"currency": old.currency})
    return new


def _correction(
    script: ConsultationScript, c: Consultation, current: Question | None, text: str
) -> ReplyResult | None:
    answered = [k for k, a in c.answers.items() if k != c.editing]
    found = find_correction(script.questions, answered, current.key if current else None, text)
    if found is None and (about := _about_nothing_asked(script, current, text)):
        return ReplyResult(False, reason=_not_asked(about))  # not a guess at which answer
    if found is None:
        found = _unnamed(script, c, current, text) or _continues_list(script, c, current, text)
    if found is None:
        return None
    q = script.question(found.key)
    old = c.answers[q.key]
    if found.add:  # "we also use Cohere for embeddings": the list grows, nothing is lost
        try:
            more = parse_answer(q, found.text)
        except AnswerError:
            return None
        had = old.items or ()
        have = {x.casefold() for x in had}
        items = (*had, *(x for x in more.items or () if x.casefold() not in have))
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
            f"Added to {label(q)}: {found.text} (now {len(items)}: {answer.display(q)})."
            if added > 0
            else f"{label(q)} already holds that: {old.display(q)}."
        )
        return ReplyResult(True, note=note, corrected=added > 0)
    try:
        answer = parse_answer(q, found.text)
    except AnswerError:  # one part of a two-part figure, or words for this question
        part = one_part(q, old, text, found.text)
        if part is None:
            return None
        answer = part
    answer = in_currency_of(old, answer)
    if question := doubt(q, answer, script.questions):
        c.editing, c.pending = q.key, Pending(key=q.key, readings=(answer,), prompt=question)
        return ReplyResult(True, corrected=True)
    c.answers[q.key] = answer
    how = f" ({answer.note})" if answer.note else ""  # "the midpoint of 3–5%": said, not hidden
    note = changed(q, old.display(q), answer.display(q) + how)
    return ReplyResult(True, note=note, corrected=True)


def _unnamed(
    script: ConsultationScript, c: Consultation, current: Question | None, text: str
) -> Correction | None:
    """ "wait, I meant 3 million" names no question: it corrects a recent figure when it plainly
    points back ("I meant", "make that") or when its words cannot answer the current question
    ("sorry, 3 million" asked for input and output tokens): the latest of the last three
    answers whose question the words can answer (after the tokens, "3 million" is the volume)."""
    ref = back_reference(text)
    if ref is None:
        return None
    words, pointing = ref
    fresh = _fresh(current, words, text)
    if fresh and not pointing:
        return None
    recent = [k for k in reversed(c.trail) if k in c.answers and k != c.editing][:RECENT]
    named = named_questions(script.questions, words) - {current.key if current else ""}
    for key in recent:
        q = script.question(key)
        if current is not None and key == current.key:
            continue
        if named and key not in named:  # "we have 4 vendors" is about vendors, not upkeep
            continue
        if q.type is QuestionType.NUMBER and (
            _reads(q, words) or one_part(q, c.answers[key], text, words) is not None
        ):
            return Correction(key, words)
    last = script.question(recent[0]) if recent else None
    if pointing and not fresh and last is not None and last.type in _NAMED:
        return Correction(last.key, words)  # "sorry I meant: support bot on gpt-4o-mini, …"
    return None  # free words after "sorry" are far likelier a new answer than a correction


def _continues_list(
    script: ConsultationScript, c: Consultation, current: Question | None, text: str
) -> Correction | None:
    """ "and supplier onboarding" right after a list was answered: more of that list (a list
    is often typed over several messages), not an answer to the question asked since."""
    rest = continued(text)
    last = c.trail[-1] if c.trail else None
    if rest is None or last is None or last not in c.answers or last == c.editing:
        return None
    q = script.question(last)
    if q.type is not QuestionType.LIST or (current is not None and q.key == current.key):
        return None
    return Correction(q.key, rest, add=True)


_NAMED = (QuestionType.LIST, QuestionType.TEXT)


RECENT = 3  # how far back an unnamed correction may reach


def _fresh(current: Question | None, words: str, text: str) -> bool:
    """The words of a cued reply can answer the question asked ("sorry, 5M" at the volume)."""
    return current is not None and not _only_quantity(current, words) and _reads(current, text)


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


def _reads(q: Question, text: str) -> bool:
    try:
        parse_answer(q, text)
    except Unclear:
        return True
    except AnswerError:
        return False
    return True


def _mixed(script: ConsultationScript, c: Consultation, answer: Answer) -> str | None:
    """Amounts in another currency than the earlier answers: the report compares them."""
    if answer.currency is None:
        return None
    for q in script.questions:
        other = c.answers.get(q.key)
        if other is not None and other.currency and other.currency != answer.currency:
            return (
                f"Your earlier amounts are in {other.currency} ({label(q)}: {other.display(q)}); "
                f"this one is in {answer.currency}. The report compares them as they are, so "
                f"please give it in {other.currency} — or type `yes` to keep it."
            )
    return None


def _same(a: Answer, b: Answer) -> bool:
    return (a.number, a.numbers, a.currency) == (b.number, b.numbers, b.currency)


def prefill(
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


FINISHED = (
    "This consultation is finished; its report is above. Type `edit N` to change answer N, or "
    "write the correction (e.g. `change the volume to 8M`), and the report is written again."
)


def reopen(c: Consultation) -> None:
    """A finished consultation taken up again: its report will be written anew."""
    c.status = Status.ACTIVE
    c.report, c.narrative, c.narrated_by = None, None, None
    c.delivery, c.delivery_note = Delivery.NONE, None


def summary(script: ConsultationScript, c: Consultation) -> str:
    """The answers the report will use, compactly: "volume 5,000,000 · tokens input 1,200 …"."""
    return " · ".join(
        f"{label(q)} {c.answers[q.key].display(q)}"
        for q in script.questions
        if q.key in c.answers and not c.answers[q.key].skipped
    )
