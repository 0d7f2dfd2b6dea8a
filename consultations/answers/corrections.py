"""Corrections typed at any time: "actually it's 8 million requests a month, not 5",
"change the volume to 8M", "requests: 8M". Pure: finds which earlier question is meant and
the words to read as its new answer; the engine decides whether they read."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from consultations.answers.naming import first_named
from consultations.scripts import Question, QuestionType

_CUE = re.compile(  # "hmm, actually …": a filler before the cue too
    r"^\s*(?:(?:hmm+|um+|uh+|oh+|ah+|ok(?:ay)?|well|erm?)\b[\s,.!]*)*"
    r"(?:actually|correction|sorry|oops|wait|no|nope|i meant|i mean|make (?:that|it)|"
    r"change|set|update|fix|correct|let me correct)\b[\s,:;.!\-–—]*",
    re.I,
)
NOT_CLAUSE = re.compile(  # "…, not 5": the figure taken back
    r"[,;]?\s*(?:and\s+|but\s+)?\b(?:not|instead of|rather than)\s+(?:[^,;.]|\.(?=\d))*",
    re.I,
)
_ASSIGN = re.compile(
    r"^\s*(?:should be|is|are|was|were|to|=|:|at|of|costs?|went to|goes to|rose to|fell to|"
    r"dropped to|grew to|became|becomes)\s*(?:now\s+|actually\s+|only\s+|just\s+)?"
    r"(?P<rest>.+)$",
    re.I,
)
_WHAT_IF = re.compile(  # "what if the volume was only 5M": the report's what-if, said in words
    r"^\s*(?:(?:and|but|ok|okay|so)[\s,]+)?(?:what if|what about|how about|if|suppose|"
    r"supposing|let'?s say|say|try)\b[\s,:;]*",
    re.I,
)


@dataclass(frozen=True)
class Correction:
    key: str
    text: str  # the words to read as the new answer
    add: bool = False  # the words add items to a list answer ("we also use Cohere")


_ADDED = re.compile(  # "we also use Cohere for embeddings", "add Gemini", "plus Cohere"
    r"(?:^|[,;.]|\band\b)\s*(?:(?:we|i)\s+)?(?:also\s+(?:use|have|run|call|got|need)|"
    r"(?:forgot|missed)(?:\s+to\s+(?:mention|list|add))?|add|plus|there'?s\s+also)\s+"
    r"(?P<items>[^.;]+)",
    re.I,
)


def names_of(q: Question) -> tuple[str, ...]:
    return (*q.names, q.key.replace("_", " "))


def _matchable(q: Question) -> tuple[str, ...]:
    """Names a correction can use; short key words ("use", "role") are too common to count."""
    return tuple(n for n in names_of(q) if n in q.names or len(n) >= 5)


def find_correction(
    questions: Sequence[Question], answered: Collection[str], current: str | None, text: str
) -> Correction | None:
    """The earlier question ``text`` plainly corrects, or None (then it answers ``current``)."""
    cue = _CUE.match(text) or _WHAT_IF.match(text)
    body = text[cue.end() :] if cue else text
    hits = []
    for q in questions:
        if q.key not in answered or q.key == current:
            continue
        if m := _named(q, body):
            hits.append((q, m))
    if len(hits) != 1:
        return None
    q, m = hits[0]
    if q.type is QuestionType.LIST and cue and (added := _ADDED.search(body)):
        return Correction(q.key, added.group("items").strip(" ,;."), add=True)
    assign = _ASSIGN.match(body[m.end() :])
    if cue is None and not (assign and m.start() <= 4):  # "the volume is 8M", "requests: 8M"
        return None
    if assign is None and q.type not in (QuestionType.NUMBER, QuestionType.CHOICE):
        return None  # free text that merely mentions a topic is an answer, not a correction
    words = assign.group("rest") if assign else body
    words = NOT_CLAUSE.sub("", words).strip(" ,;.")
    return Correction(q.key, words) if words else None


_POINTING = re.compile(r"^\s*(?:i meant|i mean|make (?:that|it))\b", re.I)
_LEAD = re.compile(
    r"^\s*(?:(?:it|that)(?:'s| is| was| should be| to)?|should be|to)\s+(?:be\s+)?", re.I
)


def back_reference(text: str) -> tuple[str, bool] | None:
    """The words of a correction that names no question ("wait, I meant 3 million"), and
    whether it plainly points back at the last answer ("I meant", "make that") rather than
    merely opening with a cue word ("sorry", "actually") that a fresh answer may also start with.
    None when ``text`` opens with no cue at all."""
    rest, cued, pointing = text, False, False
    while cue := _CUE.match(rest):
        cued, pointing = True, pointing or bool(_POINTING.match(rest))
        rest = rest[cue.end() :]
    if not cued:
        return None
    rest = _LEAD.sub("", rest)
    words = NOT_CLAUSE.sub("", rest).strip(" ,;.")
    return (words, pointing) if words else None


def _named(q: Question, text: str) -> re.Match[str] | None:
    return first_named(sorted(_matchable(q), key=len, reverse=True), text)


def named_questions(questions: Sequence[Question], text: str) -> set[str]:
    """The keys of the questions ``text`` names ("4 vendors" names the vendors question)."""
    return {q.key for q in questions if _named(q, text)}
