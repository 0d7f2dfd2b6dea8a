"""Model Convergence Strategy: is a multi-vendor setup still worth its complexity?"""

from __future__ import annotations

from consultations.advisors.base import AdvisorInput, assumed_lines, money
from consultations.report import Figure, Recommendation, Report, Section

DAY_RATE = 800.0  # loaded cost of an engineer-day, stated as an assumption
DURABLE = {"price", "redundancy", "compliance"}  # reasons that survive convergence


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    vendors = sheet.items("vendors", ("your current vendor",))
    reasons = set(sheet.choices("reasons", ("capability",)))
    spend = sheet.number("monthly_spend", 0.0)
    cur = sheet.currency("monthly_spend")
    days = sheet.number("upkeep_days", 3.0)
    diverse = sheet.items("diverse_tasks")
    outage = sheet.choice("outage_tolerance", "minutes")

    extra = max(len(vendors) - 1, 0)
    upkeep = extra * days * DAY_RATE
    needs_backup = outage in ("instant", "minutes") or "redundancy" in reasons
    if extra == 0:
        verdict = (
            "Keep one vendor, and add a tested backup."
            if needs_backup
            else "Keep your single vendor: convergence makes it a sound choice."
        )
    elif reasons & DURABLE:
        verdict = (
            "Restructure: one primary vendor plus one backup, chosen on price and reliability."
        )
    else:
        verdict = (
            "Consolidate on one primary vendor; the others buy little now that models converge."
        )

    lines = []
    for i, v in enumerate(vendors):
        if i == 0:
            lines.append(f"{v} — keep as primary: route every task here by default.")
        elif i == 1 and needs_backup:
            lines.append(
                f"{v} — keep as the warm backup: same prompts, tested monthly by "
                "failing over on purpose."
            )
        elif "compliance" in reasons:
            lines.append(
                f"{v} — keep only where compliance or data residency requires it; "
                "cut it from every other task."
            )
        else:
            lines.append(
                f"{v} — cut after a two-week side-by-side on its tasks; convergence "
                "means the primary should match it."
            )
    diversity = [
        "Vary the inputs, not the vendor: different personas, constraints and seed examples "
        "in the prompt produce more spread than a second model.",
        "Bring in outside material (customer quotes, competitor pages, your archive) through "
        "retrieval so answers are anchored in different sources.",
        "Keep a human in the loop for the first draft of ideas; use the model to expand and "
        "critique, not to originate.",
        "Measure diversity: embed the outputs and track how far apart they are over time.",
    ]
    if diverse:
        diversity.insert(0, "Applies first to: " + ", ".join(diverse) + ".")
    hedging = (
        "What is your price protection if a competitor with a similar model cuts prices?",
        "Can we export prompts, fine-tunes and evaluation sets in a portable format?",
        "What uptime do you commit to, and what credits apply when you miss it?",
        "How much notice do you give before retiring or changing a model version?",
        "Which of your models share training data or base models with other vendors' models?",
    )
    figures: tuple[Figure, ...] = (
        Figure(label="Vendors in use", value=len(vendors), display=str(len(vendors))),
        Figure(
            label="Upkeep of extra vendors per month",
            value=upkeep,
            display=money(upkeep, cur),
            working=f"{extra} extra × {days:g} engineer-days × {money(DAY_RATE, cur)} a day",
        ),
    )
    if spend:
        share = upkeep / spend
        figures += (
            Figure(
                label="Upkeep as a share of API spend",
                value=share,
                display=f"{share:.0%}",
                working=f"{money(upkeep, cur)} ÷ {money(spend, cur)}",
            ),
        )
    why = sorted(reasons)
    summary = (
        f"You run {len(vendors)} vendor(s) for {', '.join(why)}. Frontier models now give "
        "strikingly similar answers (70+ models, 26,000 open-ended queries), so a second vendor "
        "no longer buys a second view; it still buys price leverage, failover and compliance. "
        f"Each extra vendor costs about {money(days * DAY_RATE, cur)} a month in engineering."
    )
    recs = [
        Recommendation(
            title="Pick the primary on price, latency and reliability",
            detail="Run your own evaluation set on the candidates; with converging "
            "quality, the cheapest reliable one wins.",
            horizon="0-1 month",
            owner="engineering lead",
        ),
        Recommendation(
            title="Put one model interface in front of every vendor",
            detail="One internal client with the vendor as configuration makes the "
            "backup a switch, not a project.",
            horizon="1-2 months",
            owner="platform team",
        ),
        Recommendation(
            title="Rewrite the renewal around hedging",
            detail="Ask the questions below instead of 'which model is best?'.",
            horizon="next renewal",
            owner="procurement",
        ),
    ]
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=verdict,
        summary=summary,
        recommendations=tuple(recs),
        figures=figures,
        sections=(
            Section(title="Keep or cut, per vendor", items=tuple(lines)),
            Section(title="Diversity without vendor ensembles", items=tuple(diversity)),
            Section(title="Hedging questions for contracts", items=hedging),
        ),
        assumptions=(
            *assumed_lines(
                sheet,
                {
                    "monthly_spend": "No spend given: the upkeep is not compared with it.",
                    "upkeep_days": "No upkeep given: assumed 3 engineer-days a month per extra "
                    "vendor.",
                    "diverse_tasks": "No tasks needing varied output were named.",
                    "outage_tolerance": "No outage tolerance given: assumed a few minutes is fine.",
                },
            ),
            f"An engineer-day costs {money(DAY_RATE, cur)} fully loaded.",
        ),
        shifts=(2,),
        caveats=(
            "Homogeneity could reverse if labs train on different data or tune preferences "
            "differently; re-check your side-by-side evaluation each quarter.",
            "One shared blind spot spreads to every vendor: keep human review where an error "
            "would be costly.",
            "A vendor that is far cheaper for one task can still justify a narrow integration.",
        ),
    )
