"""Who debugs the agents, as people say it: 'nobody really, the on-call dev' names the on-call
dev, and no one is addressed as 'nobody really'."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run, section_items


def test_nobody_really_then_a_person_names_that_person(catalog: Catalog) -> None:
    text = render_report_markdown(
        run(catalog, "reasoning-telemetry", {"blind_spots": "nobody really, the on-call dev"})
    )
    assert "For the on-call dev:" in text
    assert "weekly review of the worst runs with the on-call dev." in text
    assert "nobody really" not in text.casefold()
    assert "cannot answer today: the on-call dev" not in text


@pytest.mark.parametrize(
    ("typed", "who", "gap"),
    [
        (
            "nobody really, the on-call dev; they cannot see why a tool was chosen",
            "the on-call dev",
            "why a tool was chosen",
        ),
        ("on-call SREs; they cannot see why a tool was chosen", "the on-call SREs", "why a tool"),
    ],
)
def test_who_and_what_they_cannot_answer_are_both_kept(
    catalog: Catalog, typed: str, who: str, gap: str
) -> None:
    text = render_report_markdown(run(catalog, "reasoning-telemetry", {"blind_spots": typed}))
    assert f"with {who}, starting from what they cannot answer today: {gap}" in text


def test_nobody_at_all_asks_for_an_owner(catalog: Catalog) -> None:
    text = render_report_markdown(
        run(catalog, "reasoning-telemetry", {"blind_spots": "no one in particular"})
    )
    assert "an owner you name (nobody debugs them today)" in text


SOLO = {
    "agents": "just a little slack bot that answers HR questions",
    "tools": "openai function calling, reads our notion",
    "failures": "sometimes it makes stuff up",
    "stack": "print statements",
    "audit": "nah",
    "runs_per_day": "maybe 50 a day",
    "blind_spots": "me",
}


def test_a_one_person_bot_gets_a_report_addressed_to_that_person(catalog: Catalog) -> None:
    r = run(catalog, "reasoning-telemetry", SOLO)
    text = render_report_markdown(r)
    assert "your little slack bot that answers HR questions" in r.verdict
    assert "For you:" in text
    assert "cannot answer today: me" not in text
    assert "makes stuff up: grade a weekly sample of runs by hand" in text
    assert {rec.owner for rec in r.recommendations} == {"you"}  # the one who debugs it builds it


def test_a_bank_keeps_its_teams(catalog: Catalog) -> None:
    answers = {**SOLO, "audit": "yes, BaFin can ask", "runs_per_day": "2.500 runs a day"}
    r = run(catalog, "reasoning-telemetry", answers)
    owners = {rec.owner for rec in r.recommendations}
    assert {"compliance lead", "platform team"} <= owners


def test_an_agent_with_no_tools_gets_no_alerts_on_a_tool_called_none(catalog: Catalog) -> None:
    """'none, it just answers from the prompt' was a tool: 'Loops: it just answers from the
    prompt (or any tool) called with the same arguments more than 3 times'."""
    r = run(catalog, "reasoning-telemetry", {"tools": "none, it just answers from the prompt"})
    text = render_report_markdown(r)
    assert "answers from the prompt" not in text
    assert "Tool error rate" not in text
    assert "Loops: a run taking more than twice its agent's usual number of steps" in text
    assert "No tools named" in text


def test_i_dont_know_yet_at_the_failures_asks_for_a_guess(catalog: Catalog) -> None:
    """'don't know yet' became a known failure: 'Your known failure — don't know yet'."""
    from consultations import engine
    from tests.unit.test_engine import begin, step

    script = catalog.by_slug("reasoning-telemetry")
    d = begin(script)
    for text in ("a customer chatbot", "search", "don't know yet"):
        d = step(script, d.consultation, text)
    assert "failures" not in d.consultation.answers
    assert isinstance(d.outcome, engine.Asked) and "rough guess" in (d.outcome.reason or "")


BANK_AGENTS = {
    "agents": "KYC document checker (LangGraph), a credit-memo drafter, and we're piloting an "
    "agent that reconciles payments",
    "tools": "MCP: core banking API (read-only), document OCR, sanctions-screening service; plus "
    "web search for the KYC one",
    "failures": "it approved a KYC case with an expired passport; the reconciler looped 40 times "
    "on a timeout",
    "stack": "Splunk + Dynatrace, no tracing",
    "audit": "yes, BaFin and internal audit, 10 years",
    "runs_per_day": "~3.000 runs/day across all",
    "blind_spots": "model risk team + on-call devs; they can't reconstruct why a case was approved",
}


def test_a_banks_agents_tools_and_debuggers_are_each_named(catalog: Catalog) -> None:
    """The verdict traced 'we're piloting an agent that reconciles payments', the loop alert
    watched 'MCP: core banking API (read-only), document OCR, sanctions-screening service' as
    one tool, and the review was 'with whoever debugs the agents'."""
    r = run(catalog, "reasoning-telemetry", BANK_AGENTS)
    assert "and agent that reconciles payments" in r.verdict
    assert "we're piloting" not in r.verdict
    text = render_report_markdown(r)
    assert "per tool: core banking API (read-only) via MCP, document OCR via MCP," in text
    assert "Loops: any tool" in text  # "looped 40 times on a timeout" names no tool
    assert "For the model risk team + on-call devs:" in text
    assert "Trace storage held (10 years)" in text


