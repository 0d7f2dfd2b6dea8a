"""Two things joined by one "and": "invoice matching and contract review" names two workflows;
"sales and marketing docs", "chunk and embed contracts", "RAG over help docs and release notes"
and "terms and conditions review" each name one."""

from __future__ import annotations

import re
from collections.abc import Callable

_AND = re.compile(r"\s+and\s+", re.I)
# words that make a side a clause or a phrase sharing the other side, not a name of its own
_NOT_A_NAME = frozenset(
    [
        "we",
        "i",
        "you",
        "they",
        "it",
        "its",
        "them",
        "those",
        "these",
        "then",
        "also",
        "so",
        "but",
        "which",
        "that",
        "this",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "not",
        "no",
        "just",
        "only",
        "still",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "be",
        "been",
        "for",
        "of",
        "over",
        "from",
        "on",
        "in",
        "with",
        "into",
        "against",
        "to",
        "across",
        "about",
        "by",
        "at",
        "per",
        "via",
        "between",
    ]
)
_LONGEST = 4  # words a side may have: a longer one is a sentence, not a name


def two_named(part: str, doing: Callable[[str], bool]) -> list[str]:
    """``part`` as two items where one " and " joins two names of two to four words each,
    neither a clause ("it failed"), a preposition's objects ("over help docs and …") or a
    step of a pipeline (``doing``: "chunk contracts and embed them")."""
    pieces = _AND.split(part.strip())
    if len(pieces) != 2 or "(" in part or ")" in part:
        return [part]
    sides = [p.split() for p in pieces]
    if any(not 2 <= len(words) <= _LONGEST or doing(words[0]) for words in sides):
        return [part]
    if any(w.casefold().strip(".,;:!?") in _NOT_A_NAME for words in sides for w in words):
        return [part]
    return pieces
