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


@pytest.mark.parametrize(
    "typed",
    [
        "eigentlich auch DALL-E",  # was the options of 3/6 again
        "ach ja, und DALL-E",
        "et aussi DALL-E",
        "sorry, also DALL-E",
        "forgot: DALL-E",
        "DALL-E too",
        "DALL-E auch noch",
    ],
)
def test_a_vendor_added_in_other_words_joins_the_vendors(catalog: Catalog, typed: str) -> None:
    """A vendor remembered at 'What could the images resemble …?', typed in German, French or
    after an apology, joins the vendors; the question is asked again with that said."""
    script = catalog.by_slug("diffusion-ip-risk")
    d = begin(script)
    for text in ["ads for our shop", "midjourney, firefly", typed]:
        d = step(script, d.consultation, text)
    assert d.consultation.answers["vendors"].items == ("midjourney", "firefly", "DALL-E")
    assert "content" not in d.consultation.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 3
    assert d.outcome.note is not None and d.outcome.note.startswith("Added to vendors: DALL-E")


def test_an_answer_said_with_too_is_the_answer_to_the_question_asked(catalog: Catalog) -> None:
    """ "logos too" answers 'What could the images resemble …?': it is no vendor."""
    script = catalog.by_slug("diffusion-ip-risk")
    d = begin(script)
    for text in ["ads for our shop", "midjourney, firefly", "logos too"]:
        d = step(script, d.consultation, text)
    assert d.consultation.answers["vendors"].items == ("midjourney", "firefly")
    assert d.consultation.answers["content"].choices == ("brands",)


@pytest.mark.parametrize(
    "typed", ["scratch that: gemini instead of claude", "we use gemini instead of claude"]
)
def test_a_vendor_swapped_later_replaces_it_in_the_list(catalog: Catalog, typed: str) -> None:
    """'scratch that: gemini instead of claude' at the spend question was refused: 'I need a
    number here'."""
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    for text in ["gpt-4o, claude", "2", typed]:
        d = step(script, d.consultation, text)
    assert d.consultation.answers["vendors"].items == ("gpt-4o", "gemini")
    assert "monthly_spend" not in d.consultation.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 3
    assert d.outcome.note is not None and "gemini" in d.outcome.note


@pytest.mark.parametrize("typed", ["scratch that: 3 vendors", "actually we have 3 vendors"])
def test_a_count_of_a_list_asks_for_the_one_missing(catalog: Catalog, typed: str) -> None:
    """'scratch that: 3 vendors' after two vendors showed the options of question 2 again."""
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    for text in ["gpt-4o, claude", typed]:
        d = step(script, d.consultation, text)
    assert d.consultation.answers["vendors"].items == ("gpt-4o", "claude")
    assert "reasons" not in d.consultation.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.reason is not None
    assert d.outcome.reason.startswith("You named 2 vendors (gpt-4o; claude), not 3:")
