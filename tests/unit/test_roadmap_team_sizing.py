"""A roadmap's steps are sized for the team that carries them, in step with its size: a
12-person fintech was sized like a large organisation (two engineers on every step, tracing
6 person-weeks), and the effort it printed was rounded so it no longer matched its price."""

from __future__ import annotations

import re
from datetime import date

from consultations.advisors import advise
from consultations.advisors.base import AdvisorInput
from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run
from tests.unit.test_roadmap_reads_goals import goal_line

FINTECH_12 = {
    "role": "Head of Engineering, I also own the data platform",
    "industry": "fintech (payments, B2B invoicing), EU + UK",
    "team_size": "12, incl. 2 data people",
    "ai_use": "gpt-4o via Azure for support macros, Copilot for code, a small fraud model",
    "constraints": "regulation (FCA, DORA), and budget",
    "goals": "get the support bot to answer 40% of tickets, pass the DORA audit in Q3",
}


def roadmap(catalog: Catalog, team: str) -> Report:
    return run(catalog, "strategy-synthesis", {**FINTECH_12, "team_size": team})


def test_a_twelve_person_team_gets_one_engineer_per_step_and_says_how_it_was_sized(
    catalog: Catalog,
) -> None:
    r = roadmap(catalog, "12, incl. 2 data people")
    text = " ".join(f"{x.title} ({x.owner})" for x in r.recommendations) + r.verdict
    assert "two engineers" not in text, text
    assert "(an engineer)" in r.verdict, r.verdict
    sizing = next(a for a in r.assumptions if a.startswith("Effort per item"))
    assert "scaled to a team of 12 (60% of what a team of 20 or more takes" in sizing, sizing
    assert "a pilot or prototype 9.5 person-weeks (one person, 2 months)" in sizing, sizing
    assert "up to 1 person works a track's item" in sizing


def test_the_cost_of_a_plan_grows_with_the_team_not_in_one_jump(catalog: Catalog) -> None:
    costs = [roadmap(catalog, str(n)).figure("What the plan costs").value for n in (5, 8, 12, 16)]
    assert all(c is not None for c in costs)
    assert costs == sorted(costs) and len(set(costs)) == len(costs), costs
    full = roadmap(catalog, "60")
    assert any(
        a.startswith("Effort per item is our rough sizing: a pilot") for a in full.assumptions
    )


def test_each_steps_effort_is_printed_as_priced(catalog: Catalog) -> None:
    """A 4-person team's 'Effort: about 2 person-weeks (≈ €6,000 …)' was 1.5 weeks shown
    rounded, so the weeks and the price disagreed; 20.5 weeks was shown as '2'."""
    r = roadmap(catalog, "4")
    total = 0.0
    for rec in r.recommendations:
        m = re.search(
            r"Effort: about ([\d.]+) person-weeks? \(≈ €([\d,]+) at €800 a day\)", rec.detail
        )
        assert m, rec.detail
        weeks, price = float(m.group(1)), float(m.group(2).replace(",", ""))
        assert weeks * 5 * 800 == price, rec.detail
        total += weeks
    cost = r.figure("What the plan costs")
    assert cost.display.startswith(f"about €{total * 4000:,.0f}: "), cost.display
    assert f": {total:g} person-weeks" in cost.display, cost.display


def test_a_team_in_the_eu_and_the_uk_is_priced_in_the_first_currency_it_named(
    catalog: Catalog,
) -> None:
    """'EU + UK' was priced in pounds without a word (the UK rule was simply checked first)."""
    r = roadmap(catalog, "12")
    assert r.figure("What the plan costs").display.startswith("about €")
    said = next(a for a in r.assumptions if a.startswith("No amount you gave named a currency"))
    assert "amounts are in euros, for “EU” (named before “UK”)" in said, said


def test_a_step_after_its_goals_date_is_named_even_when_not_the_first(catalog: Catalog) -> None:
    """'pass the DORA audit in Q3': the audit rehearsal was planned for Sep–Nov 2027, after
    the audit, and nothing was said (only a goal's first step was checked). A team of 5 has
    one track (12 people now get a second, and rehearse in time)."""
    script = catalog.by_slug("strategy-synthesis")
    said = {
        **FINTECH_12,
        "team_size": "5, incl. 2 data people",
        "goals": "cut manual invoice matching by half, get the support bot to answer 40% of "
        "tickets, pass the DORA audit in Q3",
    }
    answers = {q.key: parse_answer(q, said[q.key]) for q in script.questions}
    r = advise(AdvisorInput(script, answers, catalog.context, (), as_of=date(2026, 11, 26)))
    audit = goal_line(r, "pass the DORA audit in Q3")
    rehearsal = next(x for x in r.recommendations if x.title.startswith("Rehearse an audit"))
    assert "Sep–Nov 2027" in (rehearsal.horizon or ""), rehearsal.horizon
    assert (
        "Its step “Rehearse an audit: reconstruct 20 sampled decisions end to end” is planned "
        "for Sep–Nov 2027, after the date it names (in Q3)" in audit
    ), audit
