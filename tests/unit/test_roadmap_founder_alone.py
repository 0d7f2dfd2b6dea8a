"""A founder alone ("just me") read "one track at a time for a team of 1 person", "about
$34,000 in people's time (18% of your team's year)"; "cut my support time by half" became the
prototype of "my support" ("Define how a good my support outcome is checked"); "ship an AI
onboarding assistant" counted "AI onboarding cases" done by hand today."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run


def _founder(catalog: Catalog, team: str = "just me") -> Report:
    return run(
        catalog,
        "strategy-synthesis",
        {
            "role": "idk, founder",
            "industry": "saas",
            "team_size": team,
            "ai_use": "chatgpt + cursor",
            "constraints": "time",
            "goals": "ship an AI onboarding assistant to customers by March, "
            "cut my support time by half",
        },
    )


def test_a_founder_alone_reads_a_plan_for_one(catalog: Catalog) -> None:
    r = _founder(catalog)
    assert r.verdict.endswith("one step at a time, by you alone."), r.verdict
    assert "of your own time (" in r.summary and "% of your year)" in r.summary, r.summary
    assert "team" not in r.summary and "people's" not in r.summary, r.summary
    plan_cost = next(f for f in r.figures if f.label == "What the plan costs")
    assert plan_cost.display.endswith("% of your year"), plan_cost.display


def test_a_team_still_reads_tracks_and_its_year(catalog: Catalog) -> None:
    r = _founder(catalog, "12")
    assert r.verdict.endswith("for a team of 12 people."), r.verdict
    assert "in people's time" in r.summary and "of your team's year" in r.summary, r.summary


def test_my_and_ai_are_not_part_of_the_workflow(catalog: Catalog) -> None:
    r = _founder(catalog)
    titles = [rec.title for rec in r.recommendations]
    assert (
        "Define how a good support outcome is checked, then prototype support in shadow mode"
        in titles
    ), titles
    launch = next(rec for rec in r.recommendations if rec.title.startswith("Ship an AI"))
    assert "100 recent onboarding cases" in launch.detail, launch.detail
