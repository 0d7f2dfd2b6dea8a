"""A price per token asked of a model run in-house: "no idea, it is our own GPU", "self-hosted",
"we run Llama on-prem" have no price per token; 0, said back, so the report weighs GPU time
rather than assume a list price (an API's price asked as "input and output", the API side of a
comparison, is asked for instead: see numbers). Pure."""

from __future__ import annotations

import re

from consultations.answers.lexer import Quantity
from consultations.scripts import NumberKind, Question

IN_HOUSE = re.compile(  # the model or the data stays on the user's own machines
    r"\b(?:on[- ]?prem(?:ise|ises)?|self[- ]?host(?:ed|ing)?|in[- ]house|air[- ]?gapped|"
    r"(?:our|their) own (?:gpus?|servers?|data ?cent(?:er|re)s?|hardware|infrastructure|"
    r"racks?|cluster|machines?)|"
    r"(?:we|i) (?:run|host) (?:it|them|\w+) (?:ourselves|myself|locally|on[- ]?prem\w*|"
    r"in[- ]house)|(?:we|i) (?:run|host) (?:it|them) on our own|"
    r"(?:nothing|no \w+) (?:may |can |must |should |is allowed to )?leaves? (?:our|the)\b|"
    r"(?:never|must not|mustn'?t|cannot|can'?t|may not) leaves? (?:our|the)\b|"
    r"no (?:public )?cloud|"
    r"eigene[nrs]? (?:gpus?|server|rechenzentr\w*|hardware)|selbst gehostet|"
    r"nos propres (?:gpu|serveurs|machines)|auto-?h[ée]berg[ée]s?)",
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


def said_in_house(*answers: str) -> bool:
    """Any of the answers, as typed, says the model or the data stays in-house ("all on-prem",
    "it is our own GPU", "nothing leaves our servers"), and not in the negative ("we're not
    on-prem", "nothing on-prem yet" say the opposite)."""
    return any(not _negated(a, m) for a in answers for m in IN_HOUSE.finditer(a))


def _negated(text: str, m: re.Match[str]) -> bool:
    before = _CLAUSE.split(text[: m.start()])[-1]
    after = _CLAUSE.split(text[m.end() :])[0]
    return bool(_NOT_BEFORE.search(before) or _NOT_AFTER.search(after))


SAID = "self-hosted: no price per token; GPU time is the cost"


def self_hosted(
    question: Question, text: str, found: list[Quantity], per: float | None
) -> list[Quantity]:
    """No figure at a price per million tokens, and the model said to run in-house: 0."""
    if question.parts or not hosted_in_house(question, text, found, per):
        return found
    return [Quantity((0.0,), 0, len(text), note=SAID)]


def hosted_in_house(
    question: Question, text: str, found: list[Quantity], per: float | None
) -> bool:
    """No figure at a price per million tokens, and the words say the model runs in-house."""
    if found or per is None or question.kind is not NumberKind.MONEY:
        return False
    return said_in_house(text)
