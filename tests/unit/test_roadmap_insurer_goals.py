"""A 400-person insurer's roadmap: a spending ceiling is kept, not served by a prototype, and
"FNOL" is the first-notice-of-loss workflow its automation consultation already planned."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import section_items
from tests.unit.test_roadmap_concrete_goals import served_by
from tests.unit.test_roadmap_reads_goals import goal_line
from tests.unit.test_roadmap_serving import report, roadmap

CLAIMS_AUTOMATION = {
    "workflows": "first notice of loss triage for motor claims, subrogation recovery letters, "
    "and broker email classification",
    "why_shelved": "models hallucinated too much in 2023 and the edge cases killed the case",
    "checkable": "we can check a lot of it against the policy admin system and past payouts",
    "logs": "yes, 6 years of claims with outcomes in the warehouse",
    "error_cost": "serious - a wrongly denied claim means an ombudsman complaint",
    "value": "roughly 150k EUR a month in handler time for FNOL alone",
}
GOALS = (
    "cut FNOL handling time by 30%, get an AI Act inventory done before August, "
    "no more than EUR 250k external spend on AI"
)


def insurer(catalog: Catalog) -> Report:
    return roadmap(
        catalog,
        "400",
        "regulation, data, skills",
        GOALS,
        report(catalog, "automation-frontier", CLAIMS_AUTOMATION),
    )


def test_a_spending_ceiling_is_kept_not_served_by_a_prototype(catalog: Catalog) -> None:
    """'no more than EUR 250k external spend on AI' was 'served by: Define success for first
    notice of loss triage …' and measured by 'the cost the goal names'."""
    r = roadmap(catalog, "400", "regulation, data, skills", GOALS)
    line = goal_line(r, "no more than EUR 250k external spend on AI")
    assert "it is a ceiling, not an outcome" in served_by(line), line
    assert "Measure: spend outside the team (model calls, licences, hardware) to date" in line
    assert not any("250k" in x.detail for x in r.recommendations)
    assert not any("Nothing above serves" in s for s in section_items(r, "What to stop"))
    keep = goal_line(r, "cut FNOL handling time by 30%")  # a cut with a target is no ceiling
    assert "ceiling" not in keep


def test_fnol_is_the_first_notice_of_loss_workflow_already_planned(catalog: Catalog) -> None:
    """The goal got its own 'Define how a good FNOL handling outcome is checked, then prototype
    FNOL handling in shadow mode' beside the consultation's first-notice-of-loss prototype."""
    r = insurer(catalog)
    titles = [x.title for x in r.recommendations]
    assert not any("FNOL handling" in t for t in titles), titles
    line = goal_line(r, "cut FNOL handling time by 30%")
    assert "Define success for first notice of loss triage for motor claims" in served_by(line)


def test_tool_subscriptions_under_a_monthly_sum_is_a_ceiling_too(catalog: Catalog) -> None:
    """A 3-person studio's 'keep tool subscriptions under £200 a month' was 'work beside this
    roadmap', measured by 'the number in the goal, against a baseline'."""
    goal = "keep tool subscriptions under £200 a month"
    r = roadmap(catalog, "3", "budget", f"win 2 new retainer clients, {goal}")
    line = goal_line(r, goal)
    assert "it is a ceiling, not an outcome" in served_by(line), line
    assert "the number in the goal" not in line


def test_a_constraints_rule_is_said_once_not_in_every_step(catalog: Catalog) -> None:
    """'Within your data-residency and regulatory rules: a new vendor, region or data flow
    qualifies only once it meets them.' closed three steps of the insurer's plan."""
    r = insurer(catalog)
    details = [x.detail for x in r.recommendations]
    ruled = [d for d in details if "Within your data-residency and regulatory rules" in d]
    assert len(ruled) == 1, ruled
    first = details.index(ruled[0]) + 1
    later = [d for d in details if "Within your data-residency rules, as step" in d]
    assert later and all(f"as step {first} says." in d for d in later), later
