"""An EU insurer's head of AI writes goals in German: "Schadenbearbeitung um 30 % beschleunigen"
is a time goal about claims handling, prototyped by name (it was served by nothing)."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_roadmap_fintech_cto import goal_line

INSURER = {
    "role": "Head of AI",
    "industry": "Versicherung (Sach + Kfz), EU",
    "team_size": "ca. 25–30 Leute im Data/AI Team",
    "ai_use": "Chatbot im Kundenservice (Azure OpenAI), OCR für Schadensmeldungen",
    "constraints": "DSGVO, BaFin, EU AI Act, Fachkräftemangel",
}


def test_speeding_up_a_named_workflow_in_german_prototypes_that_workflow(
    catalog: Catalog,
) -> None:
    goal = "Schadenbearbeitung um 30 % beschleunigen"
    r = run(catalog, "strategy-synthesis", {**INSURER, "goals": goal})
    line = goal_line(r, goal)
    served, measure = line.split("Measure:")
    assert "prototype Schadenbearbeitung in shadow mode" in served, line
    assert "the time in the goal" in measure
    stop = next(s for s in r.sections if s.title.startswith("What to stop")).items
    assert not any(goal in x for x in stop)


def test_a_german_time_goal_naming_only_a_measure_still_starts_with_the_list(
    catalog: Catalog,
) -> None:
    goal = "Bearbeitungszeit um 20 % verkürzen"
    line = goal_line(run(catalog, "strategy-synthesis", {**INSURER, "goals": goal}), goal)
    assert "shelved" in line.split("Measure:")[0] and "the time in the goal" in line


@pytest.mark.parametrize(
    ("said", "people"),
    [
        ("zwischen 40 und 50", 45),
        ("40 bis 50", 45),
        ("1.200 Mitarbeiter, davon 80 in der IT", 80),
        ("1.200 Leute, 80 Entwickler", 80),
    ],
)
def test_a_german_team_size(catalog: Catalog, said: str, people: int) -> None:
    """'zwischen 40 und 50' was 40 (the first figure) and 'davon 80 in der IT' the 1,200."""
    q = catalog.by_slug("strategy-synthesis").question("team_size")
    assert parse_answer(q, said).number == people


@pytest.mark.parametrize(
    ("said", "requests"),
    [("3 Millionen", 3_000_000), ("zwischen 2 und 3 Millionen", 2_500_000), ("3 milliards", 3e9)],
)
def test_millions_in_german_and_french(catalog: Catalog, said: str, requests: float) -> None:
    """'3 Millionen' requests a month was read as 3."""
    q = catalog.by_slug("edge-economics").question("requests")
    assert parse_answer(q, said).number == requests


def test_an_emoji_beside_a_choice_does_not_hide_it(catalog: Catalog) -> None:
    q = catalog.by_slug("strategy-synthesis").question("constraints")
    assert parse_answer(q, "everything 😩").choices == tuple(c.value for c in q.choices)
