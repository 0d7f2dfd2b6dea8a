"""A peak is not an average: "500/h at peak" is the busiest hour, and a month of busiest hours
overstates the volume many times over; it is asked back rather than scaled."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.amounts import typed_figure
from consultations.answers.lexer import Quantity
from consultations.answers.model import AnswerError
from consultations.answers.rates import WORDS, a_unit
from consultations.scripts import Question

_BEFORE = re.compile(  # "peak 500/h", "peaks of 2k", "at peak ~900", "max 300"
    r"\b(?:peaks?|peaking|busiest|max(?:imum)?|spikes?|bursts?)\b(?:\s+(?:of|at|is|are|to|"
    r"about|around|roughly|up to|hits?|reach(?:es)?)\b)*[\s:~≈]*$",
    re.I,
)
_AFTER = re.compile(  # "500/h at peak", "40 a second during black friday peak", "300/h max"
    r"^[^,;.]{0,30}?\b(?:(?:at|during|in|on|around)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:peaks?|rush|busiest)|max(?:imum)?|tops|at most|peak(?:ing)?)\b",
    re.I,
)


def is_peak(text: str, q: Quantity) -> bool:
    """The figure is said to be a peak, a maximum or a burst."""
    return bool(_BEFORE.search(text[max(0, q.start - 30) : q.start])) or bool(
        _AFTER.match(text[q.end : q.end + 50])
    )


def peak_checked(question: Question, text: str, q: Quantity, period: str | None) -> Quantity:
    """A peak rate to be scaled to the question's period is asked back; a peak already given
    per that period is used as typed, and said to be a peak."""
    if not is_peak(text, q):
        return q
    if q.rate and period and q.rate != period:
        per = a_unit(WORDS[period])
        typical = (
            "an average hour"
            if period == "d"
            else "an average hour or day"
            if q.rate in ("s", "min", "h")
            else "an average day"
        )
        raise AnswerError(
            f"{typed_figure(text, q)} {a_unit(WORDS[q.rate])} is a peak, not an average: "
            f"{per} of it would overstate the volume. How many {question.unit or ''} {per} "
            f"in total, or in {typical}?".replace("  ", " ")
        )
    said = "a peak, used as typed: type the usual figure if the peak is not what to plan for"
    return replace(q, note="; ".join(filter(None, [q.note, said])))
