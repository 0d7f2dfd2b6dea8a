"""Attention readiness for a SaaS support team: a document size given per pipeline is that
pipeline's size."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items


def test_each_pipeline_is_judged_on_its_own_document_size(catalog: Catalog) -> None:
    """'help articles are 2-3k tokens, contract bundles are 300k' with a 128k window: both
    pipelines were told 'documents of about 2,500 tokens fit in your 128,000-token window …
    retire', though the contract bundles do not fit."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "RAG over our help docs, contract bundle summariser",
            "workarounds": "context length",
            "doc_tokens": "idk, help articles are 2-3k tokens, contract bundles are 300k",
            "context_window": "128k",
            "calls": "40k a month",
            "upkeep_hours": "10-15",
        },
    )
    lines = section_items(r, "Retire, simplify or keep")
    (contracts,) = [line for line in lines if line.startswith("contract bundle summariser")]
    assert "simplify: documents of about 300,000 tokens do not fit" in contracts, contracts
    (help_docs,) = [line for line in lines if line.startswith("RAG over our help docs")]
    assert "retire: documents of about 2,500 tokens fit" in help_docs, help_docs
    assert r.verdict.startswith("Retire 1 of 2 pipelines"), r.verdict
    # the one to start with is one to retire, tested with whole documents that fit
    assert r.verdict.endswith("start with RAG over our help docs."), r.verdict
    (whole,) = [t for t in section_items(r, "Before deleting code") if "twice" in t]
    assert "through RAG over our help docs, and with the whole document" in whole


def test_a_document_named_by_its_code_is_that_pipelines_size(catalog: Catalog) -> None:
    """'help articles ~1k tokens, 10-Ks are 60-120k tokens': the 10-K summariser was told
    'documents of about 1,000 tokens fit', as '10-Ks' named no pipeline."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "support chatbot RAG over help center, a nightly map-reduce that "
            "summarises 10-K filings",
            "workarounds": "context length",
            "doc_tokens": "help articles ~1k tokens, 10-Ks are 60-120k tokens",
            "context_window": "64k",
        },
    )
    lines = section_items(r, "Retire, simplify or keep")
    (filings,) = [line for line in lines if "10-K" in line]
    assert "documents of about 90,000 tokens do not fit" in filings, filings


def test_a_pipeline_with_its_own_size_is_priced_per_call_at_that_size(catalog: Catalog) -> None:
    """The 10-K line said 'documents of about 90,000 tokens fit, but whole documents would cost
    up to about $5,000 a month … at 2,000,000 calls' — a figure worked out from the help
    articles' 1,000 tokens, and from calls that mostly go to the help-center chatbot."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "support chatbot RAG over help center, a nightly map-reduce that "
            "summarises 10-K filings",
            "workarounds": "freshness for the help center, and context length for the filings",
            "doc_tokens": "help articles ~1k tokens, 10-Ks are 60-120k tokens",
            "context_window": "128k",
            "calls": "~2M/month",
            "input_price": "$2.5",
            "upkeep_hours": "5",
        },
    )
    (filings,) = [line for line in section_items(r, "Retire, simplify") if "10-K" in line]
    assert "documents of about 90,000 tokens fit" in filings, filings
    assert "a whole document costs about $0.225 of input a call" in filings, filings
    # its share of the calls is not known: the threshold against its share of the upkeep
    assert "(whole documents win below about 1,111 calls a month through it)" in filings
    assert filings.endswith(": larger chunks, not whole documents, until prices fall."), filings
    assert "$5,000" not in filings


def test_a_retriever_is_judged_on_the_set_it_searches(catalog: Catalog) -> None:
    """'notion pages, mostly short, 1-2k tokens, whole workspace maybe 400k' with a 128k window:
    the RAG over the workspace was told 'documents of about 1,500 tokens fit … retire', though
    what it searches (400k tokens) does not fit in one call."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "just a langchain RAG thing over our notion docs",
            "workarounds": "context length",
            "doc_tokens": "notion pages, mostly short, 1-2k tokens, whole workspace maybe 400k",
            "context_window": "128k",
        },
    )
    (line,) = section_items(r, "Retire, simplify or keep")
    assert "simplify: documents of about 400,000 tokens do not fit" in line, line
    assert not r.verdict.startswith("Retire"), r.verdict
