"""Figures the user marked as guesses ("no idea, maybe 5M") are listed in the report's
Assumptions, in every consultation, so nobody takes a guess for a measurement."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import EDGE, run


def test_a_guessed_volume_is_listed_as_a_guess_in_the_assumptions(catalog: Catalog) -> None:
    """'no idea, maybe 5M' was used in the figures with nothing in the report saying so."""
    r = run(catalog, "edge-economics", {**EDGE, "requests": "no idea, maybe 5M"})
    guessed = [a for a in r.assumptions if "your guess" in a]
    assert len(guessed) == 1
    assert "5,000,000 requests a month — your guess; measure it" in guessed[0]
    assert "5,000,000 requests a month — your guess" in render_report_markdown(r)


def test_a_figure_typed_plainly_is_not_called_a_guess(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", EDGE)
    assert not any("your guess" in a for a in r.assumptions)


def test_guesses_are_listed_in_other_consultations_too(catalog: Catalog) -> None:
    r = run(
        catalog,
        "model-convergence",
        {"vendors": "OpenAI, Anthropic", "monthly_spend": "not sure, maybe 50k"},
    )
    assert any("50,000" in a and "your guess; measure it" in a for a in r.assumptions)


def test_a_guessed_figure_is_marked_where_the_report_uses_it(catalog: Catalog) -> None:
    """The summary and the workings used 'no idea, maybe 5M' as if measured; only the
    Assumptions at the end said it was a guess."""
    r = run(catalog, "edge-economics", {**EDGE, "requests": "no idea, maybe 5M"})
    assert "5,000,000 requests a month (your guess)" in r.summary
    used = [f for f in r.figures if f.working and "5,000,000" in f.working]
    assert used and all("5,000,000 (your guess)" in (f.working or "") for f in used)
    spend = run(catalog, "model-convergence", {"monthly_spend": "not sure, maybe 50k"})
    share = spend.figure("Upkeep as a share of API spend")
    assert "$50,000 (your guess)" in (share.working or "")


def test_a_plain_figure_is_not_marked(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", EDGE)
    assert "your guess" not in render_report_markdown(r)
