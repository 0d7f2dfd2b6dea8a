"""Reading time said per morning, evening or working day ("20 mins on the train each morning",
"20 Minuten jeden Morgen", "30 min each workday") is a daily habit, restated per week, not the
week's whole time."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("typed", "hours_a_week"),
    [
        ("20 mins on the train each morning", 2.33),  # was 0.33: twenty minutes a week
        ("20 Minuten jeden Morgen", 2.33),
        ("an hour every morning", 7.0),  # was 1
        ("10 min every night", 1.17),
        ("30 min each workday", 2.5),  # was 0.5
        ("1 hour every friday", 1.0),  # once a week stays once
        ("about 40 minutes", 0.67),
    ],
)
def test_a_daily_habit_is_read_per_week(catalog: Catalog, typed: str, hours_a_week: float) -> None:
    question = catalog.by_slug("research-curation").question("hours")
    assert round(parse_answer(question, typed).number or 0, 2) == hours_a_week
