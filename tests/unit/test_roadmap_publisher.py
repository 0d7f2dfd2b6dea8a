"""A 12-person publisher's roadmap: what it costs to make images is a cost to cut, not an IP
question, and a budget typed beside the 'Budget' choice is the user's own figure."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_roadmap_fintech_cto import goal_line

PUBLISHER = {
    "role": "Head of digital at a mid-size publisher",
    "industry": "media / publishing",
    "team_size": "around 12 in product and data",
    "ai_use": "Midjourney and Firefly for images, ChatGPT Team for drafts, an article-summary "
    "bot on Azure OpenAI",
    "constraints": "budget; GDPR",
}


@pytest.mark.parametrize(
    ("goal", "target"),
    [
        ("cut image production cost by 30%", "target: 30% below it"),
        ("reduce photo shoot spend by 40%", "target: 40% below it"),
    ],
)
def test_an_image_cost_goal_is_served_by_a_cost_step_and_measured_by_its_cost(
    catalog: Catalog, goal: str, target: str
) -> None:
    """It was served by 'Put review and records into the image publishing workflow' and
    measured by 'images published a week, and the share that passed the controls': the 30%
    the user named was nowhere."""
    r = run(catalog, "strategy-synthesis", {**PUBLISHER, "goals": f"{goal}, no IP claims"})
    served, measure = goal_line(r, goal).split("Measure:")
    assert "Break down" in served and "image publishing workflow" not in served, served
    assert target in measure and "images published" not in measure, measure
    ip = goal_line(r, "no IP claims").split("Measure:")[0]
    assert "image publishing workflow" in ip  # the IP goal keeps its controls


def test_halving_the_time_visuals_take_is_measured_in_time(catalog: Catalog) -> None:
    goal = "halve the time to produce campaign visuals"
    r = run(catalog, "strategy-synthesis", {**PUBLISHER, "goals": goal})
    measure = goal_line(r, goal).split("Measure:")[1]
    assert "time" in measure and "50% below it" in measure, measure


AGENCY = {
    "role": "Founder and CEO, also the only engineer most days",
    "industry": "design agency",
    "team_size": "about 5, two of them part-time",
    "ai_use": "ChatGPT for copy, Midjourney for moodboards, a small RAG bot over our brand "
    "guidelines",
    "goals": "win two AI-heavy client pitches, cut moodboard time by half",
}


@pytest.mark.parametrize(
    ("constraints", "sign", "shown", "a_year"),
    [
        ("budget, maybe 2.500 € a month tops; skills", "€", "€2,500 a month", 30_000),
        ("money: 1,5 Mio EUR for the year", "€", "€1,500,000 a year", 1_500_000),
        ("tight budget: $50k", "$", "$50,000 (read as a year)", 50_000),
        ("budget (about £30k a year), skills", "£", "£30,000 a year", 30_000),
    ],
)
def test_a_budget_typed_beside_the_choice_is_echoed_and_prices_the_plan(
    catalog: Catalog, constraints: str, sign: str, shown: str, a_year: float
) -> None:
    """'budget, maybe 2.500 € a month tops' was dropped as matching no option, and the report
    said 'No amount you gave named a currency: amounts are in US dollars' ($38,000)."""
    r = run(catalog, "strategy-synthesis", {**AGENCY, "constraints": constraints})
    assert r.figure("What the plan costs").display.startswith(f"about {sign}")
    assert not any(a.startswith("No amount you gave") for a in r.assumptions)
    budget = r.figure("Your budget")
    assert budget.value == a_year and budget.display.startswith(shown), budget.display


def test_a_plan_costing_more_time_than_the_budget_says_by_how_much(catalog: Catalog) -> None:
    small = run(catalog, "strategy-synthesis", {**AGENCY, "constraints": "budget: €1,000 a month"})
    plan = small.figure("What the plan costs").value
    short = plan - 12_000
    assert short > 0  # the agency's plan is worth more people's time than €12,000
    working = small.figure("Your budget").working
    assert f"€{short:,.0f} more than it" in working, working
    roomy = run(catalog, "strategy-synthesis", {**AGENCY, "constraints": "budget: €200k a year"})
    assert "within it" in roomy.figure("Your budget").working


def test_no_budget_figure_without_an_amount(catalog: Catalog) -> None:
    for constraints in ("budget; ISO 27001", "skills, 3 engineers short", "budget"):
        r = run(catalog, "strategy-synthesis", {**AGENCY, "constraints": constraints})
        assert all(f.label != "Your budget" for f in r.figures), constraints


def test_a_goal_beside_a_small_plan_never_has_all_of_the_year_left(catalog: Catalog) -> None:
    """A 300-person publisher's plan takes a sliver of 13,800 person-weeks: the goal no step
    served said it 'leaves 100% of your team's year for it'."""
    goal = "halve the time to produce campaign visuals"
    r = run(catalog, "strategy-synthesis", {**PUBLISHER, "team_size": "300", "goals": goal})
    line = goal_line(r, goal)
    assert "leaves more than 99% of your team's year" in line and "100%" not in line, line


