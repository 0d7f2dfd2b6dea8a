"""A mistyped consultation name is offered the one it is closest to, never started."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog, edit_distance


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("edgy", "edge-economics"),
        ("edge-economix", "edge-economics"),
        ("difusion", "diffusion-ip-risk"),
        ("telemtry", "reasoning-telemetry"),
        ("the atention one", "attention-readiness"),
    ],
)
def test_a_near_miss_names_the_closest_consultation(
    catalog: Catalog, typed: str, slug: str
) -> None:
    found = catalog.closest(typed)
    assert found is not None and found.slug == slug


@pytest.mark.parametrize("typed", ["zzz", "12", "lawyers", "", "a"])
def test_words_near_no_consultation_are_offered_none(catalog: Catalog, typed: str) -> None:
    assert catalog.closest(typed) is None


def test_edit_distance_counts_single_edits() -> None:
    assert edit_distance("edgy", "edge") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == 3
    assert edit_distance("same", "same") == 0
