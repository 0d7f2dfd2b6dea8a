"""A correction of one factor of a worked-out figure: 'OR time costs 1500€/hour, we lose 40
hours a month, wait no, more like 60' kept 40 hours (60,000 a month) and set '60' aside."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import load_catalog


def test_wait_no_replaces_the_hours_in_the_product() -> None:
    q = load_catalog().by_slug("automation-frontier").question("value")
    a = parse_answer(
        q,
        "no idea. OR time costs ~1.500€/hour, we lose maybe 40 hours a month to bad "
        "scheduling, wait no, more like 60",
    )
    assert a.number == 90_000
    assert a.note is not None and "corrected" in a.note


def test_wait_no_before_a_whole_figure() -> None:
    q = load_catalog().by_slug("automation-frontier").question("value")
    assert parse_answer(q, "about 40k a month, wait no, 50k").number == 50_000
