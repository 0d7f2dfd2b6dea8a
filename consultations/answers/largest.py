"""The largest of figures given each for its own thing, where the question asks for the most
valuable ("40-60k for claims, invoices ~8k" at "What would the most valuable be worth?"): not
the first one with the others "left out", and not their sum. Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.amounts import typed_figure
from consultations.answers.lexer import Quantity, scan
from consultations.answers.rates import WORDS, a_unit, rate_around

# a comma or point between digits is a thousands separator ("6.000", "30,000"), no cut
_CLAUSE = re.compile(r"(?<!\d)[;,]|[;,](?!\d)|\s+(?:and|but|while|whereas|plus)\s+", re.I)
_LABEL = re.compile(r"[^\W\d_]{3,}")
_NOT_A_LABEL = {  # words beside a figure that name no thing of its own
    *("about", "around", "roughly", "approx", "approximately", "maybe", "perhaps", "probably"),
    *("max", "min", "least", "most", "tops", "like", "say", "guess", "think", "estimate"),
    *("month", "monthly", "mth", "year", "yearly", "annual", "annually", "week", "weekly"),
    *("day", "daily", "per", "the", "for", "each", "and", "with", "worth", "value", "saved"),
    *("usd", "eur", "gbp", "euro", "euros", "dollar", "dollars", "bucks", "pounds", "savings"),
    *("ca", "circa", "etwa", "environ", "monat", "mois", "pro", "par", "für", "pour"),
}


def largest_named(text: str, found: list[Quantity]) -> Quantity | None:
    """Of two or more figures, each in its own clause with a word naming what it is for, the
    largest, said back with the others; None otherwise ("15-20k, maybe 6k" names nothing)."""
    if not _each_named(text, found):
        return None
    top = max(found, key=lambda q: max(q.readings))
    others = " and ".join(f"“{typed_figure(text, q)}”" for q in found if q is not top)
    said = f"the largest, as the most valuable; {others} for another one"
    return replace(top, note="; ".join(filter(None, [top.note, said])))


def _each_named(text: str, found: list[Quantity]) -> bool:
    """Two or more figures, each in a clause of its own with a word naming what it is for."""
    if len(found) < 2:
        return False
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(text)), len(text) + 1]
    spans = list(zip(cuts, cuts[1:], strict=False))
    clause_of = [next((i for i, (a, b) in enumerate(spans) if a <= q.start < b), -1) for q in found]
    if len(set(clause_of)) != len(found):
        return False
    for q, i in zip(found, clause_of, strict=True):
        a, b = spans[i]
        words = text[a:b].replace(q.text, " ")
        if not any(w.casefold() not in _NOT_A_LABEL for w in _LABEL.findall(words)):
            return False
    return True


def period_shared(text: str) -> tuple[str, str | None]:
    """ "invoices 140.000 EUR/yr, refunds 30k, slotting 1,5 Mio €": figures each for its own
    thing, one given per a period and the others bare, are all per that period. The text with
    the period written after each bare figure, and a note that says so (None: unchanged)."""
    found = [q for q in scan(text) if q.unit is None and (q.currency or q.scale > 1)]  # amounts
    if not _each_named(text, found):
        return text, None
    rates = [rate_around(text, q.start, q.end) for q in found]
    said = {r for r in rates if r is not None}
    if len(said) != 1 or None not in rates:
        return text, None
    rate = a_unit(WORDS[said.pop()])
    bare = [q for q, r in zip(found, rates, strict=True) if r is None]
    for q in reversed(bare):
        text = f"{text[: q.end]} {rate}{text[q.end :]}"
    figures = " and ".join(f"“{q.text.strip()}”" for q in bare)
    return text, f"{figures} read as {rate} too, the period you gave beside them"
