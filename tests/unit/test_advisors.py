"""The advisors' reports: what a user would check in them."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

from consultations.advisors import advise
from consultations.advisors.base import AdvisorInput, EarlierConsultation
from consultations.answers import Answer, parse_answer
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from consultations.report import Report
from tests.unit.test_engine import typical


def run(
    catalog: Catalog,
    slug: str,
    overrides: Mapping[str, str] | None = None,
    earlier: tuple[EarlierConsultation, ...] = (),
) -> Report:
    script = catalog.by_slug(slug)
    answers: dict[str, Answer] = {}
    for q in script.questions:
        text = (overrides or {}).get(q.key, typical(q))
        answers[q.key] = (
            Answer(key=q.key, raw="", skipped=True) if text == "skip" else parse_answer(q, text)
        )
    return advise(AdvisorInput(script, answers, catalog.context, earlier))


EDGE = {
    "requests": "about 5M",
    "tokens": "1200 in, 300 out",
    "price": "$3 / $15",
    "local_cost": "$30,000 hardware, $2,000 a month",
    "amortisation": "36 months",
    "quality_loss": "5%",
    "latency": "2",
    "sensitivity": "2",
}


def test_edge_economics_reproduces_the_worked_example_exactly(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", EDGE)
    assert r.figure("API input cost per month").value == 18_000
    assert r.figure("API output cost per month").value == 22_500
    assert r.figure("API total per month").display == "$40,500"
    assert r.figure("Local total per month").value == pytest.approx(2_833.333, abs=0.01)
    assert r.figure("Break-even volume").value == pytest.approx(349_794.2, abs=0.1)
    assert r.figure("Break-even volume").display == "about 349,800 requests a month"
    assert r.figure("Hardware payback").display == "under a month"
    assert r.verdict.startswith("Run it locally")
    assert (
        "5,000,000 × 1,200 = 6.0B tokens × $3 / 1M" in r.figure("API input cost per month").working
    )  # type: ignore[operator]
    chart = r.chart
    assert chart is not None and chart.marker_x == pytest.approx(349_794.2, abs=0.1)
    cloud, local = chart.series
    assert cloud.points[0] == (0.0, 0.0) and all(y == local.points[0][1] for _, y in local.points)


def test_edge_economics_says_stay_on_the_api_at_low_volume(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", {**EDGE, "requests": "50k"})
    assert r.verdict.startswith("Stay on the API")
    assert r.figure("Monthly saving running locally").value < 0


def test_edge_economics_never_divides_by_zero(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", {**EDGE, "price": "0 / 0"})
    assert "never" in r.figure("Break-even volume").display
    assert r.verdict.startswith("Stay on the API")


def test_skipped_hardware_life_is_an_assumption(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", {**EDGE, "amortisation": "skip"})
    assert any("36 months" in a for a in r.assumptions)


def test_convergence_names_every_vendor_and_keeps_a_backup(catalog: Catalog) -> None:
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "OpenAI for chat, Anthropic for code, Mistral for summaries",
            "reasons": "price and redundancy",
            "outage_tolerance": "instant",
        },
    )
    lines = next(s for s in r.sections if s.title.startswith("Keep or cut")).items
    # the answers cannot say which is primary: every vendor is a candidate, decided by
    # evaluation — said once for all three, not three times word for word
    assert lines == (
        "Each of OpenAI for chat, Anthropic for code and Mistral for summaries — primary "
        "candidate: the cheapest that passes your evaluation becomes primary; the runner-up "
        "becomes the hot standby (live on every request path, automatic failover, tested "
        "monthly); any others are cut.",
    )
    assert render_report_markdown(r).count("the runner-up becomes") == 1
    assert r.verdict.startswith("Restructure")


def test_convergence_consolidates_when_diversity_was_the_only_reason(catalog: Catalog) -> None:
    r = run(catalog, "model-convergence", {"vendors": "GPT, Claude", "reasons": "diversity"})
    assert r.verdict.startswith("Consolidate")


def test_attention_keeps_retrieval_for_permissions(catalog: Catalog) -> None:
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "permission-aware vector search, meeting notes map-reduce summariser",
            "workarounds": "access control, context length",
            "doc_tokens": "60k",
            "context_window": "200k",
            "calls": "2k a month",
        },
    )
    calls = next(s for s in r.sections if s.title.startswith("Retire")).items
    assert any(c.startswith("permission-aware vector search — keep") for c in calls)
    assert any(c.startswith("meeting notes map-reduce summariser — retire") for c in calls)


def test_attention_simplifies_when_documents_do_not_fit(catalog: Catalog) -> None:
    r = run(
        catalog,
        "attention-readiness",
        {"pipelines": "contract chunker", "doc_tokens": "500k", "context_window": "128k"},
    )
    assert "simplify" in next(s for s in r.sections if s.title.startswith("Retire")).items[0]


def test_attention_kept_for_cost_still_tests_the_pipeline_behind_an_incident(
    catalog: Catalog,
) -> None:
    """All kept for cost, yet the chunker lost a liability cap: the plan must test whole
    documents on that chunker, not only re-price later."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "contract review chunker, support ticket summariser",
            "workarounds": "all of the above",
            "doc_tokens": "30k",
            "context_window": "128k",
            "calls": "50k",
            "input_price": "$2.50",
            "upkeep_hours": "16",
            "incidents": "the chunker split an indemnity clause and we missed a liability cap",
        },
    )
    assert r.verdict.startswith("Keep them") and "less what the chunks send today" in r.verdict
    titles = [rec.title for rec in r.recommendations]
    assert "Test whole documents on contract review chunker" in titles
    assert not any("support ticket" in t for t in titles)


def test_telemetry_samples_only_at_volume_without_audit(catalog: Catalog) -> None:
    big = run(catalog, "reasoning-telemetry", {"runs_per_day": "200k", "audit": "none"})
    audited = run(catalog, "reasoning-telemetry", {"runs_per_day": "200k", "audit": "regulated"})
    assert "sampling" in big.verdict and "keeping every run" in audited.verdict
    assert big.figure("Runs kept per day").value < audited.figure("Runs kept per day").value


def test_curation_normalises_weights_and_triages_what_was_pasted(catalog: Catalog) -> None:
    r = run(
        catalog,
        "research-curation",
        {
            "weights": "2 cost, 1 failure, 1 compute",
            "to_triage": "Regret bounds for bandits; 4-bit quantization for on-device LLMs",
        },
    )
    profile = r.sections[0].items
    assert "cost 50%, failure 25%, compute 25%" in " ".join(profile)
    first = next(s for s in r.sections if s.title.startswith("First triage")).items
    assert first[0].startswith("4-bit quantization") and "Answers cost" in first[0]
    assert first[1].startswith("Regret bounds")


