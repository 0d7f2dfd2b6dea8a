"""Roadmap: a goal that needs what a rule forbids ("all inference on-prem" beside "no hardware
purchases this year") is said plainly as a conflict to decide, with the choices, first."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from tests.unit.test_advisors import section_items
from tests.unit.test_roadmap_serving import roadmap


@pytest.mark.parametrize(
    ("constraints", "goals"),
    [
        (
            "3, no hardware purchases this year, budget ~150k€",
            "all inference on-prem; cut discharge letter writing time by 30%",
        ),
        ("data residency", "all inference on-prem; no hardware purchases this year"),
    ],
)
def test_on_prem_inference_and_no_hardware_is_a_conflict_to_decide(
    catalog: Catalog, constraints: str, goals: str
) -> None:
    r = roadmap(catalog, "14", constraints, goals)
    assert r.verdict.startswith("Decide first"), r.verdict
    assert "all inference on-prem" in r.verdict and "no hardware purchases" in r.verdict
    (line,) = section_items(r, "A conflict to decide")
    assert "all inference on-prem" in line and "no hardware purchases this year" in line
    assert "hardware you already" in line and "next year" in line


def test_a_rule_no_step_needs_raises_no_conflict(catalog: Catalog) -> None:
    r = roadmap(catalog, "14", "budget, no new vendors", "cut discharge letter time by 30%")
    assert not any(s.title.startswith("A conflict") for s in r.sections)
    assert not r.verdict.startswith("Decide first")
