"""A research lab lead curates papers: the report names its reader by role ("for you as lead of
a 12-person applied ML lab"), not by the sentence they typed ("for you as I lead …")."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from tests.unit.test_advisors import run

LAB = (
    "I lead a 12-person applied ML lab at a university hospital; research should inform "
    "what we prototype next + which grants we write"
)


@pytest.mark.parametrize(
    ("role", "reads"),
    [
        (LAB, "For you as lead of a 12-person applied ML lab at a university hospital:"),
        ("I'm the CTO; vendor choices", "For you as CTO:"),
        ("Head of Research; what we fund", "For you as Head of Research:"),
    ],
)
def test_the_report_names_the_reader_by_role(catalog: Catalog, role: str, reads: str) -> None:
    r = run(catalog, "research-curation", {"role": role})
    assert r.summary.startswith(reads), r.summary


def test_the_roadmap_names_its_reader_by_role_too(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", {"role": "I'm the CTO, also the DPO"})
    assert r.summary.startswith("A roadmap for you as CTO, in "), r.summary