def test_automation_ranks_the_shortlist_by_score(catalog: Catalog) -> None:
    r = run(
        catalog,
        "automation-frontier",
        {"workflows": "tier-2 support escalations, warehouse slotting", "checkable": "simulate"},
    )
    rows = r.tables[0].rows
    scores = [float(row[1]) for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert r.verdict.startswith("Prototype")
    assert any("pass@k" in c for c in r.caveats)


def test_diffusion_risk_is_high_for_characters_and_faces_without_cover(catalog: Catalog) -> None:
    high = run(
        catalog,
        "diffusion-ip-risk",
        {"content": "characters, likenesses", "indemnity": "none", "review": "nobody"},
    )
    low = run(
        catalog,
        "diffusion-ip-risk",
        {"use": "internal mood boards", "content": "none", "indemnity": "full", "review": "legal"},
    )
    assert high.verdict.startswith("Risk: high") and low.verdict.startswith("Risk: low")
    questionnaire = next(s for s in high.sections if s.title == "Vendor questionnaire").items
    assert any("Midjourney" in q for q in questionnaire)


def test_under_residency_rules_the_data_map_comes_before_any_new_data_flow(
    catalog: Catalog,
) -> None:
    edge = run(catalog, "edge-economics", EDGE)
    earlier = (EarlierConsultation(slug="edge-economics", answers={}, report=edge),)
    answers = {"team_size": "12", "constraints": "regulated data, small budget"}
    plan = run(catalog, "strategy-synthesis", answers, earlier=earlier).recommendations
    titles = [rec.title for rec in plan]
    mapped = next(n for n, t in enumerate(titles) if t.startswith("Map where each workload"))
    pilot = next(n for n, t in enumerate(titles) if "pilot a quantised" in t)
    assert mapped < pilot
    assert plan[mapped].horizon != plan[pilot].horizon  # one track: the map is done first
    assert "qualifies only once" not in plan[mapped].detail  # not told its own rule again


def test_an_answer_limited_to_one_workflow_scores_only_that_one_as_checkable(
    catalog: Catalog,
) -> None:
    answers = {
        "workflows": "invoice matching; supplier onboarding; customs paperwork",
        "checkable": "partly: invoices can be checked against the ERP, the rest not really",
    }
    rows = run(catalog, "automation-frontier", answers).tables[0].rows
    scores = {r[0]: float(r[1]) for r in rows}
    assert rows[0][0] == "invoice matching"
    assert scores["supplier onboarding"] <= scores["invoice matching"] - 0.3
    assert {r[2] for r in rows[1:]} == {"an assistant drafting decisions for a person to approve"}
    answers["checkable"] = "yes, all of them can be checked against the ERP"
    rows = run(catalog, "automation-frontier", answers).tables[0].rows
    assert len({r[1] for r in rows}) <= 2 and all(float(r[1]) >= 0.5 for r in rows)


def test_a_blind_spot_said_as_a_sentence_is_not_taken_for_a_name(catalog: Catalog) -> None:
    answers = {"blind_spots": "we can't see why it picked a tool"}
    text = render_report_markdown(run(catalog, "reasoning-telemetry", answers))
    assert "For we can't" not in text and "with we can't" not in text
    assert "with your team, starting from what they cannot answer today: why it picked" in text
    answers = {"blind_spots": "on-call SREs; they cannot see why a tool was chosen"}
    text = render_report_markdown(run(catalog, "reasoning-telemetry", answers))
    assert "with the on-call SREs, starting from what they cannot answer today: why a tool" in text


def test_synthesis_builds_on_earlier_verdicts(catalog: Catalog) -> None:
    edge = run(catalog, "edge-economics", EDGE)
    earlier = (EarlierConsultation(slug="edge-economics", answers={}, report=edge),)
    with_history = run(catalog, "strategy-synthesis", earlier=earlier)
    alone = run(catalog, "strategy-synthesis")
    text = render_report_markdown(with_history)
    assert "earlier verdict: Run it locally" in text
    assert "Built on your earlier consultations" in text
    assert "No earlier consultation" in " ".join(alone.assumptions)
    # the edge verdict's next steps, in order: the evaluation set before the pilot
    titles = [rec.title for rec in with_history.recommendations]
    assert any(t.startswith("Build an evaluation set from real traffic") for t in titles)
    assert not any(t.startswith("Price your highest-volume workload") for t in titles)  # done
    assert {rec.title for rec in with_history.recommendations} != {
        rec.title for rec in alone.recommendations
    }


def test_convergence_keeps_only_the_vendor_compliance_binds(catalog: Catalog) -> None:
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "we use gpt-4o for support, claude for code review and llama 3 70b on "
            "prem for the legal stuff",
            "reasons": "mainly price and the legal team wants on-prem",
        },
    )
    lines = next(s for s in r.sections if s.title.startswith("Keep or cut")).items
    llama = next(ln for ln in lines if "llama" in ln.split(" — ")[0])
    assert "compliance" in llama and llama.startswith("llama 3 70b on prem for the legal stuff")
    free = next(ln for ln in lines if ln.startswith("Each of"))
    assert free.startswith("Each of gpt-4o for support and claude for code review — primary")
    assert "compliance" not in free
    assert r.verdict.startswith("Restructure: keep llama 3 70b on prem")


def test_each_workflow_gets_the_option_its_own_clause_names(catalog: Catalog) -> None:
    answers = {
        "workflows": "invoice exception handling; tier 2 support escalations; warehouse slotting",
        "checkable": "we can replay the warehouse one in our simulator, invoices against the ERP",
        "logs": "yes for support, ~3 years of tickets w/ resolutions",
        "value": "maybe 30-50k/month for the invoice one",
    }
    r = run(catalog, "automation-frontier", answers)
    approach = {row[0]: row[2] for row in r.tables[0].rows}
    assert approach["warehouse slotting"] == "goal-conditioned RL in your simulator"
    assert approach["invoice exception handling"] == "an LLM agent proposing actions"
    assert approach["tier 2 support escalations"].startswith("an assistant drafting")
    read = next(s for s in r.sections if s.title.startswith("How your answers were read"))
    assert any("tier 2 support escalations: Yes, many runs" in ln for ln in read.items)
    assert any("warehouse slotting: Some, incomplete (not named" in ln for ln in read.items)
    # the value was given for the invoices: the verdict does not pick the more feasible
    # warehouse and price it with the invoices' money
    assert r.verdict == "Prototype invoice exception handling now."
    leaders = next(s for s in r.sections if s.title == "What decides between the leaders")
    assert "Size warehouse slotting's value" in leaders.items[0]


def test_telemetry_alerts_follow_the_failures_as_told(catalog: Catalog) -> None:
    answers = {
        "tools": "zendesk api, our postgres (read only), web search through tavily",
        "failures": "it looped 40 times on search last month and burned $200; once it closed "
        "a ticket it should have escalated",
        "stack": "we have langsmith for traces + datadog",
        "blind_spots": "me and one other dev; we cannot tell which tool output made it decide",
    }
    r = run(catalog, "reasoning-telemetry", answers)
    alerts = next(s for s in r.sections if s.title.startswith("Dashboards")).items
    assert any(a.startswith("Loops: web search through tavily") for a in alerts)
    known = [a for a in alerts if a.startswith("Your known failure")]
    assert len(known) == 2 and "closed a ticket" in known[1]
    assert any(a.startswith("For you and one other dev:") for a in alerts)
    assert not any("me and one" in a for a in alerts)


