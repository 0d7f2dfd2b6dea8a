"""Money in an answer: amounts named per payee and added up, one currency for all of an
answer's amounts (money typed where something else is asked: :mod:`.misplaced`). Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity
from consultations.answers.model import AnswerError
from consultations.answers.money import CURRENCY_WORDS, currency_code
from consultations.answers.vendors import MODEL_WORDS
from consultations.scripts import NumberKind, Question

_PAYEE = re.compile(
    r"\s*(?:/\s*mo(?:nth)?|a month|per month|monthly)?\s*(?:on|for|with|to|at|via)\s+[a-z]", re.I
)


def per_payee(text: str, found: list[Quantity]) -> list[Quantity]:
    """Amounts each spent on something named ("$8k on OpenAI and $4k on Anthropic", "OpenAI
    5k, Anthropic 3k") at a question asking for them all together: one figure, added up and
    said back."""
    rates = {q.rate for q in found} - {None}  # "8k/mo on openai, 4k on claude": one rate
    after = all(_PAYEE.match(text, q.end) for q in found)
    ends = [0, *(q.end for q in found)]
    before = all(_vendor_before(text[end : q.start]) for end, q in zip(ends, found, strict=False))
    if (
        len(found) < 2
        or len(rates) > 1
        or not (after or before)
        or len(currencies := {q.currency for q in found} - {None}) > 1
        or not all(len(q.readings) == 1 and q.unit is None for q in found)
    ):
        return found
    total = sum(q.readings[0] for q in found)
    said = " + ".join(typed_figure(text, q) for q in found) + " added up"
    rate = next(iter(rates), None)
    currency = next(iter(currencies), None)  # "OpenAI: $8,000 … Mistral: ~1.2k": dollars too
    return [
        replace(
            found[0], readings=(total,), end=found[-1].end, rate=rate, note=said, currency=currency
        )
    ]


_NAME_BEFORE = re.compile(  # "OpenAI 5k", ", Anthropic: ~3k", "and azure about 2k"
    r"^\s*(?:/\s*mo(?:nth)?|a month|per month|monthly)?\s*(?:[,;+&/]|\band\b|\bplus\b)?"
    r"\s*(?P<name>[a-z][\w.-]*)(?:\s+[a-z][\w.-]*){0,2}"
    r"\s*(?:\([^()]{0,30}\))?\s*[:=-]?\s*(?:~|about|around|roughly|approx\.?)?\s*[$€£¥]?\s*$",
    re.I,
)


def _vendor_before(words: str) -> bool:
    """The words before an amount are a model vendor's name ("OpenAI", "claude 3.5")."""
    m = _NAME_BEFORE.match(words)
    return m is not None and re.split(r"[-\d.]", m["name"].casefold(), maxsplit=1)[0] in MODEL_WORDS


def typed_figure(text: str, q: Quantity) -> str:
    """A figure as typed, its currency sign included."""
    start = q.start - 1 if q.start and text[q.start - 1] in "$€£¥" else q.start
    return text[start : q.end].strip()


def currency_of(question: Question, text: str, found: list[Quantity]) -> str | None:
    if question.kind is not NumberKind.MONEY:
        return None
    codes = {q.currency for q in found if q.currency}
    codes |= {currency_code(m.group(0)) for m in CURRENCY_WORDS.finditer(text)}
    if len(codes) > 1:
        raise AnswerError(
            f"You wrote amounts in {' and '.join(sorted(codes))}; which one should the report "
            "use? Please give all the amounts in one currency."
        )
    return codes.pop() if codes else None
