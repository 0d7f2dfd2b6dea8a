"""Doubts worth one short question: a value far outside its usual range, or an answer that
sounds like it belongs to another question. Pure; the engine keeps the pending confirmation."""

from __future__ import annotations

import re
from collections.abc import Sequence

from consultations.answers.hosted import SAID as SELF_HOSTED
from consultations.answers.lexer import scan
from consultations.answers.model import Answer, format_number
from consultations.answers.naming import first_named
from consultations.answers.units import THINGS
from consultations.scripts import NumberKind, Question, QuestionType

# Rough units of each currency per US dollar, only to compare with ranges kept in dollars.
_PER_USD = {
    "USD": 1.0,
    "EUR": 0.9,
    "GBP": 0.8,
    "CHF": 0.9,
    "CAD": 1.4,
    "AUD": 1.5,
    "JPY": 150.0,
    "CNY": 7.2,
    "INR": 85.0,
    "KRW": 1400.0,
    "SEK": 10.5,
    "NOK": 10.8,
    "DKK": 6.9,
    "PLN": 4.0,
    "BRL": 5.5,
}


def per_usd(currency: str | None) -> float | None:
    """Rough units of ``currency`` to a US dollar (None: not known)."""
    return _PER_USD.get(currency or "USD")


_KIND_WORDS = {  # words that say which kind of number the writer had in mind
    NumberKind.TOKENS: re.compile(r"\btokens?\b", re.I),
    NumberKind.MONEY: re.compile(r"[$€£¥₹₩]|\b(?:usd|eur|gbp|dollars?|euros?)\b", re.I),
    NumberKind.PERCENT: re.compile(r"%|\bper\s?cent\b", re.I),
}
KEEP = "Type `yes` to keep it, or type the right value."


def doubt(question: Question, answer: Answer, others: Sequence[Question]) -> str | None:
    """One short question about ``answer``, or None when it looks right."""
    if answer.skipped or question.type is not QuestionType.NUMBER:
        return None
    return (
        _elsewhere(question, answer, others)
        or _tokens_counted(question, answer)
        or _outside(question, answer)
    )


def _tokens_counted(question: Question, answer: Answer) -> str | None:
    """ "50k tokens a day" at "how many agent runs a day": tokens are no runs, requests or
    calls; asked when no other question of the consultation claims them."""
    if question.kind is not NumberKind.COUNT or question.unit not in ("runs", "requests", "calls"):
        return None
    for q in scan(answer.raw):
        m = THINGS.match(answer.raw, q.end)
        if m and m["noun"].casefold().startswith("tok"):
            shown = answer.display(question)
            typed = answer.raw[q.start : m.end()].strip()
            return (
                f"I read {shown}, but you wrote “{typed}”: tokens are not {question.unit}. Is "
                f"{shown} right? {KEEP}"
            )
    return None


def _elsewhere(question: Question, answer: Answer, others: Sequence[Question]) -> str | None:
    shown = answer.display(question)
    for number, other in enumerate(others, 1):
        if other.key == question.key or other.type is not QuestionType.NUMBER:
            continue
        said = None
        pattern = _KIND_WORDS.get(other.kind) if other.kind else None
        differs = other.kind != question.kind and question.kind is not NumberKind.MONEY
        if differs and pattern and (m := pattern.search(answer.raw)):  # prices: "per M tokens"
            said = m.group(0)
        if said is None and not _names(question, answer.raw) and not _own_kind(question, answer):
            said = _names(other, answer.raw)
            if said and other.kind is NumberKind.MONEY and _SPENDS_TIME.search(answer.raw):
                said = None  # "2 engineers spend a quarter of their time on it": time, not money
            own = f"{question.text} {question.why} {question.example or ''}".casefold()
            if said and said.casefold() in own:  # "per million tokens" fits a price question
                said = None
        if said:
            return (
                f"I read {shown}, but you mention “{said}”, which sounds like question "
                f"{number} (“{other.text}”). Is {shown} right for this one? {KEEP}"
            )
    return None


_SPENDS_TIME = re.compile(
    r"\bspen(?:d|ds|t|ding)\s+(?:\w+\s+){0,5}?(?:(?:their|his|her|my|our|the)\s+)?"
    r"(?:time|hours?|days?|\d+\s*(?:h|hrs?|d)\b)",
    re.I,
)


def _own_kind(question: Question, answer: Answer) -> bool:
    """The answer says its figure is of the kind asked ("maybe 8-10k tokens"): a word of another
    question beside it ("20-40 min calls") is context, not that question's answer."""
    pattern = _KIND_WORDS.get(question.kind) if question.kind else None
    return pattern is not None and pattern.search(answer.raw) is not None


def _names(question: Question, text: str) -> str | None:
    m = first_named(question.names, text)
    return m.group(0) if m else None


def _outside(question: Question, answer: Answer) -> str | None:
    found = _out_of_band(question, answer)
    return found[1] if found else None


def doubted_part(question: Question, answer: Answer) -> str | None:
    """The part of a two-part figure outside its plausible range ("hardware" at $50)."""
    found = _out_of_band(question, answer)
    return (found[0] or None) if found else None


def _out_of_band(question: Question, answer: Answer) -> tuple[str, str] | None:
    """The first part (or "") outside its plausible range, and the question about it."""
    kind = question.kind
    rate = _PER_USD.get(answer.currency or "USD") if kind is NumberKind.MONEY else 1.0
    if rate is None:
        return None
    values = answer.numbers or ({"": answer.number} if answer.number is not None else {})
    for part, value in values.items():
        band = question.plausible_for(part or None)
        if band is None or (
            value == 0
            and answer.note
            and (part in question.part_none or answer.note == SELF_HOSTED)
        ):
            continue  # "we already own the GPUs", "it is our own GPU": none, the words said so
        low, high = band[0] * rate, band[1] * rate
        if low <= value <= high:
            continue
        shown = format_number(value, kind, answer.currency)
        usual = "–".join(format_number(x, kind, answer.currency) for x in (low, high))
        if value > high:
            times = value / high
            how = f"about {_times(times)} the top of" if times >= 2 else "above"
        else:
            how = _below(value / low)
        where = f" for {part}" if part else ""
        about = question.plausible_note or "the usual range"
        return part, f"I read {shown}{where} — {how} {about} ({usual}). Is that right? {KEEP}"
    return None


def _below(share: float) -> str:
    """How far under the low end, as people say it: "about 40% of", "about 1/25 of"."""
    if share >= 0.5:
        return "below"
    if share >= 0.1:
        return f"about {share * 100:.0f}% of the low end of"
    if share > 1e-6:
        return f"about 1/{_times(1 / share)[:-1]} of the low end of"
    return "far below"


def _times(ratio: float) -> str:
    if ratio < 10:
        return f"{ratio:.1f}×".replace(".0×", "×")
    return f"{float(f'{ratio:.2g}'):,.0f}×"