def test_a_destructive_action_gets_its_own_alert(catalog: Catalog) -> None:
    """'it deletes files sometimes' got 'a detector and a weekly count'."""
    answers = {"failures": "it deletes files sometimes", "blind_spots": "platform team"}
    text = render_report_markdown(run(catalog, "reasoning-telemetry", answers))
    assert "it deletes files sometimes: an alert on every destructive tool call" in text
    assert "For the platform team:" in text


def test_a_loop_on_no_named_tool_names_no_tool(catalog: Catalog) -> None:
    """'loops where it calls the same tool 10x' named no tool, but the alert named the first
    one listed: 'Loops: zendesk + jira via MCP (or any tool) called …'."""
    answers = {
        "tools": "zendesk + jira via MCP, internal postgres (read only), web search",
        "failures": "loops where it calls the same tool 10x, and it once refunded a customer twice",
    }
    text = render_report_markdown(run(catalog, "reasoning-telemetry", answers))
    assert "Loops: any tool called with the same arguments more than 3 times in a run." in text
    assert "Loops: zendesk" not in text


def test_every_agent_and_tool_named_is_in_the_trace_model(catalog: Catalog) -> None:
    """Five agents and five tools: the trace model named four of each, and the verdict three,
    so the on-call runbook agent and PagerDuty were nowhere in the report."""
    r = run(
        catalog,
        "reasoning-telemetry",
        {
            "agents": "support triage agent, code-review bot, invoice extraction pipeline, "
            "sales email drafter, on-call runbook agent",
            "tools": "Jira MCP server, SQL queries, web search, Slack API, PagerDuty",
        },
    )
    text = render_report_markdown(r)
    assert "on-call runbook" in text and "PagerDuty" in text
    assert r.verdict.startswith("Trace every run of all 5 of your agents as")
    assert "per tool: Jira MCP server, SQL queries, web search, Slack API and PagerDuty." in text


def test_a_long_list_of_agents_says_how_many_it_groups(catalog: Catalog) -> None:
    agents = ", ".join(f"agent{n}" for n in range(1, 11))
    r = run(catalog, "reasoning-telemetry", {"agents": agents})
    run_row = next(row for row in r.tables[0].rows if row[0] == "run")
    assert "agent (agent1, agent2, agent3, agent4, agent5, agent6, agent7 and 3 more)" in run_row[1]


def test_a_solo_developer_is_addressed_as_you_throughout(catalog: Catalog) -> None:
    """'me, I cant tell why it said what it said' gave 'with you, starting from what they
    cannot answer today: I cant tell why…', and the verdict traced 'your one support bot
    really'."""
    r = run(
        catalog,
        "reasoning-telemetry",
        {
            "agents": "just one support bot really",
            "blind_spots": "me, I cant tell why it said what it said",
        },
    )
    text = render_report_markdown(r)
    assert "with you, starting from what you cannot answer today: why it said what it said." in (
        text
    )
    assert r.verdict.startswith("Trace every run of your support bot as")


def test_a_hospitals_audit_record_does_not_speak_of_customers(catalog: Catalog) -> None:
    text = render_report_markdown(
        run(catalog, "reasoning-telemetry", {"audit": "yes, HIPAA, 6 years"})
    )
    assert "pseudonymise customer identifiers" not in text
    assert "pseudonymise the identifiers of the people in them (customers, patients" in text


def test_the_trace_model_names_the_agent_as_the_verdict_does(catalog: Catalog) -> None:
    """The verdict traced 'your support bot' while the trace model's run row said
    'agent (just one support bot really)'."""
    r = run(catalog, "reasoning-telemetry", {"agents": "just one support bot really"})
    (run_row,) = [row for row in r.tables[0].rows if row[0] == "run"]
    assert "agent (support bot)" in run_row[1], run_row
    assert "really" not in render_report_markdown(r)


def test_an_audited_step_keeps_the_input_the_model_saw(catalog: Catalog) -> None:
    """A bank's model-risk team 'cannot reconstruct which data the agent saw when it decided';
    the report promised every decision 'and its inputs' kept, yet a step recorded only 'input
    and output token counts'."""
    r = run(
        catalog,
        "reasoning-telemetry",
        {
            "audit": "yes, BaFin and internal audit can ask us to explain every decision",
            "blind_spots": "model risk; they cannot reconstruct which data the agent saw",
        },
    )
    (step,) = [row for row in r.tables[0].rows if row[0] == "step"]
    assert "the full input the model saw (prompt version, messages, and the retrieved" in step[1]
    assert any("size the store on a week of real traces" in a for a in r.assumptions)
    internal = run(catalog, "reasoning-telemetry", {"audit": "internal review only"})
    (step,) = [row for row in internal.tables[0].rows if row[0] == "step"]
    assert "full input" not in step[1]  # without an audit, token counts are enough


