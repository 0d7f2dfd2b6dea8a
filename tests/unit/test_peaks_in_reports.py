"""A seasonal peak said beside the volume ("3x at month end", "double that in December") is
used by the telemetry and attention reports too, not only by edge economics."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run


def figure(r: Report, label: str) -> str:
    return next(f"{f.display} ({f.working})" for f in r.figures if f.label == label)


def test_telemetry_sizes_the_store_for_the_month_end_peak(catalog: Catalog) -> None:
    """A defence contractor: 'maybe 800 a day, 3x at month end when audits run' was noted as
    '800 runs a day (used the first figure; “3” left out …)' and the report sized storage on
    800 a day only."""
    r = run(
        catalog,
        "reasoning-telemetry",
        {
            "agents": "maintenance-manual Q&A agent, parts-obsolescence research agent",
            "audit": "yes, DFARS / CMMC level 2 and ITAR, 7 years",
            "runs_per_day": "maybe 800 a day, 3x at month end when audits run",
        },
    )
    assert figure(r, "Trace storage on a peak day") == (
        "38.4 MB (12.8 MB a day × 3, 3x at month end when audits run: 2,400 runs that day; "
        "size the collector for it)"
    )
    assert figure(r, "Trace storage held (7 years)").startswith("32.7 GB")  # the average


def test_telemetry_without_a_peak_says_none(catalog: Catalog) -> None:
    r = run(catalog, "reasoning-telemetry", {"runs_per_day": "800 a day"})
    assert not [f for f in r.figures if "peak" in f.label]


def test_attention_prices_whole_documents_in_the_peak_month(catalog: Catalog) -> None:
    """'1,250,000 a month, double that in December' was said back with the peak, and the
    report priced whole documents at the usual month only."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "contract chunker, CMR summariser (map-reduce)",
            "workarounds": "context length and cost",
            "doc_tokens": "40k",
            "context_window": "128k",
            "calls": "1,250,000 a month, double that in December",
            "input_price": "$2.50",
        },
    )
    assert figure(r, "Whole-document input per month").startswith("$125,000 ")
    assert figure(r, "Whole-document input in your peak month") == (
        "$250,000 ($125,000 × 2, double that in December)"
    )
