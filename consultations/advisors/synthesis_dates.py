"""A roadmap's months as calendar months, counted from the day it is written. Pure."""

from __future__ import annotations

import re
from datetime import date

_SPAN = re.compile(r"^(\d+)-(\d+) months$")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LONG = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
LATE_IN_MONTH = 15  # a plan written after the 15th starts with the next month (our rule)


def _start(as_of: date) -> int:
    """The first month of the plan, as months since year 0."""
    return as_of.year * 12 + as_of.month - 1 + (as_of.day > LATE_IN_MONTH)


def _month(n: int, long: bool = False) -> tuple[str, int]:
    year, m = divmod(n, 12)
    name = _LONG[m] if long else _MONTHS[m]
    return name, year


def dated(horizon: str, as_of: date | None) -> str:
    """ "0-3 months" written on 26 Nov 2026 → "0-3 months: Dec 2026–Feb 2027"."""
    m = _SPAN.match(horizon)
    if as_of is None or m is None:
        return horizon
    first, last = _start(as_of) + int(m.group(1)), _start(as_of) + int(m.group(2)) - 1
    (a, ay), (b, by) = _month(first), _month(last)
    return f"{horizon}: {a}{f' {ay}' if ay != by else ''}–{b} {by}"


def year_of(as_of: date) -> str:
    """ "December 2026 to November 2027": the twelve months the roadmap covers."""
    (a, ay), (b, by) = _month(_start(as_of), long=True), _month(_start(as_of) + 11, long=True)
    return f"{a} {ay} to {b} {by}"
