"""Is a written narrative grounded in the computed report? Pure text checks, no I/O.

A narrative (Claude's) may reword the report but not contradict it: every amount of money,
percentage and grouped count it states must be one the report, the user's answers or the
research context already state (rounding allowed), and it must carry the report's verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOLERANCE = 0.03  # "about $40k" for $40,500; "about 350,000" for 349,800
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_FIGURE = re.compile(
    r"(?P<money>[$€£]\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>k|m|b|bn|thousand|million|billion)\b)?(?P<pct>\s?%)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Grounding:
    unsupported: tuple[str, ...]  # figures stated in the narrative that nothing computed
    verdict_present: bool

    @property
    def ok(self) -> bool:
        return not self.unsupported and self.verdict_present


def figures(text: str) -> list[tuple[str, float]]:
    """Money, percentages, scaled and comma-grouped numbers: the figures a reader would check."""
    out = []
    for m in _FIGURE.finditer(text.replace("−", "-")):
        num, scale = m.group("num"), (m.group("scale") or "").casefold()
        if not (m.group("money") or m.group("pct") or scale or "," in num):
            continue  # a plain small number ("3 steps", "2026") is not a computed figure
        value = float(num.replace(",", "")) * _SCALE.get(scale, 1.0)
        out.append((m.group(0).strip(), value))
    return out


def _known(value: float, allowed: list[float]) -> bool:
    return any(abs(value - a) <= TOLERANCE * max(abs(a), 1.0) for a in allowed)


def verdict_head(verdict: str) -> str:
    head = re.split(r"\s[—-]\s|[.;]\s|\.$", verdict.strip(), maxsplit=1)[0]
    if len(head) > 60:
        head = head.split(":")[0]
    return head.strip(" .:")


def check(narrative: str, computed: str, verdict: str) -> Grounding:
    """``computed``: everything the narrative may draw on (report, answers, research context)."""
    allowed = [v for _, v in figures(computed)]
    allowed += [v for _, v in figures(re.sub(r"[$€£%]", "", computed))]  # bare forms too
    unsupported = tuple(dict.fromkeys(t for t, v in figures(narrative) if not _known(v, allowed)))
    words = re.sub(r"\W+", " ", verdict_head(verdict).casefold()).split()
    said = " " + re.sub(r"\W+", " ", narrative.casefold()) + " "
    return Grounding(unsupported=unsupported, verdict_present=f" {' '.join(words)} " in said)
