"""A solo consultant on one ChatGPT Plus seat was told to 'count the AI seats in use'; and
'budget, time' was read as '(budget)' alone."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run


def _solo(catalog: Catalog, team: str, constraints: str = "budget, time") -> Report:
    return run(
        catalog,
        "strategy-synthesis",
        {
            "role": "independent consultant",
            "industry": "management consulting",
            "team_size": team,
            "ai_use": "one ChatGPT Plus seat for drafting",
            "constraints": constraints,
            "goals": "get 2 hours a week back",
        },
    )


def test_a_one_person_practice_is_not_told_to_count_seats(catalog: Catalog) -> None:
    for team in ("1", "just me"):
        r = _solo(catalog, team, "budget")
        assert not any("seats" in rec.title.lower() for rec in r.recommendations), team


def test_a_team_on_seats_still_counts_them(catalog: Catalog) -> None:
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "team_size": "40",
            "ai_use": "ChatGPT Team for everyone and Microsoft Copilot",
            "constraints": "budget",
        },
    )
    assert any(rec.title.startswith("Count the AI seats") for rec in r.recommendations)


def test_budget_and_time_are_both_read(catalog: Catalog) -> None:
    r = _solo(catalog, "1")
    assert "budget and time" in r.summary.lower() or "budget, time" in r.summary.lower(), r.summary
