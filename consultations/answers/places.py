"""Places listed where something will happen: "US and Europe", "EU/US" name two. Pure."""

from __future__ import annotations

import re

_JOINED = re.compile(r"\s+(?:and|und|et|&)\s+|\s*/\s*", re.I)
_CAPITAL = "[A-ZÀ-ÖØ-Þ]"  # "Österreich", "Émirats" too
_PLACE = re.compile(rf"(?:the\s+)?{_CAPITAL}[\w.-]*(?:\s+{_CAPITAL}[\w.-]*){{0,2}}")  # "New York"


def places_apart(items: list[str]) -> list[str]:
    """ "US and Europe", "US/EU": each place an item of its own; other items as they are."""
    out: list[str] = []
    for item in items:
        pieces = _JOINED.split(item.strip())
        out += pieces if len(pieces) > 1 and all(_PLACE.fullmatch(p) for p in pieces) else [item]
    return out
