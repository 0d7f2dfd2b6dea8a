"""Amounts typed with no currency by someone writing French or German were shown in US
dollars. Now they are read as euros, and that assumption is said back with the answer."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_engine import begin, step

CONVERGENCE = "model-convergence"


@pytest.mark.parametrize(
    ("typed", "language"),
    [("environ 5000 par mois", "French"), ("etwa 5000 im Monat, alle Anbieter", "German")],
)
def test_an_amount_in_french_or_german_is_read_as_euros(
    catalog: Catalog, typed: str, language: str
) -> None:
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert answer.currency == "EUR"
    assert answer.note is not None and "euros" in answer.note and language in answer.note


def test_english_or_a_typed_currency_keeps_its_reading(catalog: Catalog) -> None:
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    assert parse_answer(spend, "about 5000 a month").currency is None
    assert parse_answer(spend, "environ 5000 $ par mois").currency == "USD"


def test_a_bare_amount_after_french_answers_is_read_as_euros(catalog: Catalog) -> None:
    script = catalog.by_slug(CONVERGENCE)
    d = begin(script)
    d = step(script, d.consultation, "GPT-4o pour le support client, Claude pour le code")
    d = step(script, d.consultation, "le prix")
    d = step(script, d.consultation, "5000")
    spend = d.consultation.answers["monthly_spend"]
    assert spend.currency == "EUR"
    assert spend.note is not None and "euros" in spend.note


def test_the_report_says_the_euros_were_assumed(catalog: Catalog) -> None:
    """The report said 'shown in US dollars' to someone who wrote every answer in French."""
    report = run(catalog, CONVERGENCE, {"monthly_spend": "environ 5000 par mois"})
    said = " ".join(report.assumptions)
    assert "read as euros" in said and "French" in said
    assert "US dollars" not in said


def test_two_stray_french_words_are_no_french(catalog: Catalog) -> None:
    """ "est. 5k, LA office": an estimate and a city, in English."""
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    assert parse_answer(spend, "est. 5k, LA office").currency is None


@pytest.mark.parametrize(
    ("typed", "value"),
    [("2 millions d'euros", 2e6), ("deux millions d’euros par mois", 2e6)],
)
def test_millions_of_euros_in_french_are_euros_not_days(
    catalog: Catalog, typed: str, value: float
) -> None:
    """ "2 millions d'euros" was refused: "I read “2 millions d” as a time"."""
    answer = parse_answer(catalog.by_slug(CONVERGENCE).question("monthly_spend"), typed)
    assert (answer.number, answer.currency) == (value, "EUR")
