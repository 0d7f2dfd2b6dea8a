"""People's share of time said in German or French ("zwei Leute halbtags", "2 personnes à
mi-temps") is half their time, as "two people half time" is; "Vollzeit" is all of it."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("typed", "days_a_month"),
    [
        ("two people half time", 22),
        ("zwei Leute halbtags", 22),  # was 43: both full time
        ("2 Entwickler in Teilzeit", 22),
        ("zwei Personen Vollzeit", 43),
        ("2 personnes à mi-temps", 22),  # was 2 days
        ("deux personnes à mi-temps", 22),
    ],
)
def test_a_share_of_time_in_any_of_our_languages_is_read(
    catalog: Catalog, typed: str, days_a_month: int
) -> None:
    question = catalog.by_slug("model-convergence").question("upkeep_days")
    answer = parse_answer(question, typed)
    assert answer.number == days_a_month
    assert "5 days a week each (our assumption)" in str(answer.note)  # said back
