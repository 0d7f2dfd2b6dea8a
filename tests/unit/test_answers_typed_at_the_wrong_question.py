"""Figures typed at a question that asks for something else, as users typed them: money at a
count, and a count of requests, tokens or users at a money question. One rule both ways: the
figure is never used there; when nothing else is left, it is named and the answer refused."""

from __future__ import annotations

import re

import pytest

from consultations import engine
from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step

CONVERGENCE = "model-convergence"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "~3.5 mio requests/month, peaks around xmas",
            "“3.5 mio requests” as a number of requests",
        ),
        ("3.5M requests", "“3.5M requests” as a number of requests"),
        ("about 3M tokens a day", "“3M tokens” as a number of tokens"),
        ("500 users", "“500 users” as a number of users"),
    ],
)
def test_a_count_typed_at_the_spend_question_is_said_to_be_no_money(
    catalog: Catalog, typed: str, said: str
) -> None:
    """'~3.5 mio requests/month' at 'what do you spend on model APIs a month' was noted
    silently as 'Noted: 3,500,000.' (money); '3M tokens a day' was 91,312,500 a month."""
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    with pytest.raises(AnswerError) as refused:
        parse_answer(spend, typed)
    assert f"I read {said}, but I need an amount of money here" in str(refused.value)
    assert "for example $12k a month" in str(refused.value)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("3.5M requests, about $8k", 8_000),  # was $3,500,000, the $8k "left out"
        ("4 vendors, 5k total", 5_000),  # was 4
        ("12k, 3M requests", 12_000),
    ],
)
def test_a_count_beside_the_amount_is_not_taken_for_the_amount(
    catalog: Catalog, typed: str, value: float
) -> None:
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert answer.number == value
    assert "left out" not in (answer.note or "")


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("3M requests at $0.002 each", 6_000, "3M requests × $0.002"),  # was $3,000,000
        ("$0.002 per request, 3M requests", 6_000, "3M requests × $0.002"),  # was $0.00
        ("5k runs a day at $0.01 each", 1_522, "5k runs × $0.01"),  # a month: no cents
    ],
)
def test_things_counted_at_a_price_each_are_the_amount_said_back(
    catalog: Catalog, typed: str, value: float, said: str
) -> None:
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert answer.number == pytest.approx(value, abs=0.01)
    assert said in (answer.note or "")


def test_a_count_of_tokens_beside_a_price_per_million_is_not_the_price(catalog: Catalog) -> None:
    """'50M tokens a month, $3 per million' at 'what do you pay per million input tokens' was
    $50,000,000 per million, the $3 "left out"."""
    price = catalog.by_slug("attention-readiness").question("input_price")
    assert parse_answer(price, "50M tokens a month, $3 per million").number == 3


@pytest.mark.parametrize(
    ("slug", "key", "typed", "said"),
    [
        (CONVERGENCE, "upkeep_days", "3.5 mio requests", "“3.5 mio requests” as a number of req"),
        ("research-curation", "hours", "40 papers", "“40 papers” as a number of papers"),
        ("attention-readiness", "doc_tokens", "about 200 requests", "“200 requests” as a numb"),
        ("edge-economics", "amortisation", "2 vendors", "“2 vendors” as a number of vendors"),
    ],
)
def test_a_count_of_other_things_is_refused_the_same_way_as_money(
    catalog: Catalog, slug: str, key: str, typed: str, said: str
) -> None:
    """'3.5 mio requests' at engineer-days said 'That looks too high: at most 200'; '40 papers'
    at 'how much time a week for reading' was 40 hours."""
    q = catalog.by_slug(slug).question(key)
    with pytest.raises(AnswerError, match=re.escape(f"I read {said}")):
        parse_answer(q, typed)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        ("edge-economics", "requests", "12k users, each ~30 requests a day", 10_957_500),
        ("attention-readiness", "doc_tokens", "300 messages, ~60k tokens", 60_000),
        ("edge-economics", "requests", "2M calls a month", 2_000_000),
        ("reasoning-telemetry", "runs_per_day", "5k agent runs", 5_000),
    ],
)
def test_a_count_in_the_question_s_own_terms_is_still_read(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    q = catalog.by_slug(slug).question(key)
    assert parse_answer(q, typed).number == pytest.approx(value)


def test_money_among_figures_too_high_for_a_count_is_named_as_money(catalog: Catalog) -> None:
    """'1.200 EUR month for mistral box, openai is like 9-11k' at 'how many engineer-days a
    month' said 'That looks too high: at most 200.', no word of money."""
    upkeep = catalog.by_slug(CONVERGENCE).question("upkeep_days")
    with pytest.raises(AnswerError) as refused:
        parse_answer(upkeep, "1.200 EUR month for mistral box, openai is like 9-11k")
    said = str(refused.value)
    assert said.startswith("I read “1.200 EUR")
    assert "as money, but I need the number of engineer-days here, for example 3 days." in said
    with pytest.raises(AnswerError, match="too high"):  # no money typed: as before
        parse_answer(upkeep, "9-11k")
    assert parse_answer(upkeep, "3 days for mistral, $8k openai").number == 3


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("20 seats at 30 each", 600, "20 seats × 30"),  # was 20
        ("3M requests at 0.002 each", 6_000, "3M requests × 0.002"),  # was 3,000,000
    ],
)
def test_a_price_each_without_a_currency_is_still_a_price(
    catalog: Catalog, typed: str, value: float, said: str
) -> None:
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert answer.number == pytest.approx(value)
    assert said in (answer.note or "")


