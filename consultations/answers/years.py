"""Years written beside figures ("In 2024 we did 3M", "2024 annual report says 10k"): a year,
not the figure. Pure."""

from __future__ import annotations

import re

_YEAR = re.compile(  # "In 2024 we did 3M", "since 2023 around 500k": a year, not a figure
    r"(?P<lead>\b(?:in|since|by|until|till|from|during|before|after|end of|early|late|mid|"
    r"q[1-4]|h[12]|fy)\s+|\()(?P<y>(?:199\d|20\d\d))\b"  # "3M (2024)" too
    r"(?![.,]\d|\s*(?:[kmb]\b|%|[$€£]|dollars?\b|euros?\b|usd\b|eur\b|requests?\b|runs?\b))"
    # "2024 annual report says 10k", "our 2025 budget: 40k": a year naming a document or term
    r"|(?P<lead2>^\s*|\b(?:the|our|their|last|this|per)\s+)(?P<y2>(?:199\d|20\d\d))(?='s\b|\s+"
    r"(?:annual|report|budget|plan|invoice|numbers|figures|forecast|contract|financials|stats|"
    r"statistics|review|audit|average|actuals|spend|bill|total)\b)",
    re.I,
)


def _blank_year(m: re.Match[str]) -> str:
    """The year made blank, the words before it kept (positions stay where they were)."""
    lead = m.group("lead") if m.group("y") else m.group("lead2")
    return lead + " " * len(m.group("y") or m.group("y2"))


def without_years(text: str) -> str:
    """The text with such years made blank (positions stay where they were)."""
    return _YEAR.sub(_blank_year, text)
