"""A Dutch retailer's rambling answers: "So basically we shelved three things back in 2023:
returns fraud detection, …" kept the lead-in as the first workflow's name; "the replenishment
orders are in the ERP since 2021" at the logs question was said back "matches no option, so it
is left out"."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import Catalog


def test_the_lead_in_to_the_shelved_workflows_is_no_workflow(catalog: Catalog) -> None:
    q = catalog.by_slug("automation-frontier").question("workflows")
    a = parse_answer(
        q,
        "So basically we shelved three things back in 2023: returns fraud detection, the "
        "weekly markdown pricing for seasonal stock, and replenishment for our 140 stores",
    )
    assert a.items is not None and a.items[0] == "returns fraud detection", a.items
    assert parse_answer(q, "we parked two: invoice matching, slotting").items == (
        "invoice matching",
        "slotting",
    )


def test_a_label_that_introduces_nothing_stays_in_place(catalog: Catalog) -> None:
    q = catalog.by_slug("automation-frontier").question("workflows")
    assert parse_answer(q, "Claims: triage, FNOL").items == ("Claims: triage", "FNOL")


def test_records_in_the_erp_are_logs(catalog: Catalog) -> None:
    q = catalog.by_slug("automation-frontier").question("logs")
    a = parse_answer(
        q,
        "we have 4 years of POS data and returns logs, the replenishment orders are in the "
        "ERP since 2021",
    )
    assert a.choices == ("rich",) and a.note is None, (a.choices, a.note)
    assert parse_answer(q, "no logs since 2020").choices == ("none",)
