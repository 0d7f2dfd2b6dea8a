"""Doubtful readings get one short question, kept as engine state until the user answers it."""

from __future__ import annotations

from consultations import engine, messages
from consultations.catalog import Catalog
from consultations.scripts import ConsultationScript
from consultations.state import Consultation
from tests.unit.test_engine import begin, step


def at(script: ConsultationScript, texts: list[str]) -> engine.Decision:
    d = begin(script)
    for text in texts:
        d = step(script, d.consultation, text)
    return d


def confirm_of(d: engine.Decision) -> str:
    assert isinstance(d.outcome, engine.Asked), d.outcome
    assert d.outcome.confirm is not None, d.outcome
    return d.outcome.confirm


def test_a_price_far_above_list_prices_is_questioned_then_kept_on_yes(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = at(script, ["5M", "1200 in, 300 out", "$1,200 / $300"])
    text = confirm_of(d)
    assert "$1,200" in text and "80×" in text and "list prices" in text and "`yes`" in text
    assert "price" not in d.consultation.answers  # nothing taken yet
    assert d.consultation.pending is not None  # kept in the record, not in memory
    shown = messages.outcome(d.outcome)
    assert "❓" in shown and "3/8" in shown

    kept = step(script, d.consultation, "yes")
    assert kept.consultation.answers["price"].numbers == {"input": 1200, "output": 300}
    assert kept.consultation.pending is None
    assert isinstance(kept.outcome, engine.Asked) and kept.outcome.number == 4


def test_the_right_value_typed_instead_replaces_the_doubtful_one(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = at(script, ["5M", "1200 in, 300 out", "$1,200 / $300", "$3 / $15"])
    assert d.consultation.answers["price"].numbers == {"input": 3, "output": 15}
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 4


def test_typing_the_same_value_again_confirms_it(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = at(script, ["5M", "1200 in, 300 out", "$1,200 / $300", "$1,200 / $300"])
    assert d.consultation.answers["price"].numbers == {"input": 1200, "output": 300}


def test_no_asks_for_the_right_value(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = at(script, ["5M", "1200 in, 300 out", "$1,200 / $300", "no"])
    assert isinstance(d.outcome, engine.Asked) and d.outcome.confirm is None
    assert d.outcome.number == 3 and "price" not in d.consultation.answers


def test_tokens_given_for_requests_are_questioned(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = at(script, ["1,200 input tokens and 300 output tokens per request"])
    text = confirm_of(d)
    assert "tokens" in text and "question 2" in text
    assert "requests" not in d.consultation.answers
    d = step(script, d.consultation, "about 5M")
    assert d.consultation.answers["requests"].number == 5_000_000


def test_an_ambiguous_number_is_asked_and_picked_by_its_number(catalog: Catalog) -> None:
    script = catalog.by_slug("attention-readiness")
    texts = ["contract review", "1", "80k tokens", "200k", "200k a month", "$3"]
    d = at(script, texts)
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "upkeep_hours"
    d = step(script, d.consultation, "1.200")
    text = confirm_of(d)
    assert "`1` 1.2 hours" in text and "`2` 1,200 hours" in text
    d = step(script, d.consultation, "2")
    assert d.consultation.answers["upkeep_hours"].number == 1200


def test_back_drops_a_pending_confirmation(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = at(script, ["5M", "1200 in, 300 out", "$1,200 / $300", "back"])
    c: Consultation = d.consultation
    assert c.pending is None and "price" not in c.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 3


def test_values_inside_the_usual_range_pass_without_a_question(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = at(script, ["5M", "1200 in, 300 out", "$3 / $15", "2", "2", "5%", "$30k / $2k", "36"])
    assert isinstance(d.outcome, engine.Finished)


def test_words_the_question_itself_uses_raise_no_doubt(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = at(script, ["5M", "1200 in, 300 out", "$3 input, $15 output per million tokens"])
    assert d.consultation.answers["price"].numbers == {"input": 3, "output": 15}
    assert isinstance(d.outcome, engine.Asked) and d.outcome.confirm is None


def test_amounts_in_another_currency_than_earlier_ones_are_questioned(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = at(script, ["5M", "1200 in, 300 out", "$3 / $15", "2", "2", "5%", "€30k / €2k a month"])
    text = confirm_of(d)
    assert "USD" in text and "EUR" in text and "local_cost" not in d.consultation.answers
    d = step(script, d.consultation, "$33k / $2.2k a month")
    assert d.consultation.answers["local_cost"].currency == "USD"


def test_a_value_far_under_the_usual_range_is_said_as_a_share_of_its_low_end(
    catalog: Catalog,
) -> None:
    script = catalog.by_slug("model-convergence")
    d = at(script, ["OpenAI, Anthropic", "price", "$40 a month"])
    text = confirm_of(d)
    assert "$40" in text and "of the low end of" in text, text
    assert "× below" not in text
