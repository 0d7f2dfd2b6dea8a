"""A chat line that starts a consultation in the words Teams users type."""

from __future__ import annotations

import pytest

from consultations.router import Answer, Consult, Resume, Status, parse


@pytest.mark.parametrize("typed", ["Beratung 3", "consultation 3", "Konsultation 3"])
def test_a_consultation_is_started_by_its_number_in_german_or_french(typed: str) -> None:
    """'Beratung 3' in a Teams chat got 'No consultation is running here' and the English
    help."""
    assert parse(typed, slash=False) == Consult("3")


@pytest.mark.parametrize("typed", ["consultation with lawyers", "Beratung"])
def test_the_same_words_in_an_answer_stay_an_answer(typed: str) -> None:
    assert parse(typed, slash=False) == Answer(typed)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("statut", Status()), ("fortsetzen", Resume()), ("Reprendre", Resume())],
)
def test_status_and_resume_in_french_or_german(typed: str, meant: object) -> None:
    """'statut' and 'fortsetzen' were read as answers to the question waiting ('I need a
    number here, for example about 5M')."""
    assert parse(typed, slash=False) == meant
