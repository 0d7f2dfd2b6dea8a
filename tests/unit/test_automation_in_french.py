"""Automation frontier answered in French, as a Teams user in a French firm types it: 'les
modèles n'étaient pas assez bons' was dropped without a word from 'trop de cas particuliers et
…', 'oui, beaucoup' kept 'beaucoup' out as matching nothing, and 'un client mécontent' or 'des
amendes, risque juridique' were refused with 'Pick one of …'."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_answers_phrasings import q

AUTOMATION = "automation-frontier"


@pytest.mark.parametrize(
    ("key", "typed", "picked"),
    [
        (
            "why_shelved",
            "trop de cas particuliers et les modèles n'étaient pas assez bons",
            ("variability", "models"),
        ),
        ("why_shelved", "pas assez de données", ("data",)),
        ("why_shelved", "trop risqué, les erreurs coûtent cher", ("risk",)),
        ("why_shelved", "pas le temps", ("cost",)),
        ("why_shelved", "qualité médiocre", ("models",)),  # was a RecursionError
        ("checkable", "vérifiable automatiquement", ("verify",)),
        ("checkable", "seul un humain peut juger", ("human",)),
        ("logs", "en partie", ("some",)),
        ("logs", "aucun", ("none",)),
        ("error_cost", "presque rien, c'est réversible", ("low",)),
        ("error_cost", "un client mécontent", ("medium",)),
        ("error_cost", "des amendes, risque juridique", ("high",)),
    ],
)
def test_choices_in_french(catalog: Catalog, key: str, typed: str, picked: tuple[str, ...]) -> None:
    assert parse_answer(q(catalog, AUTOMATION, key), typed).choices == picked


def test_a_french_word_of_an_option_is_not_left_out(catalog: Catalog) -> None:
    answer = parse_answer(q(catalog, AUTOMATION, "logs"), "oui, beaucoup")
    assert answer.choices == ("rich",) and "left out" not in (answer.note or "")


@pytest.mark.parametrize("typed", ["qualités", "les qualités du modèle", "médiocrités"])
def test_an_accented_near_miss_is_read_or_refused_never_a_crash(
    catalog: Catalog, typed: str
) -> None:
    """'qualités' at 'Why were they shelved?' recursed without end (RecursionError): Teams said
    'Sorry, the advisor hit an error' on every retry."""
    question = catalog.by_slug("automation-frontier").question("why_shelved")
    try:
        answer = parse_answer(question, typed)
    except AnswerError as e:  # refused, with the options: fine; a crash is not
        assert "Pick" in str(e)
    else:
        assert answer.choices
