"""What each persona's reports must say (issue 14): decisions that follow from their answers."""

from __future__ import annotations

import itertools
import re

import pytest

from consultations.advisors.synthesis_items import from_report
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from consultations.report import Report
from tests.personas import (
    AGENCY,
    BANK,
    DISTRIBUTOR,
    ENTERPRISE,
    LEGALTECH,
    PERSONAS,
    SOLO,
    STARTUP,
    Persona,
    history,
    report_for,
)

CASES = [(p, slug) for p in PERSONAS for slug in p.answers]


def text(r: Report) -> str:
    return render_report_markdown(r)


def section(r: Report, start: str) -> tuple[str, ...]:
    return next(s for s in r.sections if s.title.startswith(start)).items


def lines(r: Report) -> list[str]:
    """The report's content lines (bullets, steps, table rows), not its headings."""
    out = [ln.strip() for ln in text(r).splitlines()]
    return [ln for ln in out if ln and not ln.startswith(("**", "```", "--"))]


@pytest.mark.parametrize(("persona", "slug"), CASES, ids=lambda x: getattr(x, "name", x))
def test_every_persona_report_reads_right(catalog: Catalog, persona: Persona, slug: str) -> None:
    r = report_for(catalog, persona, slug)
    assert Report.model_validate_json(r.model_dump_json()) == r
    out = text(r)
    for bad in ("(s)", "$-", "€-", "1 hours", "Act on ", "ask the questions below"):
        assert bad not in out, f"{persona.name}/{slug}: {bad!r} in the report"
    assert not re.search(r"\b(?:nan|inf)\b", out), f"{persona.name}/{slug}: a non-number shown"


# --- model convergence ---------------------------------------------------------------------


def test_bank_gets_a_hot_standby_and_keeps_its_compliance_reason(catalog: Catalog) -> None:
    r = report_for(catalog, BANK, "model-convergence")
    assert "complian" in r.verdict.casefold() or "residency" in r.verdict.casefold()
    out = text(r).casefold()
    assert "hot standby" in out and "warm backup" not in out
    per_vendor = section(r, "Keep or cut")
    assert not any(" — cut" in ln for ln in per_vendor), per_vendor


def test_minutes_of_tolerance_gets_a_warm_backup_not_a_hot_standby(catalog: Catalog) -> None:
    instant = report_for(catalog, BANK, "model-convergence")
    minutes = report_for(catalog, BANK, "model-convergence", overrides={"outage_tolerance": "2"})
    assert "hot standby" in text(instant) and "hot standby" not in text(minutes)
    assert "warm backup" in text(minutes)


def test_agency_keeps_its_copywriter_and_hears_about_diversity(catalog: Catalog) -> None:
    r = report_for(catalog, AGENCY, "model-convergence")
    per_vendor = section(r, "Keep or cut")
    gpt = next(ln for ln in per_vendor if ln.startswith("GPT-4o"))
    assert " — keep" in gpt and "image" in gpt.casefold()  # different work: not a substitute
    assert "divers" in r.verdict.casefold()


def test_a_single_vendor_is_a_valid_answer(catalog: Catalog) -> None:
    for persona in (STARTUP, SOLO):
        r = report_for(catalog, persona, "model-convergence")
        assert "one vendor" in r.verdict.casefold() or "single vendor" in r.verdict.casefold()
        assert not any(" — cut" in ln for ln in section(r, "Keep or cut"))


def test_the_primary_is_not_picked_by_list_order(catalog: Catalog) -> None:
    r = report_for(catalog, ENTERPRISE, "model-convergence")
    flipped = report_for(
        catalog,
        ENTERPRISE,
        "model-convergence",
        overrides={
            "vendors": "Gemini for summaries, Claude for code review, GPT-4o for support chat"
        },
    )

    def said(lines: tuple[str, ...]) -> list[str]:  # what each line tells, whatever the order
        return sorted(ln.split(" — ", 1)[1] for ln in lines)

    assert said(section(r, "Keep or cut")) == said(section(flipped, "Keep or cut"))
    assert "cheapest" in text(r).casefold()  # price as a reason keeps the cheapest capable one


# --- attention ------------------------------------------------------------------------------


