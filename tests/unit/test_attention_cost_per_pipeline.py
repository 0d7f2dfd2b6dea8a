"""Attention readiness where pipelines read documents of different sizes: each is priced at its
own size, with its own share of the calls and the upkeep, and its call follows from that."""

from __future__ import annotations

import pytest

from consultations.advisors.per_item import values_named
from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items

TEN_K = {
    "pipelines": "chunker for our 10-K filings, RAG over help center articles",
    "workarounds": "context length",
    "doc_tokens": "help articles ~1.5k tokens, 10-Ks more like 90k",
    "context_window": "128k",
    "calls": "20k a month",
    "input_price": "$2.50",
    "upkeep_hours": "6",
}


def _line(catalog: Catalog, answers: dict[str, str], start: str) -> str:
    r = run(catalog, "attention-readiness", answers)
    (line,) = [t for t in section_items(r, "Retire, simplify or keep") if t.startswith(start)]
    return line


def test_a_pipeline_whose_whole_documents_cost_more_than_its_upkeep_is_not_retired(
    catalog: Catalog,
) -> None:
    """The 10-K chunker was told 'retire … whole documents of that size cost about $0.225 of
    input a call, so they beat about $600 of upkeep only below about 2,667 calls a month', and
    the total read $75 a month: every pipeline had been priced at the help articles' 1,500
    tokens. At its own size and an even share of the calls it costs $2,250 against $300."""
    r = run(catalog, "attention-readiness", TEN_K)
    lines = section_items(r, "Retire, simplify or keep")
    (filings,) = [t for t in lines if t.startswith("chunker for our 10-K")]
    assert filings.startswith("chunker for our 10-K filings — simplify:"), filings
    assert "a whole document costs about $0.225 of input a call" in filings, filings
    assert "about $2,250 a month at an even share of your calls (10,000 calls)" in filings
    assert "against about $300 of its upkeep" in filings, filings
    assert "(whole documents win below about 1,333 calls a month through it)" in filings
    (help_docs,) = [t for t in lines if t.startswith("RAG over help")]
    assert help_docs.startswith("RAG over help center articles — retire:"), help_docs
    assert "about $37.50 a month at an even share of your calls (10,000 calls)" in help_docs
    assert r.verdict == (
        "Retire 1 of 2 pipelines within 6-12 months; start with RAG over help center articles."
    )
    whole = r.figure("Whole-document input per month")
    assert whole.value == pytest.approx(2_287.5)
    assert "10,000 calls × 90,000 tokens + 10,000 calls × 1,500 tokens" in whole.working
    assert any("even share" in a and "10,000 calls" in a for a in r.assumptions), r.assumptions


def test_calls_said_per_pipeline_price_each_pipeline(catalog: Catalog) -> None:
    """'20k total, the 10-K one only ~200': the 200 calls through the 10-K chunker cost $45 of
    whole-document input a month, less than its $300 share of the upkeep: it can go."""
    answers = {**TEN_K, "calls": "20k total, the 10-K one only ~200"}
    filings = _line(catalog, answers, "chunker for our 10-K")
    assert filings.startswith("chunker for our 10-K filings — retire:"), filings
    assert "about $45 a month at 200 calls, against about $300 of its upkeep" in filings
    help_docs = _line(catalog, answers, "RAG over help")
    assert "at 19,800 calls" in help_docs, help_docs


def test_a_pipeline_kept_for_cost_says_its_own_figures(catalog: Catalog) -> None:
    """With token cost among the reasons, the 10-K chunker is kept for cost on its own
    figures, not on the help articles'."""
    answers = {**TEN_K, "workarounds": "context length mostly, also cost"}
    filings = _line(catalog, answers, "chunker for our 10-K")
    assert filings.startswith("chunker for our 10-K filings — keep: it exists for cost"), filings
    assert "$2,250" in filings and "$300 of its upkeep" in filings, filings


def test_one_size_for_all_keeps_the_comparison_of_the_totals(catalog: Catalog) -> None:
    """One size for every pipeline: the comparison stays that of the totals, said once."""
    answers = {**TEN_K, "doc_tokens": "about 1.5k tokens"}
    r = run(catalog, "attention-readiness", answers)
    assert r.figure("Whole-document input per month").value == pytest.approx(75)
    text = " ".join(section_items(r, "Retire, simplify or keep"))
    assert "against about $600 of upkeep for both pipelines" in text, text
    assert not any("even share" in a for a in r.assumptions), r.assumptions


def test_the_unit_of_a_figure_names_no_pipeline(catalog: Catalog) -> None:
    """'40k calls/month' was read as the calls of the 'summariser for earnings calls' alone,
    because the unit 'calls' is a word of its name."""
    pipelines = ["10-K chunker with pgvector search", "map-reduce summariser for earnings calls"]
    calls = catalog.by_slug("attention-readiness").question("calls")
    assert values_named(pipelines, "40k calls/month", calls) == {}
    hours = catalog.by_slug("attention-readiness").question("upkeep_hours")
    assert values_named(["office hours bot", "PDF splitter"], "12 hours", hours) == {}
    assert values_named(pipelines, "30k for the earnings calls one, 10k the 10-K", calls) == {
        pipelines[1]: 30_000,
        pipelines[0]: 10_000,
    }


def test_a_retriever_kept_for_freshness_is_left_out_of_the_whole_document_input(
    catalog: Catalog,
) -> None:
    """A legal RAG kept for freshness made up $900,000 of a '$1,300,000' whole-document input
    a month, though nothing proposes to send it whole documents."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "legal RAG w/ pinecone, a summarizer that does 3 passes over earnings "
            'call transcripts, and our own "smart chunker" lib',
            "workarounds": "lost in the middle mostly; the RAG is also for freshness bc filings "
            "update daily",
            "doc_tokens": "transcripts ~25k tokens, filings 150-300 pages",
            "context_window": "200k (claude)",
            "calls": "5M calls, actually 8M not 5",
            "input_price": "$3",
            "upkeep_hours": "maybe 60h",
        },
    )
    whole = r.figure("Whole-document input per month")
    assert whole.value == pytest.approx(400_000)
    assert "112,500" not in whole.working, whole.working
    assert "kept for permissions or freshness left out" in whole.working


def test_a_summariser_kept_for_cost_is_told_its_calls_may_be_pieces(catalog: Catalog) -> None:
    """'a map-reduce summariser for board packs' with '2k per day' calls was told to simplify
    because whole documents would cost up to $13,697 a month at 60,875 calls — though a
    map-reduce makes one call per piece, and whole documents need one per document."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "a map-reduce summariser for board packs",
            "workarounds": "context length",
            "doc_tokens": "no idea, board packs are like 150 pages",
            "context_window": "128k",
            "calls": "2k per day",
            "input_price": "skip",
            "upkeep_hours": "10 hours",
        },
    )
    assert any("one call per document" in c for c in r.caveats), r.caveats
