"""'we run llama on our own GPU' at the edge price (input and output per million) was refused
with 'I need 2 numbers here: input and output'; a one-part price question already read it as
no price per token. Both parts are none, said back."""

from __future__ import annotations

from consultations import engine
from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step


def test_our_own_gpu_at_a_two_part_price_is_no_price_per_token(catalog: Catalog) -> None:
    q = catalog.by_slug("edge-economics").question("price")
    for typed in ("we run llama on our own GPU", "self-hosted", "no idea, it is our own GPU"):
        a = parse_answer(q, typed)
        assert a.numbers == {"input": 0, "output": 0}, typed
        assert a.note and "no price per token" in a.note, typed


def test_our_own_gpu_is_noted_and_the_next_question_asked(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in ["5M", "1200 in, 300 out"]:
        d = step(script, d.consultation, text)
    d = step(script, d.consultation, "we run llama on our own GPU")
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "latency"
    assert d.consultation.answers["price"].numbers == {"input": 0, "output": 0}
