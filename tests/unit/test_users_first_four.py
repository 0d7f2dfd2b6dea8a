"""What real users of consultations 1-4 typed, and what they must see back: each phrasing read
right or said back, never silently misread; each report says what follows from the answers."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog

ATTENTION = "attention-readiness"


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value", "said"),
    [
        (ATTENTION, "calls", "a couple of thousand a day", 2_000 * 365.25 / 12, "couple of"),
        (ATTENTION, "calls", "a couple of million", 2_000_000, "couple of"),
        (ATTENTION, "calls", "a few hundred k a month", 300_000, "a few"),
        ("edge-economics", "requests", "3 hundred k", 300_000, None),
    ],
)
def test_rough_scales_in_words_keep_their_scale(
    catalog: Catalog, slug: str, key: str, typed: str, value: float, said: str | None
) -> None:
    """ "a couple of thousand" was 1,000 and "a few hundred k" 300, both said back as exact."""
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == pytest.approx(value, rel=1e-3)
    if said:
        assert said in (answer.note or "")