def test_the_loop_alert_names_the_tool_of_the_loop_not_of_another_failure(
    catalog: Catalog,
) -> None:
    """ "it refunded the wrong order twice, and loops calling search": the loop alert named
    the order DB (the word 'order' of the other failure)."""
    answers = {
        "tools": "stripe refunds API, our order DB via MCP, web search",
        "failures": "it refunded the wrong order twice, and loops calling search",
    }
    alerts = next(
        s
        for s in run(catalog, "reasoning-telemetry", answers).sections
        if s.title.startswith("Dashboards")
    ).items
    assert any(a.startswith("Loops: web search (or any tool)") for a in alerts)


def test_a_pasted_link_is_not_scored_by_its_address(catalog: Catalog) -> None:
    pasted = "https://arxiv.org/abs/2505.06708 and 4-bit quantization for on-device LLMs"
    r = run(catalog, "research-curation", {"to_triage": pasted})
    first = next(s for s in r.sections if s.title.startswith("First triage")).items
    assert first[0].startswith("4-bit quantization for on-device LLMs — ")
    assert first[1].startswith("https://arxiv.org/abs/2505.06708 — not judged")
    assert not any("/100" in line for line in first if line.startswith("https://"))


def test_roadmap_goals_get_the_item_and_the_measure_they_name(catalog: Catalog) -> None:
    answers = {
        "constraints": "regulation and budget",
        "goals": "ship an agent for dispute handling, halve our openai bill",
    }
    r = run(catalog, "strategy-synthesis", answers)
    goals = next(s for s in r.sections if s.title.startswith("Your goals")).items
    agent, bill = goals
    assert "the agent live on real cases" in agent and "the time in the goal" not in agent
    assert "Price your highest-volume workload" in bill and "monthly model spend" in bill


def test_edge_says_when_api_prices_took_the_hardware_currency(catalog: Catalog) -> None:
    answers = dict(EDGE, price="2.50 in and 10 out", local_cost="60k EUR, 1.5k a month")
    r = run(catalog, "edge-economics", answers)
    assert any("had no currency: read as EUR" in a for a in r.assumptions)
    answers = dict(EDGE, price="$2.50 / $10", local_cost="60k EUR, 1.5k a month")
    r = run(catalog, "edge-economics", answers)
    assert any("API prices in USD and local costs in EUR" in a for a in r.assumptions)
    answers = dict(EDGE, local_cost="30k for hardware, 2k a month")  # prices in $
    r = run(catalog, "edge-economics", answers)
    assert any("local costs had no currency: read as USD" in a for a in r.assumptions)
    r = run(catalog, "edge-economics", EDGE)
    assert not any("currency" in a or "local costs in" in a for a in r.assumptions)


def test_a_weekday_in_the_cadence_answer_sets_the_digest_day(catalog: Catalog) -> None:
    from consultations.advisors.curation import profile_from_answers
    from consultations.answers import parse_answer
    from consultations.digest import personal_options

    r = run(catalog, "research-curation", {"cadence": "friday mornings would be nice, weekly"})
    assert "Digest: weekly" in r.sections[0].items[-1] and "on Fridays" in r.sections[0].items[-1]
    script = catalog.by_slug("research-curation")
    answers = {"cadence": parse_answer(script.question("cadence"), "weekly, on tuesdays")}
    assert personal_options(profile_from_answers(answers))["day"] == 1
    plain = {"cadence": parse_answer(script.question("cadence"), "weekly")}
    assert "day" not in personal_options(profile_from_answers(plain))


def test_images_never_published_are_not_rated_as_if_they_were(catalog: Catalog) -> None:
    hobby = run(
        catalog,
        "diffusion-ip-risk",
        {
            "use": "wallpapers for my own desktop, not published",
            "vendors": "stable diffusion on my PC",
            "content": "landscapes",
            "jurisdictions": "nowhere, just me",
            "indemnity": "none",
            "review": "nobody",
        },
    )
    assert hobby.verdict == "Risk: low. Proceed, with light controls."
    titles = [s.title for s in hobby.sections]
    assert "Vendor questionnaire" not in titles  # no vendor to send it to
    assert "Open models you run yourself" in titles
    assert [r.title for r in hobby.recommendations] == [
        "Keep generated images internal, on the record"
    ]
    bank = run(
        catalog,
        "diffusion-ip-risk",
        {
            "use": "internal slide decks and training material, never external",
            "vendors": "Copilot (DALL-E) through our Microsoft enterprise agreement",
            "content": "nothing, generic office scenes",
            "indemnity": "not sure",
            "review": "nobody",
        },
    )
    assert bank.verdict.startswith("Risk: low")
    plan = [r.title for r in bank.recommendations]
    assert "Read the IP clause of each vendor contract" in plan  # first find out, then ask
    assert "Renegotiate indemnity at renewal" not in plan


def test_a_high_image_risk_never_asks_for_the_review_already_held(catalog: Catalog) -> None:
    r = run(
        catalog,
        "diffusion-ip-risk",
        {
            "use": "ad creatives for our clients",
            "vendors": "Midjourney, Adobe Firefly, a LoRA we trained on one client's mascot",
            "content": "the client's mascot, celebs for parody, and logos",
            "indemnity": "partial",
            "review": "legal checks every image",
        },
    )
    assert r.verdict.startswith("Risk: high") and "review every external" not in r.verdict
    assert "add a reverse image search to every review" in r.verdict
    assert "content at risk +8" in r.figures[0].working  # the mascot is a character


def test_checkability_told_per_workflow_is_read_per_workflow(catalog: Catalog) -> None:
    answers = {
        "workflows": "tier-2 support escalations, invoice exception handling, warehouse slotting",
        "checkable": "invoices we can check against the ERP, slotting we can replay in our "
        "simulator, support only a human can judge",  # was "Just one, please"
        "logs": "yes for support, none for the others",
    }
    r = run(catalog, "automation-frontier", answers)
    approach = {row[0]: row[2] for row in r.tables[0].rows}
    assert approach["warehouse slotting"] == "goal-conditioned RL in your simulator"
    assert approach["invoice exception handling"] == "an LLM agent proposing actions"
    assert approach["tier-2 support escalations"].startswith("an assistant drafting")
    read = next(s for s in r.sections if s.title.startswith("How your answers were read"))
    assert (
        "warehouse slotting: No (from the part of your answer naming no workflow)" in read.items[1]
    )
    vague = {**answers, "checkable": "some can be simulated, the rest only a person"}
    read = next(
        s
        for s in run(catalog, "automation-frontier", vague).sections
        if s.title.startswith("How your answers were read")
    )
    assert any("all were read as “Only a person can judge”" in ln for ln in read.items)


