"""How big a roadmap's steps are for the team that carries them: our sizing (a prototype is
two engineers for two months at 20 people or more) scaled down in step with the team, never
below a quarter, and how many people work one step. Pure; the report states it as ours."""

from __future__ import annotations

import math
import re

from consultations.advisors.synthesis_items import Item, effort_weeks
from consultations.advisors.words import number

FULL_TEAM = 20.0  # people: from here on a step takes the full sizing (ours)
MIN_SCALE = 0.25  # a team of 5 or fewer: a quarter of it, a prototype one person for a month
FULL_CREW = 2  # people on one step at full size (the sizing's two engineers)


def scale(team: float) -> float:
    """The share of the full sizing a team's steps take: team ÷ 20, between a quarter and all."""
    return min(1.0, max(MIN_SCALE, team / FULL_TEAM))


def crew(team: float) -> int:
    """People working one step: two at full size, one below three quarters of it (15 people)."""
    return max(1, min(FULL_CREW, math.floor(FULL_CREW * scale(team) + 0.5)))


def scaled(weeks: float, team: float) -> float:
    """Person-weeks of a step at this team's scale, to the half week (at least half a week)."""
    return weeks if scale(team) >= 1 else max(0.5, round(weeks * scale(team) * 2) / 2)


def size_for_team(items: list[Item], team: float) -> None:
    """Every step sized for the team ("Send the questionnaire …" was 10 person-weeks for a
    3-person agency, a 12-person fintech's tracing 6 with two engineers on it)."""
    if scale(team) < 1:
        for item in items:
            item.weeks = scaled(effort_weeks(item), team)


def sizing_assumption(team: float, staff: float) -> str:
    """The sizing, said as ours, with the scale this team's steps were given."""
    share = scale(team)
    people = "one person" if crew(team) == 1 else "two engineers"
    kinds = (
        f"a pilot or prototype {number(scaled(16, team))} person-weeks ({people}, "
        f"{_months(scaled(16, team) / crew(team))}), a document, list or measurement "
        f"{number(scaled(2, team))}, other engineering work {number(scaled(6, team))}"
    )
    scaled_to = (
        f", scaled to a team of {number(team, 0)} ("
        + (
            "a quarter of what a team of 20 or more takes, the least we size"
            if share <= MIN_SCALE
            else f"{round(100 * share)}% of what a team of 20 or more takes: team ÷ 20"
        )
        + ")"
        if share < 1
        else ""
    )
    return (
        f"Effort per item is our rough sizing{scaled_to}: {kinds}; up to {number(staff, 1)} "
        f"{'person works' if staff == 1 else 'people work'} a track's item, so one longer than a "
        "quarter holds its track for more"
    )


def _months(weeks: float) -> str:
    months = max(1.0, round(weeks / 4.33 * 2) / 2)
    return "a month" if months == 1 else f"{number(months)} months"


BUILDS_ALONE = re.compile(  # "Founder and CEO, also the only engineer most days"
    r"\b(?:the\s+only|sole|only|lone|solo|single)\s+(?:engineer|developer|dev|coder|"
    r"programmer|technical person|tech person)\b|\bsolo\b|\bone-(?:man|woman|person)\b",
    re.I,
)


def owner_for(kind: str, team: float, lead: str, role: str = "") -> str:
    """Who in a team this size carries a step its consultation gave a larger team's role; in
    a small team whose lead says they are its only engineer (``role``), the lead builds too."""
    if team > 20:
        return kind
    if team > 8:  # a team this size has no platform team, procurement or compliance lead
        return {
            "platform team": "two engineers" if crew(team) > 1 else "an engineer",
            "on-call lead": "an engineer",
            "procurement": lead,
            "compliance lead": lead,
            "legal": "outside counsel",
        }.get(kind, kind)
    builder = "an engineer" if team > 1 and not BUILDS_ALONE.search(role) else lead
    return {
        "platform team": builder,
        "ML engineer": builder,
        "ML partner or hire": "ML partner or hire",  # the automation plan brings one in
        "on-call lead": builder,
        "legal": "outside counsel",
    }.get(kind, lead)


