"""The engineer rate we assume ($800 a day, $100 an hour) in the user's currency: an Indian
fintech was told 'An engineer-day costs ₹800 fully loaded' (about ten dollars), and a Japanese
team '¥100' an hour; they get a loaded day where they work (₹20,000, ¥100,000: the rates the
automation and roadmap plans use too); a euro or franc rate stays the round figure it was."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run


def figure(r: Report, label: str) -> str:
    return next(f"{f.display} ({f.working})" for f in r.figures if f.label == label)


FINTECH = {
    "vendors": "OpenAI gpt-4o-mini for the support bot, Sarvam for Hindi voice, Gemini Flash "
    "for document OCR",
    "reasons": "price, and RBI wants a backup",
    "upkeep_days": "2 days each",
    "outage_tolerance": "hours",
}


def test_convergence_prices_an_engineer_day_in_rupees(catalog: Catalog) -> None:
    r = run(catalog, "model-convergence", {**FINTECH, "monthly_spend": "₹6.5 lakh a month"})
    assert figure(r, "Upkeep of extra vendors per month") == (
        "₹80,000 (2 extra × 2 engineer-days × ₹20,000 a day)"
    )
    assert "An engineer-day costs ₹20,000 fully loaded (our assumption for your currency)." in (
        r.assumptions
    )
    # ₹650,000 is about $7,600 a month: no committed-use leverage (that starts near $20,000)
    assert not [rec for rec in r.recommendations if "leverage" in rec.detail]


def test_convergence_keeps_the_round_rate_in_euros(catalog: Catalog) -> None:
    r = run(catalog, "model-convergence", {**FINTECH, "monthly_spend": "€25k"})
    assert figure(r, "Upkeep of extra vendors per month") == (
        "€3,200 (2 extra × 2 engineer-days × €800 a day)"
    )
    assert "An engineer-day costs €800 fully loaded (our assumption)." in r.assumptions


def test_attention_prices_an_engineer_hour_in_yen(catalog: Catalog) -> None:
    r = run(
        catalog,
        "attention-readiness",
        {"input_price": "¥450", "upkeep_hours": "40 hours", "pipelines": "contract chunker"},
    )
    assert figure(r, "Pipeline upkeep per month") == "¥500,000 (40 engineer-hours × ¥12,500)"
