"""Answers read wrong in December's walk-through: a figure's working taken for the answer, an
option dismissed in French, German or with a "no" after it still picked, and a guess not said
back as one. Each case is how a user typed it, and what they now see."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step

CONVERGENCE, SYNTHESIS = "model-convergence", "strategy-synthesis"
AUTOMATION = "automation-frontier"


@pytest.mark.parametrize(
    ("typed", "value", "working"),
    [
        ("My day rate is 800€, so maybe 3.500€", 3_500, "800"),
        ("about 20 hours at $50, that makes $1,000", 1_000, "50"),
        ("4 days x 600 EUR = 2400 EUR", 2_400, "600"),
        ("Mein Tagessatz ist 800€, also etwa 3.500€", 3_500, "800"),
        ("2 FTE à 4000€, soit 8000€ par mois", 8_000, "4000"),
    ],
)
def test_the_figure_after_its_working_is_the_answer(
    catalog: Catalog, typed: str, value: float, working: str
) -> None:
    """'800€, so maybe 3.500€' was €800 with the 3.500 left out; now €3,500, the 800 said as
    the working."""
    q = catalog.by_slug(AUTOMATION).question("value")
    answer = parse_answer(q, typed)
    assert answer.number == value
    assert answer.note is not None and working in answer.note and "working" in answer.note


@pytest.mark.parametrize(
    "typed",
    [
        "Le budget est serré mais ce n'est pas le problème principal, plutôt la conformité",
        "Das Budget ist knapp, aber es ist nicht das Hauptproblem, eher Regulierung",
        "Budget spielt keine Rolle, Regulierung schon",
        "budget is tight but not the main problem, regulation is",
        "Budget is tight, but it's not the main problem. Regulation is",
        "money isn't the main issue, regulation is",
        "Budget ist nicht so wichtig, Regulierung schon",
        "Budget serré mais pas le problème principal, surtout la conformité",
        "Das Budget ist knapp, aber nicht das Hauptproblem. Eher Regulierung",
    ],
)
def test_an_option_dismissed_in_any_language_is_not_picked(catalog: Catalog, typed: str) -> None:
    """'Le budget est serré mais ce n'est pas le problème principal' picked Budget."""
    q = catalog.by_slug(SYNTHESIS).question("constraints")
    assert parse_answer(q, typed).choices == ("regulation",)


def test_a_dismissal_alone_picks_nothing(catalog: Catalog) -> None:
    """With only the dismissed option named, the options are offered again, not Budget."""
    q = catalog.by_slug(SYNTHESIS).question("constraints")
    with pytest.raises(AnswerError):
        parse_answer(q, "Le budget est serré mais ce n'est pas le problème principal")


@pytest.mark.parametrize(
    "typed", ["price yes, diversity no", "price, diversity not really", "diversity: no, price"]
)
def test_a_no_after_an_option_removes_it(catalog: Catalog, typed: str) -> None:
    """'diversity no' picked Diversity of ideas."""
    q = catalog.by_slug(CONVERGENCE).question("reasons")
    assert parse_answer(q, typed).choices == ("price",)


def test_a_guess_is_said_back_as_one(catalog: Catalog) -> None:
    """'no idea, maybe 5M' was read as 5M with nothing said; now the note says it is a guess."""
    q = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    answer = parse_answer(q, "no idea, maybe 5M")
    assert answer.number == 5_000_000
    assert answer.note is not None and "guess" in answer.note


def test_an_option_told_away_is_said_back(catalog: Catalog) -> None:
    """The dismissal was said back as words that 'match no option'; now the option is named."""
    q = catalog.by_slug(SYNTHESIS).question("constraints")
    answer = parse_answer(q, "Les compétences. Le budget n'est pas un problème")
    assert answer.choices == ("skills",)
    assert answer.note == "left out “Budget”, as you said"


def test_only_an_option_told_away_is_asked_again_naming_it(catalog: Catalog) -> None:
    """'diversity no' alone picked Diversity of ideas."""
    q = catalog.by_slug(CONVERGENCE).question("reasons")
    with pytest.raises(AnswerError, match="You ruled out “Diversity of ideas”; which holds"):
        parse_answer(q, "diversity no")


def test_an_also_that_adds_a_workflow_is_no_working(catalog: Catalog) -> None:
    """'invoices 40k, also 10k for claims': two workflows, the larger one taken."""
    q = catalog.by_slug(AUTOMATION).question("value")
    assert parse_answer(q, "invoices 40k, also 10k for claims").number == 40_000


def test_a_guess_typed_in_the_chat_is_kept_and_said_back(catalog: Catalog) -> None:
    """In the chat 'no idea, maybe 50k' was noted as 50,000 with nothing said."""
    script = catalog.by_slug(CONVERGENCE)
    d = begin(script)
    for typed in ("gpt-4o for support, claude for code", "price", "no idea, maybe 50k"):
        d = step(script, d.consultation, typed)
    spend = d.consultation.answers["monthly_spend"]
    assert spend.number == 50_000
    assert spend.note is not None and spend.note.startswith("your guess, after “no idea”")