def test_an_agent_pilot_for_a_named_workflow_gets_its_own_prototype(catalog: Catalog) -> None:
    """'launch an agent pilot for broker emails' was served by the claims-handling prototype
    another goal asked for; broker emails had no step of their own."""
    insurer = {
        "role": "Head of AI",
        "industry": "insurance",
        "team_size": "300",
        "ai_use": "Claude via AWS Bedrock for claims summaries, Copilot for developers",
        "constraints": "regulation, data residency",
        "goals": "cut claims handling time by 30%, launch an agent pilot for broker emails",
    }
    r = run(catalog, "strategy-synthesis", insurer)
    served = goal_line(r, "launch an agent pilot").split("Measure:")[0]
    assert "broker emails" in served and "claims handling" not in served, served


SOLO = {
    "role": "solo founder",
    "industry": "B2B SaaS for dental clinics, EU",
    "team_size": "2",
    "ai_use": "OpenAI API for appointment summaries, about 300 dollars a month",
    "constraints": "budget and GDPR",
    "goals": "get 10 paying clinics by March, keep the OpenAI bill under $500 a month, "
    "actually also launch a voice receptionist",
}


def test_a_solo_founders_paying_customers_goal_has_its_step_and_its_number(
    catalog: Catalog,
) -> None:
    """'get 10 paying clinics by March' was 'work beside this roadmap' with no step, and the
    voice receptionist opened the plan as 'First, actually also launch a voice receptionist'."""
    r = run(catalog, "strategy-synthesis", SOLO)
    served, measure = goal_line(r, "get 10 paying clinics").split("Measure:")
    assert "Pick the one AI offer customers would pay for" in served, served
    assert "target: 10 paying clinics, by March" in measure, measure
    assert "actually" not in r.verdict.casefold() and not any(
        "actually" in rec.title.casefold() for rec in r.recommendations
    )
    goal_line(r, "launch a voice receptionist")  # said back without the filler


def test_launching_a_thing_that_runs_nowhere_today_is_sized_as_a_build(catalog: Catalog) -> None:
    """'launch a voice receptionist', with only appointment summaries running, was 1.5
    person-weeks (≈ $6,000) for a 2-person team: the same as rolling out a working bot."""
    r = run(catalog, "strategy-synthesis", SOLO)
    (new,) = [rec for rec in r.recommendations if "voice receptionist" in rec.title]
    assert "built first" in new.detail and "about 5.5 person-weeks" in new.detail, new.detail
    publisher = {**PUBLISHER, "goals": "launch AI summaries on all articles by June"}
    r = run(catalog, "strategy-synthesis", publisher)  # its article-summary bot runs today
    (running,) = [rec for rec in r.recommendations if "summaries" in rec.title]
    assert "built first" not in running.detail


LAB = {
    "role": "PI / lab head",
    "industry": "academic research (robotics), Switzerland",
    "team_size": "12 incl. 8 PhD students",
    "ai_use": "we fine-tune open models on our cluster (8x A100), use Claude for writing, "
    "nothing in production",
    "constraints": "grant money, GPUs, hiring postdocs",
    "goals": "publish 3 papers at NeurIPS/ICRA, reduce GPU queue wait times",
}


def test_a_lab_with_nothing_in_production_after_a_comma_has_no_workload_to_move(
    catalog: Catalog,
) -> None:
    """'…, use Claude for writing, nothing in production' still got 'Price your
    highest-volume workload: API against local' and 'Move every model call onto the one
    interface', and 'reduce GPU queue wait times' was measured by 'a yes/no review'."""
    r = run(catalog, "strategy-synthesis", LAB)
    titles = [rec.title for rec in r.recommendations]
    assert not any(t.startswith(("Move every model call", "Price your")) for t in titles), titles
    measure = goal_line(r, "reduce GPU queue wait times").split("Measure:")[1]
    assert measure.startswith(" the time in the goal"), measure
    mixed = "we fine-tune open models, nothing in production but a support bot on OpenAI"
    live = run(catalog, "strategy-synthesis", {**LAB, "ai_use": mixed})
    assert any(rec.title.startswith("Price your") for rec in live.recommendations)


