"""2026 AI Strategy Synthesis: the six shifts as one roadmap, built on earlier verdicts."""

from __future__ import annotations

from consultations.advisors.base import AdvisorInput, assumed_lines, count
from consultations.report import Recommendation, Report, Section

# what each constraint puts first, as (shift, action, success measure)
FIRST = {
    "budget": (
        6,
        "Price local inference for your highest-volume workload (consultation 3)",
        "a signed-off cost comparison with break-even",
    ),
    "regulation": (
        3,
        "Trace every agent run: run, step, tool call (consultation 4)",
        "every production agent run traceable end to end",
    ),
    "data": (
        6,
        "Move the most sensitive workload to a local model pilot",
        "sensitive requests no longer leave your premises",
    ),
    "skills": (
        2,
        "Consolidate on one primary model vendor plus a backup (consultation 1)",
        "one internal model client; vendor count down",
    ),
    "latency": (
        6,
        "Pilot an on-device or on-prem model for the latency-critical path",
        "p95 latency under your target on real traffic",
    ),
}


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    role = sheet.text("role", "the team lead")
    industry = sheet.text("industry", "your industry")
    team = sheet.number("team_size", 10)
    use = sheet.text("ai_use", "early experiments")
    constraints = sheet.choices("constraints", ("budget",))
    goals = sheet.items("goals", ("ship one AI feature that pays for itself",))

    tracks = max(1, min(3, int(team // 15) + 1))
    owner = role if len(role) <= 60 else "you"
    earlier = [(e.report.title, e.report.verdict) for e in request.earlier if e.report]
    now = [
        Recommendation(
            title=FIRST[c][1],
            detail=f"Success: {FIRST[c][2]}. (Shift {FIRST[c][0]}.)",
            horizon="0-3 months",
            owner=owner,
        )
        for c in constraints[:tracks]
    ]
    now.append(
        Recommendation(
            title="Flag the code that only exists to work around context limits",
            detail="List chunkers and multi-pass summarisers; test one against long context "
            "(consultation 2). Success: one pipeline with a retire date. (Shift 1.)",
            horizon="0-3 months",
            owner="staff engineer",
        )
    )
    for title, verdict in earlier:
        now.insert(
            0,
            Recommendation(
                title=f"Act on {title}",
                detail=f"Earlier verdict: {verdict}",
                horizon="0-3 months",
                owner=owner,
            ),
        )
    nxt = [
        Recommendation(
            title="Reopen the workflows shelved as too complex",
            detail="Score them (consultation 6); prototype the one whose outcome "
            "can be checked. Success: a shadow-mode prototype. (Shifts 3, 4.)",
            horizon="3-6 months",
            owner="product lead",
        ),
        Recommendation(
            title="Rewrite vendor questions around hedging",
            detail="RFPs ask how vendors hedge, export and give reasoning "
            "telemetry, not who is best. Success: two renewals on the new terms. "
            "(Shift 2.)",
            horizon="3-6 months",
            owner="procurement",
        ),
    ]
    later = [
        Recommendation(
            title="Retire the long-context workarounds that passed the test",
            detail="As better attention reaches your vendor's API. Success: "
            "upkeep hours down. (Shift 1.)",
            horizon="6-12 months",
            owner="engineering lead",
        ),
        Recommendation(
            title="Make local models first-class",
            detail="A standard way to ship a quantised model next to each "
            "service. Success: a second workload running locally. (Shift 6.)",
            horizon="6-12 months",
            owner="platform team",
        ),
        Recommendation(
            title="Set an image-generation policy",
            detail="Vendor questionnaire and publishing controls (consultation 7). "
            "Success: no image published without them. (Shift 5.)",
            horizon="6-12 months",
            owner="legal",
        ),
    ]
    goal_lines = tuple(f"{g} — served by: {_serves(g)}" for g in goals)
    sections = [Section(title="Your goals and what serves them", items=goal_lines)]
    if earlier:
        sections.insert(
            0,
            Section(
                title="Built on your earlier consultations",
                items=tuple(f"{t}: {v}" for t, v in earlier),
            ),
        )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=f"Start with {now[0].title.lower()}; run {tracks} track(s) at once with a "
        f"team of {count(team)}.",
        summary=(
            f"A roadmap for {role} in {industry}, starting from {use}. Models converge, so "
            "the choice of vendor matters less than price, reliability and integration; "
            "better attention makes context workarounds overhead; local models are "
            "practical; RL makes shelved workflows worth a second look; diffusion "
            "models generalise before they memorise, on average."
        ),
        recommendations=tuple(now + nxt + later),
        sections=tuple(sections),
        assumptions=assumed_lines(
            sheet,
            {
                "team_size": "No team size given: assumed 10 people.",
                "constraints": "No constraint given: assumed budget.",
            },
        )
        + (f"About one track per 15 people, at most 3 at once: {tracks} here.",)
        + (
            ()
            if earlier
            else (
                "No earlier consultation was finished; each step names the "
                "consultation that would sharpen it.",
            )
        ),
        shifts=(1, 2, 3, 4, 5, 6),
        caveats=(
            "Homogeneity could reverse if labs diverge in data and tuning: revisit vendor "
            "consolidation each quarter.",
            "RL scaling could hit physical limits outside simulation.",
            "The diffusion result holds on average and can fail on rare items.",
            "RLVR findings may not carry over to new RL methods.",
        ),
    )


def _serves(goal: str) -> str:
    g = goal.casefold()
    if any(w in g for w in ("cost", "cheap", "spend", "margin", "save")):
        return "local inference pricing and vendor consolidation"
    if any(w in g for w in ("agent", "automat", "workflow", "time", "faster", "handling")):
        return "the shelved-workflow prototype and agent telemetry"
    if any(w in g for w in ("risk", "complian", "audit", "trust")):
        return "agent telemetry and the image-generation policy"
    return "the Now items above; rerun this synthesis after your next consultation"
