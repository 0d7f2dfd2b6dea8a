"""Roadmap text found by playing consultation 8 as users: a team whose AI is only SaaS tools
gets no step about its own model calls, and a count goal is measured as a count."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run

CONSULTANCY = {
    "role": "Managing director",
    "industry": "Financial consulting",
    "team_size": "8",
    "constraints": "skills, budget",
    "goals": "sign 3 customers",
}


def titles(r: Report) -> list[str]:
    return [rec.title for rec in r.recommendations]


@pytest.mark.parametrize(
    "use",
    [
        "We use ChatGPT Team and Microsoft Copilot for drafting, nothing else",
        "only SaaS tools: Notion AI, DeepL and Grammarly",
        "a few people use ChatGPT and Midjourney",
    ],
)
def test_a_team_using_only_saas_tools_is_not_told_to_put_its_model_calls_behind_an_interface(
    catalog: Catalog, use: str
) -> None:
    r = run(catalog, "strategy-synthesis", {**CONSULTANCY, "ai_use": use})
    assert not any("model call" in t for t in titles(r)), titles(r)


@pytest.mark.parametrize(
    "use",
    [
        "ChatGPT for drafting and the OpenAI API for ticket summaries",
        "we call Claude via API for summarising notes",
        "a support chatbot on OpenAI, copilot for coding, nothing else yet",
    ],
)
def test_a_team_calling_models_itself_still_gets_the_interface_step(
    catalog: Catalog, use: str
) -> None:
    r = run(catalog, "strategy-synthesis", {**CONSULTANCY, "ai_use": use})
    assert any(t.startswith("Put every model call behind") for t in titles(r)), titles(r)


def goal_line(r: Report, start: str) -> str:
    goals = next(s for s in r.sections if s.title.startswith("Your goals"))
    return next(g for g in goals.items if g.startswith(start))


@pytest.mark.parametrize(
    ("goal", "measure"),
    [
        ("win one SNSF grant", "SNSF grants won this year, against the one it names"),
        ("secure 2 research grants", "research grants secured this year, against the 2 it names"),
        ("hire one data scientist", "data scientists hired this year, against the one it names"),
        ("win one grant this year", "grants won this year, against the one it names"),
    ],
)
def test_a_count_goal_is_measured_as_a_count_against_its_target(
    catalog: Catalog, goal: str, measure: str
) -> None:
    r = run(catalog, "strategy-synthesis", {**CONSULTANCY, "ai_use": "OpenAI API", "goals": goal})
    line = goal_line(r, goal)
    assert "yes/no review" not in line
    assert f"Measure: {measure}" in line, line
