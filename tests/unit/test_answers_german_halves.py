"""Halves said in German and French ("ein halber Tag", "eine halbe Stunde", "anderthalb
Tage", "une demi-heure"): read as the figure they are."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("typed", "option"),
    [
        ("ein halber Tag wäre ok, mehr nicht", "hours"),  # was refused
        ("eine halbe Stunde", "minutes"),  # was 'We can wait hours': 'Stunde' alone
        ("halbe Stunde max", "minutes"),
        ("une demi-heure", "minutes"),
        ("anderthalb Stunden", "hours"),
    ],
)
def test_a_half_said_in_german_or_french_is_half(catalog: Catalog, typed: str, option: str) -> None:
    q = catalog.by_slug("model-convergence").question("outage_tolerance")
    assert parse_answer(q, typed).choices == (option,)


@pytest.mark.parametrize(
    ("typed", "days"),
    [("ein halber Tag pro Monat", 0.5), ("anderthalb Tage", 1.5), ("eineinhalb Tage", 1.5)],
)
def test_half_days_of_upkeep(catalog: Catalog, typed: str, days: float) -> None:
    q = catalog.by_slug("model-convergence").question("upkeep_days")
    assert parse_answer(q, typed).number == pytest.approx(days)
