"""Roadmap: 'prototype load planning by Q2' names load planning; it was said to be served by a
customer-service email prototype."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_roadmap_concrete_goals import served_by
from tests.unit.test_roadmap_reads_goals import goal_line
from tests.unit.test_roadmap_serving import report, roadmap

LOGISTICS = {
    "workflows": "dock door scheduling, truck load planning (3D packing), customs document checks",
    "why_shelved": "1 and 3",
    "checkable": "dock scheduling and load planning we can simulate; customs docs can be checked",
    "logs": "1",
    "error_cost": "3",
    "value": "120.000-150.000 € a month for load planning",
}


def test_a_goal_to_prototype_one_workflow_is_served_by_that_workflow_alone(
    catalog: Catalog,
) -> None:
    r = roadmap(
        catalog,
        "25",
        "budget, skills",
        "prototype load planning by Q2; cut customer service email handling time by 40%",
        report(catalog, "automation-frontier", LOGISTICS),
    )
    line = goal_line(r, "prototype load planning by Q2")
    assert "customer service" not in served_by(line), line
    assert "load planning" in served_by(line), line


def test_a_goal_to_prototype_by_a_date_is_not_late_for_its_rollout(catalog: Catalog) -> None:
    """'Its step “Roll out in stages: truck load planning” is planned for Sep–Nov 2027, after
    the date it names (by Q2)': the goal asks for a prototype, not its rollout."""
    from datetime import date

    from consultations.advisors import advise
    from consultations.advisors.base import AdvisorInput, EarlierConsultation
    from consultations.answers import parse_answer

    script = catalog.by_slug("strategy-synthesis")
    said = {
        "role": "COO",
        "industry": "logistics",
        "team_size": "25",
        "ai_use": "an email classifier",
        "constraints": "budget",
        "goals": "prototype load planning by Q2",
    }
    answers = {q.key: parse_answer(q, said[q.key]) for q in script.questions}
    slug, earlier = report(catalog, "automation-frontier", LOGISTICS)
    r = advise(
        AdvisorInput(
            script,
            answers,
            catalog.context,
            (EarlierConsultation(slug=slug, answers={}, report=earlier),),
            as_of=date(2026, 11, 26),
        )
    )
    line = goal_line(r, "prototype load planning by Q2")
    assert "Roll out" in line and "is planned for" not in line, line
