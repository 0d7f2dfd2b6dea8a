"""'none' in the ways people say it, at an optional list: noted 'none', kept as 'none' in the
answers the report is written with, and never a task named 'nah none really'."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.advisors import advise
from consultations.advisors.base import AdvisorInput
from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step

ANSWERS = ("gpt-4o for support, claude for code", "1", "8k", "2")


@pytest.mark.parametrize(
    "typed",
    [
        "none really",  # as before
        "nah none really",  # was the task "nah none really"
        "honestly none",  # was the task "honestly none"
        "none, all deterministic",  # was the task "all deterministic"
        "well nothing really",
    ],
)
def test_none_in_other_words_names_no_task(catalog: Catalog, typed: str) -> None:
    q = catalog.by_slug("model-convergence").question("diverse_tasks")
    answer = parse_answer(q, typed)
    assert answer.skipped and answer.display(q) == "none"


def test_the_end_of_a_list_is_no_item(catalog: Catalog) -> None:
    """'brainstorming, none else' was two tasks, 'brainstorming' and 'none else'."""
    q = catalog.by_slug("model-convergence").question("diverse_tasks")
    assert parse_answer(q, "brainstorming, none else").items == ("brainstorming",)


def test_none_said_is_in_the_answers_the_report_is_written_with(catalog: Catalog) -> None:
    """'none really' was noted 'none' and then missing from 'Writing your report with: …', as
    if skipped; a skip is still left out of it."""
    script = catalog.by_slug("model-convergence")
    finished = {}
    for said in ("none really", "skip"):
        d = begin(script)
        for text in (*ANSWERS, said, "hours"):
            d = step(script, d.consultation, text)
        assert isinstance(d.outcome, engine.Finished)
        finished[said] = d
    assert "diverse tasks none ·" in finished["none really"].outcome.summary  # type: ignore[union-attr]
    assert "diverse tasks" not in finished["skip"].outcome.summary  # type: ignore[union-attr]
    report = advise(
        AdvisorInput(script, finished["none really"].consultation.answers, catalog.context)
    )
    text = " ".join(s for sec in report.sections for s in sec.items)
    assert "none really" not in text and "Applies first to" not in text


@pytest.mark.parametrize(
    "typed",
    ["keine", "keine.", "eigentlich keine", "nichts", "gar nichts", "aucune", "rien", "nein"],
)
def test_none_in_german_or_french_names_no_task(catalog: Catalog, typed: str) -> None:
    """'keine' at the diverse-tasks question was the task 'keine': the report said 'Applies
    first to: keine.'"""
    q = catalog.by_slug("model-convergence").question("diverse_tasks")
    answer = parse_answer(q, typed)
    assert answer.skipped and answer.display(q) == "none"


@pytest.mark.parametrize(
    "typed",
    ["we don't have any", "we don't really use any", "keine", "wir haben keine", "aucune", "rien"],
)
def test_none_in_a_sentence_or_another_language_names_no_item(catalog: Catalog, typed: str) -> None:
    """'keine' at 'Which tasks genuinely need varied output?' was a task named 'keine';
    'we don't really have any' at the pipelines was a pipeline."""
    tasks = catalog.by_slug("model-convergence").question("diverse_tasks")
    assert parse_answer(tasks, typed).skipped
    pipelines = catalog.by_slug("attention-readiness").question("pipelines")
    with pytest.raises(AnswerError, match="needs at least one"):
        parse_answer(pipelines, typed)
