"""A tolerance for loss said as what is kept: "95% of today's quality", "at least 98% as good",
"keep 90%" is a 5%, 2% or 10% loss, said back."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity
from consultations.answers.model import plain

NO_LOSS = re.compile(  # "we can't accept any loss": 0%
    r"\b(?:can'?t|cannot|can not|won'?t|don'?t|do not)\s+(?:accept|afford|tolerate|take|lose)\s+"
    r"any\b|\b(?:zero|no)\s+(?:loss|drop|degradation)\b|\bnot (?:a|one) (?:bit|percent)\b"
    r"|\bas good as (?:today|now|it is|before|the current|what we have|our current)\b"  # 0%
    r"|\bno worse\b|\bsame (?:quality|accuracy|level)\b"
    r"|\bas (?:good|little) as possible\b|\bnone if possible\b"  # "as good as possible": 0%
    r"|\b(?:must|can'?t|cannot) (?:not )?get worse\b",
    re.I,
)
_KEPT_BEFORE = re.compile(
    r"\b(?:keeps?|keeping|retains?|retaining|preserves?|at least|min(?:imum)?\.?|>=?)\s*~?\s*$",
    re.I,
)
_KEPT_AFTER = re.compile(
    r"\s*(?:of\s+(?:(?:today'?s|the current|current|its|the|our|full)\s+)*"
    r"(?:quality|accuracy|performance|model|level|precision)"
    r"|as\s+(?:good|accurate)|(?:of\s+)?(?:quality|accuracy)\s+(?:kept|retained)|kept|retained)\b",
    re.I,
)


def kept_as_loss(text: str, found: list[Quantity]) -> list[Quantity]:
    """Each percentage that says what is kept, restated as the loss (100 less it)."""
    out = []
    for q in found:
        kept = q.unit == "%" and len(q.readings) == 1 and 50 <= q.readings[0] <= 100
        if kept and (_KEPT_BEFORE.search(text[: q.start]) or _KEPT_AFTER.match(text, q.end)):
            lost = 100 - q.readings[0]
            said = f"{plain(q.readings[0])}% kept is a {plain(lost)}% loss"
            q = replace(q, readings=(lost,), note=said)
        out.append(q)
    return out
