"""The 2026 roadmap reads each goal for what it names: time people spend is time, not money."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run

DENTAL = {
    "role": "founder / CEO, I also do most of the ML",
    "industry": "B2B SaaS for dentists",
    "team_size": "3 (me, my cofounder & a freelancer)",
    "ai_use": "we call Claude via API for summarising patient notes, that's it",
    "constraints": "money, obviously. and we can't hire",
}


def goal_line(r: Report, start: str) -> str:
    goals = next(s for s in r.sections if s.title.startswith("Your goals")).items
    return next(g for g in goals if g.startswith(start))


@pytest.mark.parametrize(
    "goal",
    [
        "cut the time dentists spend on notes by half",
        "halve the hours our nurses spend on discharge letters",
        "cut the time each adjuster spends per claim by 30%",
    ],
)
def test_time_people_spend_is_measured_as_time_and_not_served_by_model_spend(
    catalog: Catalog, goal: str
) -> None:
    r = run(catalog, "strategy-synthesis", {**DENTAL, "goals": goal})
    line = goal_line(r, goal)
    assert "the time in the goal" in line
    assert "the cost the goal names" not in line
    assert "Price your highest-volume workload" not in line.split("Measure:")[0]
