"""A figure given for all of the things a question asks about each of: "2 days total for all
3" at "engineer-days a month for each extra vendor" is 2 days in total, not 2 each, and the 3
is how many things it is spread over, not a second figure. Pure."""

from __future__ import annotations

import re

from consultations.answers.lexer import COUNT_WORDS
from consultations.scripts import Question

_COUNT = rf"(?:\d{{1,3}}|{COUNT_WORDS}|both)"
_SPREAD = (
    re.compile(  # "for all 3", "across the 4 vendors", "between both", "for all three of them"
        rf"\b(?:for|across|between|among(?:st)?|over)\s+(?:all\s+)?(?:the\s+|of\s+the\s+)?"
        rf"(?P<n>{_COUNT})\b(?:\s+of\s+them|\s+[a-z]+s\b)?",
        re.I,
    )
)
IN_TOTAL = re.compile(
    r"\b(?:in total|total|across (?:all|them|the board)|all together|altogether|combined|"
    r"for all(?: of them)?|overall|for (?:all )?(?:both|the lot)|"
    r"(?:split|shared|spread|divided)\s+(?:across|between|over|among))\b",  # "1 FTE split across 3"
    re.I,
)
_EACH_THING = re.compile(r"\beach\s+(?:extra\s+|additional\s+|other\s+)?(?P<thing>[a-z]+)", re.I)


def in_total(question: Question, text: str) -> tuple[str, str | None]:
    """The text with the count of things a total is spread over blanked out, and what is said
    back ("in total for all 3, not per vendor"); the text as typed and None unless the
    question asks per thing and the words say the figure is for them all."""
    each = _EACH_THING.search(question.text)
    if each is None or not IN_TOTAL.search(text):
        return text, None
    thing = each.group("thing")
    spread = _SPREAD.search(text)
    if spread is None:
        return text, f"in total, not per {thing}"
    blank = text[: spread.start("n")] + " " * len(spread.group("n")) + text[spread.end("n") :]
    n = spread.group("n")
    spread_over = "both" if n.casefold() == "both" else f"all {n}"
    return blank, f"in total for {spread_over}, not per {thing}"
