"""A list typed over several messages ("and supplier onboarding", "also vendor master data"):
each follow-up joins the list it continues, said so; never read as the next question's answer."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step


def test_a_follow_up_opening_with_and_or_also_joins_the_list_just_answered(
    catalog: Catalog,
) -> None:
    script = catalog.by_slug("automation-frontier")
    d = begin(script)
    d = step(script, d.consultation, "invoice exception handling")
    d = step(script, d.consultation, "and supplier onboarding")
    d = step(script, d.consultation, "also vendor master data cleanup")  # "data" is an option
    c = d.consultation
    assert c.answers["workflows"].items == (
        "invoice exception handling",
        "supplier onboarding",
        "vendor master data cleanup",
    )
    assert "why_shelved" not in c.answers  # not read as "Not enough data"
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 2  # still asked
    assert d.outcome.note is not None and d.outcome.note.startswith(
        "Added to workflows: vendor master data cleanup (now 3:"
    )
    d = step(script, d.consultation, "the models were not good enough")
    assert d.consultation.answers["why_shelved"].choices == ("models",)


def test_the_last_goal_sent_after_the_report_joins_the_goals(catalog: Catalog) -> None:
    script = catalog.by_slug("strategy-synthesis")
    d = begin(script)
    for text in ["CTO", "banking", "2,000", "a chatbot", "regulation", "cut KYC time by 40%"]:
        d = step(script, d.consultation, text)
    assert isinstance(d.outcome, engine.Finished)
    d = step(script, d.consultation, "and reduce call centre volume by 15%")
    assert isinstance(d.outcome, engine.Finished) and d.changed  # the report is written again
    assert d.consultation.answers["goals"].items == (
        "cut KYC time by 40%",
        "reduce call centre volume by 15%",
    )


@pytest.mark.parametrize(
    "typed",
    ["go back", "Go back please", "wait, go back", "back one", "previous question", "undo that"],
)
def test_going_back_in_everyday_words_goes_back_and_is_never_an_answer(
    catalog: Catalog, typed: str
) -> None:
    """'go back' at 'Which industry are you in?' was noted as the industry."""
    script = catalog.by_slug("strategy-synthesis")
    d = step(script, begin(script).consultation, "Head of Product")
    d = step(script, d.consultation, typed)
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 1
    assert "industry" not in d.consultation.answers and d.consultation.answers == {}


@pytest.mark.parametrize("typed", ["oh and we also use Cohere", "btw we also use Cohere"])
def test_an_aside_after_the_next_answer_still_joins_the_vendor_list(
    catalog: Catalog, typed: str
) -> None:
    """'oh and we also use Cohere' at the spend question (after vendors, then reasons) was
    refused: 'I need a number here'."""
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    for text in ["GPT-4o for support, Claude for coding", "2", typed]:
        d = step(script, d.consultation, text)
    c = d.consultation
    assert c.answers["vendors"].items[-1] == "Cohere"
    assert "monthly_spend" not in c.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.note is not None
    assert d.outcome.note.startswith("Added to vendors: Cohere (now 3:")
    d = step(script, c, "and $4k on Mistral")  # words that answer the spend are its answer
    assert d.consultation.answers["monthly_spend"].number == 4_000
