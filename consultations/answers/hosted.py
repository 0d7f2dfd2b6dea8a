"""A price per token asked of a model run in-house: "no idea, it is our own GPU", "self-hosted",
"we run Llama on-prem" have no price per token; 0, said back, so the report weighs GPU time
rather than assume a list price (an API's price asked as "input and output", the API side of a
comparison, is asked for instead: see numbers). Pure."""

from __future__ import annotations

import re

from consultations.answers.lexer import Quantity
from consultations.scripts import NumberKind, Question

_SELF_HOSTED = re.compile(
    r"\b(?:self[- ]?hosted|on[- ]?prem(?:ise|ises)?|in[- ]house|our own (?:gpus?|servers?|"
    r"hardware|cluster|machines?)|(?:we|i) (?:run|host) (?:it|them|\w+) (?:ourselves|myself|"
    r"locally|on[- ]?prem\w*|in[- ]house)|(?:we|i) (?:run|host) (?:it|them) on our own|"
    r"eigene[nrs]? (?:gpus?|server|hardware)|selbst gehostet|auto-?h[ée]berg[ée]|"
    r"nos propres (?:gpu|serveurs))\b",
    re.I,
)
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
    return _SELF_HOSTED.search(text) is not None
