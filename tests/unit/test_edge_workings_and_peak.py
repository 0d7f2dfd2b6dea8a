"""The edge report as its reader checks it: prices in the workings read as money ("$0.60 /
1M", never "$0.6 / 1M"), and a seasonal peak said in the chat sizes the local hardware check."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import EDGE, run

EDGE_SLUG = "edge-economics"


def test_cents_in_the_workings_show_two_decimals(catalog: Catalog) -> None:
    """'$0.15 / $0.6' was worked as '… tokens × $0.6 / 1M'."""
    r = run(catalog, EDGE_SLUG, {**EDGE, "price": "$0.15 / $0.6"})
    shown = render_report_markdown(r)
    assert "× $0.60 / 1M" in r.figure("API output cost per month").working  # type: ignore[operator]
    assert "× $0.15 / 1M" in r.figure("API input cost per month").working  # type: ignore[operator]
    assert "$0.6 " not in shown and "$0.6)" not in shown


def test_a_seasonal_peak_said_sizes_the_hardware_check(catalog: Catalog) -> None:
    """'3-4M, 3x that in Nov/Dec' was read (the note said the peak pace) but the report only
    said 'check the peak before ordering'."""
    said = {**EDGE, "requests": "3-4M a month, 3x that in November"}
    shown = render_report_markdown(run(catalog, EDGE_SLUG, said))
    assert "10.5 million requests a month" in shown, shown
    assert "3.99 requests a second" in shown
    assert "3x that in November" in shown
    assert "check the peak before ordering" not in shown


def test_without_a_peak_said_the_report_still_asks_to_check_it(catalog: Catalog) -> None:
    shown = render_report_markdown(run(catalog, EDGE_SLUG, EDGE))
    assert "check the peak before ordering" in shown
    assert "At the peak you said" not in shown


def test_the_pilot_and_the_caveat_use_the_peak_said(catalog: Catalog) -> None:
    """The pilot step said 'peak load (average 1.33 requests a second overall)' and the caveat
    'the average hides the peaks' after the user had said the peak."""
    said = {**EDGE, "requests": "3-4M a month, 3x that in November"}
    shown = render_report_markdown(run(catalog, EDGE_SLUG, said))
    assert "load at your peak (3.99 requests a second; average 1.33 requests a second)" in shown
    assert "Your peak (3.99 requests a second) needing more than one local server" in shown
    assert "the average hides the peaks" not in shown
    plain = render_report_markdown(run(catalog, EDGE_SLUG, EDGE))
    assert "peak load (average" in plain and "the average hides the peaks" in plain
