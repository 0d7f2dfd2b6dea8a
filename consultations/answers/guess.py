"""A figure typed after "no idea", "not sure", "keine Ahnung", "aucune idée": a guess, kept and
said back as one. Pure."""

from __future__ import annotations

import re

from consultations.answers.model import Answer

UNSURE = re.compile(
    r"^\s*(?:(?:lol|haha|hmm+|um+|uh+|well|ugh|oh|honestly|tbh)\b[\s,.!]*)?"  # "lol idk"
    r"(?:i\s+|we\s+)?(?:have\s+|honestly\s+|really\s+)?(?:no idea|no clue|don'?t know|"
    r"do not know|not sure|unsure|idk|dunno|can'?t say|cannot say|haven'?t (?:checked|a clue)|"
    r"(?:it'?s\s+)?(?:hard|difficult|tough) to (?:say|tell)|(?:just\s+)?guessing|"
    # German and French: "weiß nicht", "keine Ahnung", "je ne sais pas", "aucune idée"
    r"(?:ich\s+)?wei(?:ß|ss) (?:ich\s+)?nicht|keine ahnung|k\.\s?a\.|unklar|"
    r"(?:je\s+)?(?:ne\s+)?sais pas|aucune id[ée]e|pas s[uû]r)(?!\w)",
    re.I,
)


def unsure_rest(text: str) -> tuple[str, str] | None:
    """ "no idea, maybe 5M": the hedge ("no idea") and what follows it ("maybe 5M"); None
    without a hedge in front."""
    m = UNSURE.match(text)
    if m is None:
        return None
    return m.group().strip(), text[m.end() :].strip(" ,.;:!?-–—")


def as_guess(answer: Answer, hedge: str) -> Answer:
    """The answer with "your guess" said back beside its note."""
    said = f"your guess, after “{hedge}”: `edit N` changes it once you know"
    return answer.model_copy(update={"note": "; ".join(filter(None, [said, answer.note]))})
