"""Figures a user types loosely: a share as a fraction ("0.05"), "n/a" where none is no
answer. Said back or asked, never taken silently one way."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, Unclear, parse_answer
from consultations.catalog import Catalog

EDGE = "edge-economics"


def test_a_share_typed_as_a_fraction_is_asked_about(catalog: Catalog) -> None:
    """'0.05' at 'how much quality loss would you accept' was 0.05%, with nothing said."""
    loss = catalog.by_slug(EDGE).question("quality_loss")
    with pytest.raises(Unclear) as asked:
        parse_answer(loss, "0.05")
    assert [a.number for a in asked.value.readings] == [0.05, 5]
    assert "`1` 0.05% or `2` 5% (0.05 as a fraction of 1)" in str(asked.value)
    assert parse_answer(loss, "0.5%").number == 0.5  # the sign says which
    assert parse_answer(loss, "5").number == 5


@pytest.mark.parametrize("typed", ["n/a", "none", "nope"])
def test_none_where_none_cannot_be_says_what_it_read(catalog: Catalog, typed: str) -> None:
    """'n/a' at 'over how many months would you write the hardware off' said 'That should be
    at least 1 month.', no word of what it had read."""
    months = catalog.by_slug(EDGE).question("amortisation")
    with pytest.raises(AnswerError) as refused:
        parse_answer(months, typed)
    said = str(refused.value)
    assert said.startswith(f"I read “{typed}” as none, but this needs at least 1 month")
    assert "for example 36 months" in said and "`skip`" in said
    with pytest.raises(AnswerError, match="That should be at least 1 month"):  # a figure typed
        parse_answer(months, "0")


@pytest.mark.parametrize(
    ("typed", "first", "second"),
    [
        ("3 years, maybe 48 months", 36, 48),  # was 42, the midpoint, a figure never said
        ("2 years or maybe 30 months", 24, 30),
        ("48 months, perhaps 5 years", 48, 60),
    ],
)
def test_a_second_thought_in_another_unit_is_asked_about(
    catalog: Catalog, typed: str, first: float, second: float
) -> None:
    """Two durations each with its own unit and a "maybe" between: two figures, not a range;
    the user is asked which one."""
    months = catalog.by_slug(EDGE).question("amortisation")
    with pytest.raises(Unclear) as asked:
        parse_answer(months, typed)
    assert [a.number for a in asked.value.readings] == [first, second]
    assert "midpoint" not in str(asked.value)


def test_a_range_hedged_in_one_unit_is_still_its_midpoint(catalog: Catalog) -> None:
    months = catalog.by_slug(EDGE).question("amortisation")
    assert parse_answer(months, "36 months, maybe 48").number == 42
    assert parse_answer(months, "3-4 years").number == 42


@pytest.mark.parametrize(
    ("typed", "hedge"),
    [("hard to say, maybe 20k", "hard to say"), ("it's hard to say, 20k?", "it's hard to say")]
    + [("guessing 20k", "guessing")],
)
def test_a_figure_after_hard_to_say_is_a_guess(catalog: Catalog, typed: str, hedge: str) -> None:
    """ "hard to say, maybe 20k" was 20,000 with nothing said: in the report, a measurement."""
    a = parse_answer(catalog.by_slug("automation-frontier").question("value"), typed)
    assert a.number == 20_000 and (a.note or "").startswith(f"your guess, after “{hedge}”")