def test_startup_chunker_is_not_retired_when_long_context_costs_more_than_its_spend(
    catalog: Catalog,
) -> None:
    r = report_for(catalog, STARTUP, "attention-readiness")
    call = section(r, "Retire")[0]
    assert " — retire" not in call
    assert r.figure("Whole-document input per month").value == pytest.approx(36_000)
    assert "$36,000" in r.verdict and "(the figures above)" in call  # said once, pointed to


def test_bank_never_simplifies_first_what_it_keeps(catalog: Catalog) -> None:
    r = report_for(catalog, BANK, "attention-readiness")
    calls = section(r, "Retire")
    kept = [c.split(" — ")[0] for c in calls if " — keep" in c]
    assert kept == ["loan-contract chunker with permission-aware vector search"]
    assert not any(k in r.verdict for k in kept)
    assert not any(k in rec.title for rec in r.recommendations for k in kept)


def test_agency_retires_its_summariser_because_decks_fit(catalog: Catalog) -> None:
    r = report_for(catalog, AGENCY, "attention-readiness")
    assert " — retire" in section(r, "Retire")[0]


# --- edge economics -------------------------------------------------------------------------


def test_edge_compares_with_the_model_used_today_not_the_same_model(catalog: Catalog) -> None:
    r = report_for(catalog, STARTUP, "edge-economics")
    out = text(r)
    assert "inside your tolerance" not in out
    assert "today's model" in out or "the model you use today" in out


def test_bank_at_one_percent_gets_a_different_pilot_and_redundant_local_servers(
    catalog: Catalog,
) -> None:
    bank = report_for(catalog, BANK, "edge-economics")
    startup = report_for(catalog, STARTUP, "edge-economics")
    assert [x.title for x in bank.recommendations] != [x.title for x in startup.recommendations]
    out = text(bank)
    assert "8-bit" in out
    assert "Sensitive requests stay local only" not in out
    assert "second server" in out  # regulated data cannot fall back to the API


def test_batch_work_uses_batch_prices_and_needs_no_peak_capacity(catalog: Catalog) -> None:
    batch = report_for(catalog, ENTERPRISE, "edge-economics")
    live = report_for(catalog, ENTERPRISE, "edge-economics", overrides={"latency": "2"})
    assert batch.figure("API total per month").value == pytest.approx(
        live.figure("API total per month").value / 2
    )
    assert "batch" in batch.figure("API total per month").working.casefold()  # type: ignore[union-attr]
    assert "peak" not in " ".join(batch.caveats + batch.assumptions).casefold()
    assert "peak" in " ".join(live.caveats + live.assumptions).casefold()


def test_solo_developer_never_pays_back_and_the_report_survives_storage(catalog: Catalog) -> None:
    r = report_for(catalog, SOLO, "edge-economics")
    assert r.verdict.startswith("Stay on the API")
    assert r.figure("Hardware payback").value is None
    assert r.figure("Hardware payback").display == "never"
    assert r.figure("Monthly saving running locally").display.startswith("−$")
    assert Report.model_validate_json(r.model_dump_json()) == r


# --- telemetry ------------------------------------------------------------------------------


def test_bank_audit_trail_can_reconstruct_every_decision(catalog: Catalog) -> None:
    r = report_for(catalog, BANK, "reasoning-telemetry")
    out = text(r).casefold()
    assert "reconstruct" in out
    assert "after redaction" not in out and "redaction before storage" not in out


def test_telemetry_reports_differ_between_personas(catalog: Catalog) -> None:
    reports = [report_for(catalog, p, "reasoning-telemetry") for p in (BANK, STARTUP, AGENCY)]
    sets = [set(lines(r)) for r in reports]
    shared = set.intersection(*sets)
    assert len(shared) < 0.4 * min(len(s) for s in sets), sorted(shared)


def test_reasoning_telemetry_is_credited_to_the_labs_not_the_rlvr_paper(catalog: Catalog) -> None:
    r = report_for(catalog, STARTUP, "reasoning-telemetry")
    assert "labs" in r.summary


# --- diffusion IP ---------------------------------------------------------------------------


