"""A peak is not an average: "500/h at peak" is the busiest hour, and a month of busiest hours
overstates the volume many times over; it is asked back rather than scaled."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.amounts import typed_figure
from consultations.answers.lexer import Quantity
from consultations.answers.model import AnswerError
from consultations.answers.rates import TIMES, WORDS, a_unit
from consultations.scripts import Question

_BEFORE = re.compile(  # "peak 500/h", "peaks of 2k", "at peak ~900", "max 300"
    r"\b(?:peaks?|peaking|busiest|max(?:imum)?|spikes?|bursts?)\b(?:\s+(?:of|at|is|are|to|"
    r"about|around|roughly|up to|hits?|reach(?:es)?)\b)*[\s:~≈]*$",
    re.I,
)
_AFTER = re.compile(  # "500/h at peak", "40 a second during black friday peak", "300/h max"
    r"^[^,;.]{0,30}?\b(?:(?:at|during|in|on|around)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:peaks?|rush|busiest)|max(?:imum)?|tops|at most|(?<!off-)(?<!off )peak(?:ing)?)\b",
    re.I,
)


def is_peak(text: str, q: Quantity) -> bool:
    """The figure is said to be a peak, a maximum or a burst."""
    return bool(_BEFORE.search(text[max(0, q.start - 30) : q.start])) or bool(
        _AFTER.match(text[q.end : q.end + 50])
    )


def peak_checked(question: Question, text: str, q: Quantity, period: str | None) -> Quantity:
    """A peak rate to be scaled to the question's period is asked back; a peak already given
    per that period is used as typed, and said to be a peak. At a tolerance ("3 percent max"
    quality loss) the most is what is asked: no peak."""
    if question.loss or not is_peak(text, q):
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


_WHEN = r"(?=(?:at|in|on|during|around|over|near|towards?|before)\s)"
_MULTIPLE = re.compile(  # "3x that in November", "double that at Christmas": a peak as a multiple
    rf"(?P<n>\d+(?:[.,]\d+)?)\s*(?:x|×|times)\s*(?:(?:that|this|it|as much|the usual|normal)\b|"
    rf"{_WHEN})"  # "3x at month end"
    rf"[^,;.]*|(?P<w>double|twice|triple|thrice|treble)\s+(?:(?:that|this|it|as much)\b|{_WHEN})"
    r"[^,;.]*"  # "double at quarter end"
    # German, French, Dutch: "Jahresende doppelt so viel", "le double en décembre"
    r"|(?P<f>doppelt so viele?|das doppelte|dreimal so viele?|das dreifache|le double|"
    r"deux fois plus|le triple|trois fois plus|het dubbele|twee keer zoveel)(?!\w)[^,;.]*",
    re.I,
)
_WORD_TIMES = {**TIMES, **dict.fromkeys(("doppelt", "das", "le", "deux", "het", "twee"), 2.0)}
_WORD_TIMES |= dict.fromkeys(("dreimal", "trois"), 3.0)


def multiples(text: str, found: list[Quantity]) -> tuple[list[Quantity], tuple[str, float] | None]:
    """The figures without the multiple of a peak ("3x that in November/December": no figure
    of 3), and that peak's words and factor, said back once the usual figure is known."""
    m = _MULTIPLE.search(text)
    if m is None or m.start() == 0:
        return found, None
    kept = [q for q in found if not (m["n"] and q.start == m.start("n"))]
    return kept, peak_multiple(text)


def peak_multiple(text: str) -> tuple[str, float] | None:
    """ "3-4M, 3x that in Nov/Dec": ("3x that in Nov/Dec", 3.0), the peak as a multiple of the
    usual figure typed before it; None when no such peak is said."""
    m = _MULTIPLE.search(text)
    if m is None or m.start() == 0:
        return None
    said = m["w"] or m["f"]  # "doppelt so viel": its first word says how many times
    first = said.split()[0].casefold() if said else ""
    factor = (
        float(m["n"].replace(",", "."))
        if m["n"]
        else 3.0
        if said and re.search(r"dreifache|triple", said, re.I)
        else _WORD_TIMES[first]
    )
    return m.group().strip(), factor


def peak_said(multiple: tuple[str, float] | None, usual: float | None, per: str | None) -> str:
    """ "3x that in November/December: 3× the usual, a pace of about 10,500,000 a month at the
    peak; size for it"."""
    if multiple is None or usual is None:
        return ""
    words, factor = multiple
    period = f" {a_unit(WORDS[per])}" if per in WORDS else ""
    times = f"{factor:g}×"
    pace = f"a pace of about {usual * factor:,.0f}{period} at the peak"
    return f"{words}: {times} the usual, {pace}; size for it"
