"""A figure typed at a list of names (the spend after a `back`, a duration, a headcount) is no
name: "18k EUR per month, roughly" was noted as two vendors, "18k EUR per month" and "roughly"."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_answers_phrasings import q

FIGURES = [
    ("model-convergence", "vendors", "18k EUR per month, roughly"),
    ("model-convergence", "vendors", "~ 18.000 € / Monat"),
    ("model-convergence", "diverse_tasks", "half a day"),
    ("reasoning-telemetry", "agents", "3 engineers"),
    ("automation-frontier", "workflows", "$5k a month"),
]


@pytest.mark.parametrize(("slug", "key", "typed"), FIGURES)
def test_a_figure_alone_is_refused_and_the_names_asked_for(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    with pytest.raises(AnswerError, match="I read a figure, but this question asks for "):
        parse_answer(q(catalog, slug, key), typed)


def test_a_figure_among_names_is_left_out_and_said(catalog: Catalog) -> None:
    a = parse_answer(q(catalog, "model-convergence", "vendors"), "gpt-4o, claude, 18k a month")
    assert a.items == ("gpt-4o", "claude")
    assert a.note is not None and "“18k a month” is not one of them" in a.note


@pytest.mark.parametrize(
    "typed",
    ["gpt-4o for chat, llama 3 70b on prem", "mistral 7b, claude 3.5 sonnet", "Qwen 2.5 72B"],
)
def test_model_names_with_figures_stay_names(catalog: Catalog, typed: str) -> None:
    a = parse_answer(q(catalog, "model-convergence", "vendors"), typed)
    assert a.items and a.note is None


def test_roughly_alone_is_no_item(catalog: Catalog) -> None:
    a = parse_answer(q(catalog, "model-convergence", "vendors"), "gpt-4o, roughly")
    assert a.items == ("gpt-4o",)


@pytest.mark.parametrize(
    "typed",
    [
        "claude is better at code; mistral because PII cant leave our VPC",
        "we need data to stay in the EU",
    ],
)
def test_data_that_cannot_leave_is_a_compliance_reason(catalog: Catalog, typed: str) -> None:
    """Was 'Each is best at something' alone (or refused): the vendor kept for residency was
    then told to prove itself on quality."""
    a = parse_answer(q(catalog, "model-convergence", "reasons"), typed)
    assert "compliance" in (a.choices or ())


def test_nothing_else_really_is_no_task(catalog: Catalog) -> None:
    """Was 'Applies first to: brainstorming marketing copy and nothing else really'."""
    typed = "brainstorming marketing copy, nothing else really"
    a = parse_answer(q(catalog, "model-convergence", "diverse_tasks"), typed)
    assert a.items == ("brainstorming marketing copy",)
    assert a.note is None  # the end of the list, not an item left out ("is not one of them")


@pytest.mark.parametrize("typed", ["one engineer, 20%", "one engineer (20%)"])
def test_one_person_at_a_share_after_a_comma(catalog: Catalog, typed: str) -> None:
    """'one engineer, 20%' was one engineer full time (174 hours a month, silently); said
    'at 20% at 40 hours a week each' when typed without the comma."""
    a = parse_answer(q(catalog, "attention-readiness", "upkeep_hours"), typed)
    assert round(a.number or 0) == 35
    assert a.note is not None and "at 20% of 40 hours a week (our assumption)" in a.note


@pytest.mark.parametrize("typed", ["ad copy, that's it", "ad copy, thats all"])
def test_thats_it_ends_the_list(catalog: Catalog, typed: str) -> None:
    """Was one task called "ad copy (that's it)"."""
    a = parse_answer(q(catalog, "model-convergence", "diverse_tasks"), typed)
    assert a.items == ("ad copy",) and a.note is None


@pytest.mark.parametrize(
    "typed", ["every other monday morning", "every second friday", "alternate mondays"]
)
def test_every_other_weekday_is_every_two_weeks(catalog: Catalog, typed: str) -> None:
    """'every other monday morning' was Weekly, for its 'monday' (said back, but wrong)."""
    a = parse_answer(q(catalog, "research-curation", "cadence"), typed)
    assert a.choices == ("biweekly",)