def test_agency_never_sends_a_questionnaire_to_itself(catalog: Catalog) -> None:
    r = report_for(catalog, AGENCY, "diffusion-ip-risk")
    assert not any("in-house" in q for q in section(r, "Vendor questionnaire"))
    assert not any(
        "in-house" in rec.detail
        for rec in r.recommendations
        if "questionnaire" in rec.title.casefold()
    )
    own = " ".join(section(r, "Your own model"))
    assert "small" in own and "memoris" in own  # small fine-tuning sets memorise sooner
    assert r.verdict.startswith("Risk: high")


def test_an_indemnified_user_gets_no_indemnity_step(catalog: Catalog) -> None:
    bank = report_for(catalog, BANK, "diffusion-ip-risk")
    agency = report_for(catalog, AGENCY, "diffusion-ip-risk")
    assert not any("indemnit" in rec.title.casefold() for rec in bank.recommendations)
    assert any("indemnit" in rec.title.casefold() for rec in agency.recommendations)


def test_ip_ratings_differ_sensibly(catalog: Catalog) -> None:
    assert report_for(catalog, STARTUP, "diffusion-ip-risk").verdict.startswith("Risk: low")
    assert report_for(catalog, AGENCY, "diffusion-ip-risk").verdict.startswith("Risk: high")


# --- automation -----------------------------------------------------------------------------


def test_not_yet_means_no_prototype_and_no_sampling_a_person_must_judge(catalog: Catalog) -> None:
    r = report_for(catalog, STARTUP, "automation-frontier")
    assert r.verdict.startswith("Not yet")
    titles = " ".join(rec.title for rec in r.recommendations).casefold()
    assert "prototype" not in titles and "pass@k" not in titles
    assert "64 attempts" not in text(r)


def test_no_invented_value_per_workflow(catalog: Catalog) -> None:
    for persona in (BANK, STARTUP, AGENCY):
        r = report_for(catalog, persona, "automation-frontier")
        out = text(r)
        assert "15% below" not in out
        cells = [cell for row in r.tables[0].rows for cell in row]
        assert not any(sym in cell for cell in cells for sym in "$€£"), cells
        # the one value the user gave is used as given, for the payback only
        assert r.figure("Prototype payback").working.count("a month") == 1  # type: ignore[union-attr]


def test_bank_prototype_keeps_a_person_approving_every_action(catalog: Catalog) -> None:
    r = report_for(catalog, BANK, "automation-frontier")
    assert r.verdict.startswith("Prototype")
    assert "approves every action" in text(r)


# --- research curation ----------------------------------------------------------------------


def test_daily_digest_fits_the_weekly_reading_budget_or_says_so(catalog: Catalog) -> None:
    r = report_for(catalog, STARTUP, "research-curation")
    per = r.figure("Papers per digest").value
    assert per is not None
    out = text(r)
    weekly_minutes = per * 7 * 15
    assert weekly_minutes <= 60 or "more than your" in out
    assert "1 hour a week" in out


def test_weekly_digest_matches_the_budget(catalog: Catalog) -> None:
    r = report_for(catalog, AGENCY, "research-curation")
    assert r.figure("Papers per digest").value == 8


# --- strategy synthesis ---------------------------------------------------------------------


def synthesis(catalog: Catalog, persona: Persona) -> Report:
    return report_for(catalog, persona, "strategy-synthesis", earlier=history(catalog, persona))


def tracks(r: Report) -> int:
    return int(r.figure("Tracks at once").value or 0)


def test_a_small_team_never_gets_more_first_quarter_items_than_tracks(catalog: Catalog) -> None:
    for persona in (STARTUP, SOLO, BANK, AGENCY):
        r = (
            synthesis(catalog, persona)
            if persona is not SOLO
            else report_for(catalog, SOLO, "strategy-synthesis", earlier=history(catalog, SOLO))
        )
        first = [x for x in r.recommendations if (x.horizon or "").startswith("0-")]  # 0-6 too
        assert 1 <= len(first) <= tracks(r), (persona.name, [x.title for x in first])
    assert tracks(synthesis(catalog, STARTUP)) == 1


