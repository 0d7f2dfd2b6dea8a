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


HOSPITAL = {
    "vendors": "Llama 3 70B on-prem for clinical notes, GPT-4o via Azure for admin emails",
    "reasons": "HIPAA, patient data can not leave",
    "monthly_spend": "about 2k",
    "upkeep_days": "2 days",
    "outage_tolerance": "a few minutes",
}


def test_a_primary_the_verdict_settles_is_not_left_to_an_evaluation(catalog: Catalog) -> None:
    """The verdict kept the on-prem model for clinical notes and made GPT-4o 'the primary for
    the rest', then the first step said 'Decide the primary with your own evaluation set …
    Your answers cannot decide this'."""
    r = run(catalog, "model-convergence", HOSPITAL)
    assert "GPT-4o via Azure for admin emails stays the primary for the rest" in r.verdict
    titles = [rec.title for rec in r.recommendations]
    assert "Decide the primary with your own evaluation set" not in titles, titles
    assert "Choose the warm backup with your own evaluation set" in titles, titles
    hours = run(catalog, "model-convergence", {**HOSPITAL, "outage_tolerance": "hours"})
    assert not any("evaluation set" in rec.title for rec in hours.recommendations)
    # three free vendors still need the evaluation to pick among them
    bank = run(catalog, "model-convergence", BANK | {"vendors": BANK["vendors"] + ", Gemini"})
    assert "Decide the primary with your own evaluation set" in [
        rec.title for rec in bank.recommendations
    ]
