"""A university lab's "write a lab policy on AI use for theses" became "Write, agree and
publish the write a lab policy on AI use for theses"; "we need to draft an AI usage policy"
was no policy at all; "the ethics board" at the constraints was left out."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run


@pytest.mark.parametrize(
    ("goal", "title"),
    [
        (
            "write a lab policy on AI use for theses",
            "Write, agree and publish a lab policy on AI use for theses",
        ),
        ("we need to draft an AI usage policy", "Write, agree and publish an AI usage policy"),
    ],
)
def test_a_policy_goal_is_said_once(catalog: Catalog, goal: str, title: str) -> None:
    r = run(catalog, "strategy-synthesis", {"team_size": "8", "goals": goal})
    assert r.recommendations[0].title == title, [x.title for x in r.recommendations]


def test_an_ethics_board_is_a_rule_to_keep(catalog: Catalog) -> None:
    q = catalog.by_slug("strategy-synthesis").question("constraints")
    a = parse_answer(q, "no budget at all, grant money only, and the ethics board")
    assert a.choices == ("budget", "regulation"), a.choices
    assert a.note is None, a.note
