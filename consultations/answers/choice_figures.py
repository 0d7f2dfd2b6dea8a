"""An option picked by a figure in its band: "under 300 ms" (a time), "100k+" (money),
"~2.000 past NDAs" (a count of things)."""

from __future__ import annotations

import re

from consultations.answers.foreign_words import foreign_numbers
from consultations.answers.lexer import Quantity, scan
from consultations.answers.units import SPELLED, TO_BASE, spelled_out
from consultations.scripts import NumberKind, Question

_UPPER = re.compile(  # German and French too: "unter 100 ms", "höchstens 1 s", "moins de 100 ms"
    r"\b(?:under|below|less than|within|at most|up to|no more than|max|unter|weniger als|"
    r"höchstens|maximal|innerhalb(?: von)?|bis|moins de|au plus|au maximum|en moins de|"
    r"sous)\s*$|<=?\s*$"
)
# after the number: "1 second p95", "2 s max", "500 ms or less" are limits too
_UPPER_AFTER = re.compile(r"^\s*(?:at\s+)?(?:p9\d|p99\.9|max(?:imum)?|tops|or (?:less|faster))\b")
_TO_BAND = TO_BASE  # the same units as typed numbers, to put a number in an option's band


def by_band(question: Question, folded: str) -> tuple[str, ...] | None:
    """ "under 300 ms" picks the option whose band holds 300 ms (an upper bound stays in it)."""
    if question.band is NumberKind.MONEY:
        return _by_amount(question, folded)
    table = _TO_BAND.get(question.band) if question.band else None
    if table is None:
        return None
    folded = spelled_out(  # "a sec"; "ein halber Tag", "deux heures"
        foreign_numbers(folded), SPELLED.get(question.band or NumberKind.COUNT, ())
    )
    for q in scan(folded):
        if q.unit not in table or len(q.readings) != 1:
            continue
        value = q.readings[0] / (q.scale if q.scale != 1 and q.unit else 1) * table[q.unit]
        upper = (
            _UPPER.search(folded[: q.start]) is not None
            or _UPPER_AFTER.match(folded[q.end :]) is not None
        )
        for c in question.choices:
            if c.range is None:
                continue
            low, high = c.range
            if (low < value <= high) if upper else (low <= value < high):
                return (c.value,)
    return None


_THING_AFTER = re.compile(r"\s*(?!(?:in|of|per|a|an|each|or|to|and|for|plus|or more)\b)[a-z]")


def _by_amount(question: Question, folded: str) -> tuple[str, ...] | None:
    """ "could cost a client 100k+" picks the option whose money band holds $100,000; a count
    of things ("200 customers", "2k users") is no amount."""
    for q in scan(folded):
        if q.unit is not None:
            continue
        if q.currency is None and (q.scale == 1 or _THING_AFTER.match(folded[q.end :])):
            continue
        readings = _by_convention(q)  # "1.500 €": 1,500, as an amount answer reads it
        bands = {
            c.value
            for c in question.choices
            for x in readings
            if c.range is not None and c.range[0] <= x < c.range[1]
        }
        if len(bands) == 1:  # "5.000 €" is 5 or 5,000: picked only when both fall in one band
            return (bands.pop(),)
    return None


def _by_convention(q: Quantity) -> tuple[float, ...]:
    """The readings the writer's digit convention leaves: "1.500 €" (European) is 1,500."""
    if len(q.readings) > 1 and q.convention == "eu":
        return (q.readings[-1],)
    if len(q.readings) > 1 and q.convention == "en":
        return (q.readings[0],)
    return q.readings


def by_count(question: Question, folded: str) -> tuple[str, str] | None:
    """ "~2.000 past NDAs", "15-20k tickets": the option whose count band holds the largest
    count of things typed, and that count said back (a range as typed); a bare figure ("yes,
    3") picks none."""
    if question.band is not NumberKind.COUNT:
        return None
    found = scan(folded)
    counts = [
        q
        for q in found
        if q.unit is None
        and q.currency is None
        and (q.scale > 1 or _THING_AFTER.match(folded[q.end :]) or _DASH.match(folded[q.end :]))
        and not _range_of_other(q, found, folded)  # "50-200 eur": money, not 50 of anything
    ]
    if not counts:
        return None
    top = max(counts, key=lambda q: max(q.readings))
    count = max(top.readings)
    band = next(
        (c.value for c in question.choices if c.range and c.range[0] <= count < c.range[1]), None
    )
    low = next((q for q in found if q.end <= top.start and _DASH.match(folded[q.end :])), None)
    shown = folded[low.start : top.end] if low else f"{count:,.0f}"  # "15-20k", "2,000"
    return (band, shown) if band else None


_DASH = re.compile(r"\s*[-–]\s*\d")


def _range_of_other(q: Quantity, found: list[Quantity], folded: str) -> bool:
    """``q`` is the low end of a range whose high end is an amount or has a unit."""
    if not _DASH.match(folded[q.end :]):
        return False
    high = next((o for o in found if o.start > q.end), None)
    return high is not None and (high.currency is not None or high.unit is not None)
