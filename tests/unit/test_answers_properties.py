"""Properties of number reading, over generated numbers in every way people write them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from consultations.answers import AnswerError, Unclear, format_number, parse_answer
from consultations.scripts import NumberKind, Question

settings.register_profile(
    "answers", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("answers")


def number(kind: str, **kw: object) -> Question:
    return Question(
        key="n", text="How many?", why="It decides things.", type="number", kind=kind, **kw
    )  # type: ignore[arg-type]


COUNT = number("count")
MONEY = number("money")
whole = st.integers(min_value=0, max_value=10**12)


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(whole, st.sampled_from([",", " ", "\u00a0", "\u202f", "'"]))
def test_grouped_thousands_are_read_exactly(n: int, sep: str) -> None:
    assert parse_answer(COUNT, grouped(n, sep)).number == n


@given(st.integers(min_value=1_000_000, max_value=10**12))
def test_dot_grouping_with_two_dots_or_more_is_unambiguous(n: int) -> None:
    assert parse_answer(COUNT, grouped(n, ".")).number == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_european_and_english_decimals(units: int, cents: int) -> None:
    value = units + cents / 100
    english = f"{units:,}.{cents:02d}"
    european = f"{units:,}".replace(",", ".") + f",{cents:02d}"
    assert parse_answer(MONEY, f"${english}").number == pytest.approx(value)
    assert parse_answer(MONEY, f"{european} €").number == pytest.approx(value)


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("k", 1e3), ("M", 1e6), ("B", 1e9), (" million", 1e6), (" thousand", 1e3)]),
)
def test_scales(n: int, scale: tuple[str, float]) -> None:
    suffix, factor = scale
    assert parse_answer(COUNT, f"{n}{suffix}").number == n * factor


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=0, max_value=12))
def test_scientific_notation(mantissa: int, exponent: int) -> None:
    assert parse_answer(COUNT, f"{mantissa}e{exponent}").number == mantissa * 10**exponent


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_ranges_read_as_their_midpoint_and_say_so(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b)
    assume(low < high)
    answer = parse_answer(COUNT, f"between {low} and {high}")
    assert answer.number == (low + high) / 2
    assert answer.note is not None and "midpoint" in answer.note


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    rest = n % 100
    return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + words(rest))


@given(st.integers(min_value=0, max_value=999))
def test_numbers_in_words(n: int) -> None:
    assert parse_answer(COUNT, words(n)).number == n


@given(st.integers(min_value=1, max_value=999))
def test_words_with_scales(n: int) -> None:
    assert parse_answer(COUNT, f"{words(n)} million").number == n * 1_000_000


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_a_lone_dot_before_three_digits_is_asked_when_nothing_decides(a: int, b: int) -> None:
    """ "1.200" is 1.2 or 1,200: a question with no range to decide by asks; never guesses.
    "2.000" is 2,000: no one writes 2 as 2.000."""
    loose = number("money")
    if b == 0:
        assert parse_answer(loose, f"{a}.000").number == a * 1000
        return
    with pytest.raises(Unclear) as e:
        parse_answer(loose, f"{a}.{b:03d}")
    assert {r.number for r in e.value.readings} == {float(f"{a}.{b:03d}"), a * 1000 + b}


@given(st.integers(min_value=1, max_value=999))
def test_a_dot_before_three_zeros_groups_thousands(a: int) -> None:
    """ "~3.000 runs/day" was asked as 3 or 3,000."""
    assert parse_answer(number("money"), f"{a}.000").number == a * 1000


kinds = st.sampled_from(["count", "money", "months", "hours", "percent", "tokens", "ms"])
values = st.one_of(
    st.integers(min_value=0, max_value=10**10).map(float),
    st.decimals(min_value=0, max_value=10**6, places=2).map(float),
)


@given(kinds, values, st.sampled_from([None, "USD", "EUR", "GBP", "JPY"]))
def test_what_the_bot_says_back_reads_back_the_same(
    kind: str, value: float, currency: str | None
) -> None:
    """Typing back the bot's own reading gives the same number (no drift, no misreading)."""
    q = number(kind)
    money = currency if kind == "money" else None
    shown = format_number(value, NumberKind(kind), money)
    try:
        again = parse_answer(q, shown)
    except Unclear as e:  # a shown value such as "1.234 ms" may still be asked about
        assert value in {r.number for r in e.readings}
        return
    assert again.number == pytest.approx(value, rel=1e-9, abs=0.005)
    assert again.currency == money


@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_with_a_reason(text: str) -> None:
    for q in (
        COUNT,
        MONEY,
        number("months"),
        number("ms"),
        number("tokens", parts=("input", "output")),
    ):
        try:
            parse_answer(q, text)
        except AnswerError as e:
            assert str(e)
