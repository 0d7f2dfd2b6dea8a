"""Figures as people dictate them and as other countries write them: "two point five million"
by voice, "half a mil", Indian lakh grouping ("2,50,000", "Rs"), Japanese 万 and 円, and a Dutch
"per jaar" that makes a yearly amount a monthly one."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog

EDGE = "edge-economics"
SPEND = ("model-convergence", "monthly_spend")

CASES = [  # (consultation, question, typed, value in the question's unit, currency)
    # dictated: "point" was no number word, so "two point five million" read as 5,000,000
    (EDGE, "requests", "two point five million a month", 2_500_000, None),
    (EDGE, "requests", "one point two million", 1_200_000, None),
    (EDGE, "requests", "three point seven five million", 3_750_000, None),  # was 12,000,000
    (EDGE, "requests", "two point oh five million", 2_050_000, None),
    (EDGE, "requests", "at one point we had five million", 5_000_000, None),  # no decimal here
    # a short scale after words was dropped: "half a mil" read as 0.5
    (EDGE, "requests", "about half a mil", 500_000, None),
    (EDGE, "requests", "five lakh a month", 500_000, None),
    (EDGE, "requests", "twelve grand", 12_000, None),
    # Indian grouping was refused: "I could not read “2,50,000” as a number"
    (*SPEND, "₹2,50,000", 250_000, "INR"),
    (*SPEND, "Rs 2,50,000 a month", 250_000, "INR"),
    (*SPEND, "Rs. 5 lakh", 500_000, "INR"),
    (*SPEND, "INR 1,20,00,000 a year", 1_000_000, "INR"),
    # Japanese 万 (ten thousand) was dropped: "300万 requests" read as 300
    (EDGE, "requests", "300万 requests", 3_000_000, None),
    (*SPEND, "200万円", 2_000_000, "JPY"),
    # Dutch "per jaar" was read as a month: €1,000,000 a month
    (*SPEND, "€ 1.000.000 per jaar", 1_000_000 / 12, "EUR"),
    (*SPEND, "12.000 euro jaarlijks", 1_000, "EUR"),
    (EDGE, "requests", "40.000 per dag", 40_000 * 365.25 / 12, None),
]


@pytest.mark.parametrize(("slug", "key", "typed", "value", "currency"), CASES)
def test_figure_read_as_meant(
    catalog: Catalog, slug: str, key: str, typed: str, value: float, currency: str | None
) -> None:
    a = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert a.number == pytest.approx(value, rel=1e-3)
    assert a.currency == currency


def test_yen_after_the_figure_in_both_parts(catalog: Catalog) -> None:
    q = catalog.by_slug(EDGE).question("local_cost")
    a = parse_answer(q, "1200万円 hardware, 30万円 a month")
    assert a.numbers == {"hardware": 12_000_000, "monthly": 300_000}
    assert a.currency == "JPY"


def test_dictated_local_cost(catalog: Catalog) -> None:
    q = catalog.by_slug(EDGE).question("local_cost")
    a = parse_answer(q, "about half a mil for the hardware and ten grand a month")
    assert a.numbers == {"hardware": 500_000, "monthly": 10_000}
