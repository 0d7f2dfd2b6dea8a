"""What a list question asks for, in its own words: "Which tasks genuinely need …?" asks for
tasks, "Which models and vendors …?" for models and vendors; said when a figure is typed instead
("I read a figure, but this question asks for tasks"). Pure."""

from __future__ import annotations

import re

from consultations.scripts import Question

_NOUN = re.compile(  # the plural after "which", "what" or "any": "which workflows did you …"
    r"\b(?:which|what|any)\s+(?!(?:does|is|was|has)\b)(?P<one>[a-z-]+s)\b"
    r"(?:\s+(?P<joiner>and|or)\s+(?P<two>[a-z-]+s)\b)?",
    re.I,
)


def asked_for(question: Question) -> str:
    """The plural noun the question asks for ("labs and authors"); when its text names none,
    its key if that is one ("goals"), else "names"."""
    m = _NOUN.search(question.text)
    if m is None:
        return question.key if re.fullmatch(r"[a-z]+s", question.key) else "names"
    one, joiner, two = m.group("one", "joiner", "two")
    return f"{one} {joiner} {two}".casefold() if two else one.casefold()
