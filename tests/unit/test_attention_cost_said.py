"""Attention readiness for a bank's loan team: the cost comparison is said in full the first
time a reader meets it, and it compares the whole-document input with the upkeep of all the
pipelines, not of each one."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items

BANK = {
    "pipelines": "credit memo chunker, a RAG over policies with entitlement filtering, a "
    "map-reduce summariser for loan files",
    "workarounds": "context length, lost in the middle, and permissions",
    "doc_tokens": "200k",
    "context_window": "1M",
    "calls": "36525 a month",
    "input_price": "$2.50",
    "upkeep_hours": "about 2 FTE",
    "incidents": "summaries missed covenants buried in the middle of loan files",
}


def test_the_first_line_shown_carries_the_figures_and_names_whose_upkeep(
    catalog: Catalog,
) -> None:
    """The first line read 'whole documents cost less in input than its upkeep (the figures
    above)', the full comparison came only in the second, and each line spoke of 'its upkeep'
    though the upkeep figure was that of all three pipelines."""
    lines = section_items(run(catalog, "attention-readiness", BANK), "Retire, simplify or keep")
    first, second = lines[0], lines[1]
    # the RAG kept for its entitlement filtering is replaced by nothing: its calls and its
    # share of the upkeep stay out of the comparison (was $18,262 against $34,786 for all 3)
    assert "whole documents would cost up to about $12,175 a month of input" in first, first
    assert "against about $23,190 of upkeep for the 2 pipelines they would replace" in first
    assert "than the pipelines' upkeep (the figures above)" in second, second
    assert "its upkeep" not in " ".join(lines)


def test_two_pipelines_are_both_not_all_two(catalog: Catalog) -> None:
    two = {**BANK, "pipelines": "credit memo chunker, a map-reduce summariser for loan files"}
    text = " ".join(section_items(run(catalog, "attention-readiness", two), "Retire"))
    assert "of upkeep for both pipelines" in text and "all 2" not in text


def test_documents_too_long_today_get_a_step_for_when_windows_grow(catalog: Catalog) -> None:
    """Loan files of 200k tokens against a 128k window: the plan stopped at 'Simplify … (3-6
    months)'; the 6-12 month timeline the research gives (1M-token contexts already shipped)
    had no step."""
    r = run(catalog, "attention-readiness", {**BANK, "context_window": "128k"})
    assert r.verdict.startswith("Simplify rather than retire")
    last = r.recommendations[-1]
    assert last.horizon == "6-12 months", r.recommendations
    assert "passes 250,000 tokens" in last.detail, last.detail
