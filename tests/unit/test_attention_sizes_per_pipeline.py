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
