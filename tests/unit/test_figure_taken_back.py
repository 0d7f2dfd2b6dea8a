"""A figure taken back with "not" ("actually 40k not 30k calls a month") is not the one used."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
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


@pytest.mark.parametrize(
    ("key", "typed"),
    [("tokens", "800, sorry 900"), ("price", "3, sorry 4"), ("tokens", "1.2k, actually 1.5k")],
)
def test_a_figure_corrected_at_a_two_part_question_is_not_the_other_part(
    catalog: Catalog, key: str, typed: str
) -> None:
    """'800, sorry 900' at 'How many tokens go in and come out?' was input 800, output 900: the
    correction read as the second part. One figure was said, corrected; both are asked for."""
    q = catalog.by_slug("edge-economics").question(key)
    with pytest.raises(AnswerError, match="I need 2 numbers here: input and output") as asked:
        parse_answer(q, typed)
    assert "as replacing" in str(asked.value)


def test_a_corrected_hardware_figure_asks_for_the_month(catalog: Catalog) -> None:
    """'5k, sorry 6k' at the local cost was hardware 5,000 and 6,000 a month."""
    q = catalog.by_slug("edge-economics").question("local_cost")
    with pytest.raises(AnswerError, match="I read 6,000 as the hardware; what is it a month"):
        parse_answer(q, "5k, sorry 6k")


@pytest.mark.parametrize(
    "typed", ["5M, rather 6M", "5 Millionen, eher 6", "5 millions, plutôt 6", "5M, or rather 6M"]
)
def test_a_figure_put_right_with_rather_is_the_later_one(catalog: Catalog, typed: str) -> None:
    """'5M, rather 6M' was 5,000,000 ('used the first figure; “6M” left out')."""
    requests = catalog.by_slug("edge-economics").question("requests")
    answer = parse_answer(requests, typed)
    assert answer.number == 6_000_000
    assert "corrected from 5,000,000" in (answer.note or "")


@pytest.mark.parametrize(
    ("typed", "value", "was"),
    [  # each was the figure taken back: 10, 5 ('“8 Mio” left out'), 5
        ("not 10 but 12", 12, "corrected from 10"),
        ("nicht 5 sondern 8 Mio", 8_000_000, "corrected from 5,000,000"),
        ("pas 5 mais 8 millions", 8_000_000, "corrected from 5,000,000"),
    ],
)
def test_not_this_but_that_is_that(catalog: Catalog, typed: str, value: float, was: str) -> None:
    key = "team_size" if value < 100 else "requests"
    slug = "strategy-synthesis" if value < 100 else "edge-economics"
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == value
    assert was in (answer.note or ""), answer.note
