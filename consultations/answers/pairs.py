"""Two things joined by one "and": "invoice matching and contract review" and "customs
declarations for EU imports and dispatch planning for our trucks" name two workflows; "sales
and marketing docs", "chunk and embed contracts", "RAG over help docs and release notes" and
"terms and conditions review" each name one; "accounts payable and receivable reconciliation"
names two reconciliations."""

from __future__ import annotations

import re
from collections.abc import Callable

_AND = re.compile(r"\s+(?:and|und|et)\s+", re.I)
_COMPOUND = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{9,}")  # "Rechnungsprüfung": a German name, one word
_WORD = re.compile(r"[^\w&'-]+")
# words that make a side a clause, not a name: "we tried invoice matching and it failed"
_CLAUSE_WORDS = re.compile(
    r"^(?:we|i|you|they|it|its|them|those|these|then|also|so|but|which|that|this|is|was|are|"
    r"were|has|have|had|not|no|just|only|still|do|does|did|can|could|will|would|be|been)$",
    re.I,
)
_PREPOSITION = re.compile(
    r"^(?:for|of|over|from|on|in|with|into|against|to|across|about|by|at|per|via|between)$",
    re.I,
)
_LONGEST = 4  # words a side may have before any preposition: more is a sentence, not a name


def two_named(part: str, doing: Callable[[str], bool]) -> list[str]:
    """``part`` as two items where one " and " joins two names, each of two to four words
    (and what follows a preposition of its own), neither a clause ("it failed"), a step of a
    pipeline (``doing``: "chunk contracts and embed them"), nor a second object of the first
    one's preposition ("RAG over help docs and release notes")."""
    pieces = _AND.split(part.strip())
    if len(pieces) != 2 or "(" in part or ")" in part:
        return [part]
    sides = [[w for w in _WORD.split(p) if w] for p in pieces]
    if any(_CLAUSE_WORDS.match(w) for words in sides for w in words):
        return [part]
    if all(len(words) == 1 and _COMPOUND.fullmatch(words[0]) for words in sides):
        return pieces  # "Rechnungsprüfung und Vertragsprüfung": two
    heads = [_head(words) for words in sides]  # the words before a preposition
    if any(not 2 <= len(head) <= _LONGEST or doing(head[0]) for head in heads):
        return [part]
    left_has, right_has = (len(head) < len(words) for head, words in zip(heads, sides, strict=True))
    if left_has and not right_has:
        return [part]
    return _shared_head(*sides) or pieces


# the endings of words that describe a noun: "payable and receivable", "inward and outward"
_DESCRIBING = ("able", "ible", "ive", "ary", "ory", "ous", "ic", "ern", "ward", "bound")


def _shared_head(left: list[str], right: list[str]) -> list[str] | None:
    """ "accounts payable and receivable reconciliation": two words alike ("payable",
    "receivable") share the words before and after them, so two items each whole ("accounts
    payable reconciliation", "accounts receivable reconciliation"); None when they are not."""
    a, b = left[-1].casefold(), right[0].casefold()
    alike = next((e for e in _DESCRIBING if a.endswith(e) and b.endswith(e)), None)
    if alike is None or min(len(a), len(b)) < len(alike) + 3 or len(right) < 2:
        return None
    return [" ".join(left + right[1:]), " ".join(left[:-1] + right)]


def _head(words: list[str]) -> list[str]:
    return next((words[:i] for i, w in enumerate(words) if _PREPOSITION.match(w)), words)