def test_roadmap_owners_are_roles_and_no_item_reruns_a_consultation(catalog: Catalog) -> None:
    for persona in (BANK, STARTUP, AGENCY):
        r = synthesis(catalog, persona)
        for rec in r.recommendations:
            assert rec.owner and rec.owner != "you"
            assert not rec.title.startswith("Act on")
            assert not re.search(r"\(consultation \d\)", rec.title + rec.detail), rec


def test_roadmaps_differ_beyond_names(catalog: Catalog) -> None:
    titles = {
        p.name: {r.title for r in synthesis(catalog, p).recommendations}
        for p in (BANK, STARTUP, AGENCY)
    }
    for a, b in itertools.combinations(titles, 2):
        shared = titles[a] & titles[b]
        assert len(shared) <= len(titles[a]) // 2, (a, b, shared)


def test_goals_keep_their_thousands_and_each_has_items_and_a_measure(catalog: Catalog) -> None:
    r = synthesis(catalog, AGENCY)
    goals = section(r, "Your goals")
    assert goals[0].startswith("publish 5,000 generated images a week")
    assert len(goals) == 2
    for g in goals:
        assert "served by" in g and "measure" in g.casefold()


def test_the_bank_keeps_its_residency_choice(catalog: Catalog) -> None:
    r = synthesis(catalog, BANK)
    out = text(r).casefold()
    assert "move the most sensitive workload" not in out


def test_missing_consultations_are_named(catalog: Catalog) -> None:
    alone = report_for(catalog, SOLO, "strategy-synthesis", earlier=history(catalog, SOLO))
    missing = " ".join(section(alone, "Consultations not yet run"))
    assert "Attention Infrastructure Readiness" in missing
    assert "Edge Deployment Economics" not in missing


def test_earlier_verdicts_become_their_next_steps(catalog: Catalog) -> None:
    r = synthesis(catalog, STARTUP)
    edge = report_for(catalog, STARTUP, "edge-economics")
    out = text(r)
    assert edge.verdict in out
    first = next(x for x in r.recommendations if (x.horizon or "").startswith("0-"))
    assert first.depends_on is None or isinstance(first.depends_on, str)


def test_a_single_vendor_user_gets_through_the_consultation(catalog: Catalog) -> None:
    """Issue 14: 'Why do you use more than one?' re-asked until a reason was picked."""
    from tests.unit.test_engine import begin, step

    script = catalog.by_slug("model-convergence")
    d = step(script, begin(script).consultation, "Claude Sonnet for our product's answers")
    d = step(script, d.consultation, "we only use one")
    assert d.changed and d.consultation.answers["reasons"].choices == ("single",)


def test_workflows_the_answers_cannot_separate_are_not_picked_by_list_order(
    catalog: Catalog,
) -> None:
    r = report_for(catalog, STARTUP, "automation-frontier")
    assert "customer onboarding calls or sales-lead qualification" in r.verdict
    assert "value decides" in r.verdict
    assert section(r, "What decides between the leaders")


def test_bank_vendor_steps_stay_inside_its_residency_rules(catalog: Catalog) -> None:
    r = synthesis(catalog, BANK)
    vendor_steps = [
        x
        for x in r.recommendations
        if "vendor" in (x.title + x.detail).casefold() and "residency" not in x.title
    ]  # the residency map itself names vendors: it is the rule, not a step under it
    assert vendor_steps
    assert all("data-residency" in x.detail for x in vendor_steps)
    startup = synthesis(catalog, STARTUP)
    assert not any("data-residency" in x.detail for x in startup.recommendations)


def test_a_goal_on_api_spend_is_served_by_what_cuts_model_spend_not_by_automation(
    catalog: Catalog,
) -> None:
    """'cut API spend by half' is the edge pilot's or the vendor evaluation's goal; a redlining
    prototype saves lawyers' time, not tokens."""
    r = synthesis(catalog, LEGALTECH)
    spend = next(g for g in section(r, "Your goals") if g.startswith("cut API spend"))
    served = spend.split(" — served by: ")[1].split(". Measure:")[0]
    assert "redlining" not in served and "pass@k" not in served, spend
    assert "pilot a quantised" in served.casefold() or "primary" in served, spend


