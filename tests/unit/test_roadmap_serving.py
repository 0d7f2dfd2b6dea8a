"""Which goal each roadmap step serves, and how a goal is measured, as the reader checks it."""

from __future__ import annotations

from consultations.advisors.base import EarlierConsultation
from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items

GAMES_AUTOMATION = {
    "workflows": "QA playtesting of new levels, matchmaking tuning, localisation of dialogue",
    "why_shelved": "too variable, and we had no budget",
    "checkable": "we can simulate matches with bots; playtesting can be replayed in the engine; "
    "localisation only a person can judge",
    "logs": "lots of match logs, some playtest recordings",
    "error_cost": "low",
    "value": "$60k a month of QA contractor time",
}


def test_a_rollout_does_not_serve_a_launch_goal_about_something_else(catalog: Catalog) -> None:
    """A games studio: 'Roll out in stages: the largest checkable part' (of QA) was said to
    serve 'ship on-device NPC dialogue in our next title'."""
    auto = run(catalog, "automation-frontier", GAMES_AUTOMATION)
    earlier = (EarlierConsultation(slug="automation-frontier", answers={}, report=auto),)
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "team_size": "120 developers, 8 in ML",
            "constraints": "latency on consoles, budget",
            "goals": "ship on-device NPC dialogue in our next title, cut QA cost by 30%",
        },
        earlier=earlier,
    )
    for rec in r.recommendations:
        if rec.title.startswith("Roll out in stages"):
            assert "ship on-device NPC dialogue" not in rec.detail, rec


def test_answering_faster_is_measured_by_the_time_a_case_takes(catalog: Catalog) -> None:
    """'answer citizen questions 30% faster' was measured by 'p95 latency on real traffic'."""
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "team_size": "35",
            "constraints": "regulation, data sovereignty, skills",
            "goals": "answer citizen questions 30% faster, every automated decision explainable",
        },
    )
    goal = next(g for g in section_items(r, "Your goals") if g.startswith("answer citizen"))
    assert "p95 latency" not in goal
    assert "Measure: the time in the goal against a baseline taken this month" in goal
