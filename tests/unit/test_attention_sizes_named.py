"""A size named by the plural of a pipeline's word: 'policies ~30 pages' is the policy-docs
pipeline's size (it was not: 'policies' did not name 'policy docs')."""

from __future__ import annotations

from consultations.advisors.per_item import named_one
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run


def test_policies_names_the_policy_docs_pipeline(catalog: Catalog) -> None:
    pipelines = ["RAG pipeline over our policy docs", "summariser for call transcripts"]
    assert named_one(pipelines, "policies ~30 pages") == pipelines[0]
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "a RAG pipeline over our policy docs, and a summariser for call "
            "transcripts",
            "doc_tokens": "policies ~30 pages, transcripts maybe 8-10k tokens",
            "context_window": "128k",
            "calls": "40k a month",
            "input_price": "$2.50",
        },
    )
    out = render_report_markdown(r)
    assert "a whole document costs about $0.0375 of input a call" in out, out