def test_a_not_yet_never_asks_for_what_the_user_already_has(catalog: Catalog) -> None:
    logged = {
        "workflows": "KYC document review, AML alert triage",
        "why_shelved": "errors were too costly",
        "checkable": "only a person can judge",
        "logs": "yes, 7 years of case files with outcomes",
        "error_cost": "serious, regulator fines",
    }
    r = run(catalog, "automation-frontier", logged)
    assert r.verdict.startswith("Not yet")
    first = r.recommendations[0]
    assert not first.title.startswith("Log every decision")  # they have the logs
    assert first.title.startswith("Write the checker for") and first.horizon == "0-3 months"
    cheap = {
        "workflows": "monthly report formatting",
        "checkable": "we can check it against the template",
        "logs": "lots",
        "error_cost": "easy to undo",
        "value": "500 EUR a month",
    }
    r = run(catalog, "automation-frontier", cheap)
    assert r.verdict.startswith("Not yet: at €500 a month")
    assert r.recommendations[0].title == "Measure what monthly report formatting costs today"
    assert all("checker" not in rec.title for rec in r.recommendations)  # it has one


STARTUP_PLAN = {
    "role": "CTO",
    "industry": "B2B SaaS (HR software)",
    "team_size": "12 engineers, 2 of them do ML",
    "ai_use": "a support chatbot on OpenAI, copilot for coding, nothing else yet",
    "constraints": "budget and skills",
    "goals": "cut support tickets by 30%, launch an AI feature customers pay for, keep our "
    "OpenAI bill under $5k/month",
}


def test_a_roadmap_serves_every_goal_before_a_second_item_for_one(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", STARTUP_PLAN)
    goals = next(s for s in r.sections if s.title == "Your goals and what serves them").items
    assert len(goals) == 3
    assert not any("no item here serves it" in g for g in goals), goals
    paid = next(g for g in goals if g.startswith("launch an AI feature"))
    assert (
        "Measure: paying customers and the monthly revenue they bring" in paid
    )  # not "model spend"
    assert "Pick the one AI offer customers would pay for" in paid
    # 12 people, 5% of their year: a second track, so no step waits a year for a free one
    assert r.figure("Tracks at once").value == 2
    stop = section_items(r, "What to stop or not start")
    assert not any(s.startswith("Not this year") for s in stop), stop
    owners = {rec.owner for rec in r.recommendations}
    assert not owners & {"platform team", "procurement", "compliance lead"}  # 12 people


def test_a_roadmap_says_what_it_costs_and_what_to_stop(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", STARTUP_PLAN)
    efforts = [
        float(re.search(r"Effort: about ([\d.]+) person-weeks?", rec.detail).group(1))  # type: ignore[union-attr]
        for rec in r.recommendations
    ]
    figure = r.figure("What the plan costs")
    assert figure.value == sum(efforts) * 5 * 800
    assert f"{sum(efforts):g} person-weeks" in figure.display
    assert "of your team's year" in figure.display
    stop = next(s for s in r.sections if s.title == "What to stop or not start").items
    assert any(s.startswith("Stop paying for AI tools") for s in stop)  # budget
    assert any(s.startswith("Stop adding vendors, SDKs") for s in stop)  # skills
    assert not any(s.startswith("Not this year") for s in stop)  # two tracks hold it all


def test_a_roadmap_without_agents_records_model_calls_not_agent_runs(catalog: Catalog) -> None:
    answers = {
        "role": "Head of AI at a regional bank",
        "team_size": "250",
        "ai_use": "RAG over policy docs pilot, fraud models (classic ML), nothing customer facing",
        "constraints": "regulation, data residency, and we can't hire",
        "goals": "pass the EU AI Act audit, reduce KYC review time by 40%, no new vendors "
        "outside the EU",
    }
    r = run(catalog, "strategy-synthesis", answers)
    titles = [rec.title for rec in r.recommendations]
    assert not any("agent run" in t for t in titles)
    assert any(t.startswith("Record every model call in production") for t in titles)
    goals = next(s for s in r.sections if s.title == "Your goals and what serves them").items
    eu = next(g for g in goals if g.startswith("no new vendors outside the EU"))
    assert "served by: Map where each workload's data is processed" in eu


def test_curation_says_which_sources_the_digest_cannot_read(catalog: Catalog) -> None:
    r = run(catalog, "research-curation", {"sources": "newsletters mostly, no arxiv pls"})
    profile = " ".join(r.sections[0].items)
    assert "Sources the digest reads: arXiv (the default feed)" in profile
    assert "Not read by the digest: Newsletters" in profile and "`edit 4`" in profile
    both = run(catalog, "research-curation", {"sources": "openreview and blogs"})
    profile = " ".join(both.sections[0].items)
    assert "Sources the digest reads: OpenReview (conference papers)" in profile
    assert "Not read by the digest: Lab blogs and RSS feeds" in profile
    assert "`edit 4`" not in profile  # something is read: nothing to add


def test_curation_with_equal_weights_leads_with_no_question(catalog: Catalog) -> None:
    r = run(catalog, "research-curation", {"weights": "33/33/33"})
    assert r.verdict.startswith("Your filter weighs cost, failure and compute equally")
    r = run(catalog, "research-curation", {"weights": "40 cost, 40 failure, 20 compute"})
    assert r.verdict.startswith("Your filter leads with cost and failure")


def test_curation_says_when_the_weights_shown_are_not_the_ones_typed(catalog: Catalog) -> None:
    r = run(catalog, "research-curation", {"weights": "60% cost, 30% failure, 20% compute"})
    line = next(i for i in r.sections[0].items if i.startswith("Weights"))
    assert line == (
        "Weights: cost 55%, failure 27%, compute 18% (your figures added up to 110, not 100: "
        "scaled)"
    )
    r = run(catalog, "research-curation", {"weights": "50% cost, 30% failure, 20% compute"})
    assert "scaled" not in " ".join(r.sections[0].items)


def test_error_cost_told_per_workflow_scores_each_workflow(catalog: Catalog) -> None:
    answers = {
        "workflows": "store shift scheduling, markdown pricing (which failed in 2023)",
        "checkable": "scheduling we can simulate, pricing we can backtest",
        "logs": "years of data for all of them",
        "error_cost": "depends, for pricing it's millions, for scheduling an unhappy employee",
    }
    r = run(catalog, "automation-frontier", answers)
    rows = {row[0]: float(row[1]) for row in r.tables[0].rows}
    assert set(rows) == {"store shift scheduling", "markdown pricing"}  # the comment is no name
    assert rows["markdown pricing"] < rows["store shift scheduling"]  # millions at stake
    calm = run(catalog, "automation-frontier", {**answers, "error_cost": "an unhappy employee"})
    calm_rows = {row[0]: float(row[1]) for row in calm.tables[0].rows}
    assert calm_rows["markdown pricing"] > rows["markdown pricing"]
    read = next(s for s in r.sections if s.title.startswith("How your answers were read"))
    assert any("markdown pricing: Serious money" in ln for ln in read.items)


def test_a_self_hosted_base_model_is_not_rated_as_the_users_own_fine_tune(
    catalog: Catalog,
) -> None:
    answers = {
        "use": "product imagery for our e-commerce site (2 million SKUs), some lifestyle shots",
        "vendors": "Adobe Firefly via Creative Cloud enterprise, Getty generative AI, and we are "
        "evaluating Stable Diffusion 3 self-hosted on our own GPUs",  # was a comment on Getty
        "content": "mostly products, occasionally people, logos",
        "jurisdictions": "EU, US, UK, Japan, Brazil",
        "indemnity": "Firefly and Getty both indemnify us, the self-hosted one obviously not",
        "review": "spot checks",
    }
    r = run(catalog, "diffusion-ip-risk", answers)
    working = r.figures[0].working or ""
    assert "own fine-tune" not in working and "an open model with no indemnity +1" in working
    titles = [s.title for s in r.sections]
    assert "Your own model" not in titles and "Open models you run yourself" in titles
    assert "Stable Diffusion 3" not in " ".join(
        next(s for s in r.sections if s.title == "Vendor questionnaire").items
    )
    assert "review every external image showing people or logos" in r.verdict


def test_a_high_image_risk_leads_the_roadmap_and_every_goal_is_read_for_what_it_is(
    catalog: Catalog,
) -> None:
    images = run(
        catalog,
        "diffusion-ip-risk",
        {
            "use": "ad creatives for clients",
            "vendors": "Midjourney, Adobe Firefly",
            "content": "celebs sometimes, logos",
            "indemnity": "not sure",
            "review": "spot checks",
        },
    )
    automation = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "client reporting decks, social media scheduling",
            "checkable": "we could check the decks against the client numbers",
            "error_cost": "an unhappy client",
            "value": "30k a month",
        },
    )
    earlier = (
        EarlierConsultation("diffusion-ip-risk", {}, images),
        EarlierConsultation("automation-frontier", {}, automation),
    )
    answers = {
        "team_size": "8 people",
        "constraints": "budget, skills",
        "goals": "win 2 new clients with AI-made campaigns, halve the time we spend on "
        "reporting decks",
    }
    r = run(catalog, "strategy-synthesis", answers, earlier=earlier)
    assert images.verdict.startswith("Risk: high")
    assert r.recommendations[0].title.startswith("Send the questionnaire")  # exposure first
    goals = next(s for s in r.sections if s.title == "Your goals and what serves them").items
    win, decks = goals
    assert "Pick the one AI offer customers would pay for" in win  # a revenue goal
    assert "Measure: paying customers" in win
    assert "Measure: the time in the goal" in decks  # "the time we spend" is time, not money
    assert "Put one model interface" not in decks


