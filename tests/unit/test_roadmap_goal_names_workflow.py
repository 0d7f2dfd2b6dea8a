"""Roadmap goals naming a workflow the automation consultation planned, in its own words: 'cut
OR cancellations by 20%' beside an OR scheduling prototype was served by nothing; 'cut picking
travel time by 15%' got its own prototype beside the one of picking and warehouse slotting."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from tests.unit.test_roadmap_concrete_goals import served_by
from tests.unit.test_roadmap_reads_goals import goal_line
from tests.unit.test_roadmap_serving import report, roadmap

HOSPITAL = {
    "workflows": "OR scheduling, discharge planning, coding of diagnoses",
    "why_shelved": "1, 4",
    "checkable": "OR scheduling and discharge planning: we have a simulator; coding only a "
    "person can judge",
    "logs": "1",
    "error_cost": "3",
    "value": "€90,000 a month",
}
WAREHOUSE = {
    "workflows": "picking and warehouse slotting, supplier invoices",
    "why_shelved": "1",
    "checkable": "slotting and picking we can simulate with our digital twin",
    "logs": "1",
    "error_cost": "2",
    "value": "€50,000 a month",
}
HOSPITAL_GOALS = "cut OR cancellations by 20%; reduce discharge delays by 1 day"


@pytest.mark.parametrize(
    ("goal", "workflow"),
    [
        ("cut OR cancellations by 20%", "OR scheduling"),
        ("reduce discharge delays by 1 day", "discharge planning"),
    ],
)
def test_a_goal_naming_a_planned_workflow_is_served_by_its_prototype(
    catalog: Catalog, goal: str, workflow: str
) -> None:
    r = roadmap(
        catalog, "40", "budget", HOSPITAL_GOALS, report(catalog, "automation-frontier", HOSPITAL)
    )
    line = goal_line(r, goal)
    assert "Prototype in shadow mode" in served_by(line), line
    assert workflow in served_by(line), line


def test_or_the_conjunction_names_no_operating_room(catalog: Catalog) -> None:
    r = roadmap(
        catalog,
        "40",
        "budget",
        "win 3 new clients or partners",
        report(catalog, "automation-frontier", HOSPITAL),
    )
    line = goal_line(r, "win 3 new clients")
    assert "OR scheduling" not in served_by(line), line


def test_a_goal_naming_a_planned_workflow_gets_no_second_prototype(catalog: Catalog) -> None:
    r = roadmap(
        catalog,
        "40",
        "budget",
        "cut picking travel time by 15%",
        report(catalog, "automation-frontier", WAREHOUSE),
    )
    titles = [rec.title for rec in r.recommendations]
    assert not any("prototype picking travel" in t for t in titles), titles
    assert not any(t.endswith(": picking travel") for t in titles), titles
    line = goal_line(r, "cut picking travel time by 15%")
    assert "Prototype in shadow mode: picking and warehouse slotting" in served_by(line), line
