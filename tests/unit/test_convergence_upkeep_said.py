"""Model convergence for a 5-person startup: upkeep larger than the whole API bill is said
where the reader starts, not only as '229%' among the figures."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run


def test_upkeep_above_the_api_bill_is_said_in_the_summary(catalog: Catalog) -> None:
    startup = {
        "vendors": "GPT-4o for our chat feature, Claude for code review, Mistral for summaries",
        "reasons": "it grew organically, and Claude is better at code",
        "monthly_spend": "about 300-400 dollars a month",
        "upkeep_days": "maybe half a day",
        "outage_tolerance": "hours are fine",
    }
    r = run(catalog, "model-convergence", startup)
    assert r.figure("Upkeep as a share of API spend").display == "229%"
    assert (
        "Keeping the extra vendors costs more in engineering time ($800 a month) than your "
        "whole API bill ($350)." in r.summary
    ), r.summary
    big = run(catalog, "model-convergence", {**startup, "monthly_spend": "$40k"})
    assert "than your whole API bill" not in big.summary


def test_history_given_as_a_reason_is_said_beside_the_others(catalog: Catalog) -> None:
    """'history mostly, and mistral because data cant leave the EU' opened the report with
    'You run 3 vendors for compliance or data residency.' — history, the reason for two of the
    three, was left out."""
    answers = {
        "vendors": "gpt-4o for support, claude sonnet for code review, mistral small on-prem "
        "for tagging (GDPR)",
        "reasons": "history mostly, and mistral because data cant leave the EU",
    }
    r = run(catalog, "model-convergence", answers)
    assert r.summary.startswith(
        "You run 3 vendors for compliance or data residency and history (no settled reason)."
    ), r.summary
    one = run(catalog, "model-convergence", {"vendors": "just openai", "reasons": "history"})
    assert "as a reason for more than one" not in one.summary, one.summary