def test_a_one_person_roadmap_gives_a_pilot_the_time_one_person_needs(catalog: Catalog) -> None:
    answers = {
        "role": "hobbyist",
        "team_size": "just me",  # was "I need a number here"
        "ai_use": "llama.cpp on my gaming PC, ChatGPT free tier",
        "constraints": "money, my GPU is old",
        "goals": "build a local coding assistant that works offline",
    }
    r = run(catalog, "strategy-synthesis", answers)
    assert r.figure("Tracks at once").value == 1
    first = r.recommendations[0]
    assert first.title == "Pilot a small quantised open model on your own hardware"  # the goal
    assert first.horizon == "0-3 months"  # one person's pilot: a month of work, in a quarter
    assert r.recommendations[1].horizon == "3-6 months"  # the track is busy until then
    goals = next(s for s in r.sections if s.title == "Your goals and what serves them").items
    assert "no item here serves it" not in goals[0]


@pytest.mark.parametrize(
    ("typed", "people", "shown"),
    [("just me", 1, "1 person"), ("me and 2 contractors", 3, "3 people")],
)
def test_a_team_said_in_words_counts_the_speaker(
    catalog: Catalog, typed: str, people: int, shown: str
) -> None:
    question = catalog.by_slug("strategy-synthesis").question("team_size")
    a = parse_answer(question, typed)
    assert a.number == people and a.display(question) == shown


def test_a_workflow_worth_nothing_is_not_told_to_build_a_checker(catalog: Catalog) -> None:
    answers = {
        "workflows": "sorting my photo library, answering emails",
        "checkable": "photos I can check by eye, emails no way to check",
        "logs": "no",
        "error_cost": "nothing, I can undo",
        "value": "0",
    }
    r = run(catalog, "automation-frontier", answers)
    approach = {row[0]: row[2] for row in r.tables[0].rows}
    assert approach["sorting my photo library"].startswith("an assistant drafting")  # by eye
    assert "no value given" not in r.verdict + r.figures[0].display  # 0 was given
    assert r.verdict.startswith("Not yet: at $0 a month")
    assert all("checker" not in rec.title for rec in r.recommendations)


def test_a_goal_with_no_outcome_is_asked_to_name_one(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", {"goals": "do more with AI"})
    goals = next(s for s in r.sections if s.title == "Your goals and what serves them").items
    assert "it names no outcome to plan for" in goals[0] and "`edit 6`" in goals[0]


def test_images_published_everywhere_count_as_many_jurisdictions(catalog: Catalog) -> None:
    answers = {"jurisdictions": "everywhere I guess", "review": "me"}  # "me" was refused
    r = run(catalog, "diffusion-ip-risk", answers)
    assert "jurisdictions +1" in (r.figures[0].working or "")
    one = run(catalog, "diffusion-ip-risk", {"jurisdictions": "Germany", "review": "me"})
    assert "jurisdictions" not in (one.figures[0].working or "")


def test_an_answer_said_generally_then_per_workflow_keeps_the_general_part(
    catalog: Catalog,
) -> None:
    answers = {
        "workflows": "tier-2 support escalations, invoice exception handling",
        "error_cost": "a refund or an unhappy customer, actually could be a regulator fine "
        "for invoices",
    }
    r = run(catalog, "automation-frontier", answers)
    read = next(s for s in r.sections if s.title.startswith("How your answers were read"))
    line = next(ln for ln in read.items if ln.startswith("What does one wrong action cost?"))
    assert "tier-2 support escalations: Some money or an unhappy customer" in line  # not fines
    assert "invoice exception handling: Serious money" in line


def test_edge_says_why_local_when_it_costs_more_and_when_it_never_pays_back(
    catalog: Catalog,
) -> None:
    r = run(
        catalog,
        "edge-economics",
        {
            **EDGE,
            "requests": "800k",
            "tokens": "2000 in, 150 out",
            "price": "$0.80 / $4",
            "local_cost": "$41k hardware, $1k a month",
            "sensitivity": "customer PII, some health data",
        },
    )
    assert r.verdict.startswith("Hybrid")
    assert "local costs $379 a month more; the case for it is your regulated data" in r.summary
    payback = r.figure("Hardware payback")
    assert payback.display == "53.9 months"
    assert "does not pay back within the hardware's life" in (payback.working or "")
    cheap = run(catalog, "edge-economics", EDGE)  # local is cheaper: no such sentence
    assert "the case for it" not in cheap.summary
    assert "does not pay back" not in (cheap.figure("Hardware payback").working or "")


def test_convergence_counts_two_models_of_one_vendor_as_one_vendor(catalog: Catalog) -> None:
    """gpt-4o and gpt-4o-mini were two 'vendors': the upkeep of an extra vendor was charged
    for a second OpenAI model, and each was told to compete with the other."""
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "openai gpt-4o and gpt-4o-mini for the chatbot, anthropic claude 3.5 "
            "sonnet for coding and mistral large hosted in EU for the legal dept (GDPR)",
            "reasons": "gdpr mostly, plus claude is better at code",
            "monthly_spend": "$10k",
            "upkeep_days": "3 days",
        },
    )
    assert r.figure("Vendors in use").value == 3
    assert r.figure("Upkeep of extra vendors per month").value == 2 * 3 * 800
    lines = next(s for s in r.sections if s.title.startswith("Keep or cut")).items
    assert len(lines) == 2  # OpenAI and Claude are told the same, in one line
    openai = next(ln for ln in lines if "gpt-4o-mini" in ln)
    assert openai.startswith("Each of OpenAI (openai gpt-4o; gpt-4o-mini for the chatbot) and")
    mistral = next(ln for ln in lines if "mistral" in ln)
    claude = next(ln for ln in lines if "claude" in ln)
    assert "compliance" in mistral and "compliance" not in claude
    working = r.figure("Vendors in use").working
    assert working is not None and "OpenAI" in working


