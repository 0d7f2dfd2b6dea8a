"""An option said not to matter is not picked: 'latency is not an issue' among the
constraints planned a latency track (8 person-weeks) and a latency stop line."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import load_catalog


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        (
            "budget 300k€ max, skills (no ML engineers really), latency is not an issue",
            ("budget", "skills"),
        ),
        ("budget, latency is not a concern", ("budget",)),
        ("regulation; latency doesn't matter", ("regulation",)),
        ("budget and skills, but latency isn't a problem", ("budget", "skills")),
    ],
)
def test_a_constraint_said_not_to_matter_is_left_out(typed: str, picked: tuple[str, ...]) -> None:
    q = load_catalog().by_slug("strategy-synthesis").question("constraints")
    assert parse_answer(q, typed).choices == picked
