"""Controls said the way people say them: "actually, go back", "oops, change 3 to 12" were
read as answers to the current question ("Pick one of …") and nothing went back or changed."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step

SHELVED = [
    "invoice exceptions, warehouse slotting",
    "too many edge cases",
    "we can simulate them",
    "some, incomplete",
]


@pytest.mark.parametrize(
    "typed", ["actually go back", "Actually, go back", "hold on, go back", "oh wait go back"]
)
def test_a_lead_in_before_go_back_still_goes_back(catalog: Catalog, typed: str) -> None:
    script = catalog.by_slug("automation-frontier")
    c = begin(script).consultation
    for text in SHELVED:
        c = step(script, c, text).consultation
    d = step(script, c, typed)  # at "what does one wrong action cost?"
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "logs"


def test_a_lead_in_before_change_n_to_changes_that_answer(catalog: Catalog) -> None:
    script = catalog.by_slug("automation-frontier")
    c = begin(script).consultation
    for text in SHELVED:
        c = step(script, c, text).consultation
    d = step(script, c, "oops, change 3 to only a person can judge")
    assert d.consultation.answers["checkable"].choices == ("human",)
    d = step(script, d.consultation, "no wait, edit 2")
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "why_shelved"


def test_an_answer_that_starts_with_a_lead_in_stays_an_answer() -> None:
    assert engine.command_from_text("no") == engine.Reply("no")
    assert engine.command_from_text("actually 12") == engine.Reply("actually 12")
    assert engine.command_from_text("ok so 2") == engine.Reply("ok so 2")


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("Abbrechen", engine.Cancel()),
        ("annuler", engine.Cancel()),
        ("zurück", engine.Back()),
        ("Hilfe", engine.Help()),
        ("überspringen", engine.Skip()),
        ("rückgängig", engine.Back(undo=True)),
        ("von vorne", engine.Restart()),
    ],
)
def test_german_and_french_control_words_act_instead_of_being_stored_as_answers(
    typed: str, command: engine.Command
) -> None:
    assert engine.command_from_text(typed) == command


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("ändere 1 auf 3 Mio.", engine.Edit(1, "3 Mio.", "ändere 1 auf 3 Mio.")),
        ("Antwort 1 ändern", engine.Edit(1)),
        ("Frage 4 bearbeiten", engine.Edit(4)),
        ("modifier 1", engine.Edit(1)),
        ("modifier la réponse 2", engine.Edit(2)),
    ],
)
def test_edit_in_german_and_french(typed: str, command: engine.Command) -> None:
    """'ändere 1 auf 3 Mio.' at the price question was read as a price (output 3,000,000);
    'Antwort 1 ändern' was recorded as price input 1, output 1; 'modifier 1': 'Pick one of'."""
    assert engine.command_from_text(typed) == command


@pytest.mark.parametrize("fix", ["eigentlich 3 Mio.", "corrige: 3 millions de requêtes"])
def test_a_correction_in_german_or_french_changes_the_earlier_figure(
    catalog: Catalog, fix: str
) -> None:
    """'eigentlich 3 Mio.' at the tokens question got 'I need 2 numbers here'."""
    script = catalog.by_slug("edge-economics")
    d = step(script, begin(script).consultation, "5 Mio. Anfragen im Monat")
    d = step(script, d.consultation, fix)
    assert d.consultation.answers["requests"].number == 3_000_000
