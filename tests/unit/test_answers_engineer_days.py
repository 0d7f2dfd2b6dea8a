"""Engineer-days as people give them: per year, per quarter, a share of one person; a count
worked out from a rate is whole from one up, and keeps its fraction below one: "3 days a
year" is a quarter of a day a month, not none."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("3 days a year", 0.25, "3 days a year is about 0.25 a month"),  # was 0
        ("10 days a year", 0.83, "10 days a year is about 0.83 a month"),  # was 1
        ("half a day a week", 2, "half a day a week is about 2 a month"),  # whole from one up
        ("a day a quarter", 0.33, "1 day a quarter is about 0.33 a month"),  # was 1, no note
    ],
)
def test_days_given_per_another_period_keep_their_fraction(
    catalog: Catalog, typed: str, value: float, said: str
) -> None:
    upkeep = catalog.by_slug("model-convergence").question("upkeep_days")
    answer = parse_answer(upkeep, typed)
    assert answer.number == pytest.approx(value, abs=0.005)
    assert said in (answer.note or "")


def test_a_share_typed_before_the_person_is_that_share(catalog: Catalog) -> None:
    """'20% of one engineer' was 22 engineer-days a month: the 20% dropped, one engineer
    full time."""
    upkeep = catalog.by_slug("model-convergence").question("upkeep_days")
    answer = parse_answer(upkeep, "20% of one engineer")
    assert answer.number == 4  # 20% of 5 days a week, about 4 a month
    assert "at 20%" in (answer.note or "")
    hours = catalog.by_slug("attention-readiness").question("upkeep_hours")
    assert parse_answer(hours, "about 25% of one dev").number == pytest.approx(43.48, abs=0.01)


def test_a_total_for_both_says_both(catalog: Catalog) -> None:
    """'2 days total for both' said 'in total for all both, not per vendor'."""
    upkeep = catalog.by_slug("model-convergence").question("upkeep_days")
    assert parse_answer(upkeep, "2 days total for both").note == "in total for both, not per vendor"


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [  # each was read in its own unit as days: 5, 1, 90, 1, with nothing said
        ("5 weeks", 25, "5 weeks at 5 working days a week"),
        ("a week a month", 5, "1 week at 5 working days a week"),
        ("90 min", 0.19, "90 min at 8 hours a day"),
        ("1 month", 21.67, "1 month at 21.7 working days a month"),
    ],
)
def test_weeks_months_and_minutes_are_working_days(
    catalog: Catalog, typed: str, value: float, said: str
) -> None:
    upkeep = catalog.by_slug("model-convergence").question("upkeep_days")
    answer = parse_answer(upkeep, typed)
    assert answer.number == pytest.approx(value, abs=0.01)
    assert said in (answer.note or "")


@pytest.mark.parametrize("typed", ["5 pages", "3 years"])
def test_a_figure_in_no_time_of_work_is_refused(catalog: Catalog, typed: str) -> None:
    """'5 pages' was 5 engineer-days a month."""
    upkeep = catalog.by_slug("model-convergence").question("upkeep_days")
    with pytest.raises(AnswerError, match=f"I read “{typed}” as .*engineer-days"):
        parse_answer(upkeep, typed)
