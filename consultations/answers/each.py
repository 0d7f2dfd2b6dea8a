"""A figure given per thing with the number of things beside it: "about 2.500 € per month per
client, we have 12 clients" is €2,500 or €30,000 — asked, never one taken silently."""

from __future__ import annotations

import re

from consultations.answers.model import Answer, format_number
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
