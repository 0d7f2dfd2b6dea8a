"""The figure said to be the user's own among others: "1M on gemini, 128k on the one we
actually use" answers with 128k. Pure."""

from __future__ import annotations

import re

from consultations.answers.lexer import Quantity

_CLAUSE_END = re.compile(r"[,;(]|\s[-–—]\s|\b(?:but|while|whereas|though|although)\b", re.I)
_OURS = re.compile(
    r"\b(?:(?:the\s+)?one(?:s)?\s+we(?:'re|\s+are)?\s+(?:actually\s+|really\s+|currently\s+|"
    r"mostly\s+)?(?:use|using|run|running|on|have|pay for)"
    r"|we\s+(?:actually\s+|really\s+|currently\s+|mostly\s+)?(?:use|run|are\s+on)"
    r"|we(?:'re|\s+are)\s+(?:actually\s+|really\s+|currently\s+|mostly\s+)?(?:using|running|on)"
    r"|ours|our\s+(?:current\s+|own\s+|main\s+|actual\s+)?(?:model|one|setup|deployment|stack)"
    r"|in\s+production|in\s+prod)\b",
    re.I,
)


def _clause(text: str, q: Quantity) -> str:
    """The words around a figure up to the nearest comma, "but" or the like on each side."""
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, q.start)]
    end = _CLAUSE_END.search(text, q.end)
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


def our_figure(text: str, found: list[Quantity]) -> Quantity | None:
    """The one figure said to be what the user has ("…, 128k on the one we actually use",
    "gemini has 1M, ours is 128k"), when it is not the first; None else."""
    if len(found) < 2:
        return None
    ours = [q for q in found if _OURS.search(_clause(text, q))]
    return ours[0] if len(ours) == 1 and ours[0] is not found[0] else None
