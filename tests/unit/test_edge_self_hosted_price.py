"""'we run llama on our own GPU' at the edge price (what the API charges, input and output per
million) was first 'I need 2 numbers here', then read as both parts none — and the report said
the API costs $0 and local 'never' pays. The question is the API side of the comparison: the
user is told so and asked for the price of the API they would use instead."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step


@pytest.mark.parametrize(
    "typed", ["we run llama on our own GPU", "self-hosted", "no idea, it is our own GPU"]
)
def test_our_own_gpu_at_the_api_price_asks_for_the_apis_price(catalog: Catalog, typed: str) -> None:
    q = catalog.by_slug("edge-economics").question("price")
    with pytest.raises(AnswerError, match="the API side of the comparison"):
        parse_answer(q, typed)


def test_our_own_gpu_leaves_the_price_asked_and_nothing_recorded(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in ["5M", "1200 in, 300 out"]:
        d = step(script, d.consultation, text)
    d = step(script, d.consultation, "we run llama on our own GPU")
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "price"
    assert "price" not in d.consultation.answers
    d = step(script, d.consultation, "$3 / $15")
    assert d.consultation.answers["price"].numbers == {"input": 3, "output": 15}


def test_a_one_part_price_of_our_own_gpu_is_still_none(catalog: Catalog) -> None:
    """Attention readiness asks what input costs: there, a model run in-house costs GPU time."""
    q = catalog.by_slug("attention-readiness").question("input_price")
    assert parse_answer(q, "no idea, it is our own GPU").number == 0
