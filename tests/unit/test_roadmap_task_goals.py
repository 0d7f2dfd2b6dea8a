"""A defense contractor's goals "summarise maintenance logs for technicians" and "draft test
reports" were answered "nothing yet: it names no outcome to plan for; restate it with the
number …", and no step of the roadmap served them: a task a model can do is a prototype to
time and check."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run


def _roadmap(catalog: Catalog) -> Report:
    return run(
        catalog,
        "strategy-synthesis",
        {
            "role": "Director of Engineering",
            "industry": "defense contractor (US), ITAR",
            "team_size": "120",
            "ai_use": "nothing in prod; some engineers use a local llama on their workstation",
            "constraints": "ITAR, air-gapped, no cloud at all",
            "goals": "summarise maintenance logs for technicians, draft test reports",
        },
    )


def test_a_task_goal_gets_its_own_prototype(catalog: Catalog) -> None:
    r = _roadmap(catalog)
    titles = [rec.title for rec in r.recommendations]
    assert (
        "Time summarising maintenance logs on 30 recent cases, then prototype summarising "
        "maintenance logs in shadow mode" in titles
    ), titles
    assert any(t.startswith("Time drafting test reports") for t in titles), titles
    assert "Roll out in stages: summarising maintenance logs" in titles, titles
    first = next(rec for rec in r.recommendations if "maintenance logs" in rec.title)
    assert "shown to technicians to check and correct" in first.detail, first.detail


def test_a_task_goal_is_served_and_measured_in_minutes(catalog: Catalog) -> None:
    r = _roadmap(catalog)
    lines = [i for s in r.sections for i in s.items if i.startswith(("summarise", "draft"))]
    assert len(lines) == 2, lines
    for line in lines:
        assert "nothing yet" not in line and "no item here serves it" not in line, line
        assert "Measure: minutes per case" in line, line
