"""Answers as people type them: numbers with units, choices, lists; bad ones get a reason."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.scripts import Choice, Question


def number(kind: str, parts: tuple[str, ...] = (), **kw: object) -> Question:
    return Question(
        key="n",
        text="How many?",
        why="It decides things.",
        type="number",
        kind=kind,
        parts=parts,
        **kw,
    )  # type: ignore[arg-type]


CHOICE = Question(
    key="c",
    text="Why several vendors?",
    why="It decides things.",
    type="choice",
    choices=(
        Choice(value="capability", label="Capability"),
        Choice(value="price", label="Price", synonyms=("cost", "cheaper")),
        Choice(value="redundancy", label="Redundancy / failover", synonyms=("outages",)),
    ),
)


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("count", "about 5M", 5_000_000),
        ("count", "5 million", 5_000_000),
        ("count", "1,500", 1_500),
        ("count", "2.5k/month", 2_500),
        ("count", "12 345 678", 12_345_678),
        ("count", "5-6M", 5_500_000),
        ("count", "none", 0),
        ("money", "$3 per million", 3),
        ("money", "30 000 €", 30_000),
        ("money", "$30k", 30_000),
        ("money", "2,5", 2.5),
        ("percent", "5%", 5),
        ("percent", "about 2.5 percent", 2.5),
        ("ms", "50 ms", 50),
        ("ms", "2 s", 2_000),
        ("ms", "2-3 seconds", 2_500),
        ("months", "3 years", 36),
        ("months", "36", 36),
        ("hours", "30 min", 0.5),
    ],
)
def test_numbers_read_as_people_write_them(kind: str, text: str, value: float) -> None:
    assert parse_answer(number(kind), text).number == pytest.approx(value)


def test_currency_is_remembered() -> None:
    assert parse_answer(number("money"), "30 000 €").currency == "EUR"
    assert parse_answer(number("money"), "$3 per million").currency == "USD"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1200 in, 300 out", {"input": 1200, "output": 300}),
        ("300 out, 1200 in", {"input": 1200, "output": 300}),
        ("1.2k input / 300 output", {"input": 1200, "output": 300}),
    ],
)
def test_several_numbers_in_one_answer(text: str, expected: dict[str, float]) -> None:
    assert parse_answer(number("tokens", ("input", "output")), text).numbers == expected
    prices = parse_answer(number("money", ("input", "output")), "$3 / $15")
    assert prices.numbers == {"input": 3, "output": 15}
    with pytest.raises(AnswerError, match="as money"):  # prices typed where tokens are asked
        parse_answer(number("tokens", ("input", "output")), "$3 / $15")


def test_one_number_where_two_are_needed_says_so() -> None:
    with pytest.raises(AnswerError, match="2 numbers"):
        parse_answer(number("tokens", ("input", "output")), "1200")


@pytest.mark.parametrize("text", ["lots", "", "   ", "\x00\x07"])
def test_non_numbers_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(AnswerError):
        parse_answer(number("count"), text)


def test_bounds() -> None:
    with pytest.raises(AnswerError, match="at most"):
        parse_answer(number("percent", maximum=100), "150%")
    with pytest.raises(AnswerError, match="at least"):
        parse_answer(number("count"), "-5")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2", "price"),
        ("Price", "price"),
        ("mostly cost reasons", "price"),
        ("redundancy", "redundancy"),
        ("we had outages", "redundancy"),
        ("capabilty", "capability"),
    ],
)
def test_choices_by_number_or_words(text: str, value: str) -> None:
    assert parse_answer(CHOICE, text).choices == (value,)


def test_choice_out_of_range_or_ambiguous() -> None:
    with pytest.raises(AnswerError, match="1 to 3"):
        parse_answer(CHOICE, "7")
    with pytest.raises(AnswerError, match="Just one"):
        parse_answer(CHOICE, "price and redundancy")
    with pytest.raises(AnswerError, match="Pick one of"):
        parse_answer(CHOICE, "vibes")


def test_multiple_choice() -> None:
    multi = CHOICE.model_copy(update={"multiple": True})
    assert parse_answer(multi, "1, 3").choices == ("capability", "redundancy")
    assert parse_answer(multi, "price and redundancy").choices == ("price", "redundancy")


def test_lists_split_sensibly() -> None:
    q = Question(key="l", text="Which vendors?", why="It decides things.", type="list")
    assert parse_answer(q, "GPT-4o for chat, Claude (Sonnet, Opus) for code, and Llama").items == (
        "GPT-4o for chat",
        "Claude (Sonnet, Opus) for code",
        "Llama",
    )
    assert parse_answer(q, "- OpenAI\n- Anthropic\n- openai").items == ("OpenAI", "Anthropic")
    assert parse_answer(q, "chunking; map-reduce summaries").items == (
        "chunking",
        "map-reduce summaries",
    )


def test_untrusted_text_is_cleaned_and_bounded() -> None:
    q = Question(key="t", text="Tell me more?", why="It decides things.", type="text")
    a = parse_answer(q, "hello\x1b[31m world" + "x" * 10_000)
    assert "\x1b" not in (a.text or "") and len(a.text or "") <= 4000
