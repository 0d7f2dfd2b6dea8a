"""List answers: one item a line, or separated by semicolons or commas outside parentheses."""

from __future__ import annotations

import re

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2023\u25e6]|\d{1,2}[.)])\s+")


def split_list(text: str) -> list[str]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > 1:
        parts = lines
    elif ";" in text:
        parts = text.split(";")
    else:
        parts = _split_commas(text)
    seen: dict[str, str] = {}
    for part in parts:
        item = _BULLET.sub("", part).strip(" \t.,;")
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return list(seen.values())


def _split_commas(text: str) -> list[str]:
    """Split on commas outside parentheses, and on a final ', and' / ' and ' only after commas."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    if len(parts) > 1:
        last = re.sub(r"^\s*and\s+", "", parts[-1])
        parts[-1] = last
    return parts
