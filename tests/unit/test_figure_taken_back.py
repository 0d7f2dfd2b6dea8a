"""A figure taken back with "not" ("actually 40k not 30k calls a month") is not the one used."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run


@pytest.mark.parametrize(
    "typed", ["actually 40k not 30k calls a month", "40k not 30k calls a month"]
)
def test_the_figure_after_not_is_taken_back(catalog: Catalog, typed: str) -> None:
    """A support team's 'actually 40k not 30k calls a month' was read as 30,000 calls ('used
    the one in calls; “40k” left out'), and the whole-document input priced at $225 a month
    instead of $300."""
    q = catalog.by_slug("attention-readiness").question("calls")
    a = parse_answer(q, typed)
    assert a.number == 40_000
    assert a.note is not None and "corrected from 30,000" in a.note, a.note
    assert "left out" not in a.note


def test_the_report_prices_the_figure_kept(catalog: Catalog) -> None:
    r = run(
        catalog,
        "attention-readiness",
        {
            "doc_tokens": "2-3k tokens",
            "calls": "actually 40k not 30k calls a month",
            "input_price": "$3 per M input",
        },
    )
    figure = r.figure("Whole-document input per month")
    assert figure.display == "$300", figure
    assert figure.working == "40,000 calls × 2,500 tokens × $3 / 1M"
