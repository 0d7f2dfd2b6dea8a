"""Answers that say the data stays on the user's own servers ("all on-prem", "nothing leaves
our servers", "air-gapped"): then nothing is sent to someone else's cloud. Pure."""

from __future__ import annotations

import re

ON_PREM = re.compile(
    r"\b(?:on[- ]?prem(?:ise|ises)?|self[- ]?host(?:ed|ing)?|air[- ]?gapped|"
    r"(?:our|their) own (?:servers?|data ?cent(?:er|re)s?|hardware|infrastructure|racks?)|"
    r"(?:hosted|run|kept|stored) in[- ]house|"
    r"(?:nothing|no \w+) (?:may |can |must |should |is allowed to )?leaves? (?:our|the)\b|"
    r"(?:never|must not|mustn'?t|cannot|can'?t|may not) leaves? (?:our|the)\b|"
    r"no (?:public )?cloud|"
    r"eigene[nrs]? (?:server|rechenzentr\w*|hardware)|selbst gehostet|"
    r"nos propres (?:serveurs|machines)|auto-?h[ée]berg[ée]s?)",
    re.I,
)


_NOT_BEFORE = re.compile(  # "we're not on-prem", "nothing on-prem yet", "we don't self-host"
    r"\b(?:not|no|nothing|never|none|without|n't|nicht|kein\w*|pas|aucun\w*)\b"
    r"(?:\W+\w+){0,3}?\W*$|n't\s+(?:\w+\s+){0,2}$",
    re.I,
)
_NOT_AFTER = re.compile(  # "on-prem is not an option", "self-hosting isn't possible"
    r"^\W*(?:\w+\s+){0,1}(?:is|are|was|were)(?:\s+not|n't)\b|^\s*[?:]\s*no\b", re.I
)
_CLAUSE = re.compile(r"[,;.!?]|\bbut\b|\baber\b|\bmais\b", re.I)


def said_on_prem(*answers: str) -> bool:
    """Any of the answers, as typed, says the data stays in-house, and not in the negative
    ("we're not on-prem", "nothing on-prem yet" say the opposite)."""
    return any(not _negated(a, m) for a in answers for m in ON_PREM.finditer(a))


def _negated(text: str, m: re.Match[str]) -> bool:
    before = _CLAUSE.split(text[: m.start()])[-1]
    after = _CLAUSE.split(text[m.end() :])[0]
    return bool(_NOT_BEFORE.search(before) or _NOT_AFTER.search(after))
