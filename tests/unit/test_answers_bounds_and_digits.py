"""A bound given for a figure ("under 1k", "10k+") is read as that figure and said so; a
count of digits ("low five figures") names no amount and is asked again."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("under 1k", 1_000, "“under 1k” taken as 1k"),
        ("less than $500", 500, "“less than $500” taken as $500"),
        (">10k", 10_000, "“>10k” taken as 10k"),
        ("10k+", 10_000, "“10k+” taken as 10k"),
        ("over 20k a month", 20_000, "“over 20k” taken as 20k"),
        ("over 240k a year", 20_000, "“over 240k” taken as 240k"),
        ("not more than 10k", 10_000, "“not more than 10k” taken as 10k"),  # was “more than 10k”
        ("no more than 10k", 10_000, "“no more than 10k” taken as 10k"),
        ("not over 10k", 10_000, "“not over 10k” taken as 10k"),
        ("max 10k", 10_000, "“max 10k” taken as 10k"),  # was nothing said
        ("höchstens 10k", 10_000, "“höchstens 10k” taken as 10k"),
        ("mindestens 10k", 10_000, "“mindestens 10k” taken as 10k"),
        ("au moins 10k", 10_000, "“au moins 10k” taken as 10k"),
        ("pas plus de 10k", 10_000, "“pas plus de 10k” taken as 10k"),  # was “plus de 10k”
        ("nicht mehr als 10k", 10_000, "“nicht mehr als 10k” taken as 10k"),  # was nothing said
        ("weniger als 10k", 10_000, "“weniger als 10k” taken as 10k"),
    ],
)
def test_a_bound_is_read_as_the_figure_and_said_back(
    catalog: Catalog, typed: str, value: float, said: str
) -> None:
    """'under 1k' at the spend question was 'Noted: 1,000.', nothing said of the 'under'."""
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert answer.number == value
    assert f"{said}; type the exact figure if you have it" in (answer.note or "")


def test_a_bound_on_a_tolerance_is_the_tolerance(catalog: Catalog) -> None:
    loss = catalog.by_slug("edge-economics").question("quality_loss")
    assert parse_answer(loss, "under 3%").note is None


@pytest.mark.parametrize("typed", ["5-6 figures", "low five figures", "six figures a year"])
def test_a_count_of_digits_is_asked_for_the_amount(catalog: Catalog, typed: str) -> None:
    """'5-6 figures' was 5.50 and 'low five figures' 5, as money."""
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    with pytest.raises(AnswerError) as refused:
        parse_answer(spend, typed)
    said = str(refused.value)
    assert said.startswith(f"“{typed.removesuffix(' a year')}” says how many digits")
    assert "for example $12k a month" in said


@pytest.mark.parametrize(
    ("typed", "value"),
    [("a quarter of a million", 250_000), ("about a quarter of a million", 250_000)],
)
def test_a_fraction_of_a_scale_is_that_fraction(catalog: Catalog, typed: str, value: float) -> None:
    """'a quarter of a million' was 1,000,000."""
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    assert parse_answer(spend, typed).number == value
