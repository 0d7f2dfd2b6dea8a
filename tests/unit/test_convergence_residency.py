"""Model convergence for a bank: vendors whose own line names where the data stays are the
ones compliance binds, however the region is named."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items

BANK = {
    "vendors": "Azure OpenAI GPT-4o (EU data zone) for the advisor chatbot, Anthropic Claude via "
    "AWS Bedrock Frankfurt for document extraction, Mistral Large for marketing drafts",
    "reasons": "compliance, data residency and redundancy",
    "monthly_spend": "€ 85.000 per month",
    "upkeep_days": "2,5 days each",
    "outage_tolerance": "instant",
}


def test_a_vendor_run_in_frankfurt_is_bound_like_one_in_the_eu_data_zone(
    catalog: Catalog,
) -> None:
    """Only the 'EU data zone' vendor was kept for compliance; Claude 'via AWS Bedrock
    Frankfurt' was told to compete as 'primary candidate' like any other."""
    r = run(catalog, "model-convergence", BANK)
    assert r.verdict.startswith(
        "Restructure: keep Azure OpenAI GPT-4o (EU data zone) for the advisor chatbot and "
        "Anthropic Claude via AWS Bedrock Frankfurt for document extraction for the work "
        "compliance binds to them;"
    ), r.verdict
    lines = section_items(r, "Keep or cut")
    (claude,) = [line for line in lines if "Frankfurt" in line]
    assert "keep for the work that compliance or data residency binds to it" in claude, claude
    (mistral,) = [line for line in lines if line.startswith("Mistral")]
    assert "keep as the primary for the work compliance does not bind" in mistral, mistral
