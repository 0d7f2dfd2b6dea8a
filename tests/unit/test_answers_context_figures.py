"""Figures said as context beside the answer: a call's length beside its tokens, a duration
said twice in two units."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.answers.plausible import doubt
from consultations.catalog import Catalog


def test_a_length_of_call_beside_its_tokens_is_context(catalog: Catalog) -> None:
    """'transcripts 20-40 min calls so maybe 8-10k tokens' was refused ('I read “40 min” as a
    time, but I need the number of tokens here'), and the next answer landed a question late."""
    q = catalog.by_slug("attention-readiness").question("doc_tokens")
    assert parse_answer(q, "transcripts 20-40 min calls so maybe 8-10k tokens").number == 9_000
    assert parse_answer(q, "a 40 min call, about 8k tokens").number == 8_000
    with pytest.raises(AnswerError, match="as a time"):  # a time alone is still no length
        parse_answer(q, "a 40 min call")


def test_a_duration_said_twice_is_one_duration(catalog: Catalog) -> None:
    """'about 3 years, 36 months' was 72 months (added up like '1 year and 6 months')."""
    q = catalog.by_slug("edge-economics").question("amortisation")
    said = parse_answer(q, "about 3 years, 36 months")
    assert said.number == 36 and said.note is None, said
    assert parse_answer(q, "2 years (24 months)").number == 24
    assert parse_answer(q, "1 year and 6 months").number == 18


def test_tokens_said_beside_calls_of_another_kind_raise_no_doubt(catalog: Catalog) -> None:
    """'… 20-40 min calls so maybe 8-10k tokens' asked 'you mention “calls”, which sounds like
    question 5' — the answer had said tokens; the bot's check then took the next answer
    ('128k on gpt-4o', the window) as the document length."""
    script = catalog.by_slug("attention-readiness")
    q = script.question("doc_tokens")
    said = parse_answer(q, "transcripts 20-40 min calls so maybe 8-10k tokens")
    assert doubt(q, said, script.questions) is None
    calls = parse_answer(q, "40k for the long calls")  # no tokens said: still asked
    assert "question 5" in (doubt(q, calls, script.questions) or "")


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [  # each was the unitless figure first: 'That looks too high: at most 200.'
        ("model-convergence", "upkeep_days", "12k a month and 3 days", 3),
        ("attention-readiness", "upkeep_hours", "200k calls, about 10 hours", 10),
        ("research-curation", "hours", "50 papers, 2 hours", 2),
    ],
)
def test_the_figure_in_the_questions_own_unit_is_used(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == value
    assert answer.note is not None and "left out" in answer.note
    assert "tokens" not in answer.note  # was "used the one in tokens" at hours
