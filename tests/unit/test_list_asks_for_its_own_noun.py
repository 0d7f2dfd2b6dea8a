"""'a few hours is fine' at 'Which tasks genuinely need varied output?' was told 'this question
asks for names'; a task or a workflow is no name. The refusal uses the question's own noun."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("slug", "key", "typed", "noun"),
    [
        ("model-convergence", "diverse_tasks", "a few hours is fine", "asks for tasks"),
        ("automation-frontier", "workflows", "$5k a month", "asks for workflows"),
        ("model-convergence", "vendors", "5k a month", "asks for models and vendors"),
        ("research-curation", "canon", "3 engineers", "asks for labs and authors"),
        ("strategy-synthesis", "goals", "$50k a month", "asks for goals"),
    ],
)
def test_a_figure_at_a_list_is_refused_in_the_question_s_own_words(
    catalog: Catalog, slug: str, key: str, typed: str, noun: str
) -> None:
    with pytest.raises(AnswerError, match=f"I read a figure, but this question {noun}"):
        parse_answer(catalog.by_slug(slug).question(key), typed)
