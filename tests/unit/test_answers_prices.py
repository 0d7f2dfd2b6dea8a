"""Prices as CTOs type them: in cents, per 1k tokens, per token — read per million tokens and
said back, never a figure 10× or 100× off."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, Unclear, parse_answer
from consultations.catalog import Catalog

EDGE, ATTENTION = "edge-economics", "attention-readiness"


@pytest.mark.parametrize(
    ("typed", "values", "said"),
    [
        (
            "0,25 ct per 1k tokens in and 1 ct per 1k out",
            {"input": 2.5, "output": 10},
            "0,25 ct per 1k tokens is 2.50 per million tokens",
        ),
        ("15 cents and 60 cents", {"input": 0.15, "output": 0.6}, "15 cents is 0.15"),
        (  # the "per 1k" said once, for the price after it too (output was 0.01 per million)
            "0,25 ct per 1k tokens in, 1 ct out",
            {"input": 2.5, "output": 10},
            "1 ct per 1k tokens is 10 per million tokens",
        ),
        (
            "0.3 cents / 1.5 cents per 1K",  # one "per 1K" for both
            {"input": 3, "output": 15},
            "0.3 cents per 1K tokens is 3 per million tokens",
        ),
        (
            "$0.003 in / $0.015 out per 1k tokens",
            {"input": 3, "output": 15},
            "per 1k tokens is $15 per million tokens",
        ),
        (
            "$0.000003 per token in, $0.000015 per token out",
            {"input": 3, "output": 15},
            "per token is $3 per million tokens",
        ),
        ("25 euro cents in, 1 euro out", {"input": 0.25, "output": 1}, "25 euro cents is 0.25"),
    ],
)
def test_prices_in_cents_or_per_thousand_tokens_are_read_per_million(
    catalog: Catalog, typed: str, values: dict[str, float], said: str
) -> None:
    a = parse_answer(catalog.by_slug(EDGE).question("price"), typed)
    assert a.numbers == pytest.approx(values)
    assert said in (a.note or "")


@pytest.mark.parametrize(
    ("typed", "value"),
    [("0,3 ct per 1k tokens", 3), ("$0.003 per 1k", 3), ("$0.000003 per token", 3)],
)
def test_the_input_price_per_million_input_tokens_converts_too(
    catalog: Catalog, typed: str, value: float
) -> None:
    a = parse_answer(catalog.by_slug(ATTENTION).question("input_price"), typed)
    assert a.number == pytest.approx(value)
    assert "per million tokens" in (a.note or "")


def test_prices_per_million_are_left_as_typed(catalog: Catalog) -> None:
    q = catalog.by_slug(EDGE).question("price")
    for typed in ("$3 / $15 per 1M", "3 / 15 per million"):
        assert parse_answer(q, typed).numbers == {"input": 3, "output": 15}
    assert parse_answer(q, "2.50€ per 1M in, 10€ per 1M out").numbers == {
        "input": 2.5,
        "output": 10,
    }


@pytest.mark.parametrize(
    ("typed", "hardware", "monthly", "said"),
    [
        (
            "2 servers at 40k each, 8k a month + 20k a year",
            80_000,
            8_000 + 20_000 / 12,
            "8k a month + 20k a year (about 1,667 a month) added up",
        ),
        (
            "$60k box, 2k/month plus 6k/year support",
            60_000,
            2_500,
            "(about 500 a month) added up",
        ),
    ],
)
def test_running_costs_given_per_month_and_per_year_are_added_up(
    catalog: Catalog, typed: str, hardware: float, monthly: float, said: str
) -> None:
    a = parse_answer(catalog.by_slug(EDGE).question("local_cost"), typed)
    assert a.numbers == pytest.approx({"hardware": hardware, "monthly": monthly})
    assert said in (a.note or "")


@pytest.mark.parametrize(
    ("key", "typed", "left"),
    [
        ("local_cost", "30k hardware, 2k a month, 5k setup", "“5k”"),
        ("local_cost", "30k hardware, 2k a month and another 10k for networking", "“10k”"),
        ("tokens", "1200 in, 300 out, 50 system", "“50”"),
    ],
)
def test_a_figure_no_part_takes_is_said_left_out_not_dropped(
    catalog: Catalog, key: str, typed: str, left: str
) -> None:
    a = parse_answer(catalog.by_slug(EDGE).question(key), typed)
    assert f"{left} left out" in (a.note or "")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("we'd rent a GPU cloud box for 2k/month, no upfront", "“no upfront”"),
        ("renting at €3.000 per month", "“renting”"),
    ],
)
def test_renting_is_no_hardware_up_front(catalog: Catalog, typed: str, said: str) -> None:
    """'… 2k/month, no upfront' was refused: 'I need 2 numbers here'."""
    a = parse_answer(catalog.by_slug(EDGE).question("local_cost"), typed)
    assert a.numbers is not None and a.numbers["hardware"] == 0
    assert said in (a.note or "")


def test_people_at_a_cost_question_are_no_amount(catalog: Catalog) -> None:
    """'ops: 1 engineer half time' was read as operations of 1 a month."""
    q = catalog.by_slug(EDGE).question("local_cost")
    with pytest.raises(AnswerError, match="as people; what do they cost a month") as asked:
        parse_answer(q, "hardware 40k; ops: 1 engineer half time")  # the 40k is kept
    assert isinstance(asked.value, Unclear)
    assert asked.value.readings[0].numbers == {"hardware": 40_000, "monthly": 0}
    with pytest.raises(AnswerError, match="as people; I need what they cost"):
        parse_answer(q, "ops: 1 engineer half time")  # no amount at all


@pytest.mark.parametrize(
    ("typed", "hardware", "monthly"),
    [
        ("45 T€ capex + 1,2 T€/Monat", 45_000, 1_200),  # was hardware 1.2, monthly 45
        ("1.200 € pro Monat, Hardware 45.000 €", 45_000, 1_200),
        ("CHF 50'000 einmalig, CHF 2'000 monatlich", 50_000, 2_000),
        ("$30k/box x2, $3k/mo", 60_000, 3_000),  # was 30k: the 'x2' was dropped
    ],
)
def test_costs_in_german_words_and_per_box_times_boxes(
    catalog: Catalog, typed: str, hardware: float, monthly: float
) -> None:
    a = parse_answer(catalog.by_slug(EDGE).question("local_cost"), typed)
    assert a.numbers == {"hardware": hardware, "monthly": monthly}


def test_a_price_per_box_times_boxes_is_two_servers_in_the_report(catalog: Catalog) -> None:
    from tests.unit.test_advisors import EDGE as TYPICAL
    from tests.unit.test_advisors import run

    r = run(catalog, "edge-economics", {**TYPICAL, "local_cost": "$30k/box x2, $3k/mo"})
    assert any("The 2 servers you priced" in a for a in r.assumptions)


@pytest.mark.parametrize(
    "typed", ["system prompt 2k + user ~500, answers ~300", "2k + 500 in, 300 out"]
)
def test_prompt_parts_added_up_are_the_input(catalog: Catalog, typed: str) -> None:
    """'system prompt 2k + user ~500' was 2,000 input tokens with the 500 left out."""
    a = parse_answer(catalog.by_slug(EDGE).question("tokens"), typed)
    assert a.numbers == {"input": 2_500, "output": 300}
    assert "2,000 + 500 added up" in (a.note or "")


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("we pay per seat, 30 users at $60", 1_800, "30 users × $60"),
        ("$20/user/month, 50 users", 1_000, "50 users × $20"),
        ("30 seats x 25 €", 750, "30 seats × 25 €"),
        ("$12k a month for 300 employees", 12_000, "“300” left out"),
    ],
)
def test_seats_times_the_price_of_one(
    catalog: Catalog, typed: str, value: float, said: str
) -> None:
    """'30 users at $60' was a spend of $30 (the users taken for dollars)."""
    a = parse_answer(catalog.by_slug("model-convergence").question("monthly_spend"), typed)
    assert a.number == value
    assert said in (a.note or "")


def test_one_token_count_each_way_is_both(catalog: Catalog) -> None:
    """'about 1k tokens each way' was refused: 'I need 2 numbers here: input and output'."""
    q = catalog.by_slug("edge-economics").question("tokens")
    a = parse_answer(q, "about 1k tokens each way")
    assert a.numbers == {"input": 1000, "output": 1000}, a.numbers
    assert "both input and output" in (a.note or ""), a.note
