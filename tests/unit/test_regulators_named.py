"""Regulators and rules typed by name, not by kind: a defense contractor's "ITAR, air-gapped,
no cloud at all" was read as skills alone ("… match no option, so they are left out"); a Swiss
insurer's "FINMA was nervous" was left out of why a workflow was shelved; an agency's
"lookalikes of competitor packaging" was left out of what images could resemble."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run


def _read(catalog: Catalog, slug: str, key: str, text: str) -> tuple[tuple[str, ...], str]:
    a = parse_answer(catalog.by_slug(slug).question(key), text)
    return a.choices or (), a.note or ""


def test_itar_and_an_air_gap_are_constraints(catalog: Catalog) -> None:
    picked, note = _read(
        catalog,
        "strategy-synthesis",
        "constraints",
        "ITAR, air-gapped, no cloud at all, clearance for hires",
    )
    assert {"regulation", "data", "latency", "skills"} <= set(picked), picked
    assert "left out" not in note, note


def test_no_cloud_is_residency_and_cloud_allowed_is_not(catalog: Catalog) -> None:
    assert _read(catalog, "strategy-synthesis", "constraints", "no cloud")[0] == ("data",)
    assert "data" not in _read(catalog, "strategy-synthesis", "constraints", "budget")[0]


def test_the_air_gapped_roadmap_keeps_data_on_site(catalog: Catalog) -> None:
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "team_size": "120",
            "industry": "defense contractor (US), ITAR",
            "ai_use": "nothing in prod; some engineers use a local llama on their workstation",
            "constraints": "ITAR, air-gapped, no cloud at all",
            "goals": "keep everything on-prem",
        },
    )
    assert "regulation" in r.summary and "data" in r.summary, r.summary


def test_a_named_regulator_is_a_reason_a_workflow_was_shelved(catalog: Catalog) -> None:
    picked, note = _read(
        catalog,
        "automation-frontier",
        "why_shelved",
        "too many edge cases, and FINMA was nervous. also the models hallucinated in 2023",
    )
    assert picked == ("variability", "models", "risk"), picked
    assert "left out" not in note, note


def test_competitor_packaging_is_a_brand(catalog: Catalog) -> None:
    picked, note = _read(
        catalog,
        "diffusion-ip-risk",
        "content",
        "client brands obviously, but the risk is lookalikes of competitor packaging and "
        "sometimes celebrity-ish faces",
    )
    assert picked == ("brands", "likenesses"), picked
    assert "left out" not in note, note
