"""What a count or a length is not: "10h a month" is no number of calls, "300k/month" no
context window; "1 every 5 minutes" is a rate."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity
from consultations.answers.model import AnswerError, plain
from consultations.answers.parts import example
from consultations.answers.rates import WORDS, a_unit
from consultations.scripts import NumberKind, Question

_TIMES = {"ns", "us", "ms", "s", "min", "h", "d", "w", "mo", "y"}


_EVERY = re.compile(r"^\s*(?:times?\s+|runs?\s+|calls?\s+|requests?\s+)?every\s*$", re.I)


def _every(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "1 every 5 minutes", "3 runs every 2 hours": so many per that time, as a rate."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit is None
            and prev.rate is None
            and q.unit in WORDS
            and len(prev.readings) == len(q.readings) == 1
            and q.readings[0] > 0
            and _EVERY.match(text[prev.end : q.start])
        ):
            each = prev.readings[0] / q.readings[0]
            typed = text[prev.start : q.end].strip()
            said = f"{typed} is {plain(round(each, 4))} {a_unit(WORDS[q.unit])}"
            out[-1] = replace(prev, readings=(each,), end=q.end, rate=q.unit, note=said)
            continue
        out.append(q)
    return out


def no_time_in_a_count(question: Question, text: str, found: list[Quantity]) -> list[Quantity]:
    """ "10h a month" is no number of calls, "300k/month" no context window: a time, or a
    figure per month where the question asks for none, is named and asked again."""
    what = f"the number of {question.unit}" if question.unit else "a number"
    if question.kind is NumberKind.COUNT and question.unit not in ("engineer-days", "people"):
        found = _every(text, found)  # "1 every 5 minutes": a rate
        timed = [q for q in found if q.unit in _TIMES]
        found = [q for q in found if q.unit not in _TIMES]
        if timed and not found:
            raise AnswerError(f"I read {timed[0].text.strip()} as a time, but I need {what} here.")
        if timed:  # "200k calls, 2h each": the time is said left out
            left = ", ".join(f"“{q.text.strip()}”" for q in timed)
            said = f"{left} left out: a time, not {what}"
            found[0] = replace(found[0], note="; ".join(filter(None, [found[0].note, said])))
    if question.kind is NumberKind.TOKENS and question.per is None:
        rated = next((q for q in found if q.rate), None)
        if rated is not None and len(found) == 1:
            raise AnswerError(
                f"I read {rated.text.strip()} as a figure per {WORDS[rated.rate or 'mo']}, but "
                f"I need a number of tokens here{example(question)}."
            )
    return found
