"""A wait typed at a list of tasks ("ein paar Stunden sind ok" at 'Which tasks genuinely need
varied output?') answers another question: refused, never saved as a task."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    "typed",
    [
        "ein paar Stunden sind ok",  # was the task "paar Stunden sind ok"
        "a few hours is fine",
        "2 hours is fine",
        "quelques heures",
        "a couple of days is ok",
        "we can wait a few minutes",
    ],
)
def test_a_wait_alone_at_a_list_of_tasks_is_refused(catalog: Catalog, typed: str) -> None:
    tasks = catalog.by_slug("model-convergence").question("diverse_tasks")
    with pytest.raises(AnswerError, match="I read a figure, but this question asks for tasks"):
        parse_answer(tasks, typed)


def test_a_wait_beside_tasks_is_left_out_and_said(catalog: Catalog) -> None:
    tasks = catalog.by_slug("model-convergence").question("diverse_tasks")
    a = parse_answer(tasks, "ad copy variants, a few hours is fine")
    assert a.items == ("ad copy variants",)
    assert a.note is not None and "few hours is fine" in a.note  # said back as left out


@pytest.mark.parametrize(
    "typed", ["weekly report drafts", "brainstorming for 2 hours", "daily standup summaries"]
)
def test_tasks_with_times_in_them_are_kept(catalog: Catalog, typed: str) -> None:
    tasks = catalog.by_slug("model-convergence").question("diverse_tasks")
    assert parse_answer(tasks, typed).items == (typed,)
