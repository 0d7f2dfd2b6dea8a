"""Prices per token as people give them: "$0.0025 per 1k tokens", "0,25 ct per 1k", "$0.000003
per token" — restated per million tokens, as the questions ask, and said back."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity
from consultations.answers.model import format_number
from consultations.scripts import NumberKind

PER_MILLION = re.compile(r"\bper million (?:[a-z]+ )?tokens\b", re.I)
_PER_TOKEN = re.compile(r"\s*(?:per|/|an?|each)\s*(?:input\s+|output\s+)?token\b", re.I)


def _per_unit(price: Quantity, tokens: float, said: str, per: float) -> Quantity:
    """A price per ``tokens`` tokens (``said`` as typed) restated per million, said back."""
    factor = per / tokens
    readings = tuple(r * factor for r in price.readings)
    shown = format_number(readings[0], NumberKind.MONEY, price.currency)
    typed = price.text.strip()
    if price.currency and not any(ch in typed for ch in "$€£¥₹₩") and price.currency not in typed:
        typed = f"{typed} {price.currency}"
    note = f"{typed} per {said} is {shown} per million tokens"
    return replace(price, readings=readings, note=note)


def per_million(text: str, found: list[Quantity], per: float | None) -> list[Quantity]:
    """The figures that are prices, per million tokens; a "per 1M"/"per 1k" is no figure."""
    kept: list[Quantity] = []
    own = 0  # the figures before this one that already had their own "per 1k"
    unit: Quantity | None = None  # the last "per 1k" said
    for i, q in enumerate(found):
        if not _denominator(text, q, found[:i]):
            kept.append(q)
        elif per and kept and q.readings[0] != per:  # "$0.0025 per 1k tokens", "0,25 ct / 1k"
            last = i == len(found) - 1  # "0.3 ct / 1.5 ct per 1k": one "per 1k" for both
            for j in range(own if last else len(kept) - 1, len(kept)):
                kept[j] = _per_unit(kept[j], q.readings[0], f"{q.text.strip()} tokens", per)
            own, unit = len(kept), q
        elif kept:
            own, unit = len(kept), None
    if per and unit is not None:  # "0,25 ct per 1k tokens in, 1 ct out": the same "per 1k"
        for j in range(own, len(kept)):
            kept[j] = _per_unit(kept[j], unit.readings[0], f"{unit.text.strip()} tokens", per)
    if per:  # "$0.000003 per token": per million
        kept = [
            _per_unit(q, 1.0, "token", per) if _PER_TOKEN.match(text, q.end) else q for q in kept
        ]
    return kept


def _denominator(text: str, q: Quantity, before: list[Quantity]) -> bool:
    """ "$3 per 1M tokens", "per million": the unit of a price, not an answer."""
    lead = text[: q.start].rstrip()
    unit_like = q.scale > 1 and q.readings[0] == q.scale
    per = lead.casefold().endswith(("per", "pro", "par", "je"))  # German, French too
    return bool(before) and (per or lead.endswith("/") and unit_like)
