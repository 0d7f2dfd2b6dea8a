"""Rates as people give them: "150k a day" to a question asked per month, "$24k a year"."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity
from consultations.answers.model import plain
from consultations.answers.units import DAYS_A_MONTH

_UNIT = (
    r"(?P<u>seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|"
    r"mths?|quarters?(?!\s+of\b)|qtrs?|years?|yrs?|y|monat|jahr|tag|woche|"
    r"mornings?|evenings?|nights?|afternoons?|commutes?|lunch(?:time)?|morgen|abend)"
)
_RATE = re.compile(
    rf"\s*(?:[^\W\d_][\w-]*\s+){{0,3}}?(?:(?:per|an?|each|every|pro|im|am|je|jeden|jede)\s+|/\s*|"
    rf"on\s+(?=week\s?days|(?:working|business)\s+days))"  # "10k on weekdays": a day's
    rf"(?:(?:working|business|work|calendar|school)\s+|(?:week|work)\s?(?=days?\b))?{_UNIT}"
    r"(?![a-z])",
    re.IGNORECASE,  # "a day", "/d"; never the "an"+"d" of "5M and growing"
)
_ADVERB = re.compile(
    r"\s*(?:[^\W\d_][\w-]*\s+){0,2}?(?P<u>hourly|daily|weekly|monthly|quarterly|yearly|"
    r"annually|per annum|annual|p\.\s?a\.?|pa(?=\s*$)|"
    r"monatlich|jährlich|täglich|wöchentlich|pcm)\b",
    re.IGNORECASE,
)
_FORTNIGHT = re.compile(  # "every other week", "fortnightly": per two weeks
    r"\s*(?:[a-z-]+\s+){0,2}?(?:every\s+(?:other|second|two|2)\s+weeks?|fortnightly|"
    r"bi-?weekly|(?:per|a|each|every)\s+fortnight)\b",
    re.IGNORECASE,
)
_FOREIGN = re.compile(  # "1,5 Mio. € im Jahr", "40.000 € monatlich", "1,2 M€ par an"
    r"\s*(?:[^\W\d_.€$£-][\w.€$£-]*\s+|[.€$£-]+\s+){0,2}?(?:(?:pro|im|je|par|por|al|per)\s+"
    r"(?P<u>werktag|arbeitstag|"
    r"jour ouvr[ée]|jour ouvrable|jahr|monat|woche|tag|an|jaar|maand|dag|werkdag|"  # Dutch too
    r"année|annee|mois|semaine|jour|año|ano|mes|semana|día|dia)|(?P<v>jährlich|jaehrlich|"
    r"monatlich|wöchentlich|woechentlich|täglich|taeglich|annuel(?:le)?|mensuel(?:le)?|"
    r"hebdomadaire|quotidien(?:ne)?|jaarlijks|maandelijks|dagelijks))(?![a-zäöüéñí])",
    re.IGNORECASE,
)
_FOREIGN_UNITS = {
    "y": ("jahr", "an", "année", "annee", "año", "ano", "jährlich", "jaehrlich", "annuel")
    + ("jaar", "jaarlijks"),
    "mo": ("monat", "mois", "mes", "monatlich", "mensuel", "maand", "maandelijks"),
    "w": ("woche", "semaine", "semana", "wöchentlich", "woechentlich", "hebdomadaire"),
    "d": ("tag", "jour", "día", "dia", "täglich", "taeglich", "quotidien", "dag", "dagelijks")
    + ("werktag", "arbeitstag", "jour ouvré", "jour ouvre", "jour ouvrable", "werkdag"),
}
_PER_SECOND = re.compile(r"\s*(?:rps|qps|req/s|requests?/s)\b", re.IGNORECASE)
_ALIASES = {  # German too: "1.200 € / Monat", "CHF 2'000 monatlich"
    "s": ("s", "sec", "second"),
    "min": ("min", "minute"),
    "h": ("h", "hr", "hour", "hourly"),
    "d": ("d", "day", "daily", "tag", "täglich", "morning", "evening", "night", "afternoon")
    + ("commute", "lunch", "lunchtime", "morgen", "abend"),  # "20 min each morning": a day's
    "w": ("w", "wk", "week", "weekly", "woche", "wöchentlich"),
    "mo": ("mo", "mth", "month", "monthly", "monat", "monatlich", "pcm"),
    "q": ("quarter", "qtr", "quarterly"),
    "y": ("y", "yr", "year", "yearly", "annually", "annual", "per annum", "p.a", "p. a", "p.a.")
    + ("p. a.", "pa", "jahr", "jährlich"),
}
_NAMES = {alias: unit for unit, aliases in _ALIASES.items() for alias in aliases}
DAYS = {"s": 1 / 86400, "min": 1 / 1440, "h": 1 / 24, "d": 1.0, "w": 7.0, "mo": DAYS_A_MONTH}
DAYS["q"] = DAYS_A_MONTH * 3
DAYS["y"] = DAYS_A_MONTH * 12
DAYS["2w"] = 14.0
WORDS = {"s": "second", "min": "minute", "h": "hour", "d": "day", "w": "week", "mo": "month"}
WORDS["q"] = "quarter"
WORDS["y"] = "year"
WORDS["2w"] = "fortnight"


_BEFORE = re.compile(  # "annual budget 120k", "yearly spend is about $120k", "monthly ~10k"
    r"\b(?P<u>annual|annually|yearly|monthly|weekly|daily|quarterly)\s+"
    r"(?:(?:api|model|llm|openai|cloud|total|token|overall)\s+)?"
    r"(?:(?:budget|spend|spending|cost|costs|bill|invoice|volume|traffic|total)\s+)?"
    r"(?:(?:is|of|at|about|around|roughly|approx\.?|ca\.?)\s+|~\s*)*[$€£¥]?\s*$",
    re.IGNORECASE,
)
_SLASH_A = re.compile(r"\s*/\s*a\b(?![.-]?\w)", re.IGNORECASE)  # German "120k/a": a year


def rate_around(text: str, start: int, end: int) -> str | None:
    """The period a number is given per, typed after it or, failing that, just before it."""
    if (after := rate_after(text, end)) is not None:
        return after
    if _SLASH_A.match(text, end):
        return "y"
    before = _BEFORE.search(text[:start])
    return _NAMES.get(before.group("u").casefold()) if before else None


def rate_after(text: str, end: int) -> str | None:
    """The period a number is given per ("a day", "/month", "yearly", "rps"), if any."""
    if _PER_SECOND.match(text, end):
        return "s"
    if _FORTNIGHT.match(text, end):
        return "2w"
    if foreign := _FOREIGN.match(text, end):
        word = (foreign.group("u") or foreign.group("v")).casefold()
        word = re.sub(r"(?:le|ne)$", "", word) if word.endswith(("elle", "enne")) else word
        return next(code for code, words in _FOREIGN_UNITS.items() if word in words)
    m = _RATE.match(text, end) or _ADVERB.match(text, end)
    if m is None:
        return None
    name = m.group("u").casefold()
    return _NAMES.get(name) or _NAMES.get(name.rstrip("s"))


TIMES = {"double": 2.0, "twice": 2.0, "triple": 3.0, "thrice": 3.0, "treble": 3.0}
_HOW_OFTEN = (  # "twice", "3 times", "2x": how many times in the period named next
    r"(?P<t>twice|thrice|(?P<n>two|three|four|five|\d{1,2})\s*(?:x|×|times))\s+"
    rf"(?:a|an|per|every|each)\s+{_UNIT}(?![a-z])"
)
_TIMES_AFTER = re.compile(rf"\s*,?\s*{_HOW_OFTEN}", re.IGNORECASE)  # "$1k twice a month"
_TIMES_BEFORE = re.compile(  # "twice a week, 2h each": the figure after the how often
    rf"\b{_HOW_OFTEN}\s*[,:;–-]?\s*(?:(?:for|of|about|around|roughly|maybe|~)\s*)*$",
    re.IGNORECASE,
)
_SMALL_TIMES = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0}


def times_a_period(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "$1k twice a month" is $2k a month, "2h twice a week" 4h a week, said back; the
    figure of "3x a week" is a count of times, not a figure of its own."""
    out: list[Quantity] = []
    spans: list[tuple[int, int]] = []
    for q in found:
        if any(a <= q.start < b for a, b in spans):
            continue
        m = _TIMES_AFTER.match(text, q.end)
        if m is None and q.rate is None:  # "deploys twice a week, 5M a month": no factor
            m = _TIMES_BEFORE.search(text, 0, q.start)
        if m is None:
            out.append(q)
            continue
        n = m["n"]
        factor = TIMES.get(m["t"].casefold()) or _SMALL_TIMES.get((n or "").casefold())
        factor = factor or float(n or 1)
        rate = _NAMES.get(m["u"].casefold()) or _NAMES.get(m["u"].casefold().rstrip("s"), "d")
        if m.start() > q.start:
            spans.append((m.start(), m.end()))
        readings = tuple(r * factor for r in q.readings)
        said = f"{q.text.strip()} {m['t']} {a_unit(WORDS[rate])} is {plain(readings[0])}"
        note = "; ".join(filter(None, [q.note, f"{said} {a_unit(WORDS[rate])}"]))
        out.append(replace(q, readings=readings, rate=rate, note=note))
    return [q for q in out if not any(a <= q.start < b for a, b in spans)]


