"""An Indian fintech's amounts are in rupees ("₹2.5 lakh a month on OpenAI", "fraud losses
from 1.2 crore to under 80 lakh"): the roadmap said "No amount you gave named a currency:
amounts are in US dollars", and where rupees were named it priced an engineer-day at ₹800
(a prototype at ₹64,000, paid back in under a month on ₹10 lakh a month)."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run


def _roadmap(catalog: Catalog, use: str, goals: str, industry: str = "fintech lending") -> str:
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "role": "CTO",
            "industry": industry,
            "team_size": "35",
            "ai_use": use,
            "constraints": "budget",
            "goals": goals,
        },
    )
    return "\n".join(
        [r.summary, *(f.working or "" for f in r.figures), *r.assumptions]
        + [rec.detail for rec in r.recommendations]
    )


def test_lakh_and_crore_price_the_plan_in_rupees_at_a_rupee_day_rate(catalog: Catalog) -> None:
    text = _roadmap(
        catalog,
        "GPT-4o for customer support. We spend around ₹2.5 lakh a month on OpenAI",
        "cut support cost by 30%, reduce fraud losses from 1.2 crore to under 80 lakh a year",
    )
    assert "named a currency" not in text, text
    assert "₹800 " not in text and "$800" not in text, text
    assert "₹20,000 a loaded engineer-day" in text, text


def test_a_rupee_bill_in_the_ai_use_sets_the_currency(catalog: Catalog) -> None:
    text = _roadmap(catalog, "we spend ₹2.5 lakh a month on OpenAI", "cut support cost by 30%")
    assert "₹20,000 a day" in text and "$" not in text, text


def test_a_dollar_bill_in_the_ai_use_is_the_vendors(catalog: Catalog) -> None:
    text = _roadmap(
        catalog, "we spend $3,000 a month on OpenAI", "cut support cost by 30%", "German insurer"
    )
    assert "€800 a day" in text, text


def test_india_as_the_place_prices_in_rupees(catalog: Catalog) -> None:
    text = _roadmap(catalog, "ChatGPT for support", "cut support cost by 30%", "fintech, India")
    assert "amounts are in rupees, for “India”" in text, text
    assert "₹20,000 a day" in text, text


def test_a_prototype_paid_in_rupees_is_priced_at_a_rupee_day(catalog: Catalog) -> None:
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "KYC document review",
            "why_shelved": "too risky",
            "checkable": "checked against the registry",
            "logs": "yes lots",
            "error_cost": "medium",
            "value": "₹10 lakh a month",
        },
    )
    payback = next(f for f in r.figures if f.label == "Prototype payback")
    assert payback.display == "1.6 months", payback
    assert "₹1,600,000 prototype" in (payback.working or ""), payback
