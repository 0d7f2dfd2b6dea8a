"""Automation: the prototype is sized for the team the user described, not always two engineers
for two months."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run

SOLO = {
    "workflows": "proposal drafting; invoice chasing; the monthly client reporting pack",
    "why_shelved": "5 - honestly I am alone, no time to build",
    "checkable": "2",
    "logs": "1",
    "error_cost": "2",
    "value": "€3,500 a month",
}


def _assumption(r: object) -> str:
    return next(a for a in r.assumptions if a.startswith("A prototype costs"))  # type: ignore[attr-defined]


def test_a_solo_consultant_is_sized_one_person_not_two_engineers(catalog: Catalog) -> None:
    r = run(catalog, "automation-frontier", SOLO)
    assumption = _assumption(r)
    assert "two engineers" not in assumption
    assert "one person" in assumption and "€16,000" in assumption
    assert r.figure("Prototype payback").display == "4.6 months"
    assert r.verdict.startswith("Prototype")


def test_a_five_person_startup_is_sized_like_the_roadmap_sizes_it(catalog: Catalog) -> None:
    said = {**SOLO, "why_shelved": "1, 5", "workflows": "we're a 5-person startup: KYC review"}
    assert "€16,000" in _assumption(run(catalog, "automation-frontier", said))


def test_a_team_twelve_strong_gets_a_share_and_no_size_keeps_the_full_one(
    catalog: Catalog,
) -> None:
    twelve = {**SOLO, "why_shelved": "too expensive, there are 12 of us in engineering"}
    assert "€38,000" in _assumption(run(catalog, "automation-frontier", twelve))
    unsized = {**SOLO, "why_shelved": "5"}
    assumption = _assumption(run(catalog, "automation-frontier", unsized))
    assert "€64,000" in assumption and "two engineers" in assumption


def test_a_solo_consultant_owns_every_step(catalog: Catalog) -> None:
    owners = {s.owner for s in run(catalog, "automation-frontier", SOLO).recommendations}
    assert owners == {"you"}
