"""Attention readiness as people answer it: 'nothing major' is no incident, and documents far
larger than any window are not told to wait for cheaper long-context prices."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run


@pytest.mark.parametrize(
    "typed", ["nothing major", "no incidents so far", "all good", "no real issues"]
)
def test_no_incident_in_other_words_is_no_incident(catalog: Catalog, typed: str) -> None:
    """'nothing major' was an incident: 'Turn your incident into a regression test'."""
    a = parse_answer(catalog.by_slug("attention-readiness").question("incidents"), typed)
    assert a.skipped
    text = render_report_markdown(run(catalog, "attention-readiness", {"incidents": typed}))
    assert "Turn your incident into a regression test" not in text
    assert "your incident (" not in text


def test_an_incident_after_no_major_ones_is_kept(catalog: Catalog) -> None:
    typed = "no major incidents, but a clause was split once"
    a = parse_answer(catalog.by_slug("attention-readiness").question("incidents"), typed)
    assert a.text == typed


def test_documents_far_beyond_the_window_are_rechecked_by_window_not_by_price(
    catalog: Catalog,
) -> None:
    answers = {
        "pipelines": "langchain RAG over our confluence wiki",
        "workarounds": "permissions differ per space, and it changes daily",
        "doc_tokens": "12M",
        "context_window": "128k",
    }
    r = run(catalog, "attention-readiness", answers)
    titles = [rec.title for rec in r.recommendations]
    assert "Re-price whole documents when long-context prices fall" not in titles
    assert "Re-check when context windows grow" in titles
    assert "passes 15,000,000 tokens" in render_report_markdown(r)


def test_none_among_the_pipelines_is_no_pipeline(catalog: Catalog) -> None:
    """'none really, we just paste stuff into chatgpt' gave a pipeline called 'none really'."""
    q = catalog.by_slug("attention-readiness").question("pipelines")
    a = parse_answer(q, "none really, we just paste stuff into chatgpt")
    assert a.items == ("we just paste stuff into chatgpt",)
    assert "“none really” is not one of them" in (a.note or "")


def test_none_alone_at_a_required_list_is_asked_again(catalog: Catalog) -> None:
    q = catalog.by_slug("attention-readiness").question("pipelines")
    with pytest.raises(AnswerError, match="needs at least one"):
        parse_answer(q, "none")


def test_a_filing_named_by_number_is_no_figure(catalog: Catalog) -> None:
    """'10-Ks are ~100 pages' was read as 10 tokens."""
    q = catalog.by_slug("attention-readiness").question("doc_tokens")
    a = parse_answer(q, "10-Ks are ~100 pages, transcripts 10k words")
    assert a.number == 50_000
    assert "“10k words” left out" in (a.note or "")


def test_the_pipeline_behind_the_incident_comes_first_even_in_quotes(catalog: Catalog) -> None:
    """The chunker that 'cut a table in half' came after the map-reduce: its name was typed in
    quotes ('smart chunker')."""
    answers = {
        "pipelines": "1. contract review RAG (pinecone) 2. call-transcript map-reduce "
        "3. a 'smart chunker' for 10-Ks",
        "workarounds": "context, cost, and the lost in the middle thing",
        "doc_tokens": "100 pages",
        "context_window": "200k",
        "calls": "40k",
        "input_price": "$3",
        "upkeep_hours": "2 devs half time",
        "incidents": "the chunker cut a table in half, and we misreported revenue in a summary",
    }
    r = run(catalog, "attention-readiness", answers)
    assert r.verdict.endswith("start with 'smart chunker' for 10-Ks.")


def test_the_cost_comparison_is_said_once(catalog: Catalog) -> None:
    """Two pipelines kept for cost: 'whole documents would cost up to about $5,000 a month of
    input at 40,000 calls (less what the chunks send today), against about $3,479 of upkeep' was
    written five times (verdict, each pipeline, two steps)."""
    answers = {
        "pipelines": "10-K chunker with pgvector search, map-reduce summariser for earnings calls",
        "workarounds": "context limits mostly, some cost",
        "doc_tokens": "10-Ks are 80-120 pages",
        "context_window": "128k",
        "calls": "40k calls/month",
        "input_price": "$2,50",
        "upkeep_hours": "one engineer maybe 20% of her time",
        "incidents": "the chunker split tables so numbers got mixed up",
    }
    r = run(catalog, "attention-readiness", answers)
    text = render_report_markdown(r)
    assert r.verdict.startswith("Keep them: whole documents would cost up to about $5,000")
    assert text.count("less what the chunks send today") == 1, text
    assert text.count("(the figures above)") == 1  # the pipelines' one line points back
    assert "up to $5,000 a month of extra input" in text  # the steps name the sum only


@pytest.mark.parametrize(
    "typed",
    [
        "honestly the docs didnt fit in gpt-3.5 back then",
        "they did not fit in the window",
        "the context was too small",
    ],
)
def test_documents_that_did_not_fit_are_context_length(catalog: Catalog, typed: str) -> None:
    """'the docs didnt fit in gpt-3.5 back then' was refused ('Pick one or more of …'), and the
    next answer was taken for this question."""
    q = catalog.by_slug("attention-readiness").question("workarounds")
    assert parse_answer(q, typed).choices == ("context-length",)
