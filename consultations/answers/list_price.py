"""A price left to the vendor ("whatever Claude charges", "was OpenAI so nimmt") where a price
per token is asked: the advisor keeps no price list, so the figures are asked from the invoice
or the vendor's pricing page."""

from __future__ import annotations

import re

from consultations.answers.parts import example
from consultations.answers.vendors import usd_vendor
from consultations.scripts import Question

_LEFT_TO_THEM = re.compile(  # the price named without a figure
    r"\b(?:whatever|what(?:ever)?\s+(?:they|it)|charges?|bills?|list\s+prices?|"
    r"standard|official|public|usual|normal|current|going\s+rate|same\s+as|"
    r"was\s+.*\b(?:nimmt|kostet|verlangt|berechnet)|listenpreis\w*|preisliste|"
    r"prix\s+(?:public|catalogue)|ce\s+que\s+.*\b(?:facture|demande|prend))\b",
    re.I,
)
_OWN = re.compile(  # "llama on our own GPU": no vendor's price at all
    r"\b(?:own|our|local\w*|on[- ]?prem\w*|self[- ]?host\w*|in[- ]house|eigene\w*|selbst)\b",
    re.I,
)


def price_left_to_vendor(question: Question, text: str) -> str | None:
    """What to say when ``text`` gives no figure but names an API vendor or its list price;
    None when it does neither, or says the model runs in-house."""
    if _OWN.search(text):
        return None
    vendor = usd_vendor(text)
    if vendor is None and not _LEFT_TO_THEM.search(text):
        return None
    whose = f"{vendor}'s" if vendor else "the vendor's"
    what = f"what {vendor} charges" if vendor else "a vendor's prices"
    parts = f"{' and '.join(question.parts)} prices" if question.parts else "price"
    return (
        f"I keep no price list, so I cannot look up {what}: paste the {parts} per "
        f"million tokens from your invoice or {whose} pricing page{example(question)}."
    )