def a_unit(unit: str) -> str:
    """ "a day", "an hour"."""
    return f"an {unit}" if unit == "hour" else f"a {unit}"


def to_period(
    q: Quantity, rate: str | None, per: str | None, whole: float | None = None
) -> Quantity:
    """The quantity restated per the question's period, with a note that says so; ``whole``:
    from which size it is said in whole units — a count from one ("5M a year" is 416,667
    requests a month, not 416,666.67; "3 days a year" is 0.25 a month, not none), money from a
    thousand ("$200k a year" is $16,667 a month, not $16,666.67; "$30 a year" is $2.50)."""
    if rate is None or per is None or rate == per or per not in DAYS:
        return q
    factor = DAYS[per] / DAYS[rate]
    readings = tuple(_rounded(r * factor, whole) for r in q.readings)
    first = readings[0]
    grouped = abs(first) >= 100 or first == round(first)
    shown = f"{first:,.0f}" if grouped else plain(round(first, 2))
    about = f"about {shown} a {WORDS[per]}"
    note = (  # a note already there (a midpoint, staff as hours) is kept, and the period added
        f"{q.note}; {about}" if q.note else f"{q.text.strip()} {a_unit(WORDS[rate])} is {about}"
    )
    return replace(q, readings=readings, note=note)


def _rounded(value: float, whole: float | None) -> float:
    if whole is None:
        return value
    return float(round(value)) if abs(value) >= whole else round(value, 2)


_ONE_OFF = re.compile(
    r"\b(?:one[- ]off|one[- ]time|once|in total|all in all|lump[- ]sum|over the whole)\b", re.I
)


def one_off(text: str) -> bool:
    """An amount said to come once ("500k one-off savings"), not per period, unless a period
    is named beside it ("20k once a month")."""
    return bool(_ONE_OFF.search(text)) and not re.search(
        r"\b(?:a|per|every|each)\s+(?:month|year|week|day)\b|/\s*(?:mo|month|yr|year)", text, re.I
    )
