"""Roadmap goals read for what they say: "by half" is a target, a policy is a document to
write, "into the billing workflow" is a delivery (not a bill) with its own date, and the
rollout of a prototype comes after it."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items
from tests.unit.test_roadmap_concrete_goals import served_by
from tests.unit.test_roadmap_reads_goals import goal_line
from tests.unit.test_roadmap_serving import report, roadmap

FINTECH_GOALS = (
    "cut manual invoice matching by half, get the support bot to answer 40% of tickets, "
    "pass the DORA audit in Q3"
)
HOSPITAL_AUTOMATION = {
    "workflows": "discharge summary drafting, prior authorization forms for insurers, and "
    "coding of outpatient visits (ICD-10)",
    "why_shelved": "not enough data we could legally use, and the models got details wrong",
    "checkable": "coding can be checked against what the billing team finally submitted; "
    "discharge summaries only a clinician can judge",
    "logs": "some",
    "error_cost": "patient safety for summaries, money for coding",
    "value": "maybe 40 000 € a month for coding",
}


def test_halving_manual_invoice_matching_is_a_target_with_its_own_prototype(
    catalog: Catalog,
) -> None:
    """It was 'served by: nothing yet: it names no outcome to plan for; restate it with the
    number that would show it worked', and dropped in 'What to stop'."""
    r = roadmap(catalog, "12", "regulation, budget", FINTECH_GOALS)
    line = goal_line(r, "cut manual invoice matching by half")
    assert "names no outcome" not in line, line
    assert "prototype invoice matching in shadow mode" in served_by(line), line
    assert "invoice matching done by hand a week" in line and "target: 50% below it" in line
    tickets = goal_line(r, "get the support bot to answer 40% of tickets")
    assert "invoice" not in served_by(tickets), tickets
    assert not any("Nothing above serves" in s for s in section_items(r, "What to stop"))


def test_a_policy_for_staff_use_of_chatbots_is_written_not_dropped(catalog: Catalog) -> None:
    """A hospital whose doctors use ChatGPT privately was told to restate 'a policy for staff
    use of chatbots' with a number, or drop it for the year."""
    goals = (
        "get ICD-10 coding suggestions into the billing workflow by autumn, "
        "a policy for staff use of chatbots"
    )
    r = roadmap(catalog, "25", "data residency, skills", goals)
    line = goal_line(r, "policy for staff use of chatbots")
    assert "Write, agree and publish the policy for staff use of chatbots" in served_by(line)
    assert "Measure: the policy published, every team told" in line, line
    assert not any("Nothing above serves" in s for s in section_items(r, "What to stop"))


def test_coding_suggestions_into_the_billing_workflow_go_live_after_their_prototype(
    catalog: Catalog,
) -> None:
    """'billing' read as a bill: 'Measure: the cost the goal names'; 'by autumn' was no date;
    the staged rollout was planned a quarter before the prototype it puts live."""
    goals = "get ICD-10 coding suggestions into the billing workflow by autumn"
    r = roadmap(
        catalog,
        "25",
        "data residency, skills",
        goals,
        report(catalog, "automation-frontier", HOSPITAL_AUTOMATION),
    )
    line = goal_line(r, goals)
    assert "the cost the goal names" not in line, line
    assert "Measure: live in production for its users" in line and line.endswith("by autumn."), line
    titles = [x.title for x in r.recommendations]
    proto = next(n for n, t in enumerate(titles) if t.startswith("Prototype in shadow mode"))
    live = next(n for n, t in enumerate(titles) if t.endswith("a staged rollout"))
    assert proto < live, titles
    assert r.recommendations[live].depends_on == titles[proto]


def test_nothing_in_production_has_no_model_calls_to_move_or_workload_to_price(
    catalog: Catalog,
) -> None:
    """A hospital with 'nothing in production' was told to 'Move every model call onto the one
    interface, one workload at a time' and to 'Price your highest-volume workload'."""
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "team_size": "25",
            "ai_use": "nothing in production, a few doctors use ChatGPT privately which we "
            "have asked them to stop",
            "constraints": "patient data cannot leave our data centre, skills, budget",
            "goals": "a policy for staff use of chatbots",
        },
    )
    titles = [x.title for x in r.recommendations]
    assert not any(t.startswith(("Move every model call", "Price your")) for t in titles), titles
    assert any(t.startswith("Map where each workload's data is processed") for t in titles)
    live = run(catalog, "strategy-synthesis", {"team_size": "25", "constraints": "skills, budget"})
    assert any(x.title.startswith("Price your") for x in live.recommendations)
