"""Attention readiness for a Dutch logistics firm: consignment notes chunked and searched,
CMR documents summarised, customs rules retrieved."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run

LOGISTICS = {
    "pipelines": "consignment chunker with vector search, CMR summariser (map-reduce), "
    "customs retriever",
    "workarounds": "context length and cost",
    "context_window": "128k",
    "calls": "1,250,000 a month",
    "input_price": "$2.50",
    "upkeep_hours": "60 hours",
}


def figure(r: Report, label: str) -> str:
    return next(f"{f.display} ({f.working})" for f in r.figures if f.label == label)


@pytest.mark.parametrize(
    "typed",
    [
        "usually 40,000 tokens, sometimes 250,000",
        "meestal 40.000 tokens, soms 250.000",
        "40k, up to 250k",
        "en général 40 000, parfois 250 000",
    ],
)
def test_an_occasional_larger_size_is_no_corpus_the_retrievers_search(
    catalog: Catalog, typed: str
) -> None:
    """The chat said '40,000 tokens (“250,000” left out)', and the report still sized the two
    retrievers at 250,000 ('2× the window (250,000 ÷ 128,000 tokens …, the largest)'), as if
    the larger figure were the set they search: a size said to come now and then is spread."""
    r = run(catalog, "attention-readiness", {**LOGISTICS, "doc_tokens": typed})
    size = figure(r, "Document size against window")
    assert size == "31% of the window (40,000 ÷ 128,000 tokens)", size
    said = [r.verdict, *(item for s in r.sections for item in s.items)]
    assert not [line for line in said if "250,000 tokens" in line], said
    assert r.verdict.startswith("Keep them: whole documents would cost up to about $125,000")
