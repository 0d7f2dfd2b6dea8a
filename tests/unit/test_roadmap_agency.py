"""A 3-person agency's roadmap: "win 2 new retainer clients" is a revenue goal and "no IP
trouble" an IP goal (both were 'served by nothing')."""

from __future__ import annotations

import pytest

from consultations.advisors.base import EarlierConsultation
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


def test_a_goals_prototype_waits_for_the_value_the_automation_consultation_asked_for(
    catalog: Catalog,
) -> None:
    """The automation consultation said a €64,000 prototype would take 25.6 months to pay
    back; the roadmap still planned a €72,000 one for the agency's production time at once."""
    shelved = {
        "workflows": "client reporting, invoice chasing, resizing ad creatives for 12 formats",
        "why_shelved": "no time honestly",
        "checkable": "reports can be checked against GA4 numbers",
        "logs": "not really",
        "error_cost": "low, we fix it before it goes out",
        "value": "2-3k € a month",
    }
    automation = run(catalog, "automation-frontier", shelved)
    assert automation.verdict.startswith("Not yet")
    earlier = (EarlierConsultation("automation-frontier", {}, automation),)
    goal = "cut production time per campaign by 40%"
    r = run(catalog, "strategy-synthesis", {**AGENCY, "goals": goal}, earlier=earlier)
    recs = {rec.title: rec for rec in r.recommendations}
    measure = next(t for t in recs if t.startswith("Measure what"))
    proto = next(rec for t, rec in recs.items() if "prototype production" in t)
    assert proto.depends_on == measure, proto.depends_on
    assert "Only if the measured value pays a prototype back within a year" in proto.detail


def test_no_lawsuits_at_a_fintech_is_not_an_image_publishing_goal(catalog: Catalog) -> None:
    fintech = {**AGENCY, "industry": "fintech", "ai_use": "a support chatbot on OpenAI"}
    r = run(catalog, "strategy-synthesis", {**fintech, "goals": "no lawsuits"})
    assert "image" not in goal_line(r, "no lawsuits")  # neither its step nor its measure
