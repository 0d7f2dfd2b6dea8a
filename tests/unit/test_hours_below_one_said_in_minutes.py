"""Hours below one are said back in minutes: '35 minutes a week' was 'Noted: 0.58 hours'."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import load_catalog


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("à peu près 35 minutes par semaine", "35 minutes"),
        ("about 37 min a week", "37 minutes"),
        ("half an hour", "30 minutes"),
        ("1 minute", "1 minute"),
        ("2 hours", "2 hours"),
        ("1.5 hours", "1.5 hours"),
    ],
)
def test_reading_time_is_said_back_in_minutes_below_an_hour(typed: str, said: str) -> None:
    q = load_catalog().by_slug("research-curation").question("hours")
    assert parse_answer(q, typed).display(q) == said