def test_a_compliance_certification_goal_is_read_as_audit_work(catalog: Catalog) -> None:
    r = synthesis(catalog, LEGALTECH)
    soc2 = next(g for g in section(r, "Your goals") if g.startswith("stay SOC2"))
    assert "the number in the goal" not in soc2, soc2  # it has no number
    assert "no item here serves it" not in soc2, soc2


def test_a_residency_goal_is_served_after_the_vendor_consultation_too(catalog: Catalog) -> None:
    """The bank ran model convergence, then asked for 'no customer data outside the EU': it
    was 'no item here serves it', as if the vendor consultation had mapped where data goes."""
    r = report_for(
        catalog,
        BANK,
        "strategy-synthesis",
        earlier=history(catalog, BANK),
        overrides={"goals": "cut loan-review time by 30%; no customer data outside the EU"},
    )
    eu = next(g for g in section(r, "Your goals") if g.startswith("no customer data"))
    assert "no item here serves it" not in eu, eu
    assert "where each workload's data" in eu, eu


def test_an_ip_goal_is_served_by_the_image_risk_steps(catalog: Catalog) -> None:
    """'zero IP complaints from clients' was 'names no outcome: restate it', while the plan's
    first item was the IP questionnaire and publishing controls."""
    r = report_for(
        catalog,
        AGENCY,
        "strategy-synthesis",
        earlier=history(catalog, AGENCY),
        overrides={"goals": "zero IP complaints from clients"},
    )
    ip = section(r, "Your goals")[0]
    assert "names no outcome" not in ip and "no item here serves it" not in ip, ip
    assert "questionnaire" in ip.casefold() or "controls" in ip.casefold(), ip


def test_every_step_packaged_into_a_roadmap_item_is_named_in_its_title(catalog: Catalog) -> None:
    """'Send the questionnaire, then put the controls…' carried a third step's detail ('Whether
    it indemnifies you…') with no title saying what that step was."""
    ip = report_for(catalog, AGENCY, "diffusion-ip-risk", overrides={"indemnity": "no idea"})
    first = from_report("diffusion-ip-risk", ip)[0]
    packaged = [x for x in ip.recommendations if x.detail.rstrip(".") in first.detail]
    assert len(packaged) >= 3, first.detail
    for step in packaged:
        assert step.title[1:].casefold() in first.title.casefold(), (step.title, first.title)


def test_a_goal_naming_one_shelved_workflow_is_not_served_by_another(catalog: Catalog) -> None:
    """'cut support cost per ticket by 25%' was served by 'Define success for warehouse
    slotting' and measured by model spend."""
    r = synthesis(catalog, DISTRIBUTOR)
    goals = section(r, "Your goals")
    support = next(g for g in goals if g.startswith("cut support cost"))
    assert "slotting" not in support.split(". Measure:")[0], support
    assert "monthly model spend" not in support, support
    slotting = next(g for g in goals if g.startswith("prototype slotting"))
    assert "warehouse slotting" in slotting, slotting


def test_a_latency_goal_in_figures_is_served(catalog: Catalog) -> None:
    """'keep p95 under 1s' was 'no item here serves it'."""
    r = synthesis(catalog, DISTRIBUTOR)
    p95 = next(g for g in section(r, "Your goals") if g.startswith("keep p95"))
    assert "no item here serves it" not in p95, p95
    assert "p95 latency" in p95.split(". Measure:")[1], p95


def test_the_stop_list_carries_the_earlier_verdicts_that_cut_or_forbid(catalog: Catalog) -> None:
    """The agency's roadmap said 'Consolidate on one primary' and 'Risk: high' upstream, yet
    its stop list named neither the vendors to cut nor images going out unreviewed."""
    r = report_for(
        catalog,
        AGENCY,
        "strategy-synthesis",
        earlier=history(catalog, AGENCY),
    )
    verdicts = " ".join(x for x in section(r, "Built on your earlier"))
    stop = " ".join(section(r, "What to stop"))
    if "Model Convergence Strategy — earlier verdict: Consolidate" in verdicts:
        assert "vendors your side-by-side does not keep" in stop, stop
    if "earlier verdict: Risk: high" in verdicts:
        assert "Stop publishing generated images without the review" in stop, stop
    assert "earlier verdict: Risk: high" in verdicts or "Consolidate" in verdicts, verdicts