def test_an_agency_pitches_its_offer_to_clients(catalog: Catalog) -> None:
    """A design agency wanting to 'win two AI-heavy client pitches' was told to 'ship the paid
    offer to five design-partner customers', a product company's launch."""
    r = run(catalog, "strategy-synthesis", {**AGENCY, "constraints": "budget"})
    served = goal_line(r, "win two AI-heavy client pitches").split("Measure:")[0]
    assert "pitch the priced offer to five current or prospective clients" in served, served
    assert "design-partner" not in served
    saas = run(catalog, "strategy-synthesis", {**SOLO, "goals": "get 10 paying clinics"})
    assert "design-partner customers" in goal_line(saas, "get 10 paying clinics")
    games = {**AGENCY, "industry": "independent game studio", "constraints": "budget"}
    studio = run(catalog, "strategy-synthesis", games)  # sells its games, not its hours
    assert "design-partner" in goal_line(studio, "win two AI-heavy client pitches")


def test_a_founder_who_is_the_only_engineer_owns_the_engineering_steps(catalog: Catalog) -> None:
    """'Founder and CEO, also the only engineer most days' got 'Put every model call behind
    one internal model interface (…, an engineer)': there is no other engineer."""
    r = run(catalog, "strategy-synthesis", {**AGENCY, "constraints": "skills"})
    owners = {rec.owner for rec in r.recommendations}
    assert owners == {"Founder and CEO"}, owners
    hired = run(catalog, "strategy-synthesis", {**AGENCY, "role": "Founder and CEO"})
    assert "an engineer" in {rec.owner for rec in hired.recommendations}


def test_one_business_is_where_the_reader_works_not_a_sector(catalog: Catalog) -> None:
    """'A roadmap for you as Founder and CEO, in design agency'."""
    r = run(catalog, "strategy-synthesis", {**AGENCY, "constraints": "budget"})
    assert "as Founder and CEO, at a design agency, " in r.summary, r.summary
    sector = run(catalog, "strategy-synthesis", {**PUBLISHER, "goals": "no IP claims"})
    assert ", in media / publishing, " in sector.summary, sector.summary


def test_a_step_whose_next_step_has_no_track_says_so(catalog: Catalog) -> None:
    """The agency's plan built 'one internal model interface' in its last quarter while 'What
    to stop' said 'Not this year, no track is free: Move every model call onto the one
    interface': the step itself did not say its point came next year."""
    r = run(catalog, "strategy-synthesis", {**AGENCY, "constraints": "budget; skills"})
    stops = next(s for s in r.sections if s.title.startswith("What to stop")).items
    assert any("Move every model call onto the one interface" in s for s in stops), stops
    (interface,) = [rec for rec in r.recommendations if "model interface" in rec.title]
    assert "The step that waits for it (“move every model call onto the one interface" in (
        interface.detail
    )
    assert "it comes first next year" in interface.detail


def test_a_very_long_answer_is_quoted_briefly_in_the_opening(catalog: Catalog) -> None:
    """A 24-tool answer to 'How do you use AI today?' was quoted whole (2,500 characters) in
    the roadmap's opening paragraph."""
    tools = ", ".join(f"tool {i} for the claims workflow number {i}" for i in range(1, 25))
    r = run(catalog, "strategy-synthesis", {**AGENCY, "ai_use": f"We use {tools}"})
    quoted = r.summary.split("starting from what runs today (")[1].split("). ")[0]
    assert len(quoted) <= 210 and quoted.endswith("…"), quoted
    assert quoted.startswith("We use tool 1 for the claims workflow number 1, tool 2")
    short = run(catalog, "strategy-synthesis", AGENCY)
    assert f"({AGENCY['ai_use']})" in short.summary


@pytest.mark.parametrize(
    ("goal", "target"),
    [
        ("on-time delivery up 10%", "; target: 10% above it"),
        ("increase on time delivery to 95%", "; target: 95%"),
        ("improve first-time fix rate by 15%", "; target: 15% above it"),
    ],
)
def test_an_on_time_rate_is_not_a_time(catalog: Catalog, goal: str, target: str) -> None:
    """'on-time delivery up 10%' was measured by 'the time in the goal against a baseline',
    with no target; 'to 95%' read as '95% above it'."""
    r = run(catalog, "strategy-synthesis", {**PUBLISHER, "goals": goal})
    measure = goal_line(r, goal).split("Measure:")[1]
    assert "the time in the goal" not in measure and measure.rstrip(".").endswith(target), measure


def test_a_budget_in_euros_prices_the_plan_beside_a_model_bill_in_dollars(
    catalog: Catalog,
) -> None:
    """'budget (about 20k € a year)' beside 'keep the OpenAI bill under $500 a month' was
    echoed as 'Your budget: $20,000 a year', the plan priced in dollars."""
    r = run(
        catalog,
        "strategy-synthesis",
        {**SOLO, "constraints": "budget (about 20k € a year), GDPR"},
    )
    assert r.figure("Your budget").display == "€20,000 a year"
    assert r.figure("What the plan costs").display.startswith("about €")
