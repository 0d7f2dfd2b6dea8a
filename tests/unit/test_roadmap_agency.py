"""A 3-person agency's roadmap: "win 2 new retainer clients" is a revenue goal and "no IP
trouble" an IP goal (both were 'served by nothing')."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_roadmap_fintech_cto import goal_line

AGENCY = {
    "role": "founder / creative director",
    "industry": "marketing agency",
    "team_size": "3 (me + 2 designers)",
    "ai_use": "Midjourney + Firefly for visuals, ChatGPT for copy",
    "constraints": "money & time lol",
}


@pytest.mark.parametrize(
    ("goal", "step"),
    [
        ("win 2 new retainer clients", "Pick the one AI offer customers would pay for"),
        ("sign 3 enterprise customers", "Pick the one AI offer customers would pay for"),
        ("no IP trouble", "image publishing workflow"),
    ],
)
def test_an_agency_goal_is_served_by_its_own_kind_of_step(
    catalog: Catalog, goal: str, step: str
) -> None:
    r = run(catalog, "strategy-synthesis", {**AGENCY, "goals": goal})
    line = goal_line(r, goal)
    assert step in line.split("Measure:")[0], line