@pytest.mark.parametrize(
    ("slug", "key", "typed", "said"),
    [
        (CONVERGENCE, "monthly_spend", "2 days a month keeping it alive", "“2 days” as a time"),
        ("edge-economics", "local_cost", "3 Jahre", "“3 Jahre” as a time"),
        ("attention-readiness", "upkeep_hours", "5 pages", "“5 pages” as a length of text"),
        ("edge-economics", "requests", "maybe 10h a month", "“10h” as a time"),
        ("edge-economics", "requests", "50%", "“50%” as a percentage"),
    ],
)
def test_a_time_share_or_length_at_another_question_is_refused_the_same_way(
    catalog: Catalog, slug: str, key: str, typed: str, said: str
) -> None:
    """'3 Jahre' at 'what would running it locally cost' said 'I read 3 Jahre, but I need an
    amount of money here.' — no quotes, no example, worded unlike the money refusal."""
    q = catalog.by_slug(slug).question(key)
    with pytest.raises(AnswerError) as refused:
        parse_answer(q, typed)
    assert str(refused.value).startswith(f"I read {said}, but I need ")
    assert str(refused.value).endswith(f"here, for example {q.example}.")


def test_a_range_whose_second_end_drops_the_scale_keeps_it(catalog: Catalog) -> None:
    """'8k-ish, maybe 10' was 4,005, 'the midpoint of 8,000–10'."""
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    answer = parse_answer(spend, "8k-ish, maybe 10")
    assert answer.number == 9_000
    assert "the midpoint of 8,000–10,000" in (answer.note or "")


def test_an_amount_each_for_so_many_things_says_both(catalog: Catalog) -> None:
    """'8k each for 2 vendors' said '2 vendors × ' (the amount missing from the note)."""
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    answer = parse_answer(spend, "8k each for 2 vendors")
    assert answer.number == 16_000 and answer.note == "2 vendors × 8k"


def test_staff_part_time_at_a_cost_each_are_multiplied(catalog: Catalog) -> None:
    """'3 people half time at 6k each' at 'what would automating it be worth a month' was
    6,000, the 3 people dropped."""
    value = catalog.by_slug("automation-frontier").question("value")
    answer = parse_answer(value, "3 people half time at 6k each")
    assert answer.number == 18_000
    assert "3 people × 6,000 each" in (answer.note or "")


def test_a_figure_at_a_question_asked_in_words_is_refused(catalog: Catalog) -> None:
    """'~1.5k runs/day' typed at 'What failures have you seen, or fear most?' was noted as the
    failure the alerts should catch."""
    failures = catalog.by_slug("reasoning-telemetry").question("failures")
    with pytest.raises(AnswerError, match="I read a figure, but this question asks for words"):
        parse_answer(failures, "~1.5k runs/day")
    assert parse_answer(failures, "loops on the refund tool, 2-3 a day").text


def test_yes_with_words_no_option_knows_asks_which_yes(catalog: Catalog) -> None:
    """'yes, finance audits refunds' at 'Do you need an audit trail?' got the whole pick-list
    again, as if unread."""
    audit = catalog.by_slug("reasoning-telemetry").question("audit")
    with pytest.raises(AnswerError, match="^Yes — which one: `2` For internal review or `3`"):
        parse_answer(audit, "yes, finance audits refunds")
    assert parse_answer(audit, "yes, the regulator can ask").choices == ("regulated",)


@pytest.mark.parametrize("typed", ["budget, time", "time and budget", "Budget / Regulation"])
def test_options_of_a_later_choice_at_a_question_asked_in_words_are_named(
    catalog: Catalog, typed: str
) -> None:
    """ "budget, time" at "How do you use AI today?" was noted as the AI use; it names the
    constraints asked next: said so, the question asked again, nothing stored."""
    script = catalog.by_slug("strategy-synthesis")
    d = begin(script)
    for text in ["CTO", "fintech", "12"]:
        d = step(script, d.consultation, text)
    again = step(script, d.consultation, typed)
    assert not again.changed and "ai_use" not in again.consultation.answers
    assert isinstance(again.outcome, engine.Asked) and again.outcome.question.key == "ai_use"
    assert again.outcome.reason is not None
    assert again.outcome.reason.startswith("That looks like the answer to question 5 (constraints)")
    d = step(script, d.consultation, "a chatbot for cost questions, time tracking")
    assert d.consultation.answers["ai_use"].text == "a chatbot for cost questions, time tracking"
