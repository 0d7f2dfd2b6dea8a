"""A roadmap's months as calendar months, counted from the day it is written. Pure."""

from __future__ import annotations

import re
from datetime import date

from consultations.report import Recommendation

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


DUE = re.compile(  # "by Q1", "before August", "by the end of June 2027", "bis Q3 2027", "in Q3"
    r"\b(?:(?P<cue>before|by|until|no later than|bis|vor|avant|d'ici)\s+(?:the\s+)?"
    r"(?:end of\s+)?(?:(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|(?P<summer>(?:the\s+)?summer)|(?P<season>(?:the\s+)?(?:autumn|fall|spring|winter))"
    r"|(?P<yearend>year[- ]end)|(?P<only>20\d\d))"
    r"|(?P<within>by|before|until|in|bis|im|vor|avant|en|d'ici)\s+(?:the\s+)?(?:end of\s+)?"
    r"(?:q(?P<q>[1-4])|h(?P<h>[12])))"
    r"(?:\s+(?P<year>20\d\d))?\b",
    re.I,
)
_SEASON_ENDS = {"spring": 3, "autumn": 9, "fall": 9, "winter": 12}  # "by autumn": its start


def due_month(goal: str, as_of: date) -> int | None:
    """The last month (months since year 0) a goal's own date allows: "by Q1" written in
    November 2026 is March 2027; "before August" is July; None when it names no date."""
    m = DUE.search(goal)
    if m is None:
        return None
    if m.group("month"):
        month = _MONTHS.index(m.group("month")[:3].capitalize()) + 1
    elif m.group("q"):
        month = 3 * int(m.group("q"))
    elif m.group("h"):
        month = 6 * int(m.group("h"))
    elif m.group("season"):
        month = _SEASON_ENDS[m.group("season").split()[-1].casefold()]
    else:
        month = 8 if m.group("summer") else 12
    if (m.group("cue") or m.group("within")).casefold() in ("before", "vor", "avant"):
        month -= 1
    year = m.group("year") or m.group("only")
    if year:
        return int(year) * 12 + month - 1
    due = as_of.year * 12 + month - 1
    return due if due >= _start(as_of) else due + 12  # "by Q1" in November: next year's


def late(horizon: str, goal: str, as_of: date | None) -> str | None:
    """ "Mar–May 2027, after the date it names (Q1)" when a step planned for ``horizon``
    ends after the goal's own date, else None."""
    horizon = horizon.split(":")[0]  # "3-6 months: Mar–May 2027" as planned
    span = _SPAN.match(horizon)
    if as_of is None or span is None or (due := due_month(goal, as_of)) is None:
        return None
    if _start(as_of) + int(span.group(2)) - 1 <= due:
        return None
    named = DUE.search(goal)
    assert named is not None
    when = dated(horizon, as_of).split(": ", 1)[1]
    return f"{when}, after the date it names ({named.group(0)})"


_ASKS_BUILD = re.compile(r"\b(?:prototype|pilot|poc|proof of concept)\b", re.I)
_ASKS_LIVE = re.compile(r"\b(?:roll(?:ed)?[- ]?out|live|production|launch|ship)\b", re.I)
_BUILT = re.compile(r"\b(?:prototype|pilot)\b", re.I)


def late_line(goal: str, recs: list[Recommendation], as_of: date | None) -> str:
    """The first step serving a dated goal that ends after its date ("pass the DORA audit in
    Q3" with its audit rehearsal planned for Sep–Nov), said with what to do about it."""
    serving = [r for r in recs if goal in r.detail]
    if _ASKS_BUILD.search(goal) and not _ASKS_LIVE.search(goal):  # "prototype X by Q2": the
        built = next((n for n, r in enumerate(serving) if _BUILT.search(r.title)), None)
        serving = serving if built is None else serving[: built + 1]  # rollout is not asked
    for n, r in enumerate(serving):
        if overdue := late(r.horizon or "", goal, as_of):
            step = "Its first step" if n == 0 else f"Its step “{r.title}”"
            return (
                f" {step} is planned for {overdue}: bring it forward (fewer steps before it, "
                "or more people) or move the date."
            )
    return ""