def test_nobody_owns_them_is_no_one_named(catalog: Catalog) -> None:
    """'nobody owns them really' was taken as a name: 'For the nobody owns them really: runs by
    outcome …' and 'a weekly review of the worst runs with the nobody owns them really'."""
    text = render_report_markdown(
        run(catalog, "reasoning-telemetry", {"blind_spots": "nobody owns them really"})
    )
    assert "the nobody" not in text
    assert "For an owner you name (nobody debugs them today):" in text


def test_a_leak_to_the_wrong_customer_gets_a_detector_of_its_own(catalog: Catalog) -> None:
    """'once it emailed a customer another customers claim' got only 'a detector and a weekly
    count': no word of what to detect."""
    r = run(
        catalog,
        "reasoning-telemetry",
        {"failures": "loops on search; once it emailed a customer another customers claim"},
    )
    (leak,) = [a for a in section_items(r, "Dashboards") if "another customers claim" in a]
    assert "belonging to anyone other than the person the run serves" in leak, leak


def test_a_hospitals_known_failures_get_detectors_that_say_what_to_check(
    catalog: Catalog,
) -> None:
    """'it paged the team for a patient who had already been discharged; drafts with the wrong
    medication dose' each got only 'a detector and a weekly count'."""
    r = run(
        catalog,
        "reasoning-telemetry",
        {
            "failures": "it paged the team for a patient who had already been discharged; "
            "drafts with the wrong medication dose"
        },
    )
    alerts = section_items(r, "Dashboards")
    (stale,) = [a for a in alerts if "already been discharged" in a]
    assert "whose latest status (discharged, closed, cancelled) rules the action out" in stale
    (dose,) = [a for a in alerts if "medication dose" in a]
    assert "each figure the agent writes (dose, amount, date)" in dose, dose


def test_a_hedge_before_a_feared_failure_is_no_failure_of_its_own(catalog: Catalog) -> None:
    """'not sure yet, maybe it emails the wrong person' gave an alert 'Your known failure — not
    sure yet: a detector and a weekly count'."""
    r = run(
        catalog,
        "reasoning-telemetry",
        {"failures": "not sure yet, maybe it emails the wrong person", "tools": "skip"},
    )
    known = [a for a in section_items(r, "Dashboards") if a.startswith("Your known failure")]
    assert len(known) == 1 and "emails the wrong person" in known[0], known


@pytest.mark.parametrize(
    ("typed", "who", "gap"),
    [
        (
            "zwei Entwickler, sie können nicht sehen, welche Quelle der Agent benutzt hat",
            "“zwei Entwickler”",
            "“sie können nicht sehen, welche Quelle der Agent benutzt hat”",
        ),
        (
            "l'équipe data; on ne voit pas pourquoi l'agent a choisi un outil",
            "“l'équipe data”",
            "“on ne voit pas pourquoi l'agent a choisi un outil”",
        ),
    ],
)
def test_who_typed_in_german_or_french_is_quoted_not_made_a_role(
    catalog: Catalog, typed: str, who: str, gap: str
) -> None:
    """'zwei Entwickler' became 'For the zwei Entwickler:' and 'a weekly review … with the zwei
    Entwickler', an English sentence around German words as if they were a team's name."""
    text = render_report_markdown(run(catalog, "reasoning-telemetry", {"blind_spots": typed}))
    assert "the zwei" not in text and "the l'équipe" not in text
    assert f"For the people you named ({who}):" in text
    assert (
        f"with the people you named ({who}), starting from what they cannot answer today: " in text
    )
    assert gap in text


@pytest.mark.parametrize("typed", ["just me", "only me", "just me, I can't see why it retried"])
def test_just_me_is_you(catalog: Catalog, typed: str) -> None:
    """A solo consultant's 'just me' was 'For the just you:' and 'a weekly review of the worst
    runs with the just you'."""
    text = render_report_markdown(run(catalog, "reasoning-telemetry", {"blind_spots": typed}))
    assert "just you" not in text and "only you" not in text
    assert "For you:" in text


def test_a_solo_builder_owns_every_step(catalog: Catalog) -> None:
    """'just me' at 25 runs a day gave every step to 'the agent's developer' and ended with 'a
    weekly review of the worst runs with you', as if someone else held the review."""
    r = run(catalog, "reasoning-telemetry", {"blind_spots": "just me", "runs_per_day": "20-30"})
    assert {rec.owner for rec in r.recommendations} == {"you"}
    text = render_report_markdown(r)
    assert "with you" not in text and "the agent's developer" not in text


def test_an_aside_about_the_people_is_not_what_they_cannot_answer(catalog: Catalog) -> None:
    """'2 devs, one is part time' ended the plan with 'starting from what they cannot answer
    today: one is part time'."""
    text = render_report_markdown(
        run(catalog, "reasoning-telemetry", {"blind_spots": "2 devs, one is part time"})
    )
    assert "cannot answer today: one is part time" not in text
    assert "For 2 devs" in text
