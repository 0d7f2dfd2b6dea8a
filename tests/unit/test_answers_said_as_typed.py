"""Answers read right but said back oddly, or read wrong: each case is how a tester typed it,
and what the user now sees instead."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog

SYNTHESIS = "strategy-synthesis"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("me and 3 devs", "you and 3 devs"),  # was "you and 3 devs more"
        ("me and three devs", "you and three devs"),  # was "you and and three devs more"
        ("me and two", "you and two more"),
    ],
)
def test_me_and_my_devs_is_said_back_as_typed(catalog: Catalog, typed: str, said: str) -> None:
    team = catalog.by_slug(SYNTHESIS).question("team_size")
    a = parse_answer(team, typed)
    assert a.note == said
    assert a.number == (4 if "devs" in typed else 3)
