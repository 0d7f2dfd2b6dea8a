"""Automation Frontier Reassessment: which shelved workflows deserve a prototype now."""

from __future__ import annotations

import re

from consultations.advisors.automation_plan import ML_PARTNER, plan
from consultations.advisors.base import AdvisorInput, assumed_lines
from consultations.advisors.day_rate import day_rate
from consultations.advisors.per_item import PerItem, named_one, per_item, values_named, weakest
from consultations.advisors.synthesis_sizing import (
    for_one,
    no_ml_said,
    prototype_days,
    team_said,
)
from consultations.advisors.words import count, join, money, plural, possessive, said_once
from consultations.report import Figure, Recommendation, Report, Section, Table
from consultations.scripts import ConsultationScript, Question

BLOCKERS = {
    "variability": "Too many variations: may have moved, where outcomes can be simulated or "
    "checked — the deep-RL agents learned to reach set goals from scratch, but in simulation.",
    "models": "Models not good enough: may have moved in part — measure today's base model's "
    "pass@k on your cases before assuming it is still true.",
    "data": "Not enough data: the deep-RL results needed no demonstrations, but your checker "
    "still needs examples of right and wrong outcomes.",
    "risk": "Errors too costly: not moved by any of this research — a person approves every "
    "action until the checker is trusted.",
    "cost": "Too expensive: deep RL is compute-hungry (batch size grows with depth); start with "
    "an untuned model and a checker before paying for training.",
}
RULED_DATA = re.compile(
    r"\b(?:legal(?:ly)?|lawful(?:ly)?|allowed|permitted|consent|gdpr|dsgvo|hipaa|privacy|"
    r"pii|patient data|personal data|data protection|datenschutz)\b",
    re.I,
)
LAWFUL = (
    " You said the data you may use was short: take those examples only from records your "
    "data rules allow, and run the prototype only where that data may be processed."
)

