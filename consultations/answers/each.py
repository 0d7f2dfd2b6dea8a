"""A figure given per thing with the number of things beside it: "about 2.500 € per month per
client, we have 12 clients" is €2,500 or €30,000 — asked, never one taken silently."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity, scan
from consultations.answers.model import Answer, format_number
from consultations.answers.people import SHARE_OF_TIME
from consultations.answers.rates import WORDS, a_unit
from consultations.scripts import NumberKind

_NOT_THINGS = {  # periods and scales are not things one has a count of
    *("second", "minute", "hour", "day", "week", "month", "quarter", "year", "annum"),
    *("hundred", "thousand", "million", "billion"),
}
_PER = re.compile(r"\b(?:per|each|for each|a|an)\s+(?P<noun>[a-z]{3,})\b", re.I)


def per_each(kind: NumberKind | None, answer: Answer, text: str) -> Answer | None:
    """``answer`` multiplied by the count of the thing it is given per, when the text names
    both ("per client" and "12 clients"); None otherwise."""
    if answer.number is None or (answer.note and "×" in answer.note):  # "2 GPUs at $5k each"
        return None
    for m in _PER.finditer(text):
        noun = m.group("noun").casefold().rstrip("s")
        if noun in _NOT_THINGS:
            continue
        count = re.search(
            rf"\b(\d{{1,6}})\s+(?:of\s+)?(?:our\s+|the\s+)?{re.escape(noun)}(?:s|es)?\b",
            text,
            re.I,
        )
        if count is None or int(count.group(1)) < 2:
            continue
        n = int(count.group(1))
        note = f"{format_number(answer.number, kind, answer.currency)} per {noun} × {n} {noun}s"
        return answer.model_copy(update={"number": answer.number * n, "note": note})
    return None


_AT = re.compile(r"\s*(?:at|@|costing|for|on)(?:\s+(?:about|around|roughly|~))?\s*$", re.I)
_EACH_AFTER = re.compile(
    r"\b(?:each|apiece|per (?:head|person|engineer|dev|developer|fte|month each)|a head)\b", re.I
)
_ALL_AFTER = re.compile(
    r"\b(?:in total|total|all in|altogether|all together|combined|for both)\b", re.I
)


def staff_priced(answer: Answer, text: str) -> tuple[Answer, bool] | None:
    """ "2 engineers at $10k a month": $10,000 for them all or $20,000, $10,000 each. With
    "each" the product, with "in total" the figure, both said back (True: sure); without
    either, the product as a second reading to ask about (False)."""
    if answer.number is None:
        return None
    found = scan(text)
    for staff, paid in zip(found, found[1:], strict=False):
        n = staff.readings[0]
        if staff.unit != "fte" or n < 2 or n != round(n) or paid.unit is not None:
            continue
        between = text[staff.end : paid.start].rstrip("$€£¥ ")
        share = SHARE_OF_TIME.match(between)  # "3 people half time at 6k each"
        if not _AT.fullmatch(between[share.end() :] if share else between):
            continue
        people, after = staff.text.strip(), text[paid.end :]
        shown = format_number(answer.number, NumberKind.MONEY, answer.currency)
        if _ALL_AFTER.search(after):
            note = f"{shown} in total for the {people}"
            return answer.model_copy(update={"note": _joined(answer.note, note)}), True
        note = f"{people} × {shown} each"
        each = answer.model_copy(
            update={"number": answer.number * n, "note": _joined(answer.note, note)}
        )
        return each, bool(_EACH_AFTER.search(after))
    return None


def _joined(*notes: str | None) -> str:
    return "; ".join(n for n in notes if n)


_TIMES = {"h": "an hour", "d": "a day", "w": "a week"}


def time_priced(found: list[Quantity]) -> list[Quantity]:
    """ "10 hours a week of my time, I bill 150/h": the time times its price, per the time's
    own period (1,500 a week), said back; unchanged when no time and price per that time."""
    time = next((q for q in found if q.unit in _TIMES and q.rate and len(q.readings) == 1), None)
    price = next((q for q in found if time and q.unit is None and q.rate == time.unit), None)
    if time is None or price is None:
        return found
    # "1.500€/hour": 1,500 (three decimals on money an hour are a thousands separator)
    total = time.readings[0] * max(price.readings)
    period = a_unit(WORDS[time.rate or "w"])
    said = (
        f"{time.text.strip()} {period} × {price.text.strip()} {_TIMES[time.unit or 'h']} = "
        f"{total:,.0f} {period}"
    )
    priced = replace(price, readings=(total,), rate=time.rate, note=said)
    return [priced if q is price else q for q in found if q is not time]
