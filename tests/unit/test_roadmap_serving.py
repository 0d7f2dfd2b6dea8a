"""Which goal each roadmap step serves, and how a goal is measured, as the reader checks it."""

from __future__ import annotations

from collections.abc import Mapping

from consultations.advisors.base import EarlierConsultation
from consultations.catalog import Catalog
from consultations.report import Report
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


def roadmap(
    catalog: Catalog, team: str, constraints: str, goals: str, *earlier: tuple[str, Report]
) -> Report:
    """The roadmap of a team with these answers, built on the reports of ``earlier``."""
    return run(
        catalog,
        "strategy-synthesis",
        {"team_size": team, "constraints": constraints, "goals": goals},
        earlier=tuple(EarlierConsultation(slug=s, answers={}, report=r) for s, r in earlier),
    )


def report(catalog: Catalog, slug: str, answers: Mapping[str, str]) -> tuple[str, Report]:
    return slug, run(catalog, slug, answers)


def test_a_rollout_does_not_serve_a_launch_goal_about_something_else(catalog: Catalog) -> None:
    """A games studio: 'Roll out in stages: the largest checkable part' (of QA) was said to
    serve 'ship on-device NPC dialogue in our next title'."""
    r = roadmap(
        catalog,
        "120 developers, 8 in ML",
        "latency on consoles, budget",
        "ship on-device NPC dialogue in our next title, cut QA cost by 30%",
        report(catalog, "automation-frontier", GAMES_AUTOMATION),
    )
    for rec in r.recommendations:
        if rec.title.startswith("Roll out in stages"):
            assert "ship on-device NPC dialogue" not in rec.detail, rec


def test_answering_faster_is_measured_by_the_time_a_case_takes(catalog: Catalog) -> None:
    """'answer citizen questions 30% faster' was measured by 'p95 latency on real traffic'."""
    r = roadmap(
        catalog,
        "35",
        "regulation, data sovereignty, skills",
        "answer citizen questions 30% faster, every automated decision explainable",
    )
    goal = next(g for g in section_items(r, "Your goals") if g.startswith("answer citizen"))
    assert "p95 latency" not in goal
    assert "Measure: the time in the goal against a baseline taken this month" in goal


def test_a_goal_with_its_own_date_gets_the_first_track(catalog: Catalog) -> None:
    """A 4-person startup wanting 'an AI scheduling assistant by March' got a document test of
    a $15-a-month help-docs RAG first, and its March goal 'not this year, no track is free'."""
    attention = {
        "pipelines": "one RAG thing over our help docs with pgvector",
        "workarounds": "context and cost",
        "doc_tokens": "10 pages",
        "context_window": "128k",
        "calls": "20k a month",
        "input_price": "$0.15",
        "upkeep_hours": "3 hours",
    }
    r = roadmap(
        catalog,
        "4",
        "money and time, we are 4 people",
        "ship an AI scheduling assistant by March, keep API costs under $500 a month",
        report(catalog, "attention-readiness", attention),
    )
    assert r.recommendations[0].title.startswith("Ship an AI scheduling assistant by March")
    assert r.verdict.startswith("First, ship an AI scheduling assistant by March")


def test_goals_said_plainly_are_served_and_a_one_page_note_is_small(catalog: Catalog) -> None:
    """'cut support escalations by 25%' was served by nothing beside a prototype of tier-2
    support escalations; 'no patient data leaves our network' 'names no outcome'; and 'Write
    down how you would switch vendor' (one page) was sized at 6 person-weeks."""
    r = roadmap(
        catalog,
        "12",
        "budget",
        "cut support escalations by 25%, no patient data leaves our network",
        report(
            catalog,
            "automation-frontier",
            {"workflows": "tier-2 support escalations, invoice dispute handling"},
        ),
        report(
            catalog,
            "model-convergence",
            {"vendors": "OpenAI", "reasons": "only one", "outage_tolerance": "hours"},
        ),
    )
    goals = section_items(r, "Your goals")
    assert not any("no item here serves it" in g for g in goals if g.startswith("cut support"))
    assert not any("names no outcome" in g for g in goals), goals
    note = next(x for x in r.recommendations if x.title.startswith("Write down"))
    assert "about 1 person-week (" in note.detail  # a page, for 12 people


def test_the_automation_reports_prototype_names_its_workflows_and_is_rolled_out(
    catalog: Catalog,
) -> None:
    """An insurer's roadmap carried the QA consultation's bare 'Prototype in shadow mode' (of
    what?), and nothing followed it: no staged rollout, no hardening."""
    r = roadmap(
        catalog,
        "400 staff, 30 in IT",
        "regulation",
        "cut claims handling time by 30%",
        report(catalog, "automation-frontier", GAMES_AUTOMATION),
    )
    titles = [rec.title for rec in r.recommendations]
    what = "QA playtesting of new levels and matchmaking tuning"
    assert f"Prototype in shadow mode: {what}" in titles
    assert "Prototype in shadow mode" not in titles
    rollout = titles.index(f"Roll out in stages: {what}")
    assert rollout > titles.index(f"Prototype in shadow mode: {what}")
    assert f"Harden it, then measure a quarter: {what}" in titles[rollout:]
