"""Automation Frontier Reassessment: which shelved workflows deserve a prototype now."""

from __future__ import annotations

from consultations.advisors.base import AdvisorInput, assumed_lines, money
from consultations.report import Recommendation, Report, Section, Table

CHECKABLE = {"simulate": 0.8, "verify": 0.7, "human": 0.35}
LOGS = {"rich": 0.15, "some": 0.05, "none": -0.1}
ERROR_COST = {"low": 0.0, "medium": -0.1, "high": -0.25}
CONTROL_WORDS = (
    "schedul",
    "routing",
    "slotting",
    "warehouse",
    "robot",
    "pick",
    "plan",
    "inventory",
    "dispatch",
    "logistic",
    "allocation",
)
TEXT_WORDS = (
    "support",
    "email",
    "invoice",
    "document",
    "ticket",
    "claim",
    "contract",
    "review",
    "triage",
    "escalat",
)


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    workflows = sheet.items("workflows", ("the shelved workflow",))
    shelved = set(sheet.choices("why_shelved", ("variability",)))
    checkable = sheet.choice("checkable", "human")
    logs = sheet.choice("logs", "some")
    error = sheet.choice("error_cost", "medium")
    value = sheet.number("value", 10_000)
    cur = sheet.currency("value")

    base = CHECKABLE[checkable] + LOGS[logs] + ERROR_COST[error]
    base += 0.1 if shelved & {"models", "variability"} else 0.0  # the blockers that moved
    base -= 0.1 if "data" in shelved and logs == "none" else 0.0
    rows = []
    for i, w in enumerate(workflows):
        low = w.casefold()
        fit = 0.1 if (any(x in low for x in CONTROL_WORDS) and checkable == "simulate") else 0.0
        fit += 0.05 if any(x in low for x in TEXT_WORDS) else 0.0
        feasibility = max(0.05, min(0.95, base + fit))
        worth = value * (1 - 0.15 * i) if i < 6 else value * 0.1  # listed in priority order
        rows.append((w, feasibility, worth, feasibility * worth, _approach(low, checkable)))
    rows.sort(key=lambda r: -r[3])
    best = rows[0]
    table = Table(
        title="Shortlist: feasibility × value",
        columns=("workflow", "feasibility", "value a month", "score"),
        rows=tuple((w, f"{f:.2f}", money(v, cur), money(s, cur)) for w, f, v, s, _ in rows),
    )
    go = best[1] >= 0.5
    verdict = (
        f"Prototype {best[0]} now."
        if go
        else f"Not yet: make {best[0]} checkable first, then prototype."
    )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=verdict,
        summary=(
            "Self-supervised, goal-conditioned RL now keeps improving with depth (up to "
            "1,024 layers against the usual 2-5; 2x-50x better in simulated locomotion "
            "and manipulation), and needs neither demonstrations nor rewards. Workflows "
            "whose outcomes can be simulated or checked are the ones to revisit."
        ),
        tables=(table,),
        sections=(
            Section(
                title="Approach per workflow", items=tuple(f"{w} — {a}" for w, _, _, _, a in rows)
            ),
        ),
        recommendations=(
            Recommendation(
                title=f"Define success for {best[0]}",
                detail="A check that a program can run on every outcome, and a "
                "baseline from today's process.",
                horizon="weeks 1-2",
                owner="process owner",
            ),
            Recommendation(
                title="Measure the base model's pass@k first",
                detail="Sample 1, 8 and 64 attempts per case with an untuned model; "
                "if pass@64 is high, selection and verification may be enough "
                "without paying for RL.",
                horizon="weeks 2-4",
                owner="ML engineer",
            ),
            Recommendation(
                title="Prototype in shadow mode",
                detail="Run beside the people doing the work; "
                + (
                    "a person approves every action, given your error cost."
                    if error != "low"
                    else "compare outcomes weekly."
                ),
                horizon="months 2-3",
                owner="engineering lead",
            ),
        ),
        assumptions=assumed_lines(
            sheet,
            {
                "value": f"No value given: assumed {money(10_000, cur)} a month.",
            },
        )
        + (
            "Workflows are listed in priority order; each later one is valued 15% below "
            "the one before.",
            "Feasibility combines checkability, logs, error cost and what blocked it "
            "(0 to 1; 0.5 or more is worth a prototype).",
        ),
        shifts=(4, 3),
        caveats=(
            "The deep RL results are in simulation; the gap to production is the main risk.",
            "RL with verifiable rewards improves the first answer, not the ceiling: the base "
            "model's pass@k is the limit to test before paying for RL.",
            "Batch size must grow with depth: deep RL is compute-hungry to train.",
        ),
    )


def _approach(workflow: str, checkable: str) -> str:
    if checkable == "simulate" and any(x in workflow for x in CONTROL_WORDS):
        return "goal-conditioned RL in your simulator, then a shadow run against real outcomes."
    if checkable in ("simulate", "verify"):
        return (
            "an LLM agent proposing actions, an automatic checker accepting them, and "
            "best-of-k sampling before any fine-tuning."
        )
    return (
        "an assistant drafting decisions for a person to approve, logging each "
        "correction to build the checker you lack."
    )
