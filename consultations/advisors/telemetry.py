"""Reasoning Telemetry Architecture: a trace model and what to record, keep and alert on."""

from __future__ import annotations

from consultations.advisors.base import AdvisorInput, assumed_lines, count
from consultations.report import Figure, Recommendation, Report, Section, Table

STEPS_PER_RUN = 8
BYTES_PER_STEP = 2_000
STORES = {
    "logs": "Start with OpenTelemetry traces sent to a managed backend; logs alone cannot "
    "link a tool call to the run that made it.",
    "apm": "Send OpenTelemetry spans to your APM; model and tool attributes ride on the spans.",
    "otel": "Extend your OpenTelemetry traces with GenAI attributes: no new system needed.",
    "llm-obs": "Keep your LLM observability tool for prompts, and export spans to your main "
    "tracing so agent runs sit beside the services they call.",
}


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    agents = sheet.items("agents", ("your agent",))
    tools = sheet.items("tools", ("its tools",))
    failures = sheet.text("failures", "unknown failures")
    stack = sheet.choice("stack", "logs")
    audit = sheet.choice("audit", "internal")
    runs = sheet.number("runs_per_day", 1_000)
    blind = sheet.text("blind_spots")

    sampled = runs > 10_000 and audit != "regulated"
    kept = runs * (0.1 + 0.9 * 0.05) if sampled else runs  # 10% of runs + all failures (~5%)
    gb_day = kept * STEPS_PER_RUN * BYTES_PER_STEP / 1e9
    retention = {
        "regulated": "decisions and tool calls for as long as the regulator requires "
        "(plan for years), full prompts for 90 days",
        "internal": "90 days in full, then run summaries for a year",
        "none": "30 days in full",
    }[audit]
    fields = Table(
        title="Trace model: run → step → tool call",
        columns=("level", "record"),
        rows=(
            (
                "run",
                "run id, agent (" + ", ".join(agents[:4]) + "), version of prompts and "
                "model, user or tenant, goal, outcome, cost, latency",
            ),
            (
                "step",
                "step number, model and parameters, input and output token counts, the "
                "reasoning summary or trace, the decision taken, confidence",
            ),
            (
                "tool call",
                "tool and protocol (" + ", ".join(tools[:4]) + "), arguments after "
                "redaction, result status, latency, retries, error",
            ),
            ("feedback", "human correction, escalation, final business outcome, linked to the run"),
        ),
    )
    alerts = (
        "Loops: the same tool called with the same arguments more than 3 times in a run.",
        "Tool error rate above its weekly baseline, per tool.",
        "Cost per run above the 99th percentile of last week.",
        "Runs ending without an outcome (time-outs, abandoned).",
        f"Your known failure: {failures} — a detector and a weekly count.",
    )
    verdict = f"Trace every run of {len(agents)} agent(s) as run → step → tool call" + (
        ", sampling successes at 10% and keeping every failure."
        if sampled
        else ", keeping every run."
    )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=verdict,
        summary=(
            "Reasoning is measurable: the steps, tool calls and searches an agent makes "
            "can be recorded like any other telemetry, and that is what makes a failing "
            "agent debuggable. RL-tuned models reach answers faster, but only along paths "
            "the base model could already find: traces show where runs diverge."
        ),
        tables=(fields,),
        figures=(
            Figure(
                label="Runs kept per day",
                value=kept,
                display=count(kept),
                working=(
                    f"{count(runs)} × (10% of successes + every failure, ~5%)"
                    if sampled
                    else f"all {count(runs)} runs"
                ),
            ),
            Figure(
                label="Trace storage per day",
                value=gb_day,
                display=f"{gb_day:.2f} GB",
                working=f"{count(kept)} runs × {STEPS_PER_RUN} steps × {BYTES_PER_STEP:,} bytes",
            ),
        ),
        sections=(
            Section(
                title="Storage, retention, sampling and redaction",
                items=(
                    STORES[stack],
                    f"Retention: {retention}.",
                    "Sampling: "
                    + (
                        "every failure and escalation, 10% of successful runs."
                        if sampled
                        else "keep every run at this volume."
                    ),
                    "Redaction before storage: personal data and secrets in tool arguments and "
                    "outputs, replaced by typed placeholders.",
                ),
            ),
            Section(
                title="Dashboards and alerts",
                items=(
                    "Runs by outcome per agent; steps and cost per run; slowest tools.",
                    *alerts,
                ),
            ),
            Section(
                title="Questions for agent vendors",
                items=(
                    "Can we export every step and tool call of every run, in OpenTelemetry format?",
                    "Do you record why a tool was chosen, not only that it was called?",
                    "How do you redact personal data before traces leave our tenant?",
                    "Can we replay a run against a new model version?",
                ),
            ),
        ),
        recommendations=(
            Recommendation(
                title="Instrument runs and tool calls",
                detail="One span per run and per tool call, with the fields above.",
                horizon="0-1 month",
                owner="platform team",
            ),
            Recommendation(
                title="Add step-level reasoning and feedback",
                detail="Attach reasoning summaries and human corrections to the run.",
                horizon="1-3 months",
                owner="ML engineer",
            ),
            Recommendation(
                title="Alert and review weekly",
                detail="The alerts above, and a "
                "weekly review of the worst runs" + (f" answering: {blind}" if blind else "") + ".",
                horizon="3-6 months",
                owner="on-call lead",
            ),
        ),
        assumptions=assumed_lines(
            sheet,
            {
                "runs_per_day": "No volume given: assumed 1,000 runs a day.",
                "blind_spots": "Nobody was named as debugging the agents.",
                "audit": "No audit need given: assumed internal review.",
            },
        )
        + (f"A run averages {STEPS_PER_RUN} steps of about {BYTES_PER_STEP:,} bytes each.",),
        shifts=(3,),
        caveats=(
            "Reasoning traces shown by a model are summaries, not a faithful record of its "
            "computation: judge them by the tool calls and outcomes they lead to.",
            "RLVR findings may not hold for newer RL methods: keep measuring pass@k of base "
            "and tuned models on your own tasks.",
            "Traces hold sensitive data: treat the trace store as production data.",
        ),
    )