CHECKABLE = {"simulate": 0.8, "verify": 0.7, "human": 0.35}
LOGS = {"rich": 0.15, "some": 0.05, "none": -0.1}
ERROR_COST = {"low": 0.0, "medium": -0.1, "high": -0.25}
CONTROL_WORDS = (  # word stems, English and German ("Tourenplanung", "Lagerplatzvergabe")
    "schedul",
    "routing",
    "slotting",
    "warehouse",
    "robot",
    "pick",
    "plan",
    "inventory",
    "dispatch",
    "logisti",
    "allocation",
    "playtest",  # a game's levels and matches: played out by bots in the engine
    "matchmak",
    "gameplay",
    "lager",
    "kommissionier",
    "disposition",
    "bestand",
    "zuteilung",
    "steuerung",
)
TEXT_WORDS = (  # word stems, English and German ("Schadensfälle", "Rechnungsprüfung")
    "support",
    "mail",
    "invoice",
    "document",
    "ticket",
    "claim",
    "contract",
    "review",
    "triage",
    "escalat",
    "inquir",
    "enquir",
    "complaint",
    "rechnung",
    "schaden",
    "anfrage",
    "dokument",
    "vertrag",
    "verträg",
    "beschwerde",
    "antrag",
    "anträg",
)


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    # "markdown pricing (which we tried in 2023 …)": the comment is said back, not a name
    workflows = tuple(
        dict.fromkeys(
            re.sub(r"\s*\([^()]*\)\s*$", "", w) or w
            for w in sheet.items("workflows", ("the shelved workflow",))
        )
    )
    shelved = set(sheet.choices("why_shelved", ("variability",)))
    ruled = RULED_DATA.search(sheet.raw("why_shelved")) is not None  # "data we could legally use"
    said_checkable = sheet.choices("checkable", ("human",))
    said_logs = sheet.choices("logs", ("some",))
    checkable = weakest(said_checkable, CHECKABLE)  # several options, no workflow: the weakest
    logs = weakest(said_logs, LOGS)
    said_error = sheet.choices("error_cost", ("medium",))
    error = weakest(said_error, ERROR_COST)
    value = sheet.number("value", 10_000)
    cur = sheet.currency("value")
    # "honestly I am alone": a prototype for the team described, not two engineers for two months
    team = next(filter(None, (team_said(a.raw) for a in request.answers.values())), None)
    no_ml = next(filter(None, (no_ml_said(a.raw) for a in request.answers.values())), None)
    days, crew_said = prototype_days(team)
    prototype_cost = days * day_rate(cur)

    script = request.script
    check_read = per_item(
        workflows, checkable, sheet.raw("checkable"), script.question("checkable"), CHECKABLE
    )
    log_read = per_item(workflows, logs, sheet.raw("logs"), script.question("logs"), LOGS)
    error_read = per_item(
        workflows, error, sheet.raw("error_cost"), script.question("error_cost"), ERROR_COST
    )
    checks, logged, errors = check_read.options, log_read.options, error_read.options
    most_valuable = named_one(workflows, sheet.raw("value"))
    valued = values_named(workflows, sheet.raw("value"), script.question("value"))
    if len(valued) > 1:  # "40-60k for claims, invoices ~8k": each workflow's own value
        most_valuable = max(valued, key=lambda w: valued[w])
    rows = []
    for w in workflows:
        low, check, log = w.casefold(), checks[w], logged[w]
        base = CHECKABLE[check] + LOGS[log] + ERROR_COST[errors[w]]
        base += 0.1 if shelved & {"models", "variability"} else 0.0  # the blockers that moved
        base -= 0.1 if "data" in shelved and log == "none" else 0.0
        fit = 0.1 if (any(x in low for x in CONTROL_WORDS) and check == "simulate") else 0.0
        fit += 0.05 if any(x in low for x in TEXT_WORDS) else 0.0
        feasibility = max(0.05, min(0.95, base + fit))
        rows.append((w, feasibility, _approach(low, check)))
    rows.sort(key=lambda r: -r[1])
    best, best_f = rows[0][0], rows[0][1]
    tied = [w for w, f, _ in rows if abs(f - best_f) < 1e-9]
    scores = {w: f for w, f, _ in rows}
    passed_over = None  # more feasible than the one whose value you gave, its value unknown
    tie_broken: list[str] = []  # as feasible as each other: the value you gave decides
    if (
        most_valuable is not None
        and scores[most_valuable] >= 0.5
        and (most_valuable != best or len(tied) > 1)
    ):
        passed_over = best if most_valuable not in tied else None
        tie_broken = [w for w in tied if w != most_valuable] if most_valuable in tied else []
        best, best_f, tied = most_valuable, scores[most_valuable], [most_valuable]
    lead = best if len(tied) == 1 else rows[0][0]
    if len(tied) > 1:  # the answers cannot pick one: say so rather than take the first listed
        best = join(tied, "or") + " (their value decides which)"
    payback = prototype_cost / value if value > 0 else None
    worth = payback is not None and payback <= 12
    go = best_f >= 0.5 and worth
    table = Table(
        title="Shortlist by feasibility",
        columns=("workflow", "feasibility", "approach"),
        rows=tuple((w, f"{f:.2f}", a.split(",")[0].split(" then")[0]) for w, f, a in rows),
    )
    unsized = most_valuable is None and len(workflows) > 1 and len(tied) == 1
    if go:
        verdict = f"Prototype {best} now." + (
            f" Size its own value first: the {money(value, cur)} a month you gave is for the "
            "most valuable of your workflows, which may be another one."
            if unsized
            else ""
        )
    elif best_f >= 0.5 or value <= 0:  # worth nothing a month: no check makes it pay
        verdict = (
            f"Not yet: at {money(value, cur)} a month, a prototype would take "
            f"{_months(payback)} to pay back."
        )
    else:
        verdict = f"Not yet: make {best} checkable first." + (
            f" Then size its value: at {money(value, cur)} a month, a prototype would take "
            f"{_months(payback)} to pay back."
            if not worth
            else ""
        )
    figures = [
        Figure(
            label="Prototype payback",
            value=payback,
            display=_months(payback),
            working=f"{money(prototype_cost, cur)} prototype ÷ {money(value, cur)} a month, "
            f"the value you gave for {most_valuable or 'the most valuable workflow'}"
            + (f"; {possessive(lead)} own may be less" if unsized else ""),
        )
    ]
    sections = [
        Section(title="Approach per workflow", items=said_once([(w, a) for w, _, a in rows])),
        Section(
            title="What blocked it then, and now",
            items=tuple(
                BLOCKERS[b] + (LAWFUL if b == "data" and ruled else "")
                for b in BLOCKERS
                if b in shelved
            ),
        ),
    ]
    reading = [
        f"{script.question(key).text.split('?')[0]}? "
        + "; ".join(
            f"{join(names)}: {label}"
            for label, names in _by_reading(workflows, read, script.question(key)).items()
        )
        for key, read in (("checkable", check_read), ("logs", log_read), ("error_cost", error_read))
        if read.limited() or len(set(read.options.values())) > 1 or read.unread
    ]
    reading += [
        f"{script.question(key).text.split('?')[0]}? You gave "
        f"{join([script.question(key).label_of(o) for o in said], 'and')} without saying "
        f"which workflow each is for: all were read as “{script.question(key).label_of(low)}”, "
        f"the weaker. Name the workflows (`edit {_number(script, key)}`) to score them apart."
        for key, said, low, read in (
            ("checkable", said_checkable, checkable, check_read),
            ("logs", said_logs, logs, log_read),
            ("error_cost", said_error, error, error_read),
        )
        if len(said) > 1 and not read.named and len(workflows) > 1
    ]
    if reading:
        sections.insert(
            0, Section(title="How your answers were read, per workflow", items=tuple(reading))
        )
    if passed_over is not None:
        sections.append(
            Section(
                title="What decides between the leaders",
                items=(
                    (
                        f"{passed_over} scores higher on feasibility ({scores[passed_over]:.2f} "
                        f"against {best_f:.2f}), but is worth {money(valued[passed_over], cur)} "
                        f"a month by your answer against {money(value, cur)} for {best}: a "
                        f"prototype there would take "
                        f"{_months(prototype_cost / valued[passed_over])} to pay back, here "
                        f"{_months(prototype_cost / value)}."
                    )
                    if passed_over in valued and valued[passed_over] > 0 and value > 0
                    else f"{passed_over} scores higher on feasibility ({scores[passed_over]:.2f} "
                    f"against {best_f:.2f}), but the value you gave ({money(value, cur)} a "
                    f"month) is for {best}, which is feasible enough to prototype. Size "
                    f"{possessive(passed_over)} value the same way (hours a month spent on it "
                    "× a loaded hourly rate, plus the cost of its errors) before choosing it "
                    "instead.",
                ),
            )
        )
    if tie_broken:
        sections.append(
            Section(
                title="What decides between the leaders",
                items=(_tie_line(best, tie_broken, best_f, value, valued, cur),),
            )
        )
    if len(tied) > 1:
        sections.append(
            Section(
                title="What decides between the leaders",
                items=(
                    f"{join(tied)} score the same on what you told me. Their value decides: "
                    "for each, hours a month spent on it today × a loaded hourly rate, plus "
                    "the cost of its errors. A week of time sheets and the error log tell you.",
                ),
            )
        )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=verdict,
        summary=(
            "In a NeurIPS 2025 best paper, self-supervised, goal-conditioned RL with a "
            "contrastive objective and larger batches improved with depth (up to 1,024 layers "
            "against the usual 2-5; 2x-50x better than shallow networks on simulated locomotion "
            "and manipulation), learning with no demonstrations and no rewards. Those results are "
            "in simulation: workflows whose outcomes can be simulated or checked are the ones "
            "to revisit."
        ),
        figures=tuple(figures),
        tables=(table,),
        sections=tuple(sections),
        recommendations=_owned(
            team,
            plan(
                join(tied, "and") if len(tied) > 1 else best,
                go,
                checks[lead],
                "high" if "risk" in shelved else errors[lead],
                logged[lead],
                low_value=(
                    f"at {money(value, cur)} a month, a {money(prototype_cost, cur)} prototype "
                    f"takes {_months(payback)} to pay back"
                )
                if (best_f >= 0.5 or value <= 0) and not worth
                else None,
                simulated=_simulated(lead.casefold(), checks[lead]),
                tie=_other_route(lead, tied, checks),
                no_ml=no_ml,
            ),
        ),
        assumptions=assumed_lines(
            sheet,
            {"value": f"No value given: assumed {money(10_000, cur)} a month."},
        )
        + (
            f"A prototype costs about {money(prototype_cost, cur)} ({crew_said} at "
            f"{money(day_rate(cur), cur)} a day"
            + (f", sized for the team of {count(team)} you described" if team else "")
            + "; our assumption).",
            "Feasibility combines checkability, logged outcomes, error cost and what blocked "
            "it (0 to 1; 0.5 or more is worth a prototype). Logged outcomes count as a "
            "baseline and test cases, not as training data: the deep-RL results learn with "
            "no demonstrations.",
        ),
        shifts=(4, 3),
        caveats=(
            "The deep RL results are in simulation; the gap to production is the main risk.",
            "The RLVR paper found RL improves the first answer more than the ceiling (on the "
            "benchmarks it tested): the base model's pass@k is the limit to test before "
            "paying for RL.",
            "Batch size must grow with depth: deep RL is compute-hungry to train.",
        ),
    )