_ALONE = re.compile(  # "honestly I am alone", "just me", "solo consultant", "freelancer"
    r"\b(?:i'?m|i am)\s+(?:alone|on my own|by myself|solo)\b|\bjust me\b|\bonly me\b|"
    r"\bsolo\b|\bone[- ](?:man|woman|person)\b|\bfreelancer?\b|\bby myself\b|\bon my own\b|"
    r"\bseul(?:e)?\b|\ballein\b",
    re.I,
)
_TEAM_OF = re.compile(  # "a 5-person startup", "12 of us", "team of 8", "we're 30 people"
    r"\b(?P<a>\d{1,4})[- ](?:person|people|man|strong)\b|\b(?P<b>\d{1,4})\s+of\s+us\b|"
    r"\bteam\s+of\s+(?P<c>\d{1,4})\b|\bwe(?:'re|\s+are)\s+(?P<d>\d{1,4})\b",
    re.I,
)


def team_said(text: str) -> float | None:
    """The team size an answer mentions in passing ("honestly I am alone": 1; "we're a
    5-person startup": 5), or None when it says none."""
    if m := _TEAM_OF.search(text):
        return float(next(g for g in m.groups() if g))
    return 1.0 if _ALONE.search(text) else None


def prototype_days(team: float | None) -> tuple[float, str]:
    """Engineer-days of a prototype for a team (full size when unknown), and who builds it for
    how long, in words: "one person for a month"."""
    if team is None:
        return 80.0, "two engineers for two months"
    weeks = scaled(16, team)
    people = "one person" if crew(team) == 1 else "two engineers"
    return weeks * 5, f"{people} for {_months(weeks / crew(team))}"


_NO_ML = re.compile(  # "Skills: no ML engineers", "nobody here does ML", "no data scientists"
    r"\bno\s+(?:in-house\s+|internal\s+)?(?:ml|machine[- ]learning|ai|data[- ]science)\s+"
    r"(?:engineers?|people|skills?|expertise|team|staff|experience|specialists?|talent)\b|"
    r"\bno\s+(?:ml\b|data\s+scientists?\b)|\b(?:nobody|no one|no-one)\s+(?:here\s+|on the team\s+)?"
    r"(?:does|knows|can do)\s+(?:ml|machine learning)\b|\bwithout\s+(?:an?\s+)?"
    r"(?:ml|machine[- ]learning)\s+(?:engineers?|team|people)\b",
    re.I,
)


def no_ml_said(text: str) -> str | None:
    """How an answer says the team has no one for machine learning ("no ML engineers"), or
    None when it does not."""
    return m.group() if (m := _NO_ML.search(text)) else None


_FOR_ONE = (  # a step written for a team, as it reads for one person doing the work alone
    ("each once the last matched people", "each once the last matched your own results"),
    ("the team owning the work takes it over", "you stop doing each share by hand"),
    ("matching people on", "matching your own results on"),
    ("as well as people", "as well as you do"),
    ("beside the people doing the work", "beside your own work on the same cases"),
    ("a person approving every action", "you approving every action"),
    ("a person approves every action", "you approve every action"),
    ("worth a team's quarter", "worth your quarter"),
    ("your team keeps", "you keep"),
    ("one track at a time for a team of 1 person", "one step at a time, by you alone"),
    ("one item per track at a time", "one item at a time"),
    ("in people's time", "of your own time"),
    ("your team's whole year", "your whole year"),
    ("your team's year", "your year"),
)


def for_one(text: str) -> str:
    """A step's words for a team of one: no people to match, no team to take it over."""
    for team_words, own in _FOR_ONE:
        text = text.replace(team_words, own)
    return text
