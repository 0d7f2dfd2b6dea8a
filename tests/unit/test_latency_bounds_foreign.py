"""A latency limit said in German or French ("unter 100 ms", "moins de 100 ms", "höchstens 1
Sekunde") is an upper bound, as "under 100 ms" is: it stays in the band it limits."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("typed", "band"),
    [
        ("under 100 ms", "realtime"),
        ("unter 100 ms wäre super", "realtime"),  # was 'Within a second'
        ("weniger als 100 ms", "realtime"),
        ("moins de 100 ms", "realtime"),
        ("höchstens 1 Sekunde", "interactive"),  # was refused: 'Sekunde' unread
        ("300 Millisekunden", "interactive"),
        ("2 Sekunden", "relaxed"),
        ("100 ms", "interactive"),  # no bound: 100 ms is the next band's start
    ],
)
def test_a_limit_in_any_of_our_languages_picks_the_band_it_limits(
    catalog: Catalog, typed: str, band: str
) -> None:
    question = catalog.by_slug("edge-economics").question("latency")
    assert parse_answer(question, typed).choices == (band,)
