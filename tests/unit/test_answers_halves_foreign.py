"""Halves said in German and French ("ein halber Tag", "anderthalb Tage", "une demi-journée")
are read as the figure they are, at a figure question and at a choice picked by a time."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.answers.foreign_words import foreign_numbers
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("ein halber Tag wäre ok", "hours"),  # was refused: "Pick one of …"
        ("une demi-journée", "hours"),
        ("zwei Stunden", "hours"),
        ("fünf Minuten", "minutes"),
    ],
)
def test_a_time_said_in_words_picks_its_outage_band(
    catalog: Catalog, typed: str, picked: str
) -> None:
    question = catalog.by_slug("model-convergence").question("outage_tolerance")
    assert parse_answer(question, typed).choices == (picked,)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("ein halber Tag", "0.5 Tag"),
        ("eine halbe Stunde pro Woche", "0.5 Stunde pro Woche"),
        ("anderthalb Tage", "1.5 Tage"),
        ("une demi-heure", "0.5 heure"),
        ("ein halbes Jahr", "0.5 Jahr"),
    ],
)
def test_halves_become_figures(typed: str, read: str) -> None:
    assert foreign_numbers(typed) == read
