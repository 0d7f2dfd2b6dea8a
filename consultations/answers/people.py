"""People in an answer: whole persons ("two teams of 5", "me and a freelancer") and their
time ("two people half time" as hours a week, "4h a week" as engineer-days). Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity
from consultations.answers.model import plain
from consultations.answers.units import FTE_HOURS_A_WEEK

SHARE_OF_TIME = re.compile(
    r"\s*[,:;(–-]?\s*(?:\w+\s+){0,2}?"
    r"(?P<s>half[- ]?time|half(?:\s+of)?\s+(?:their|his|her|my|our|the)"
    r"\s+time|(?:an?\s+)?(?P<frac>quarter|third|fifth|tenth)(?:[- ]time|\s+of\s+"
    r"(?:their|his|her|my|our|the)\s+time)|"
    r"part[- ]?time|full[- ]?time|(?P<pct>\d{1,3})\s*%|"
    r"halbtags|halbtägig|teilzeit|vollzeit|(?:à\s+)?mi-temps|temps partiel|(?:à\s+)?temps plein|"
    r"plein temps)",
    re.I,
)
_SHARE_BEFORE = re.compile(  # "20% of one engineer", "about 25% of a dev", "half of one"
    r"(?:(?P<pct>\d{1,3})\s*%|(?P<half>half))\s+of\s+(?:an?\s+|one\s+|our\s+|the\s+|my\s+)?$",
    re.I,
)
_FRACTION_OF_TIME = {"quarter": 0.25, "third": 1 / 3, "fifth": 0.2, "tenth": 0.1}
SOLO = re.compile(
    r"^\s*(?:(?:it'?s\s+)?(?:just|only)\s+)?(?:me|myself)\b|\bsolo\b|\bon my own\b|"
    r"\bby myself\b|\bone[- ]man\b",
    re.I,
)
_ME = (  # "me", "it's me", "the team is just me", "I'm solo": the speaker, before the others
    r"^\s*(?:(?:it'?s|it\s+is|that'?s|(?:the\s+)?team\s+is|we\s+are|we'?re)\s+)?"
    r"(?:(?:just|only)\s+)?(?:me|myself|i|i'?m\s+solo|i\s+am\s+solo)[\s,]+"
    r"(?:and|plus|\+|with)\s+"
)
ME_AND = re.compile(_ME, re.I)
PEOPLE_AFTER = re.compile(  # "3 ppl", "12 engineers": people, never runs, calls or requests
    r"\s*(?:ppl|people|persons?|engineers?|devs?|developers?|staff|employees|ftes?|heads?|"
    r"folks|guys?|gals?|members?|analysts?|agents? on (?:the )?team|"
    r"leute|personen|mitarbeiter(?:innen)?|kollegen|personnes|développeurs|ingénieurs)(?![\w-])",
    re.I,
)
HOURS_A_DAY = 8.0  # a working day (our assumption, said back)


ME_AND_ONE = re.compile(  # "just me and a freelancer": one more
    _ME + r"(?:a|an|one)\s+[a-z]", re.I
)
_TEAMS_OF = re.compile(  # "two teams of 5", "3 scrum teams of 7"; not "2k (IT), ML team of 40"
    r"\s*(?:[a-z-]+\s+)?(?:teams?|squads?|groups?|pods?)\s+of\s*", re.I
)


_GROUPS = re.compile(  # "3 teams", "2 scrum squads": groups of people, not people
    r"\s*(?:[a-z-]+\s+)?(?P<g>teams?|squads?|groups?|pods?|tribes?|departments?|offices?|"
    r"companies|sites?|subsidiaries|business units?)(?![\w-])(?!\s+of\b)",
    re.I,
)


def without_groups(text: str, found: list[Quantity]) -> tuple[list[Quantity], str | None]:
    """The figures that count people, without those that count groups ("3 teams, 25 people":
    the 25); when every figure counts groups, none, and the first as typed ("3 teams")."""
    kept = [q for q in found if q.unit or not _GROUPS.match(text, q.end)]  # "a 10-person team"
    first = _GROUPS.match(text, found[0].end) if found and not kept else None
    return kept, text[found[0].start : first.end()].strip() if first else None


def whole_people(text: str, found: list[Quantity]) -> list[Quantity]:
    """People are whole; "two teams of 5" is 10; "me and a freelancer" is 2."""
    if not found and ME_AND_ONE.match(text):
        return [Quantity((1.0,), 0, len(text), text="one")]  # the speaker is added below
    if len(found) == 2 and _TEAMS_OF.fullmatch(text[found[0].end : found[1].start]):
        a, b = found
        note = f"{plain(a.readings[0])} × {plain(b.readings[0])} people"
        return [replace(a, readings=(a.readings[0] * b.readings[0],), end=b.end, note=note)]
    return [
        replace(q, readings=tuple(float(round(r + 1e-9)) for r in q.readings))
        if q.note and "midpoint" in q.note
        else q
        for q in found
    ]


_BUILDER_WORDS = (
    r"(?:eng|engineers?|engineering|devs?|developers?|tech|r&d|it|software|builders?|coders?|"
    r"programmers?|data scientists?|ml|ai|data|product(?:\s*(?:&|and)\s*eng\w*)?|"
    r"entwickler(?:innen)?|entwicklung|ingenieur\w*|informatik)(?![\w-])"
)
_BUILDERS_AFTER = re.compile(  # "60 in eng", "60 of them devs", "25 in tech"
    rf"\s*(?:of\s+(?:them|whom|those)\s+)?(?:are\s+)?(?:(?:in|im)\s+(?:the\s+|der\s+)?)?"
    rf"{_BUILDER_WORDS}",
    re.I,
)
_BUILDER_NOUN = re.compile(rf"(?<![\w-]){_BUILDER_WORDS}", re.I)  # "40 engineers", read as one


def builders(text: str, found: list[Quantity]) -> Quantity | None:
    """ "150 people total, ~60 in eng": at a question about the people who build, the one
    figure named as builders, when it is not the first."""
    named = [
        q
        for q in found
        if _BUILDERS_AFTER.match(text, q.end) or (q.unit and _BUILDER_NOUN.search(q.text))
    ]
    return named[0] if len(named) == 1 and named[0] is not found[0] else None


def hours_as_days(q: Quantity) -> Quantity:
    """ "4h per week" at a question in engineer-days: half a day a week, not 4 days."""
    shown = f"{plain(q.readings[0])}h" if q.note else q.text.strip()  # 8h, from 2 × 4h
    note = f"{shown} at {HOURS_A_DAY:.0f} hours a day (our assumption)"
    note = f"{q.note}; {note}" if q.note else note  # "two people × 4h each" stays said
    return replace(q, readings=tuple(r / HOURS_A_DAY for r in q.readings), unit=None, note=note)


def staff_hours(q: Quantity, text: str) -> Quantity:
    """ "two people half time": hours a week, 40 for each person full time, said back."""
    return staff(q, text, FTE_HOURS_A_WEEK, "hours", "h")


def staff(q: Quantity, text: str, a_week: float, what: str, unit: str | None) -> Quantity:
    """People as their time a week (``a_week`` of ``what`` each full time), said back."""
    share, said = 1.0, "full time"
    if before := _SHARE_BEFORE.search(text[: q.start]):  # "20% of one engineer"
        pct_said = before.group("pct") or "50"  # "half of one engineer"
        share, said = int(pct_said) / 100, f"at {pct_said}%"
    m = SHARE_OF_TIME.match(text, q.end) if before is None else None
    if m is not None:
        word = m.group("s").casefold()
        share = (
            int(m.group("pct")) / 100
            if m.group("pct")
            else _FRACTION_OF_TIME[m.group("frac").casefold()]
            if m.group("frac")
            else 0.5
            if not word.startswith(("full", "voll", "temps plein", "à temps plein", "plein"))
            else 1.0
        )
        said = f"at {m.group('pct')}%" if m.group("pct") else m.group("s")
    time = tuple(r * share * a_week for r in q.readings)
    each = " each" if any(r > 1 for r in q.readings) else ""  # "one engineer": no "each"
    pct = before is not None or (m is not None and m.group("pct"))
    of = f"{said} of" if pct else f"{said} at"  # "at 20% of 40 h"
    note = f"{q.text.strip()} {of} {a_week:.0f} {what} a week{each} (our assumption)"
    if m is None and before is None and any(r != round(r) for r in q.readings):  # "half an FTE"
        note = f"{q.text.strip()} at {a_week:.0f} {what} a week for one full time (our assumption)"
    return replace(q, readings=time, rate=q.rate or "w", unit=unit, note=note)


def with_noun(text: str, q: Quantity) -> str:
    """The number as typed with the noun after it ("3 ppl")."""
    m = PEOPLE_AFTER.match(text, q.end)
    return text[q.start : m.end() if m else q.end].strip()


_ROLE = (  # who is counted in a team: "devs", "data person", "PM", "Entwickler"
    r"(?:people|persons?|person|ppl|folks|heads?|staff|ftes?|engineers?|devs?|developers?|"
    r"entwickler(?:innen)?|ingenieur(?:e|innen)?|data\s+(?:person|people|folks|guy|guys)|"
    r"scientists?|analysts?|researchers?|designers?|pms?|pos?|product\s+(?:managers?|owners?|"
    r"people)|managers?|leads?|architects?|testers?|qa|sres?|ops|devops|admins?|contractors?|"
    r"freelancers?|interns?|students?|phds?|postdocs?|werkstudent(?:en|innen)?|"
    r"mitarbeiter(?:innen)?|leute|personen?)"
)
_ROLE_ITEM = re.compile(  # "6 entwickler", "2 data scientists", "a PM", "1 ML engineer"
    rf"(?:(?:so|about|around|roughly|ca\.?|circa|etwa|ungefähr|~)\s*)?"
    rf"(?P<said>(?P<n>\d{{1,4}}|an?|one|eine?n?)\s+(?:[a-z&/-]+\s+){{0,2}}?{_ROLE})\.?",
    re.I,
)
_ROLE_SEP = re.compile(r"\s*(?:[,;+&]|\band\b|\bund\b|\bplus\b)\s*", re.I)


def role_headcount(text: str) -> Quantity | None:
    """ "6 devs, 1 data person", "4 engineers, 2 data scientists and a PM": a team listed by
    role is one headcount, added up and said back; None unless every piece is a role counted."""
    pieces = [p for p in _ROLE_SEP.split(text.strip(" .!")) if p]
    if len(pieces) < 2:
        return None
    counts: list[float] = []
    said: list[str] = []
    for piece in pieces:
        m = _ROLE_ITEM.fullmatch(piece)
        if m is None:
            return None
        n = m.group("n")
        counts.append(float(n) if n.isdigit() else 1.0)
        said.append(m.group("said"))
    note = f"{' + '.join(said)} added up"
    return Quantity((sum(counts),), 0, len(text), text=text, note=note)
