"""Edge economics for a university lab with no budget: a donated GPU, electricity paid by the
university, student essays (FERPA) graded overnight."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run

LAB = {
    "requests": "maybe 20k a month, students grading essays",
    "tokens": "~2000 in / 500 out",
    "price": "$0.15/$0.60",
    "latency": "batch overnight is fine",
    "sensitivity": "student essays, FERPA",
    "quality_loss": "10%",
    "local_cost": "we already have a donated A100 box, electricity is paid by the university",
    "amortisation": "skip",
}


def test_regulated_batch_work_queues_rather_than_buying_a_standby_server(
    catalog: Catalog,
) -> None:
    """The plan said 'Add a second server before sensitive traffic moves … they need a second
    local server as failover' to a lab that waits overnight for its batch and has no budget."""
    r = run(catalog, "edge-economics", LAB)
    titles = [rec.title for rec in r.recommendations]
    assert "Add a second server before sensitive traffic moves" not in titles, titles
    switch = next(rec for rec in r.recommendations if rec.title == "Switch with a fallback")
    assert "sensitive ones queue until the local machine is back" in switch.detail
    assert "second server" not in switch.detail.split("(")[0], switch.detail


def test_regulated_interactive_work_still_gets_its_failover(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", {**LAB, "latency": "under a second"})
    titles = [rec.title for rec in r.recommendations]
    assert "Add a second server before sensitive traffic moves" in titles, titles
