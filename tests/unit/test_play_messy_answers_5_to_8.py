"""Messy answers typed in consultations 5-8 by a bank, a Mittelstand firm, a media company and
a logistics scale-up: each test names what the user typed and what they were told before."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import Catalog


def test_a_bare_upper_figure_takes_the_unit_of_the_lower_one(catalog: Catalog) -> None:
    """'30 min, maybe 45 on a good week' was 22.75 hours a week (0.5 h to 45 h), so the digest
    was sized for a full-time reader; it is 37.5 minutes."""
    q = catalog.by_slug("research-curation").question("hours")
    a = parse_answer(q, "30 min, maybe 45 on a good week")
    assert a.number == 0.625, a
    assert parse_answer(q, "2 hours, maybe 3").number == 2.5
