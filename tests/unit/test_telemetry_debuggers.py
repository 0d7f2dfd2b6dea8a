"""Who debugs the agents, as people say it: 'nobody really, the on-call dev' names the on-call
dev, and no one is addressed as 'nobody really'."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run


def test_nobody_really_then_a_person_names_that_person(catalog: Catalog) -> None:
    text = render_report_markdown(
        run(catalog, "reasoning-telemetry", {"blind_spots": "nobody really, the on-call dev"})
    )
    assert "For the on-call dev:" in text
    assert "weekly review of the worst runs with the on-call dev." in text
    assert "nobody really" not in text.casefold()
    assert "cannot answer today: the on-call dev" not in text


@pytest.mark.parametrize(
    ("typed", "who", "gap"),
    [
        (
            "nobody really, the on-call dev; they cannot see why a tool was chosen",
            "the on-call dev",
            "why a tool was chosen",
        ),
        ("on-call SREs; they cannot see why a tool was chosen", "on-call SREs", "why a tool"),
    ],
)
def test_who_and_what_they_cannot_answer_are_both_kept(
    catalog: Catalog, typed: str, who: str, gap: str
) -> None:
    text = render_report_markdown(run(catalog, "reasoning-telemetry", {"blind_spots": typed}))
    assert f"with {who}, starting from what they cannot answer today: {gap}" in text


def test_nobody_at_all_asks_for_an_owner(catalog: Catalog) -> None:
    text = render_report_markdown(
        run(catalog, "reasoning-telemetry", {"blind_spots": "no one in particular"})
    )
    assert "an owner you name (nobody debugs them today)" in text
