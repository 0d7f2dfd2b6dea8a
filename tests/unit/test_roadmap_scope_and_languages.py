"""A roadmap sized to the team (a 120-person org gets a year of work or is told plainly what it
leaves free; a 3-person startup stays small), goals read in German and French, a notes goal
prototyped as drafting notes, and the interim step of a renegotiation planned now."""

from __future__ import annotations

import pytest

from consultations.advisors.base import EarlierConsultation
from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run
from tests.unit.test_roadmap_reads_goals import DENTAL, goal_line

BIG = {
    "role": "CTO",
    "industry": "logistics software, US",
    "team_size": "120",
    "ai_use": "a support chatbot and some internal copilots",
    "constraints": "budget, latency",
    "goals": "cut model API spend by 30%; automate invoice exception handling; "
    "keep p95 latency under 2s",
}


def served_by(r: Report, goal: str) -> str:
    return goal_line(r, goal).split("— served by:")[1].split(". Measure:")[0]


def test_a_large_org_gets_later_quarters_with_rollout_and_says_what_it_leaves_free(
    catalog: Catalog,
) -> None:
    r = run(catalog, "strategy-synthesis", BIG)
    horizons = [rec.horizon or "" for rec in r.recommendations]
    assert any(h.startswith(("6-9", "9-12", "6-12", "3-9", "3-12")) for h in horizons), horizons
    titles = " ".join(rec.title for rec in r.recommendations)
    assert "Roll out" in titles  # a prototype is followed by its rollout, not left at the pilot
    free = next(s for s in r.sections if s.title.startswith("What this plan leaves free")).items
    assert any("of your team's year" in line and "free" in line for line in free)


def test_a_three_person_startup_plan_stays_small(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", {**DENTAL, "goals": "cut API costs by 30%"})
    assert len(r.recommendations) <= 4
    assert not any(s.title.startswith("What this plan leaves free") for s in r.sections)
    stops = " ".join(next(s for s in r.sections if s.title.startswith("What to stop")).items)
    assert "Roll out" not in stops  # steps it added itself are not listed as dropped


@pytest.mark.parametrize(
    ("goal", "step", "measure"),
    [
        ("API-Kosten um 30 % senken", "Price your highest-volume workload", "monthly model spend"),
        ("AI-Act-Inventar bis Q2 fertig", "List every AI system", "risk class, bis Q2"),
        ("réduire les coûts API de 30 %", "Price your highest-volume workload", "model spend"),
        ("Bearbeitungszeit der Schadensfälle halbieren", "shelved", "the time in the goal"),
    ],
)
def test_german_and_french_goals_are_read(
    catalog: Catalog, goal: str, step: str, measure: str
) -> None:
    answers = {**BIG, "industry": "insurance, Germany", "goals": goal}
    r = run(catalog, "strategy-synthesis", answers)
    assert step in served_by(r, goal)
    assert measure in goal_line(r, goal).split("Measure:")[1]


def test_time_spent_on_notes_gets_a_notes_drafting_prototype_not_a_hunt(
    catalog: Catalog,
) -> None:
    goal = "cut the time dentists spend on notes by half"
    r = run(catalog, "strategy-synthesis", {**DENTAL, "goals": goal})
    served = served_by(r, goal)
    assert "shelved" not in served
    assert "prototype drafting the notes for dentists to correct and sign" in served
    step = next(x for x in r.recommendations if "drafting the notes" in x.title)
    assert "minutes per note" in step.detail
    assert "shelved" not in r.verdict


IP_MIXED = {
    "use": "marketing images for ads and the website",
    "vendors": "Azure OpenAI (DALL-E), Midjourney",
    "content": "product shots, no celebrities",
    "jurisdictions": "US and EU",
    "indemnity": "Azure covers us, Midjourney doesn't",
    "review": "a designer checks each one",
}


def test_the_interim_step_of_a_renegotiation_is_planned_now(catalog: Catalog) -> None:
    ip = run(catalog, "diffusion-ip-risk", IP_MIXED)
    earlier = (EarlierConsultation("diffusion-ip-risk", {}, ip),)
    answers = {"team_size": "25", "goals": "no IP claims from generated images"}
    r = run(catalog, "strategy-synthesis", answers, earlier=earlier)
    interim = next(x for x in r.recommendations if "the default for commercial images" in x.title)
    assert "Azure OpenAI" in interim.title
    assert (interim.horizon or "").startswith("0-3 months")
    when = next(s for s in r.sections if s.title == "When these happen").items
    assert any(
        "Renegotiate indemnity with Midjourney at renewal (legal) — next renewal" in w for w in when
    )  # who does it, and when


def test_a_goal_to_automate_a_named_workflow_prototypes_that_workflow_first(
    catalog: Catalog,
) -> None:
    r = run(catalog, "strategy-synthesis", BIG)
    served = served_by(r, "automate invoice exception handling")
    assert "prototype invoice exception handling in shadow mode" in served
    assert "shelved" not in served and "shelved" not in r.verdict
    generic = run(catalog, "strategy-synthesis", {**BIG, "goals": "automate more workflows"})
    assert "shelved" in served_by(generic, "automate more workflows")


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("Regulierung, Datenschutz", {"regulation", "data"}),
        ("Kosten und Fachkräftemangel", {"budget", "skills"}),
        ("réglementation, RGPD", {"regulation", "data"}),
    ],
)
def test_constraints_in_german_and_french_are_read(
    catalog: Catalog, said: str, meant: set[str]
) -> None:
    q = catalog.by_slug("strategy-synthesis").question("constraints")
    assert set(parse_answer(q, said).choices) == meant


def test_a_rollout_under_regulation_waits_for_tracing_as_the_plan_says(catalog: Catalog) -> None:
    answers = {**BIG, "constraints": "regulation", "goals": "automate invoice exception handling"}
    r = run(catalog, "strategy-synthesis", answers)
    trace = next(x for x in r.recommendations if x.title.startswith("Record every model call"))
    roll = next(x for x in r.recommendations if x.title.startswith("Roll out"))
    assert f"Also waits for: {trace.title}." in roll.detail
    assert roll.depends_on and "prototype invoice exception handling" in roll.depends_on
    trace_ends = int((trace.horizon or "").split(" ")[0].split("-")[1])  # "3-6 months": 6
    assert int((roll.horizon or "").split("-")[0]) >= trace_ends  # goes live once traced


@pytest.mark.parametrize(
    ("industry", "sign"),
    [
        ("Versicherung (P&C), Deutschland", "€"),
        ("assurance, France", "€"),
        ("Bank, Österreich", "€"),
        ("Privatbank, Schweiz", "CHF"),
    ],
)
def test_a_roadmap_for_a_german_or_french_speaking_place_is_priced_in_its_currency(
    catalog: Catalog, industry: str, sign: str
) -> None:
    r = run(catalog, "strategy-synthesis", {**BIG, "industry": industry})
    shown = r.figure("What the plan costs").display
    assert sign in shown.split(":")[0] and "$" not in shown


def test_a_step_that_already_goes_live_is_hardened_not_rolled_out_twice(catalog: Catalog) -> None:
    goals = "reduce call centre volume by 15%"
    r = run(catalog, "strategy-synthesis", {**BIG, "constraints": "regulation", "goals": goals})
    titles = [x.title for x in r.recommendations]
    assert not any(t.startswith("Roll out") and "without a person" in t for t in titles)
    harden = next(x for x in r.recommendations if x.title.startswith("Harden it"))
    assert harden.depends_on and harden.depends_on.startswith("Sort last month's calls")
    assert "Also waits for" not in harden.detail  # its step already waits for tracing