def test_convergence_never_sends_a_vendor_bound_by_compliance_to_another_vendor(
    catalog: Catalog,
) -> None:
    """A bank said compliance keeps it on Azure OpenAI; the report told it to add a hot
    standby 'on a second vendor' and that compliance 'argues for a second vendor'."""
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "Azure OpenAI only (GPT-4o), because of compliance we cannot use "
            "anything else",
            "reasons": "we only use one, compliance",
            "outage_tolerance": "instant",
        },
    )
    text = render_report_markdown(r)
    assert "on a second vendor" not in r.verdict
    assert "same compliance" in r.verdict
    assert "yet list one" not in r.summary
    assert "argues for a second vendor" not in text
    assert any(rec.owner == "compliance lead" for rec in r.recommendations)


def test_edge_hybrid_for_private_data_says_what_it_costs_over_the_api(catalog: Catalog) -> None:
    """Local cost 4x the API and never paid back, yet the verdict read 'Hybrid: pilot local
    inference' with no word that the data, not the money, is the reason."""
    answers = {
        **EDGE,
        "requests": "200k",
        "tokens": "3000 in, 500 out",
        "price": "$2.50 / $10",
        "latency": "batch",
        "sensitivity": "customer contracts",
        "local_cost": "$70,000 hardware, $3,000 a month",
    }
    r = run(catalog, "edge-economics", answers)
    assert r.figure("Monthly saving running locally").value < 0
    assert r.verdict.startswith("Hybrid")
    assert "confidential" in r.verdict
    assert "$3,694 a month more" in r.verdict


def test_telemetry_gives_each_failure_listed_with_commas_its_own_detector(
    catalog: Catalog,
) -> None:
    """The question's own example ('loops calling search, a refund approved on the wrong
    order') came back as one failure with 'a detector and a weekly count'."""
    answers = {
        "tools": "MCP servers for Zendesk + Stripe, internal SQL, web search",
        "failures": "loops calling search, refunds approved on the wrong order, and the model "
        "hallucinating tool args",
    }
    r = run(catalog, "reasoning-telemetry", answers)
    alerts = next(s for s in r.sections if s.title.startswith("Dashboards")).items
    known = [a for a in alerts if a.startswith("Your known failure")]
    assert len(known) == 3
    loops, wrong, args = known
    assert "loops calling search" in loops and "loop alert above" in loops
    assert "refunds approved on the wrong order" in wrong and "differs from" in wrong
    assert "hallucinating tool args" in args and "schema" in args


def test_telemetry_sizes_the_store_for_its_retention_and_checks_wrong_approvals(
    catalog: Catalog,
) -> None:
    """A bank keeping every run for years got only a per-day size (1.3 GB), and its known
    failure, an approval against the rules, got 'a detector and a weekly count'."""
    answers = {
        "failures": "it approved a KYC case with an expired passport",
        "audit": "yes the regulator can ask",
        "runs_per_day": "80k",
    }
    r = run(catalog, "reasoning-telemetry", answers)
    held = r.figure("Trace storage a year")
    assert held.display == "467.2 GB" and held.working == "1.3 GB a day × 365 days"
    alerts = next(s for s in r.sections if s.title.startswith("Dashboards")).items
    known = next(a for a in alerts if a.startswith("Your known failure"))
    assert "rule" in known and "a detector and a weekly count" not in known


def test_convergence_keeps_a_task_winner_when_capability_is_also_a_reason(
    catalog: Catalog,
) -> None:
    """'price, redundancy and each is better at something' got 'any others are cut' on every
    vendor: the stated reason that each wins its own task was dropped."""
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "GPT-4.1 for the assistant, Claude for coding, Gemini for extraction",
            "reasons": "price, redundancy and each is better at something",
        },
    )
    lines = next(s for s in r.sections if s.title.startswith("Keep or cut")).items
    assert all("primary candidate" in ln for ln in lines)
    assert all("unless it clearly wins its own task" in ln for ln in lines)
    assert not any(ln.endswith("any others are cut.") for ln in lines)


def test_roadmap_serves_a_goal_to_take_something_to_production(catalog: Catalog) -> None:
    """'get the underwriting assistant to production' was 'names no outcome: restate it';
    and the plan was priced in dollars though the goals were in euros."""
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "team_size": "40",
            "constraints": "regulation and budget",
            "goals": "cut claims handling time by 20%, get the underwriting assistant to "
            "production, keep AI spend under €300k",
        },
    )
    titles = [rec.title for rec in r.recommendations]
    assert any(t.startswith("Get the underwriting assistant to production:") for t in titles)
    goals = next(s for s in r.sections if s.title.startswith("Your goals")).items
    launch = next(g for g in goals if g.startswith("get the underwriting assistant"))
    assert "names no outcome" not in launch and "Measure: live in production" in launch
    assert r.figure("What the plan costs").display.startswith("about €")


def test_amounts_with_no_currency_are_said_to_be_shown_in_dollars(catalog: Catalog) -> None:
    bare = run(catalog, "model-convergence", {"monthly_spend": "40k"})
    assert any("had no currency: they are shown in US dollars" in a for a in bare.assumptions)
    typed = run(catalog, "model-convergence", {"monthly_spend": "€40k"})
    assert not any("no currency" in a for a in typed.assumptions)
    assert "€40,000" in typed.figure("Upkeep as a share of API spend").working  # type: ignore[operator]


