"""A price left to the vendor ("whatever Claude charges") at 'What do you pay the API per
million tokens?': the advisor keeps no price list, and says so, asking for the two prices from
the invoice or the vendor's pricing page — not a bare "I need 2 numbers"."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step, typical


@pytest.mark.parametrize(
    ("typed", "vendor"),
    [
        ("whatever Claude charges", "Anthropic"),
        ("was OpenAI so nimmt", "OpenAI"),
        ("the standard gpt-4o price", "OpenAI"),
        ("list price", None),
    ],
)
def test_a_price_left_to_the_vendor_is_asked_from_the_invoice(
    catalog: Catalog, typed: str, vendor: str | None
) -> None:
    price = catalog.by_slug("edge-economics").question("price")
    with pytest.raises(AnswerError) as e:
        parse_answer(price, typed)
    said = str(e.value)
    assert "keep no price list" in said
    assert "invoice" in said and "pricing page" in said
    assert vendor is None or vendor in said


def test_prices_with_the_vendor_named_are_still_read(catalog: Catalog) -> None:
    price = catalog.by_slug("edge-economics").question("price")
    a = parse_answer(price, "whatever Claude charges, $3 / $15 I think")
    assert a.numbers == {"input": 3, "output": 15}


@pytest.mark.parametrize("typed", ["llama locally, no API", "mistral", "dunno"])
def test_no_vendor_price_named_keeps_the_plain_request(catalog: Catalog, typed: str) -> None:
    price = catalog.by_slug("edge-economics").question("price")
    with pytest.raises(AnswerError, match="I need 2 numbers"):
        parse_answer(price, typed)


def test_in_the_conversation_the_price_is_asked_again_with_the_reason(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for q in script.questions:
        if q.key == "price":
            break
        d = step(script, d.consultation, typical(q))
    d = step(script, d.consultation, "whatever Claude charges")
    assert isinstance(d.outcome, engine.Asked), d.outcome
    assert d.outcome.question.key == "price"
    assert "keep no price list" in (d.outcome.reason or "")
    assert "price" not in d.consultation.answers
