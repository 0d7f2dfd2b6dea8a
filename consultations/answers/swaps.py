"""One item swapped for another: "scratch that: gemini instead of claude", "Gemini statt
Claude" — in the list typed, or after it, the item named second is replaced by the first."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SWAP = re.compile(
    r"^\s*(?:(?:actually|sorry|oops|wait|no|scratch that|i mean|i meant|eigentlich|en fait|ach|"
    r"pardon|correction)\b[\s,:;.!\-–—]*)*"
    r"(?:(?:we|i)\s+(?:now\s+)?(?:use|run|have|went with|switched to)\s+|use\s+|"
    r"(?:wir\s+)?(?:nutzen|verwenden)\s+|(?:nous\s+)?utilisons\s+)?"
    r"(?P<new>\S.*?)\s+(?:instead of|rather than|in place of|statt|anstatt|anstelle von|"
    r"au lieu de|à la place de)\s+(?P<old>\S.*?)[\s.!]*$",
    re.I,
)


def swapped(items: Sequence[str], said: str) -> tuple[tuple[str, ...], str] | None:
    """``items`` with the one ``said`` replaces put right, and that said back; None when
    ``said`` swaps nothing listed."""
    m = _SWAP.match(said)
    if m is None:
        return None
    old, new = m.group("old").strip(" ,.").casefold(), m.group("new").strip(" ,.")
    hit = next(
        (
            i
            for i, x in enumerate(items)
            if x.casefold() == old or x.casefold().startswith(old + " ")
        ),
        None,
    )
    if hit is None or any(x.casefold() == new.casefold() for x in items):
        return None
    kept = items[hit][len(old) :]  # "claude for code": "gemini for code"
    out = (*items[:hit], new + kept, *items[hit + 1 :])
    return out, f"“{items[hit]}” replaced by “{new}” as you said"
