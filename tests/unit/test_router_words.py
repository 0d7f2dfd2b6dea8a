"""A chat line that starts a consultation in the words Teams users type."""

from __future__ import annotations

import pytest

from consultations.router import Answer, Consult, Resume, Status, Triage, parse


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


@pytest.mark.parametrize(
    "typed",
    [
        "triage neurips2025",
        "Triage COLM2025",
        "triage 2505.06708 2501.12345v2",
        "triage https://arxiv.org/abs/2505.06708",
    ],
)
def test_a_triage_command_typed_in_chat_is_a_command_not_an_answer(typed: str) -> None:
    """'triage neurips2025' typed at 'Which models and vendors do you use?' was noted as the
    one vendor, and question 2 was passed over because of it."""
    assert parse(typed, slash=False) == Triage(typed.split(maxsplit=1)[1])


@pytest.mark.parametrize(
    "typed", ["triage support tickets", "Triage of incoming claims", "triage", "triage 2025"]
)
def test_triage_as_work_to_automate_stays_an_answer(typed: str) -> None:
    assert parse(typed, slash=False) == Answer(typed)
