"""Time times its price with a European thousands separator: 'OR time costs ~1.500€/hour,
we lose 40 hours a month' was €1,095,750 a month (the 1.500 € an hour over a whole month)."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import load_catalog


def test_hours_lost_a_month_times_a_european_hourly_cost() -> None:
    q = load_catalog().by_slug("automation-frontier").question("value")
    a = parse_answer(q, "OR time costs ~1.500€/hour, we lose 40 hours a month")
    assert a.number == 60_000


def test_the_weekly_total_is_said_as_the_figure_used() -> None:
    q = load_catalog().by_slug("automation-frontier").question("value")
    a = parse_answer(q, "10 hours a week of my time, I bill 1.500/h")
    assert a.number is not None and round(a.number) == 65_223
    assert a.note is not None and "15,000 a week" in a.note and "65.22" not in a.note
