"""Things times what each brings: "1.5M player sessions a month, about 40 NPC lines per
session" is 60M lines, the requests; the 1.5M alone counts sessions. Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity

_HEAD = re.compile(r"[^\W\d_]{3,}")
_PER = re.compile(  # "NPC lines per session", "model calls per order", "each order"
    r"\s*(?:[^\W\d_][\w-]*\s+){0,3}?(?:per|each|every)\s+(?P<n>[^\W\d_]{3,})\b", re.I
)
_TIMES = {"second", "minute", "hour", "day", "week", "month", "quarter", "year", "user"}


def _one(word: str) -> str:
    word = word.casefold()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def per_named_thing(found: list[Quantity], text: str, unit: str | None) -> list[Quantity]:
    """Two plain counts, the second "per" a thing the first counts: their product, said back,
    in the first's period ("… a month"); not when the first already counts the question's
    ``unit`` ("5M requests, 3 retries per request": 5M requests)."""
    if len(found) != 2:
        return found
    things, each = found
    plain = all(q.unit is None and q.currency is None and len(q.readings) == 1 for q in found)
    if not plain or each.rate is not None:
        return found
    head = re.split(r"[,;(]", text[things.end : each.start])[0]
    named = {_one(w) for w in _HEAD.findall(head)}
    per = _PER.match(text, each.end)
    if per is None or _one(per["n"]) in _TIMES or _one(per["n"]) not in named:
        return found
    if unit and _one(unit) in named:
        return found
    first = text[things.start : things.end + len(head)].strip()
    said = f"{first} × {text[each.start : per.end()].strip()}"
    return [replace(things, readings=(things.readings[0] * each.readings[0],), note=said)]
