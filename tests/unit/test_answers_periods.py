"""A period typed around an amount, before it or after it, in any of the ways people write
it: "$120k annual", "120k p.a.", "annual budget 120k" are a year's, not a month's."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    "typed",
    [
        "$120k annual",  # was $120,000 a month, nothing said
        "120k p.a.",
        "120k/a",
        "annual budget 120k",
        "yearly spend is about $120k",
        "120k per year",  # as before
    ],
)
def test_an_amount_a_year_is_restated_a_month(catalog: Catalog, typed: str) -> None:
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert answer.number == 10_000
    assert "a year is about 10,000 a month" in (answer.note or "")


def test_a_monthly_word_before_the_amount_keeps_it_monthly(catalog: Catalog) -> None:
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    assert parse_answer(spend, "monthly ~10k").number == 10_000
    assert parse_answer(spend, "our annual report says 10k a month").number == 10_000


@pytest.mark.parametrize("typed", ["daily active users 5k", "5k users", "5k DAU"])
def test_users_are_no_requests(catalog: Catalog, typed: str) -> None:
    """'daily active users 5k' at 'How many requests … a month?' was 5,000 requests, silently
    (the "daily" names the users, not a rate of the 5k); users are asked to be turned into
    requests."""
    requests = catalog.by_slug("edge-economics").question("requests")
    with pytest.raises(AnswerError, match=r"as a number of users, but I need the number of requ"):
        parse_answer(requests, typed)
    each = parse_answer(requests, "5k users, 3 requests each a day")
    assert each.number == 456_562  # users × requests each, a day: a month


@pytest.mark.parametrize(
    ("typed", "monthly", "said"),
    [("$200k a year", 16_667, "$16,667"), ("$30 a year", 2.5, "$2.50")],
)
def test_money_worked_out_per_month_has_no_cents_on_thousands(
    catalog: Catalog, typed: str, monthly: float, said: str
) -> None:
    """'$200k a year' was noted '$16,666.67 (200k a year is about 16,667 a month)'."""
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert answer.number == monthly
    assert answer.display(spend).startswith(said)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2024 annual report says 10k a month", 10_000),
        ("our 2025 budget: 40k a month", 40_000),
        ("2025's bill was 9k a month", 9_000),
        ("2000 a month", 2_000),  # a figure that looks like a year is still one
    ],
)
def test_a_year_naming_a_document_or_term_is_not_the_figure(
    catalog: Catalog, typed: str, value: float
) -> None:
    """'2024 annual report says 10k a month' was read as 2,024 a year: 168.67 a month, the 10k
    "left out"."""
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert answer.number == value and "left out" not in (answer.note or "")


@pytest.mark.parametrize(
    "typed",
    [
        "5k daily active users, ~3 requests each",  # was 3 requests a month, the 5k left out
        "5k daily users, ~3 requests each per day",  # was 91 a month
        "5k DAU, 3 requests each",  # was 15,000 a month: DAU are a day's users
        "5k users, 3 requests each a day",  # as before
    ],
)
def test_daily_users_times_requests_each_is_a_day_of_requests(catalog: Catalog, typed: str) -> None:
    requests = catalog.by_slug("edge-economics").question("requests")
    answer = parse_answer(requests, typed)
    assert answer.number == 456_562
    assert "× 3 requests each" in (answer.note or "") and "left out" not in (answer.note or "")


def test_monthly_active_users_times_requests_each_stays_a_month(catalog: Catalog) -> None:
    requests = catalog.by_slug("edge-economics").question("requests")
    assert parse_answer(requests, "5k monthly active users, 3 requests each").number == 15_000
