"""A French agency's goal 'tout hébergé en France' was 'nothing yet: it names no outcome to
plan for; restate it with the number …'; where the data is hosted is a residency goal."""

from __future__ import annotations

import pytest

from consultations.advisors.synthesis_goals import goal_tags


@pytest.mark.parametrize(
    "goal",
    [
        "tout hébergé en France",
        "everything hosted in Germany",
        "all data stays in France",
        "alles in Deutschland gehostet",
        "hébergement souverain",
    ],
)
def test_hosting_in_a_country_is_a_residency_goal(goal: str) -> None:
    assert "compliance" in goal_tags(goal)
