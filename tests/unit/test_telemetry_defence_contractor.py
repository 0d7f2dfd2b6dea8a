"""Reasoning telemetry for a US defence contractor: air-gapped, ITAR data, two engineers in the
program office, a manual Q&A agent that once cited a superseded spec."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items

DEFENCE = {
    "agents": "a maintenance-manual Q&A agent for technicians, and a parts-obsolescence "
    "research agent (pilot)",
    "tools": "internal SQL on the parts DB, a SharePoint search",
    "failures": "it cited a superseded torque spec once. we fear it leaking ITAR data into logs "
    "someone exports",
    "stack": "Splunk on-prem",
    "audit": "yes, DFARS / CMMC level 2 and ITAR, 7 years",
    "runs_per_day": "800",
    "blind_spots": "two engineers in the program office",
}


def test_each_sentence_typed_in_lower_case_gets_its_own_detector(catalog: Catalog) -> None:
    """Both sentences were one failure, and the word 'leaking' gave it the cross-customer
    alert: 'an alert when a run sends or shows a record belonging to anyone other than the
    person the run serves' — for a superseded spec and export-controlled data in logs."""
    alerts = section_items(run(catalog, "reasoning-telemetry", DEFENCE), "Dashboards and alerts")
    known = [a for a in alerts if a.startswith("Your known failure")]
    feared = [a for a in alerts if a.startswith("A failure you fear")]
    assert known == [
        "Your known failure — it cited a superseded torque spec once: record the document and "
        "its revision for every passage a run retrieves (the step's context, by reference); "
        "alert when an answer cites a revision that is not the latest in the source system."
    ]
    assert feared == [
        "A failure you fear — it leaking ITAR data into logs someone exports: scan traces and "
        "logs for marked controlled data (export-controlled, classified, personal) before "
        "anything leaves the store; block the export and alert on a match, and keep the trace "
        "store inside the same boundary as the data."
    ]


def test_abbreviations_end_no_sentence(catalog: Catalog) -> None:
    r = run(
        catalog,
        "reasoning-telemetry",
        {**DEFENCE, "failures": "wrong answers, e.g. a made-up part number"},
    )
    alerts = section_items(r, "Dashboards and alerts")
    assert [a for a in alerts if "e.g. a made-up part number" in a], alerts


def test_the_people_named_are_the_ones_the_dashboards_are_for(catalog: Catalog) -> None:
    """'two engineers in the program office' (six words, no question) was 'For whoever debugs
    the agents'."""
    alerts = section_items(run(catalog, "reasoning-telemetry", DEFENCE), "Dashboards and alerts")
    assert alerts[0].startswith("For the two engineers in the program office: "), alerts[0]
