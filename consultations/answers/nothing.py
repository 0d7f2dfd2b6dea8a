"""Number answers with no figure in them, or one typed loosely: "none" and "n/a" (none where
none can be, asked again where it cannot), "basically none" said back, "not live yet", and a
share typed as a fraction ("0.05": 0.05% or 5%). Pure."""

from __future__ import annotations

import re

from consultations.answers.lexer import Quantity
from consultations.answers.loss import NO_LOSS
from consultations.answers.model import Answer, AnswerError, format_number, plain
from consultations.answers.parts import example
from consultations.scripts import NumberKind, Question

_ZERO_WORDS = {"none", "zero", "nothing", "nil", "no", "nope", "n/a"}
_ZERO_LEAD = re.compile(  # "none, it has to be as good", "no loss at all"
    r"^(?:none|zero|nothing|nil|nope|keine|keiner|nichts|aucune?|null|"  # German, French
    r"no(?:\s+(?:loss|drop|degradation|change))?)"
    r"(?:\s+(?:at all|whatsoever|really))?\s*(?:[,;.!:—–-]|$)"
)
_NEARLY_NONE = re.compile(
    r"^(?:basically|practically|pretty much|almost|close to|next to|virtually|essentially|"
    r"nearly|near)\s+(?:none|nothing|zero|nil|0)\b|^negligible\b"
)
_NOT_A_SHARE = {"n/a", "na", "not applicable"}  # at a percentage: not said, not 0%
_NOT_YET = re.compile(  # "not live yet", "none yet, launching q1", "still in pilot"
    r"\b(?:not\s+(?:live|launched|running|in\s+production|deployed|built)\s+yet|(?:none|nothing)"
    r"\s+yet|pre-?launch|launching|(?:still\s+)?in\s+(?:pilot|beta|development)|still\s+"
    r"(?:piloting|testing|building|planning))\b",
    re.I,
)


def no_figure(question: Question, text: str, found: list[Quantity]) -> list[Quantity]:
    """The figures, or none read from words: "none" is 0 where none can be, "basically none"
    is 0 said back; "n/a" at a percentage and none where at least some is needed are asked
    again."""
    said = text.casefold().strip(" .!")
    if not found and said in _NOT_A_SHARE and question.kind is NumberKind.PERCENT:
        raise AnswerError(  # "n/a" at a tolerance is no 0% tolerance
            f"I can't read “{text.strip()}” as a percentage: type 0% if you accept none, or a "
            f"rough guess{example(question)}."
        )
    if _NEARLY_NONE.match(said):  # "basically none", "close to zero": none, said back
        note = f"“{text.strip()}” read as 0; type the figure if there is one"
        return [Quantity((0.0,), 0, len(text), note=note)]
    nothing_lost = question.loss and NO_LOSS.search(said)  # "we can't accept any loss"
    if found or not (said in _ZERO_WORDS or _ZERO_LEAD.match(said) or nothing_lost):
        return found
    if question.minimum:  # "n/a" at "over how many months …": none is no answer there
        low = format_number(question.minimum, question.kind)
        skip = ", or `skip` it" if question.optional else ""
        raise AnswerError(
            f"I read “{text.strip()}” as none, but this needs at least {low}: type a "
            f"number{example(question)}{skip}."
        )
    band = None if question.parts or nothing_lost else question.plausible_for(None)
    if band is not None and band[0] > 0:  # "none really" at "how many requests …?": no 0
        raise AnswerError(
            f"I read “{text.strip()}” as none, but the report needs a figure here: a rough "
            f"guess will do{example(question)}, or type 0 if it really is none"
            + (", or `skip` it." if question.optional else ".")
        )
    return [Quantity((0.0,), 0, len(text))]


def not_yet(question: Question, text: str) -> None:
    """ "not live yet" where a figure is asked: what is expected will do, said so."""
    if _NOT_YET.search(text):
        what = "how many" if question.kind in (NumberKind.COUNT, NumberKind.TOKENS) else "what"
        raise AnswerError(
            f"Not live yet is fine: type {what} you expect once it runs{example(question)}; "
            "`edit N` changes it later."
        )


def as_fraction(question: Question, answer: Answer, text: str) -> Answer | None:
    """ "0.05" at a percentage, no sign typed: perhaps a fraction of 1, so 5% — the second
    reading, to be asked about."""
    value = answer.number
    if question.kind is not NumberKind.PERCENT or value is None or not 0 < value < 1:
        return None
    if "%" in text or re.search(r"\bper\s?cent|\bpct\b|prozent", text, re.I):
        return None
    note = f"{plain(value)} as a fraction of 1"
    return answer.model_copy(update={"number": round(value * 100, 6), "note": note})