def _owned(team: float | None, steps: tuple[Recommendation, ...]) -> tuple[Recommendation, ...]:
    """Steps as the plan gives them; a team of one carries every one of them itself, in words
    for one person ("beside your own work"), but for the ML work it brings someone in for."""
    if team != 1:
        return steps
    return tuple(
        s.model_copy(
            update={"detail": for_one(s.detail)}
            | ({} if s.owner == ML_PARTNER else {"owner": "you"})
        )
        for s in steps
    )


def _tie_line(
    best: str, others: list[str], score: float, value: float, valued: dict[str, float], cur: str
) -> str:
    """Why the one whose value you gave goes first among workflows as feasible as it."""
    worth = [f"{money(valued[w], cur)} for {w}" for w in others if w in valued]
    return (
        f"{join([best, *others])} score the same on feasibility ({score:.2f}). You gave "
        f"{money(value, cur)} a month for {best}"
        + (f" against {join(worth)}" if worth else "")
        + f": {best} goes first."
        + ("" if worth else f" Size {possessive(join(others))} value too if it may be worth more.")
    )


def _by_reading(
    workflows: tuple[str, ...], read: PerItem, question: Question
) -> dict[str, list[str]]:
    """The workflows under each way one answer was read, each reading said once."""
    out: dict[str, list[str]] = {}
    for w in workflows:
        label = question.label_of(read.options[w]) + (
            " (your words for it match no option: read as your whole answer)"
            if w in read.unread
            else ""
            if w in read.named
            else " (from the part of your answer naming no workflow)"
            if read.by_rest
            else " (not named, read cautiously)"
        )
        out.setdefault(label, []).append(w)
    return out


def _number(script: ConsultationScript, key: str) -> int:
    return next(n for n, q in enumerate(script.questions, 1) if q.key == key)


def _months(n: float | None) -> str:
    if n is None:
        return "forever (it saves nothing a month)"
    return "under a month" if n < 1 else plural(round(n, 1), "month")


def _other_route(lead: str, tied: list[str], checks: dict[str, str]) -> tuple[str, str] | None:
    """(the leader the plan's steps are for, a tied leader whose route differs: a simulator
    against a language model's pass@k), or None when one plan fits them all."""

    def route(w: str) -> bool:
        return _simulated(w.casefold(), checks[w])

    other = next((w for w in tied if w != lead and route(w) != route(lead)), None)
    return (lead, other) if len(tied) > 1 and other is not None else None


def _simulated(workflow: str, checkable: str) -> bool:
    """A control workflow that can be simulated: a goal-conditioned policy, no language model."""
    return checkable == "simulate" and any(x in workflow for x in CONTROL_WORDS)


def _approach(workflow: str, checkable: str) -> str:
    if _simulated(workflow, checkable):
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