def test_a_value_not_tied_to_the_picked_workflow_is_said_to_need_sizing(
    catalog: Catalog,
) -> None:
    """The claims adjusters' €50k was used to price the invoice prototype without a word."""
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "insurance claims intake from emails, supplier invoice matching",
            "checkable": "invoices yes against the ERP, claims only by a human adjuster",
            "logs": "yes, 5 years of claims with outcomes",
            "value": "maybe 40-60k EUR a month in adjuster time",
        },
    )
    assert r.verdict.startswith("Prototype supplier invoice matching now. Size its own value")
    assert "supplier invoice matching's own may be less" in (
        r.figure("Prototype payback").working or ""
    )


def test_image_vendors_are_asked_by_name_not_by_what_they_are_used_for(
    catalog: Catalog,
) -> None:
    r = run(
        catalog, "diffusion-ip-risk", {"vendors": "midjourney, and firefly for the social stuff"}
    )
    questions = next(s for s in r.sections if s.title == "Vendor questionnaire").items
    assert questions[0] == "Ask each of midjourney and firefly:"
    assert not any("social stuff" in x for x in questions)


def test_a_canon_entry_that_names_no_lab_is_left_out_and_said(catalog: Catalog) -> None:
    r = run(catalog, "research-curation", {"canon": "DeepMind, whoever does good eval work"})
    profile = next(s for s in r.sections if s.title.startswith("Your curation profile")).items
    canon = next(x for x in profile if x.startswith("Canon:"))
    assert canon.startswith("Canon: DeepMind; left out") and "whoever does good eval work" in canon


def test_an_embedding_model_is_not_consolidated_onto_a_chat_model(catalog: Catalog) -> None:
    """'consolidate Claude for code assist and Cohere for embeddings on one primary' was the
    advice: a chat model does not replace the model that makes the search vectors."""
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "GPT-4o for customer letters, Claude for code assist, Cohere for embeddings",
            "reasons": "redundancy",
        },
    )
    cohere = next(ln for ln in r.sections[0].items if ln.startswith("Cohere"))
    assert "— keep" in cohere and "embeddings" in cohere, cohere
    assert "primary candidate" not in cohere
    assert "Cohere" not in r.verdict.split(":")[0]
    assert not re.search(r"consolidate[^.]*Cohere", r.verdict), r.verdict


def test_a_retention_period_typed_with_the_audit_answer_sizes_the_store(catalog: Catalog) -> None:
    """'yes - ECB/EBA model risk rules, 7 years retention' was 'plan for years' and a year of
    storage."""
    r = run(
        catalog,
        "reasoning-telemetry",
        {"runs_per_day": "12000", "audit": "yes - ECB/EBA model risk rules, 7 years retention"},
    )
    held = r.figure("Trace storage held (7 years)")
    assert held.display == "490.6 GB" and "× 2,555 days" in (held.working or "")
    out = render_report_markdown(r)
    assert "for 7 years, as you said" in out and "plan for years" not in out


def test_the_loop_alert_names_a_tool_with_a_short_name(catalog: Catalog) -> None:
    r = run(
        catalog,
        "reasoning-telemetry",
        {
            "tools": "internal core banking API (REST), sanctions screening service, document OCR",
            "failures": "wrong customer record pulled into a memo; agent looping on OCR retries",
        },
    )
    out = render_report_markdown(r)
    assert "Loops: document OCR (or any tool)" in out


def test_consolidating_keeps_one_vendor_rather_than_cutting_every_one(catalog: Catalog) -> None:
    """'Consolidate on one primary' above three lines that each said 'cut after a two-week
    side-by-side': the executive is left with no vendor."""
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "ChatGPT Team for copy, Claude for strategy decks, Jasper (legacy), "
            "Midjourney for visuals",
            "reasons": "diversity of ideas mainly",
        },
    )
    assert r.verdict.startswith("Consolidate on one primary")
    texts = [ln for ln in section_items(r, "Keep or cut") if not ln.startswith("Midjourney")]
    assert texts == [  # one line for the three, each a candidate to stay
        "Each of ChatGPT Team for copy, Claude for strategy decks and Jasper (legacy) — primary "
        "candidate: a two-week side-by-side on your tasks decides; the winner becomes primary "
        "and the others are cut, since convergence means one should match them."
    ]


def section_items(r: Report, start: str) -> tuple[str, ...]:
    return next(s for s in r.sections if s.title.startswith(start)).items


def test_a_simulated_control_workflow_checks_the_simulator_not_a_language_models_pass_at_k(
    catalog: Catalog,
) -> None:
    """Warehouse slotting in a digital twin was told to 'measure the base model's pass@k'."""
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "tier-2 support escalations; warehouse slotting; supplier invoices",
            "why_shelved": "edge cases everywhere",
            "checkable": "slotting can be simulated (we have a digital twin), invoices can be "
            "checked against POs, escalations only a human can judge",
            "value": "€60k a month",
        },
    )
    assert r.verdict.startswith("Prototype warehouse slotting")
    titles = [x.title for x in r.recommendations]
    assert "Measure the base model's pass@k first" not in titles, titles
    assert any(t.startswith("Check the simulator against real outcomes first") for t in titles)
    assert "policy in the simulator" in r.recommendations[-1].detail


def test_a_hedge_in_the_canon_list_names_no_lab(catalog: Catalog) -> None:
    r = run(
        catalog,
        "research-curation",
        {"canon": "DeepMind, Qwen team, Tri Dao, not sure about others"},
    )
    canon = next(x for s in r.sections for x in s.items if x.startswith("Canon:"))
    assert canon.startswith("Canon: DeepMind, Qwen team, Tri Dao; left out"), canon


def test_an_approach_shared_by_several_workflows_is_said_once(catalog: Catalog) -> None:
    """Three workflows checkable the same way got the same approach sentence three times, and
    the same reading of the checkability answer three times."""
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "invoice exception handling, tier-2 support escalations, contract "
            "review, warehouse slotting",
            "checkable": "warehouse slotting we can simulate, the rest checked against the ERP",
        },
    )
    out = render_report_markdown(r)
    assert out.count("an automatic checker accepting them") == 1
    assert out.count("from the part of your answer naming no workflow") == 1
    assert section_items(r, "Approach per workflow") == (
        "Each of invoice exception handling, tier-2 support escalations and contract review — "
        "an LLM agent proposing actions, an automatic checker accepting them, and best-of-k "
        "sampling before any fine-tuning.",
        "warehouse slotting — goal-conditioned RL in your simulator, then a shadow run against "
        "real outcomes.",
    )


