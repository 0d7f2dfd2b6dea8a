"""Rough figures in words: "a few hundred" is 300, "hundreds a day" 300, "tens of thousands"
30,000, "under 1k" 1,000 — each read, and said back with a request for the exact figure; a
count of digits ("low five figures") is no figure at all."""

from __future__ import annotations

import re

_FEW = re.compile(
    r"\b(?:a few|a handful of|several)\s+(?=(?:hundred|thousand|million|dozen|hours|percent|"
    r"per cent|points|percentage points)\b)",
    re.I,
)
_VAGUE_SCALE = re.compile(  # no figure before it: "hundreds a day", "tens of thousands"
    r"(?<![\d.,]\s)(?<![\d.,])\b(?:tens|dozens|hundreds|thousands|millions)"
    r"(?:\s+of\s+(?:thousands|millions))?\b",
    re.I,
)
_VAGUE_AS = {
    "tens": "30",
    "dozens": "36",
    "hundreds": "300",
    "thousands": "3 thousand",
    "millions": "3 million",
}


_COUPLE_OF = re.compile(  # "a couple of thousand", "a couple of pages": 2,000, 2 pages
    r"\b(?:a\s+)?couple\s+of\s+(?=[a-z])", re.I
)


_ABOUT_TENS = {  # French: "une quinzaine" is about fifteen
    "dizaine": 10,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "centaine": 100,
}
_ABOUT = re.compile(
    rf"(?<![\w-])(?:une\s+)?(?P<w>{'|'.join(_ABOUT_TENS)})(?![\w-])(?:\s+d(?:e\s+|['’]))?", re.I
)


def rough_figures(text: str) -> tuple[str, str | None]:
    """``text`` with its rough figure as digits, and what to say back (None when none)."""
    if about := _ABOUT.search(text):
        n = _ABOUT_TENS[about.group("w").casefold()]
        typed = text[about.start() : about.end("w")]  # "une vingtaine", without its "de"
        said = f"“{typed}” read as {n}; type the exact figure if you have it"
        return f"{text[: about.start()]}{n} {text[about.end() :]}", said
    if couple := _COUPLE_OF.search(text):
        said = f"“{couple.group(0).strip()}” read as 2; type the exact figure if you have it"
        return _COUPLE_OF.sub("2 ", text), said
    if few := _FEW.search(text):
        said = f"“{few.group(0).strip()}” read as 3; type the exact figure if you have it"
        return _FEW.sub("3 ", text), said
    vague = _VAGUE_SCALE.search(text)
    if vague is None:
        return text, None
    typed = vague.group(0)
    words = typed.casefold().split()
    read = _VAGUE_AS[words[0]] + (f" {words[-1].rstrip('s')}" if len(words) > 1 else "")
    said = f"“{typed}” read as {read}; type the exact figure if you have it"
    return text[: vague.start()] + read + text[vague.end() :], said


_DIGIT_WORDS = r"(?:\d|one|two|three|four|five|six|seven|eight|nine)"
DIGITS_ONLY = re.compile(  # "5-6 figures", "low five figures": how many digits, not how much
    rf"\b(?:(?:low|mid|high|upper|lower)[\s-]+)?{_DIGIT_WORDS}"
    rf"(?:\s*(?:-|–|to|or)\s*{_DIGIT_WORDS})?[\s-]+figures?\b",
    re.I,
)
_BOUND = re.compile(  # "under 1k", "less than $500", ">10k", "10k+"
    r"(?:\b(?:(?:not|no)\s+(?:more than|over|above)|(?:nicht|pas)\s+(?:mehr als|über|plus de)|"
    r"mehr als|weniger als|under|below|less than|fewer than|over|above|"
    r"more than|at least|at most|up to|max(?:imum)?|min(?:imum)?|höchstens|mindestens|maximal|"
    r"über|unter|au moins|au plus|moins de|plus de|jusqu'à)\s*|[<>]\s*)"
    r"(?P<f>[$€£]?\s*\d[\d.,]*\s*(?:k|m|mio|bn)?\b[$€£]?)"
    r"|(?<![\w.,])(?P<g>[$€£]?\d[\d.,]*\s*(?:k|m|mio|bn)?[$€£]?)\+",
    re.I,
)


def bound_said(text: str) -> str | None:
    """ "“under 1k” taken as 1k; type …": a bound read as its figure, said back; None when
    no bound is typed."""
    m = _BOUND.search(text)
    if m is None:
        return None
    figure = (m.group("f") or m.group("g")).strip()
    return f"“{m.group(0).strip()}” taken as {figure}; type the exact figure if you have it"
