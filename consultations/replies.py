"""A typed reply applied to a consultation: an answer, a confirmation, or a correction.

Pure, and kept apart from the engine's commands and outcomes. ``apply_reply`` changes the
(editable) consultation it is given and says what to tell the user.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from consultations.answers import Answer, AnswerError, Unclear, clean_text, parse_answer
from consultations.answers.elsewhere import answered_elsewhere, answers_next
from consultations.answers.guess import UNSURE
from consultations.answers.language import euros_assumed
from consultations.answers.lexer import scan
from consultations.answers.numbers import asks_missing, missing_part, one_part
from consultations.answers.parts import part_words, words_pattern
from consultations.answers.plausible import doubt, doubted_part
from consultations.corrected import (
    Change,
    ReplyResult,
    changed,
    correction,
    in_currency_of,
    label,
    reads,
    short,
)
from consultations.scripts import ConsultationScript, Question, QuestionType
from consultations.state import Consultation, Delivery, Pending, Status

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
    # German and French, as Teams users type them
    *("ja", "jawohl", "genau", "stimmt", "richtig", "passt", "ja, stimmt", "ja genau"),
    *("oui", "c'est ça", "exact", "exactement", "oui, c'est ça", "d'accord", "ouais"),
}
_NO = {"no", "n", "nope", "wrong", "no it isn't", "no it is not", "not right"}
_NO |= {"nein", "falsch", "stimmt nicht", "non", "faux", "ce n'est pas ça"}


_HEDGE_ONLY = re.compile(
    r"(?:(?:yet|really|sorry|tbh|honestly|lol|so far|for now|either|atm|at the moment|"
    r"to be honest|off the top of my head|exactly)[\s,.!]*)+",
    re.I,
)


def current_question(script: ConsultationScript, c: Consultation) -> Question | None:
    """The question reopened by ``edit``, else the first without an answer."""
    if c.editing is not None:
        return script.question(c.editing)
    for q in script.questions:
        if q.key not in c.answers:
            return q
    return None


def apply_reply(
    script: ConsultationScript,
    c: Consultation,
    text: str,
    reading: str | None = None,
    latest: Change | None = None,
) -> ReplyResult:
    """``latest``: the answer the last correction changed (see :func:`last_change`)."""
    q = current_question(script, c)
    if reading is not None and q is not None:
        return _restated(script, c, q, text, reading)
    corrected = correction(script, c, q, text, latest)
    if corrected is not None or q is None:
        return corrected or ReplyResult(False)  # a finished one: the engine says so
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
        if (later := _answers_later(script, c, q, text)) is not None:  # "1000 in 200 out"
            reason = f"That reads like the answer to {later}; this one first."
            return ReplyResult(False, reason=reason)
    asked = q.type in (QuestionType.TEXT, QuestionType.LIST) and _questioned(text)
    if (unsure := UNSURE.match(text)) is not None and not asked:  # "not sure what you mean?"
        rest = text[unsure.end() :].strip(" ,.;:!?-–—")  # "not sure, maybe 5M" gives a figure
        if not rest or _HEDGE_ONLY.fullmatch(rest) or not reads(q, rest):  # "don't know yet"
            return _unknown(script, c, q)
        kept = (QuestionType.TEXT, QuestionType.NUMBER)  # a description keeps its hedge, and a
        text = text if q.type in kept else rest  # figure is said back as a guess
    if q.type in (QuestionType.TEXT, QuestionType.LIST) and _questioned(text):
        return ReplyResult(False, reason=_asked_back(q, text))  # words take any answer
    if q.type is QuestionType.TEXT and (
        elsewhere := answered_elsewhere(q, text, script.questions, c.answers)
    ):
        return ReplyResult(False, reason=elsewhere)  # "budget, time" at "How do you use AI?"
    try:
        answer = parse_answer(q, text)
    except Unclear as e:
        c.pending = Pending(key=q.key, readings=e.readings, prompt=str(e))
        return ReplyResult(True)
    except AnswerError as e:
        asked_part = pending is not None and asks_missing(pending.prompt)  # "… a month?"
        if (asked_part or q.parts) and (ahead := _kept_for_next(script, c, q, text)) is not None:
            return ahead  # "sur 5 ans", first or at "… a month?": the write-off, kept for it
        # "3 days a month" at a choice: the answer to another question
        elsewhere = answered_elsewhere(q, text, script.questions, c.answers)
        return ReplyResult(False, reason=_asked_back(q, text) or elsewhere or str(e))
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


def _asked_back(q: Question, text: str) -> str | None:
    """ "what do you mean by requests?": a question about the question, answered with why it
    is asked and an example, instead of "I need a number"."""
    if not _ASKED_BACK.search(text):
        return None
    example = f" For example: {q.example}." if q.example else ""
    skip = " or `skip` it (it is optional)" if q.optional else ""
    means = f"{q.means} " if q.means else ""  # "what counts as a request?"
    return (
        f"{means}Why I ask: {q.why}{example} A rough answer will do{skip}; `edit N` changes it "
        "later."
    )


def _doubted_part(q: Question, pending: Pending, text: str) -> Answer | None:
    """A part typed at "I read $50 for hardware — is that right?": the part it names, or the
    one the doubt was about ("45k"); the other part is kept."""
    old = pending.readings[0]
    named = one_part(q, old, text, text)
    asked = missing_part(q, pending.prompt)  # "… what is it a month?": that part, even when
    part = asked or doubted_part(q, old)  # the one read is doubtful (hardware 0)
    figures = len(scan(text))  # "$3 / $15" retypes both
    if named is None and part and (figures == 1 or asked and not figures):  # "none" too
        return one_part(q, old, text, text, part=part)
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
    if c.pending is not None and asks_missing(c.pending.prompt):  # "idk" at "… a month?"
        return ReplyResult(
            False,
            reason="A rough guess for that part will do (or `yes` if it is none): the report "
            "shows what it rests on, and `edit N` changes it later.",
        )
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


def _answers_later(
    script: ConsultationScript, c: Consultation, q: Question, text: str
) -> str | None:
    """ "1000 in 200 out" typed at "I read 50 requests — is that right?": the answer to a
    question still to come, whose parts it names each ("question 2 (tokens)"); None else."""
    folded = clean_text(text).casefold()
    for number, other in enumerate(script.questions, 1):
        if other.key == q.key or other.key in c.answers or len(other.parts) < 2:
            continue
        if not all(words_pattern(part_words(other, p)).search(folded) for p in other.parts):
            continue
        try:
            parse_answer(other, text)
        except AnswerError:
            continue
        return f"question {number} ({label(other)})"
    return None


def _kept_for_next(
    script: ConsultationScript, c: Consultation, q: Question, text: str
) -> ReplyResult | None:
    """The next question's answer typed at a part asked for: kept for it, said so, and the
    part asked for again."""
    found = answers_next(q, text, script.questions, c.answers)
    if found is None:
        return None
    number, other, answer = found
    c.answers[other.key] = answer
    if other.key not in c.trail:
        c.trail.append(other.key)
    shown = answer.display(other) + (f" ({answer.note})" if answer.note else "")
    return ReplyResult(
        True,
        note=f"That looks like the answer to question {number} ({label(other)}): noted there, "
        f"{shown}. This one is still open.",
    )


def _accept(
    script: ConsultationScript, c: Consultation, q: Question, answer: Answer, checked: bool = False
) -> ReplyResult:
    """Keep ``answer`` unless it deserves one question first (when ``checked`` is asked)."""
    if c.editing == q.key and (was := c.answers.get(q.key)) is not None:
        answer = in_currency_of(was, answer)
    others = [a for k, a in c.answers.items() if k != q.key]
    answer = euros_assumed(q, answer, others)  # "5000" after answers in French: euros, said
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
    stop = "" if shown.rstrip().endswith((".", "!", "?", "…")) else "."  # "…medical." once
    return ReplyResult(True, note=f"Noted: {shown}{stop}")


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
    "write the correction in your own words, and the report is written again."
)


def reopen(c: Consultation) -> None:
    """A finished consultation taken up again: its report will be written anew."""
    c.status = Status.ACTIVE
    c.report, c.narrative, c.narrated_by = None, None, None
    c.delivery, c.delivery_note = Delivery.NONE, None


def summary(script: ConsultationScript, c: Consultation) -> str:
    """The answers the report will use, compactly: "volume 5,000,000 · tokens input 1,200 …"."""
    return " · ".join(
        f"{label(q)} {short(c.answers[q.key].display(q))}"  # a long story: its start
        for q in script.questions
        if q.key in c.answers and (not c.answers[q.key].skipped or c.answers[q.key].raw)
    )  # "none" said is an answer, as it was noted ("Noted: none."); a skip is left out
