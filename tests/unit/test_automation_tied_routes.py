"""Two workflows as feasible as each other, one simulated and one checked: the plan was the
simulated one's alone (a simulator check, a policy trained in it), though the verdict said
their value decides which to prototype."""

from __future__ import annotations

from consultations.advisors.base import EarlierConsultation
from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_roadmap_fintech_cto import goal_line

MACHINE_SHOP = {
    "workflows": "Reklamationsbearbeitung, production scheduling on the shop floor, "
    "supplier invoice matching",
    "why_shelved": "not sure, mostly it was too complex and nobody had time",
    "checkable": "scheduling we can simulate, invoices can be checked against the PO, "
    "the rest only a person",
    "logs": "we have ERP logs for years for scheduling and invoices, nothing else",
    "error_cost": "invoices: minor; scheduling: a late truck",
    "value": "2.500.000 € a year, not sure",
}


def test_a_tie_between_routes_plans_the_choice_and_both_routes(catalog: Catalog) -> None:
    r = run(catalog, "automation-frontier", MACHINE_SHOP)
    assert "their value decides which" in r.verdict
    titles = [rec.title for rec in r.recommendations]
    assert titles[1].startswith("Size the value of production scheduling"), titles
    assert any(t.startswith("If supplier invoice matching wins instead") for t in titles)
    assert (
        "Check the simulator against real outcomes first: production scheduling on the "
        "shop floor" in titles
    )
    prototype = r.recommendations[-1]
    assert prototype.title == "Prototype in shadow mode: production scheduling on the shop floor"
    assert prototype.depends_on and prototype.depends_on.startswith("Check the simulator")


def test_a_capitalised_control_workflow_keeps_its_simulator_plan(catalog: Catalog) -> None:
    """'Scheduling of the paint line' was planned with a language model's pass@k, while its
    approach row said goal-conditioned RL in the simulator."""
    answers = {
        **MACHINE_SHOP,
        "workflows": "Scheduling of the paint line",
        "checkable": "we can simulate it",
    }
    r = run(catalog, "automation-frontier", answers)
    titles = [rec.title for rec in r.recommendations]
    assert "Check the simulator against real outcomes first" in titles, titles


def test_the_roadmap_keeps_each_tied_leaders_steps_to_itself(catalog: Catalog) -> None:
    """Built on that report, the roadmap named 'Prototype in shadow mode: production scheduling
    on the shop floor: production scheduling on the shop floor and supplier invoice matching'
    and said it served 'cut invoice matching time by half'."""
    earlier = (
        EarlierConsultation(
            "automation-frontier", {}, run(catalog, "automation-frontier", MACHINE_SHOP)
        ),
    )
    answers = {"team_size": "25", "goals": "cut invoice matching time by half"}
    r = run(catalog, "strategy-synthesis", answers, earlier=earlier)
    titles = [rec.title for rec in r.recommendations]
    assert "Prototype in shadow mode: production scheduling on the shop floor" in titles, titles
    served = goal_line(r, "cut invoice matching time").split("Measure:")[0]
    assert "supplier invoice matching" in served and "Prototype" not in served, served
