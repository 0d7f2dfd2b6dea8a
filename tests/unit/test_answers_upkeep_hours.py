"""Engineer-hours a month as people give them: in days or weeks (the hours a day said back),
"basically none", or in sprints, which are no hours."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog

ATTENTION = "attention-readiness"


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("5 days a month", 40, "5 days at 8 hours a day (our assumption)"),  # nothing said
        ("about a week per month", 40, "1 week at 40 hours a week (our assumption)"),  # refused
        ("1 day a week", 34.79, "1 day at 8 hours a day (our assumption)"),
    ],
)
def test_days_and_weeks_are_hours_with_the_assumption_said(
    catalog: Catalog, typed: str, value: float, said: str
) -> None:
    hours = catalog.by_slug(ATTENTION).question("upkeep_hours")
    answer = parse_answer(hours, typed)
    assert answer.number == pytest.approx(value, abs=0.01)
    assert said in (answer.note or "")


@pytest.mark.parametrize("typed", ["basically none", "close to zero", "next to nothing"])
def test_nearly_nothing_is_none_said_back(catalog: Catalog, typed: str) -> None:
    """'basically none' said 'I need a number here'."""
    hours = catalog.by_slug(ATTENTION).question("upkeep_hours")
    answer = parse_answer(hours, typed)
    assert answer.number == 0
    assert answer.note == f"“{typed}” read as 0; type the figure if there is one"


def test_sprints_are_no_hours(catalog: Catalog) -> None:
    """'1 sprint a quarter' was 1 hour (then 0.33 once quarters were periods)."""
    hours = catalog.by_slug(ATTENTION).question("upkeep_hours")
    with pytest.raises(AnswerError, match="I read “1 sprint” as a number of sprints, but I need"):
        parse_answer(hours, "1 sprint a quarter")


@pytest.mark.parametrize(
    ("typed", "hours"),
    [
        ("one guy half time", 86.96),  # was 1 hour
        ("half of one engineer", 86.96),  # was 174: a whole engineer
        ("one guy at 50%", 86.96),
    ],
)
def test_one_person_part_time_is_their_share_of_a_full_time_month(
    catalog: Catalog, typed: str, hours: float
) -> None:
    q = catalog.by_slug("attention-readiness").question("upkeep_hours")
    assert parse_answer(q, typed).number == pytest.approx(hours, abs=0.01)


def test_cut_in_half_is_no_figure(catalog: Catalog) -> None:
    """An incident typed at the upkeep question, 'the splitter cut a safety warning in half
    and the bot told a customer the opposite', was noted as 0.5 hours."""
    q = catalog.by_slug("attention-readiness").question("upkeep_hours")
    with pytest.raises(AnswerError):
        parse_answer(q, "the splitter cut a safety warning in half and the bot told a customer")


def test_half_of_someones_time_is_one_person_half_time(catalog: Catalog) -> None:
    """'Jens spends like half his time on it' was refused ('I need a number here')."""
    q = catalog.by_slug("attention-readiness").question("upkeep_hours")
    assert parse_answer(q, "Jens spends like half his time on it").number == pytest.approx(
        86.96, abs=0.01
    )
