"""Where a text names a question: one of its names as a whole word (neither a letter, a digit,
``_`` nor ``-`` on either side), case-insensitive. Patterns are compiled once per name, and a
text is first searched once for any of a question's names, which is what most answers need:
none of them is there."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache


@lru_cache(maxsize=4096)
def _one(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)


@lru_cache(maxsize=1024)
def _any(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


def first_named(names: Sequence[str], text: str) -> re.Match[str] | None:
    """The match of the first of ``names`` (in their order) that ``text`` names, or None.
    Any one of them matching is exactly when the alternation of them all matches somewhere."""
    if not names or _any(tuple(names)).search(text) is None:
        return None
    for name in names:
        if m := _one(name).search(text):
            return m
    return None
