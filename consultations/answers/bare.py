"""An answer, or a list item, that is only a figure ("18k EUR per month", "half a day",
"20k runs a day", "3 engineers", "20 agents") or a wait ("ein paar Stunden sind ok"): an
answer to another question typed at a list of names."""

from __future__ import annotations

import re

from consultations.answers.lexer import scan
from consultations.answers.units import THINGS

_LEFT = re.compile(  # what may stand around a figure: hedges, periods, what is counted, marks
    r"(?:roughly|approx(?:imately|\.)?|about|around|circa|ca\.?|maybe|like|max(?:imum)?|"
    r"min(?:imum)?|up to|tops|at most|at least|ish|or so|tbh|each|per|a|an|the|in total|total|"
    r"all in|month(?:ly)?|mo|monat(?:lich)?|year(?:ly)?|yr|jahr|week(?:ly)?|day|daily|tag|"
    r"runs?|calls?|requests?|tokens?|in|out|usd|eur|dollars?|euros?|we|pay|paying|spend|"
    r"spending|spent|costs?|is|it's|its|pro|woche|wöchentlich|täglich|im|am|je|par|jour|semaine|so|etwa|rund|"
    r"einsatz|betrieb|in use|in production|live|running|"
    r"fine|ok|okay|alright|acceptable|enough|are|sind|ist|est|sont|reicht|geht|gut|"  # a verdict
    r"can|could|wait|warten|können|attendre|"  # "we can wait a few hours"
    r"[$€£¥~≈+/.,;:!?()\s-])*",
    re.I,
)


_TIME = re.compile(  # a wait in words: "a few hours", "ein paar Stunden", "quelques heures"
    r"(?<![\w-])(?:(?:a\s+)?few|a\s+couple(?:\s+of)?|couple\s+of|some|several|ein\s+paar|paar|"
    r"einige|mehrere|quelques|plusieurs)?\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs|days?|"
    r"weeks?|sekunden|minuten|stunden|tagen?|wochen|secondes?|heures?|jours?|semaines?)(?![\w-])",
    re.I,
)
_DIGITS = re.compile(r"[~≈]?\s*\d[\d.,'\s\u00a0\u202f]*")  # "2.500.000", "1 200", "40"


def figure_only(item: str) -> bool:
    """Money, a duration or a headcount, or digits alone, and nothing that names anything."""
    if _DIGITS.fullmatch(item.strip()):
        return True
    if _TIME.search(item) and _LEFT.fullmatch(_TIME.sub(" ", item)):  # "paar Stunden sind ok"
        return True
    found = scan(item)
    counted = [THINGS.match(item, q.end) for q in found]  # "20 agents", "~100 runs each"
    named = zip(found, counted, strict=True)
    if not any(q.currency or q.unit or q.scale != 1 or c for q, c in named):
        return False  # "gpt-4o", "llama 3 70b", "Q3 2025": digits inside names
    rest, at = [], 0
    for q, c in zip(found, counted, strict=True):
        rest.append(item[at : q.start])
        at = c.end() if c else q.end
    rest.append(item[at:])
    return all(_LEFT.fullmatch(piece) for piece in rest)
