"""A roadmap's scope against its team: the steps after a pilot (its staged rollout, then a
quarter of hardening and measuring) where the team has room for them, and what the plan leaves
free, said plainly. Pure."""

from __future__ import annotations

import re

from consultations.advisors.synthesis_budget import WEEKS_A_YEAR
from consultations.advisors.synthesis_items import Item, effort_weeks
from consultations.advisors.words import count, number, plural

LIVE = {"launch", "contacts"}  # steps that already put what they build in front of users
AI_SHARE_CAP = 0.2  # the share of a team's year a plan's added follow-on steps may fill (ours)
_BUILT = re.compile(r"\b(?:prototype|pilot)\s+(?P<x>.+?)(?:\s+in shadow mode|\s+on your own .*)?$")
_SHADOW = re.compile(r"^Prototype in shadow mode: (?P<x>.+)$")  # the automation report's step


def follow_ons(items: list[Item]) -> list[Item]:
    """For each pilot or prototype nothing follows yet: its staged rollout, then hardening and
    a quarter measured against the baseline; each waits for the step before it."""
    followed = {i.depends_on for i in items if i.depends_on}
    out: list[Item] = []
    for item in items:
        m = _SHADOW.match(item.title) or _BUILT.search(
            item.title.split(", then ")[-1].split("; meanwhile")[0]
        )
        if not m or item.title in followed or item.trigger or "rollout" in item.title:
            continue
        what = m.group("x")
        roll = Item(
            f"Roll out in stages: {what}",
            "10% of cases, then half, then all, each once the last matched people; the team "
            "owning the work takes it over.",
            "engineering lead",
            "all cases handled, as well as people",
            item.source,
            item.tags | {"launch"},  # it goes live: under regulation, after tracing
            depends_on=item.title,
            follow_up=True,
            urgency=item.urgency,
            weeks=6.0,
            others=set(item.others),
            subject=set(item.subject),
            extra=True,
        )
        harden = Item(
            f"Harden it, then measure a quarter: {what}",
            "Alerts, a fallback to people, an on-call owner.",
            "platform team",
            "a quarter's numbers against the baseline",
            item.source,
            set(item.tags),
            depends_on=roll.title,
            follow_up=True,
            urgency=item.urgency - 1.0,
            weeks=6.0,
            others=set(item.others),
            subject=set(item.subject),
            extra=True,
        )
        if item.tags & LIVE:  # its own step already goes live: hardening follows it
            harden.depends_on, harden.urgency = item.title, item.urgency
            out.append(harden)
        else:
            out += [roll, harden]
    return out


def within_room(plan: list[tuple[str, Item]], capacity: float) -> list[tuple[str, Item]]:
    """The plan without the added follow-on steps that would take it past its share of the
    team's year (a 3-person startup keeps a small plan), nor those after a dropped one."""
    used = sum(effort_weeks(i) for _, i in plan if not i.extra)
    dropped: set[str] = set()
    kept = []
    for horizon, item in plan:
        if item.extra:
            if item.depends_on in dropped or used + effort_weeks(item) > AI_SHARE_CAP * capacity:
                dropped.add(item.title)
                continue
            used += effort_weeks(item)
        kept.append((horizon, item))
    return kept


def share_of_year(weeks: float, capacity: float) -> str:
    """ "9% of your team's year" ("under 1%" for a sliver), or how far past it the plan goes."""
    if weeks > capacity:
        return f"{number(weeks / capacity, 1)}× your team's whole year: cut items or add people"
    share = 100 * weeks / capacity
    return f"{'under 1' if share < 1 else round(share)}% of your team's year"


def free_lines(weeks: float, capacity: float, tracks: int, team: float) -> tuple[str, ...]:
    """What a large team's plan leaves free and why, so a small plan reads as a choice."""
    if team <= 20 or weeks > capacity / 2:
        return ()
    share = 100 * weeks / capacity
    rest = "More than 99%" if share < 1 else f"The other {100 - round(share)}%"
    return (
        f"{rest} of your team's year stays free for your product: at most "
        f"{count(tracks)} AI changes at once, each with an owner, and only what your goals, "
        "constraints and consultations call for; to plan more, add a goal or a consultation.",
    )


def room_for_track(team: float, tracks: int, staff: float, weeks: float, most: int) -> str | None:
    """Why no further track fits, in figures, or None when one does: its people stay within
    the share of the team we plan for AI work at once, and every step within that share of the
    year (a 14-person team used 2% of its year while a €90k-a-month prototype waited a year)."""
    ordinal = {2: "second", 3: "third"}.get(tracks + 1, f"{tracks + 1}th")
    if tracks >= most:
        return f"all {count(tracks)} tracks, the most we plan at once, are busy all year"
    if team < 2:
        return "one person works one step at a time"
    if (tracks + 1) * staff > AI_SHARE_CAP * team + 1e-9:
        return (
            f"a {ordinal} track at once would take {plural((tracks + 1) * staff, 'person')} of "
            f"a team of {count(team)}, more than the {round(100 * AI_SHARE_CAP)}% of a team we "
            "plan for AI work at once"
        )
    if weeks > AI_SHARE_CAP * team * WEEKS_A_YEAR:
        return (
            f"with it the steps would take {number(weeks)} person-weeks, more than the "
            f"{round(100 * AI_SHARE_CAP)}% of your team's year we plan for AI work"
        )
    return None
