"""The attention-readiness plan as the person who must act on it reads it."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run, section_items

SAAS = {
    "pipelines": "ticket summariser that chunks long threads, a RAG over the knowledge base "
    "with Pinecone, a map-reduce for quarterly customer review decks",
    "workarounds": "chunking for context, cost, and the KB changes daily",
    "doc_tokens": "30k tokens",
    "context_window": "200k",
    "calls": "400k calls a month",
    "input_price": "$3",
    "upkeep_hours": "40 hours",
    "incidents": "summaries missed the customer's actual ask when it was in the middle of a "
    "thread; stale KB answers",
}


def test_the_pipeline_behind_the_incident_is_the_one_its_words_name(catalog: Catalog) -> None:
    """'…in the middle of a thread' is the thread summariser's failure; the plan sent the
    quarterly decks map-reduce to the whole-document test because 'customer' appears in both."""
    r = run(catalog, "attention-readiness", SAAS)
    titles = [rec.title for rec in r.recommendations]
    assert "Test whole documents on ticket summariser that chunks long threads" in titles


def test_two_pipelines_kept_for_the_same_reason_share_one_line(catalog: Catalog) -> None:
    r = run(catalog, "attention-readiness", SAAS)
    lines = section_items(r, "Retire, simplify or keep")
    assert lines[0].startswith(
        "Each of ticket summariser that chunks long threads and map-reduce for quarterly "
        "customer review decks — keep: it exists for cost"
    )
    assert render_report_markdown(r).count("less what the chunks send today") <= 3


def test_a_pipeline_to_retire_is_not_told_to_be_simplified(catalog: Catalog) -> None:
    """A help-docs RAG whose documents fit the window was 'retire' in its line and 'Simplify
    one RAG thing…' in the plan."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "one RAG thing over our help docs with pgvector",
            "workarounds": "context and cost i guess",
            "doc_tokens": "maybe 10 pages",
            "context_window": "128k",
            "calls": "20k a month",
            "input_price": "$0.15",
            "upkeep_hours": "like 3 hours",
        },
    )
    assert r.verdict.startswith("Retire 1 of 1 pipeline")
    titles = [rec.title for rec in r.recommendations]
    assert not any(t.startswith("Simplify") for t in titles), titles
    # was "Send whole documents instead of one RAG thing over our help docs with pgvector's
    # chunks", and "… instead of Map-Reduce-Zusammenfassung für Wartungsprotokolle's chunks"
    assert "Replace one RAG thing over our help docs with pgvector with whole documents" in titles


def test_documents_larger_than_the_window_are_not_tested_whole(catalog: Catalog) -> None:
    """Patient records of 150k tokens in a 128k window 'exceed 80% of' it, and the test said to
    answer 'with the whole document in one long-context call' — which cannot be sent."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "a summariser for patient records that splits them by encounter",
            "doc_tokens": "150k tokens for a full record",
            "context_window": "128k",
        },
    )
    out = render_report_markdown(r)
    assert "150,000 tokens do not fit your 128,000-token window" in out
    assert "whole document in one long-context call" not in out
    assert "fewer, larger chunks (each up to 80% of the window)" in out


def test_a_pipeline_said_as_what_we_do_reads_as_a_name_in_every_sentence(
    catalog: Catalog,
) -> None:
    """'we chunk 10-Ks into 2k-token pieces …' read 'start with chunk 10-Ks into …' and
    'Simplify chunk 10-Ks into …' (and, before, 'we chunk' in the name)."""
    answers = {
        "pipelines": "we chunk 10-Ks into 2k-token pieces for a RAG over filings, and a "
        "map-reduce summariser for earnings call transcripts",
        "workarounds": "context length mostly, and the model losing the middle",
        "doc_tokens": "10-Ks run 80-120 pages",
        "context_window": "128k",
        "calls": "about 40k a month",
        "input_price": "$2.50",
        "upkeep_hours": "maybe 30 hours",
        "incidents": "lost a table across a chunk boundary twice",
    }
    r = run(catalog, "attention-readiness", answers)
    text = render_report_markdown(r)
    assert "chunk 10-Ks" not in text and "we chunk" not in text
    assert "start with the chunking of 10-Ks into 2k-token pieces" in r.verdict, r.verdict
    assert any(x.title.startswith("Simplify the chunking of 10-Ks") for x in r.recommendations)
    assert "map-reduce summariser for earnings call transcripts" in text  # a name is kept