def test_the_vendor_questionnaire_asks_each_question_once(catalog: Catalog) -> None:
    """Four vendors got 'Midjourney: how many images…', 'Adobe Firefly: how many images…'
    and so on: the same two questions four times over. Only the indemnity question differs
    between vendors whose terms the answer told apart."""
    r = run(
        catalog,
        "diffusion-ip-risk",
        {
            "vendors": "Midjourney, Adobe Firefly, DALL-E 3, Stable Diffusion via Stability API",
            "indemnity": "Adobe covers us, Midjourney does not, not sure about the others",
        },
    )
    out = render_report_markdown(r).casefold()
    assert out.count("how many images was the model trained on") == 1
    assert out.count("stopped before memorisation set in") == 1
    questions = section_items(r, "Vendor questionnaire")
    assert questions[0] == "Ask each of Midjourney, Adobe Firefly, DALL-E 3 and Stable Diffusion:"
    assert (
        "What indemnity do you give for IP claims, with what cap and conditions? (to "
        "Midjourney, DALL-E 3 and Stable Diffusion)" in questions
    )
    assert any(q.endswith("(to Adobe Firefly, which you said indemnifies you)") for q in questions)


def test_a_transcription_model_does_not_take_the_language_model_of_its_maker_with_it(
    catalog: Catalog,
) -> None:
    """A hospital's 'Azure OpenAI (GPT-4o) for discharge letters' and 'Whisper for dictation'
    were one vendor, OpenAI, set apart as transcripts: the verdict read 'Keep your single
    vendor' though GPT-4o writes its discharge letters."""
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "Azure OpenAI (GPT-4o) for discharge letter drafts, a self-hosted Llama 3 "
            "70B on prem for anything with patient data, Whisper for dictation transcription",
            "reasons": "HIPAA / patient data must stay on prem, plus redundancy",
        },
    )
    assert r.verdict.startswith("Restructure: keep self-hosted Llama 3 70B on prem"), r.verdict
    assert "Azure OpenAI (GPT-4o) for discharge letter drafts stays the primary" in r.verdict
    assert "Keep Whisper for dictation transcription apart: it makes transcripts" in r.verdict
    whisper = next(ln for ln in section_items(r, "Keep or cut") if ln.startswith("Whisper"))
    assert "judge it on your own transcription set" in whisper


def test_a_voice_model_is_not_judged_as_a_language_model(catalog: Catalog) -> None:
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "Claude for dialogue drafts, GPT-4o for quest text, ElevenLabs for voice",
            "reasons": "variety of ideas, each is good at different things",
        },
    )
    voice = next(ln for ln in section_items(r, "Keep or cut") if ln.startswith("ElevenLabs"))
    assert "it makes speech, not answers" in voice and "your own voice set" in voice


def test_compliance_alone_does_not_become_each_is_best_at_something(catalog: Catalog) -> None:
    """A public agency gave only data sovereignty as its reason; the vendors compliance does
    not bind were told 'keep only if your side-by-side shows it clearly better on its task',
    a reason it never gave, under a verdict to consolidate them."""
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "Azure OpenAI in the EU region for citizen letters, Aleph Alpha for the "
            "internal search, Mistral for translations",
            "reasons": "data sovereignty rules, GDPR",
            "outage_tolerance": "hours",
        },
    )
    assert "consolidate Aleph Alpha for the internal search and Mistral" in r.verdict
    free = next(ln for ln in section_items(r, "Keep or cut") if ln.startswith("Each of"))
    assert "clearly better on its task" not in free
    assert "the winner becomes primary and the others are cut" in free


def test_a_hedge_is_not_a_lab_in_the_canon(catalog: Catalog) -> None:
    """'no idea honestly, maybe Hugging Face' put 'honestly' in the canon as a lab; and
    'Allen Institute for AI, Mistral (left out, …: whoever is independent)' read as if Mistral
    were left out."""
    r = run(catalog, "research-curation", {"canon": "no idea honestly, maybe Hugging Face"})
    canon = next(x for x in section_items(r, "Your curation profile") if x.startswith("Canon:"))
    assert canon.startswith("Canon: Hugging Face;"), canon
    r = run(
        catalog,
        "research-curation",
        {"canon": "Allen Institute for AI, Mistral, whoever is independent"},
    )
    canon = next(x for x in section_items(r, "Your curation profile") if x.startswith("Canon:"))
    assert canon == (
        "Canon: Allen Institute for AI, Mistral; left out, as it names no lab or author: "
        "whoever is independent"
    )


def test_patient_leaflets_are_published_and_a_model_on_our_gpus_is_not_a_vendor(
    catalog: Catalog,
) -> None:
    """'patient education leaflets and internal training slides' was rated as internal use
    only (−1); 'Stable Diffusion on our GPUs' was a vendor whose contract should be tightened."""
    r = run(
        catalog,
        "diffusion-ip-risk",
        {"use": "patient education leaflets and internal training slides"},
    )
    assert "public or commercial use +1" in (r.figure("Risk score").working or "")
    assert "internal use only" not in (r.figure("Risk score").working or "")
    r = run(
        catalog,
        "diffusion-ip-risk",
        {"vendors": "Midjourney, Stable Diffusion on our GPUs", "indemnity": "none"},
    )
    assert section_items(r, "Vendor questionnaire")[0] == "Ask Midjourney:"
    assert any(s.title == "Open models you run yourself" for s in r.sections)


def test_a_high_risk_verdict_reads_each_vendors_terms_and_the_review_held(
    catalog: Catalog,
) -> None:
    """'Midjourney does not, not sure about the others' gave 'Tighten the vendor contracts' for
    contracts nobody had read; and 'our designer checks each one' was told to 'have a person
    review every external image showing logos'."""
    r = run(
        catalog,
        "diffusion-ip-risk",
        {
            "use": "product marketing visuals",
            "vendors": "Midjourney, Adobe Firefly, DALL-E 3",
            "content": "brands, competitor logos could sneak in",
            "jurisdictions": "US, EU, UK",
            "indemnity": "Adobe covers us, Midjourney does not, not sure about DALL-E",
            "review": "our designer checks each one",
        },
    )
    assert r.verdict.startswith("Risk: high. Tighten the Midjourney contract, read the IP clause")
    assert "DALL-E 3 contract" in r.verdict
    assert "add a reverse image search to every review" in r.verdict
    assert "have a person review every external image" not in r.verdict


def test_three_vendors_kept_for_residency_back_up_the_other_vendors(catalog: Catalog) -> None:
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "GPT-4o for letters, Claude for code, Gemini for summaries",
            "reasons": "gdpr and data residency",
        },
    )
    (line,) = section_items(r, "Keep or cut")
    assert "for the other vendors' tasks" in line and "other vendor's" not in line


def test_the_curation_summary_addresses_the_role_not_its_decisions(catalog: Catalog) -> None:
    """'cofounder/CTO, what to build on and whether to fine-tune' was addressed as 'For you as
    cofounder/CTO, what to build on and whether to fine-tune:'."""
    r = run(
        catalog,
        "research-curation",
        {"role": "cofounder/CTO, what to build on and whether to fine-tune"},
    )
    assert r.summary.startswith("For you as cofounder/CTO: NeurIPS 2025")
