"""Choices named by a regulator, a rule or a neighbour's word: an Indian fintech's KYC data, a
Swiss insurer's FINMA, a US defence contractor's ITAR, a Dutch team's access rights."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog

CASES = [  # (consultation, question, typed, the options read); each was refused or short before
    (
        "edge-economics",
        "sensitivity",
        "KYC docs, PAN and Aadhaar numbers - highly sensitive, RBI data localisation",
        ("regulated",),  # was "Pick one of: …", asked again
    ),
    ("edge-economics", "sensitivity", "ITAR technical data", ("regulated",)),
    ("edge-economics", "sensitivity", "student essays, FERPA", ("regulated",)),  # a university
    ("edge-economics", "sensitivity", "student essays", ("confidential",)),
    ("edge-economics", "sensitivity", "highly sensitive", ("confidential",)),
    ("edge-economics", "sensitivity", "not very sensitive", ("public",)),  # no "very sensitive"
    (
        "model-convergence",
        "reasons",
        "FINMA und Datenschutz, plus Mistral ist günstiger",
        ("price", "compliance"),  # was compliance, “FINMA” and “Mistral ist günstiger” left out
    ),
    ("model-convergence", "reasons", "ITAR, air-gapped", ("compliance",)),
    (
        "reasoning-telemetry",
        "audit",
        "yes, DFARS / CMMC level 2 and ITAR, 7 years",
        ("regulated",),  # was "Yes — which one: `2` … or `3` …?"
    ),
    (
        "attention-readiness",
        "workarounds",
        "context length en kosten, en de retriever is ook voor toegangsrechten per klant",
        ("context-length", "cost", "access-control"),  # access control was left out
    ),
]


@pytest.mark.parametrize(("slug", "key", "typed", "chosen"), CASES)
def test_read_as_the_option_meant(
    catalog: Catalog, slug: str, key: str, typed: str, chosen: tuple[str, ...]
) -> None:
    a = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert a.choices == chosen
    assert "left out" not in (a.note or "")
