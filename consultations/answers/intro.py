"""Words before a colon that introduce a list ("we use: gpt-4o, claude", "Vendors: OpenAI,
Anthropic"), never part of its first item; a protocol named so ("MCP: jira, github") is how
each item is reached. Pure."""

from __future__ import annotations

import re

_INTRO = re.compile(r"^\s*(?P<label>[A-Za-z0-9][\w .'-]{0,60}?)\s*:\s+(?=\S)")
_NOUN = (  # what a list is of: "agents", "3 agents", "so 3 Agenten"
    r"(?:(?:so|about|around|some|roughly|ca\.?|etwa|rund)\s+)?(?:\d+\s+|(?:our|unsere?)\s+)?"
    r"(?:vendors?|models?|tools?|agents?|agenten|pipelines?|workflows?|tasks?|werkzeuge|"
    r"modelle|anbieter)"
)
_SHELVED = (  # "So basically we shelved three things back in 2023": what was put aside
    r"(?:so\s+)?(?:basically\s+)?(?:we|i)\s+(?:shelved|parked|dropped|killed|abandoned|"
    r"gave up on)(?:\s+(?:\d+|two|three|four|five|a few|some))?(?:\s+(?:things|ones|workflows?|"
    r"processes|projects))?(?:\s+back)?(?:\s+in\s+\d{4}(?:[-/]\d{2,4})?)?"
)
_IN_USE = r"(?:\s+(?:in use|in production|running|live|im einsatz|in betrieb|ein))?"
_INTRO_WORDS = re.compile(  # words that introduce a list, never one of its items
    r"(?:(?:(?:we|i)(?:'re|\s+are)?\s+(?:use|run|have|using|running|call|pay for)|"
    r"wir\s+(?:haben|nutzen|verwenden|setzen|betreiben))(?:\s+" + _NOUN + r")?" + _IN_USE + "|"
    r"currently|today|right now|mostly|so|ok|well|" + _NOUN + _IN_USE + r"|"
    r"(?:our\s+)?stack|list|these|they are|in use|" + _SHELVED + ")"
)
_PROTOCOL = re.compile(r"[A-Z][A-Z0-9-]{1,9}(?:\s+(?:servers?|tools?|APIs?))?")  # "MCP", "REST"


def introduced(text: str) -> tuple[str, str | None]:
    """The list without its introduction, and the protocol its items are reached by (None
    when none is named). One line only; with semicolons a label belongs to its own group
    ("MCP: core banking API, OCR; internal REST for loans"), so it is left in place."""
    intro = _INTRO.match(text) if "\n" not in text else None
    if intro is None:
        return text, None
    label, rest = intro.group("label"), text[intro.end() :]
    if _INTRO_WORDS.fullmatch(label.casefold()):
        return rest, None
    if _PROTOCOL.fullmatch(label) and ";" not in rest:
        return rest, label
    return text, None
