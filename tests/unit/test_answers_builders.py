"""Team size at the roadmap: "150 people total, ~60 in eng" answers "how many people build
software or AI with you?" with the 60, and says the 150 was left out."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("said", "builders", "whole"),
    [
        ("150 people total, ~60 in eng", 60, "150"),
        ("150 employees, 40 engineers", 40, "150"),
        ("we're 150, 60 of them devs", 60, "150"),
        ("150 (60 in product & engineering)", 60, "150"),
    ],
)
def test_the_figure_named_as_builders_is_the_team(
    catalog: Catalog, said: str, builders: int, whole: str
) -> None:
    q = catalog.by_slug("strategy-synthesis").question("team_size")
    a = parse_answer(q, said)
    assert a.number == builders
    assert a.note is not None and whole in a.note  # the company's size is said back, left out


def test_one_figure_or_no_builders_named_keeps_the_first(catalog: Catalog) -> None:
    q = catalog.by_slug("strategy-synthesis").question("team_size")
    assert parse_answer(q, "40 engineers").number == 40
    assert parse_answer(q, "about 12 (plus 3 contractors)").number == 12


def test_a_breakdown_of_the_team_in_brackets_is_not_a_figure_left_out(catalog: Catalog) -> None:
    """'3 (me + 2 designers)' said '“2” left out: type it if that is the one to use'."""
    q = catalog.by_slug("strategy-synthesis").question("team_size")
    a = parse_answer(q, "3 (me + 2 designers)")
    assert a.number == 3 and a.note is None
