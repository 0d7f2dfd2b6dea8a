"""Model Convergence Strategy: is a multi-vendor setup still worth its complexity?

This module writes the report: the upkeep figures, the plan, the diversity advice and the
contract questions. The verdict and each vendor's keep-or-cut line are judged in
:mod:`consultations.advisors.convergence_lines`. What the answers cannot decide — which vendor
should be primary — is said as what decides it and how to find out, never picked by list order.
"""

from __future__ import annotations

import re

from consultations.advisors.base import AdvisorInput, assumed_lines
from consultations.advisors.convergence_lines import (
    BACKUP,
    REASON_WORDS,
    Vendors,
    keep_or_cut,
    kept_apart,
    kept_single,
    vendor_verdict,
)
from consultations.advisors.day_rate import DAY_RATE, day_rate
from consultations.advisors.vendors import by_maker
from consultations.advisors.words import (
    assumed_rate,
    join,
    money,
    number,
    percent,
    plural,
    times,
)
from consultations.answers.seats import is_seat
from consultations.answers.total import IN_TOTAL
from consultations.report import Figure, Recommendation, Report, Section

SMALL_SPEND = 1_000.0  # below this a month, renegotiating a contract is not worth a step
LEVERAGE_SPEND = 20_000.0  # a month: enough for committed-use pricing talks (our assumption)


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    listed = sheet.items("vendors", ("your current vendor",))
    seats = [v for v in listed if is_seat(v)]  # "Copilot": paid per user, no API to upkeep
    vendors, same_maker = by_maker(tuple(v for v in listed if v not in seats) or listed)
    reasons = set(sheet.choices("reasons", ("capability",)))
    spend = sheet.number("monthly_spend", 0.0)
    cur = sheet.currency("monthly_spend")
    days = sheet.number("upkeep_days", 3.0)
    diverse = sheet.items("diverse_tasks")
    outage = sheet.choice("outage_tolerance", "minutes")

    kinds = Vendors.sort(vendors, reasons)
    texts, images, search = kinds.texts, kinds.images, kinds.search
    single = len(texts) <= 1
    backup = BACKUP[outage].split(" (")[0]
    verdict = vendor_verdict(texts, images, reasons, outage, kinds.bound)
    if seats and len(seats) < len(listed):
        verdict += f" {join(seats)}: tool seats paid per user, left out of the vendor count."
    verdict += kept_apart(search)
    lines = keep_or_cut(vendors, kinds, reasons, outage)

    extra = max(len(vendors) - 1, 0)
    total = bool(IN_TOTAL.search(sheet.raw("upkeep_days")))  # "1 FTE total across all of them"
    rate = day_rate(cur)  # ₹20,000, never ₹800 a day
    upkeep = (days if total and extra else extra * days) * rate
    said = request.answers.get("upkeep_days")  # settled unasked by "we use only one"
    unasked = bool(extra) and said is not None and (said.note or "").startswith("not asked")
    asked_as = [q.key for q in request.script.questions].index("upkeep_days") + 1
    figures = [
        Figure(
            label="Vendors in use",
            value=len(vendors),
            display=str(len(vendors)),
            working=same_maker or None,
        ),
    ]
    figures += (
        []
        if unasked or not extra  # no extra vendor: no "$0 (0 extra × …)"
        else [  # no figure of upkeep nobody was asked for
            Figure(
                label="Upkeep of extra vendors per month",
                value=upkeep,
                display=money(upkeep, cur),
                working=f"{plural(days, 'engineer-day')} in total, as you said, × "
                f"{money(rate, cur)} a day"
                if total and extra
                else f"{number(extra)} extra × {plural(days, 'engineer-day')} × "
                f"{money(rate, cur)} a day",
            ),
        ]
    )
    pct = percent(upkeep, spend) if sheet.given("monthly_spend") and upkeep else None
    if unasked:
        pct, upkeep = None, 0.0
    if pct is not None:
        figures.append(
            Figure(
                label="Upkeep as a share of API spend",
                value=upkeep / spend,
                display=pct,
                working=f"{money(upkeep, cur)} ÷ {money(spend, cur)}",
            )
        )
    elif upkeep and spend > 0:
        figures.append(
            Figure(
                label="Upkeep against API spend",
                value=upkeep / spend,
                display=f"{times(upkeep / spend)} your API spend",
                working=f"{money(upkeep, cur)} ÷ {money(spend, cur)}",
            )
        )
    why = [REASON_WORDS[r] for r in sorted(reasons) if r in REASON_WORDS]
    named = [
        REASON_WORDS[r] for r in sorted(reasons - {"single", "unsettled"}) if r in REASON_WORDS
    ]
    summary = (
        f"You run {plural(len(vendors), 'vendor')}"
        + (f" for {join(why)}. " if why and len(vendors) > 1 else ". ")
        + (
            f"You gave {join(named)} as a reason for more than one, yet list one: "
            + (
                "that reason argues for a second vendor as backup. "
                if reasons & {"redundancy", "compliance"}
                else "with one vendor it is a reason to keep a second on file, not in use. "
            )
            if len(vendors) == 1 and named and not kept_single(reasons)
            else "Compliance keeps you on one vendor, so any backup must meet the same rules. "
            if len(vendors) == 1 and kept_single(reasons)
            else ""
        )
        + "In the Artificial Hivemind study (70+ models, 26,000 queries), language models gave "
        "strikingly similar answers to open-ended questions, so a second language-model vendor no "
        "longer "
        "buys a second view; it can still buy price leverage, failover and compliance."
        + (
            f" Each extra vendor costs about {money(upkeep / extra, cur)} a month in engineering."
            if extra and days
            else ""
        )
        + (
            " Keeping the extra vendors costs more in engineering time "
            f"({money(upkeep, cur)} a month) than your whole API bill ({money(spend, cur)})."
            if pct is not None and upkeep > spend
            else ""
        )
    )
    diversity = [
        "Vary the inputs, not the vendor: personas, constraints and seed examples in the "
        "prompt, and outside material brought in through retrieval. This is our suggestion, "
        "not a research result — the paper found repetition within one model too, so measure "
        "that it actually widens your outputs.",
        "Keep a human in the loop for the first draft of ideas; use the model to expand and "
        "critique, not to originate.",
        "Measure diversity: embed the outputs and track how far apart they are over time.",
    ]
    if diverse:
        diversity.insert(0, "Applies first to: " + join(list(diverse)) + ".")
    # "none really, we want consistent answers": said, so no plan for outputs nobody needs varied
    told = request.answers.get("diverse_tasks")  # a skip keeps no words; "none" keeps them
    none_said = not diverse and told is not None and bool(told.raw.strip())
    if none_said and "diversity" not in reasons:
        diversity = [
            "None of your tasks needs varied output, so nothing here depends on it. If one "
            "comes up, vary the inputs (personas, constraints, seed examples, retrieved "
            "material), not the vendor — our suggestion, not a research result: the paper "
            "found repetition within one model too."
        ]
    recs = []
    settled = bool(kinds.bound) and len(texts) - len(kinds.bound) == 1  # the rest has one vendor
    if settled and outage != "hours":  # the verdict names the primary: only its backup is open
        recs.append(
            Recommendation(
                title=f"Choose the {backup} with your own evaluation set",
                detail="Run 100-200 real tasks of the work compliance does not bind through two "
                "or three candidate vendors; the standby must pass the bar today's primary sets "
                "on your tasks, and its prompts are kept in step with the primary's.",
                horizon="0-1 month",
                owner="engineering lead",
            )
        )
    elif not single and not settled:
        recs.append(
            Recommendation(
                title="Decide the primary with your own evaluation set",
                detail="Run the same 100-200 real tasks through each language-model vendor and "
                "compare quality, latency, failure rate and price per task"
                + (
                    "; with price as your reason, the cheapest that passes becomes primary"
                    if "price" in reasons
                    else ""
                )
                + ". Your answers cannot decide this; the evaluation can.",
                horizon="0-1 month",
                owner="engineering lead",
            )
        )
    elif not images and outage != "hours" and "compliance" not in reasons:  # which backup?
        recs.append(
            Recommendation(
                title=f"Choose the {backup} with your own evaluation set",
                detail="Run 100-200 real tasks through two or three candidate vendors; the "
                "standby must pass the bar today's vendor sets on your tasks, and its prompts "
                "are kept in step with the primary's.",
                horizon="0-1 month",
                owner="engineering lead",
            )
        )
    small = sheet.given("monthly_spend") and spend < assumed_rate(SMALL_SPEND, cur)
    if single and not images and outage == "hours":
        recs.append(
            Recommendation(
                title="Write down how you would switch vendor",
                detail="One page: which second vendor, which prompts change, how long it takes. "
                "Your outage tolerance needs no second integration kept warm.",
                horizon="0-1 month",
                owner="engineering lead",
            )
        )
    elif small:  # a few hundred a month: a small team, no platform team to give it to
        recs.append(
            Recommendation(
                title="Call the models through one thin wrapper",
                detail="One function in your code with the vendor as a setting (a day or two of "
                f"work at your size) makes the {backup} a switch, not a project.",
                horizon="0-1 month",
                owner="engineering lead",
            )
        )
    else:
        recs.append(
            Recommendation(
                title="Put one model interface in front of every vendor",
                detail=f"One internal client with the vendor as configuration makes the {backup} "
                "a switch, not a project.",
                horizon="1-2 months",
                owner="platform team",
            )
        )
    if single and not images and "compliance" in reasons and outage != "hours":
        recs.insert(
            0,
            Recommendation(
                title="Agree with compliance which backup qualifies",
                detail=f"Before building the {backup}: may it run in a second region or "
                "deployment of the same vendor, and what would a second vendor have to prove "
                "(where data is processed and stored, failover included)?",
                horizon="0-1 month",
                owner="compliance lead",
            ),
        )
    tendered = bool(_TENDER.search(sheet.raw("reasons")))  # "Vergaberecht: … ausschreiben"
    recs.extend(
        (
            Recommendation(
                title="Write the next tender around one primary and hedging",
                detail="Procurement bound you to several vendors: cutting one waits for its "
                "contract to end. Ask in the next tender for one primary, a named fallback and "
                "answers to the hedging questions above, instead of 'which model is best?'.",
                horizon="next tender",
                owner="procurement",
            ),
        )
        if tendered
        else ()
        if small
        else (
            Recommendation(
                title="Rewrite the renewal around hedging",
                detail="Ask the hedging questions above instead of 'which model is best?'."
                + (
                    f" At {money(spend, cur)} a month you have leverage: ask for committed-use "
                    "pricing."
                    if spend >= assumed_rate(LEVERAGE_SPEND, cur)
                    else ""
                ),
                horizon="next renewal",
                owner="procurement",
            ),
        )
    )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=verdict,
        summary=summary,
        recommendations=tuple(recs),
        figures=tuple(figures),
        sections=(
            Section(title="Keep or cut, per vendor", items=tuple(lines)),
            Section(title="Diversity without vendor ensembles", items=tuple(diversity)),
            Section(
                title="What to check in the vendors' standard terms"
                if small  # no contract to negotiate at a few hundred a month
                else "Hedging questions for contracts",
                items=_hedging(reasons, bool(small)),
            ),
        ),
        assumptions=(
            *assumed_lines(
                sheet,
                {
                    "monthly_spend": "No spend given: the upkeep is not compared with it.",
                    "upkeep_days": "No upkeep given: assumed 3 engineer-days a month per extra "
                    "vendor.",
                    **(
                        {}
                        if none_said
                        else {"diverse_tasks": "No tasks needing varied output were named."}
                    ),
                    "outage_tolerance": "No outage tolerance given: assumed a few minutes is fine.",
                },
            ),
            *(
                (
                    "Upkeep was not asked (you named one vendor for text), so the upkeep of "
                    f"your other {plural(extra, 'vendor')} is not counted: `edit {asked_as}` "
                    "adds it.",
                )
                if unasked
                else ()
            ),
            f"An engineer-day costs {money(rate, cur)} fully loaded (our assumption"
            + (" for your currency)." if rate != DAY_RATE else ")."),
            "Convergence was measured on open-ended language tasks; image models are judged "
            "on their own (our reading).",
        ),
        shifts=(2,),
        caveats=(
            "Homogeneity could reverse if labs train on different data or tune preferences "
            "differently; re-check your side-by-side evaluation each quarter.",
            "One shared blind spot spreads to every vendor: keep human review where an error "
            "would be costly.",
            "A vendor that is far cheaper for one task can still justify a narrow integration.",
            *(
                (
                    "Procurement rules may not let you drop a vendor before its contract ends: "
                    "the keep-or-cut lines apply from the next tender.",
                )
                if tendered
                else ()
            ),
        ),
    )


_TENDER = re.compile(  # vendors bound by public procurement: a tender, a framework agreement
    r"\b(?:procurement|tender(?:ed|ing|s)?|framework (?:agreement|contract)|awarded|vergabe\w*|"
    r"ausschreib\w*|ausgeschrieben|rahmenvertr\w*|march[ée]s? publics?|appels? d'offres|"
    r"multi-?attributaires?|ugap)\b",
    re.I,
)


def _hedging(reasons: set[str], small: bool = False) -> tuple[str, ...]:
    negotiated = (  # what only a contract of some size can buy
        "What is your price protection if a competitor with a similar model cuts prices?",
        "What uptime do you commit to, and what credits apply when you miss it?",
    )
    qs = [
        "Can we export prompts, fine-tunes and evaluation sets in a portable format?",
        "How much notice do you give before retiring or changing a model version?",
        "Which of your models share training data or base models with other vendors' models?",
    ]
    if not small:
        qs[1:1] = negotiated[1:]
        qs.insert(0, negotiated[0])
    if "compliance" in reasons:
        qs.insert(
            0,
            "Where is our data processed and stored, and how do you prove it stays "
            "there, failover included?",
        )
    return tuple(qs)
