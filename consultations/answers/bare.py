"""A list item that is only a figure ("18k EUR per month", "half a day", "3 engineers"): an
answer to another question typed at a list of names, not a name."""

from __future__ import annotations

import re

from consultations.answers.lexer import scan

_LEFT = re.compile(  # what may stand around a figure: hedges, periods, per-unit words, marks
    r"(?:roughly|approx(?:imately|\.)?|about|around|circa|ca\.?|maybe|max(?:imum)?|min(?:imum)?|"
    r"tops|at most|at least|ish|or so|tbh|each|per|a|an|the|in total|total|all in|"
    r"month(?:ly)?|mo|monat(?:lich)?|year(?:ly)?|yr|jahr|week(?:ly)?|day|daily|tag|"
    r"[$€£¥~≈+/.,;:!?()\s-])*",
    re.I,
)


def figure_only(item: str) -> bool:
    """Money, a duration or a headcount and nothing that names anything."""
    found = scan(item)
    if not any(q.currency or q.unit or q.scale != 1 for q in found):
        return False  # "gpt-4o", "llama 3 70b", "Q3 2025": digits inside names
    rest, at = [], 0
    for q in found:
        rest.append(item[at : q.start])
        at = q.end
    rest.append(item[at:])
    return all(_LEFT.fullmatch(piece) for piece in rest)
