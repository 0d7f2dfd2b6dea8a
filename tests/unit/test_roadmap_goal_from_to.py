"""A goal that says its own baseline and target ("cut chargebacks from 2% to 1%") was measured
as "…against a baseline taken this month; target: 2% below it" (the baseline read as the cut),
and "reduce fraud losses from 1.2 crore to under 80 lakh a year" as "the number in the goal,
against a baseline taken this month"."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from tests.unit.test_advisors import run


@pytest.mark.parametrize(
    ("goal", "measure"),
    [
        ("cut chargebacks from 2% to 1%", "chargebacks, from 2% today; target: 1%"),
        (
            "reduce fraud losses from 1.2 crore to under 80 lakh a year",
            "fraud losses, from 1.2 crore today; target: under 80 lakh",
        ),
        (
            "cut onboarding time from 5 days to 2 days",
            "onboarding time, from 5 days today; target: 2 days",
        ),
    ],
)
def test_a_goal_says_its_baseline_and_target(catalog: Catalog, goal: str, measure: str) -> None:
    r = run(
        catalog,
        "strategy-synthesis",
        {"team_size": "35", "industry": "fintech", "constraints": "budget", "goals": goal},
    )
    line = next(i for s in r.sections for i in s.items if i.startswith(goal))
    assert f"Measure: {measure}." in line, line


def test_a_cut_by_a_share_keeps_its_baseline_to_take(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", {"team_size": "35", "goals": "cut support cost by 30%"})
    line = next(i for s in r.sections for i in s.items if i.startswith("cut support cost"))
    assert "against a baseline taken this month; target: 30% below it" in line, line


@pytest.mark.parametrize(
    ("goal", "target"),
    [
        ("cut claims handling time by twenty percent", "; target: 20% below it."),
        ("cut API spend by twenty-five percent", "; target: 25% below it."),
    ],
)
def test_a_dictated_share_is_the_target(catalog: Catalog, goal: str, target: str) -> None:
    """ "by twenty percent", as a voice dictates it, was measured with no target at all."""
    r = run(catalog, "strategy-synthesis", {"team_size": "25", "goals": goal})
    line = next(i for s in r.sections for i in s.items if i.startswith(goal))
    assert target in line, line


def test_a_spend_kept_under_a_figure_says_its_ceiling(catalog: Catalog) -> None:
    """ "keep AI spend under CHF 100k" was measured "monthly model spend against this
    month's", the CHF 100k nowhere."""
    goal = "keep AI spend under CHF 100k a year"
    r = run(catalog, "strategy-synthesis", {"team_size": "40", "goals": goal})
    line = next(i for s in r.sections for i in s.items if i.startswith(goal))
    assert "Measure: monthly model spend against this month's; ceiling: under CHF 100k a year." in (
        line
    ), line
