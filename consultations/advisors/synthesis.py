"""2026 AI Strategy Synthesis: earlier verdicts turned into a plan the team can carry.

Items are the concrete next steps of the user's earlier consultations (or, for a constraint no
consultation has looked at, one first step). They are ranked by the goals and constraints the
user stated, scheduled quarter by quarter with no more items at once than the tracks a team of
this size can run, after what they depend on, and owned by roles in this team.
"""

from __future__ import annotations

import math
import re

from consultations.advisors.base import AdvisorInput, assumed_lines, role_phrase
from consultations.advisors.synthesis_bill import SMALL_BILL, monthly_bill, seats_in_use
from consultations.advisors.synthesis_budget import (
    WEEKS_A_YEAR,
    budget_figure,
    budget_said,
    budget_working,
    cost,
    currency_of,
    effort_line,
    effort_weeks,
    stops,
    unused_in,
)
from consultations.advisors.synthesis_constraints import chain
from consultations.advisors.synthesis_dates import dated, late_line, year_of
from consultations.advisors.synthesis_from_goals import from_goal
from consultations.advisors.synthesis_goals import (
    CAP_SERVED,
    RULE_SERVED,
    goal_measure,
    goal_tags,
    has_deadline,
    is_cap,
    is_rule,
    rule_touches,
    ruled_word,
    vague_cost,
)
from consultations.advisors.synthesis_items import (
    ADDS,
    CONSTRAINT_TAGS,
    Item,
    from_report,
    serves,
    to_recommendation,
)
from consultations.advisors.synthesis_order import (
    built_before_launch,
    keep_constraints,
    launch_after_its_prototype,
    link_interface_before_switch,
    nothing_live,
    one_workflow_each,
    pitched_to_clients,
    residency_map_first,
    seats_only,
    traced_before_live,
    value_before_prototype,
)
from consultations.advisors.synthesis_scope import (
    AI_SHARE_CAP,
    follow_ons,
    free_lines,
    room_for_track,
    share_of_year,
    within_room,
)
from consultations.advisors.synthesis_sizing import (
    crew,
    for_one,
    owner_for,
    size_for_team,
    sizing_assumption,
)
from consultations.advisors.words import briefly, count, join, money, plural
from consultations.report import Figure, Recommendation, Report, Section

QUARTERS = ("0-3 months", "3-6 months", "6-9 months", "9-12 months")
PEOPLE_PER_TRACK = 15
MODEL_SPEND = "monthly model spend"
SEATS_SPEND = "monthly spend on AI seats and licences"
MAX_TRACKS = 3
TITLES = {
    "model-convergence": "Model Convergence Strategy",
    "attention-readiness": "Attention Infrastructure Readiness",
    "edge-economics": "Edge Deployment Economics",
    "reasoning-telemetry": "Reasoning Telemetry Architecture",
    "research-curation": "Research Curation System",
    "automation-frontier": "Automation Frontier Reassessment",
    "diffusion-ip-risk": "Diffusion Model IP Risk Assessment",
}


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    role = sheet.text("role", "the team lead")
    industry = sheet.text("industry", "your industry")
    team = max(1.0, sheet.number("team_size", 10))
    use = sheet.text("ai_use", "early experiments")
    constraints = sheet.choices("constraints", ("budget",))
    goals = _goals(sheet.items("goals", ("ship one AI feature that pays for itself",)))

    tracks = max(1, min(MAX_TRACKS, int(team // PEOPLE_PER_TRACK) + 1))
    lead = _short(role)
    done = {e.slug: e.report for e in request.earlier if e.report is not None}
    items: list[Item] = []
    for slug, report in done.items():
        items.extend(from_report(slug, report))
    agents = "agent" in use.casefold() or "reasoning-telemetry" in done
    bill = monthly_bill(use, request.earlier)
    small = money(*bill) if bill is not None and bill[0] < SMALL_BILL else None
    seats = seats_only(use)
    for c in constraints:
        items.extend(i for i in chain(c, set(done), agents, small, seats) if _new(i, items))
    for g in goals:
        items.extend(
            i for i in from_goal(goal_tags(g), set(done), agents, g, small, seats) if _new(i, items)
        )
    if team <= 1 or _ONE_SEAT.search(use):  # "one ChatGPT Plus seat": nothing to count
        items[:] = [i for i in items if i.title != seats_in_use().title]
    one_workflow_each(items)
    nothing_live(items, use)
    built_before_launch(items, use)
    pitched_to_clients(items, industry)
    value_before_prototype(items)
    link_interface_before_switch(items)
    launch_after_its_prototype(items)
    residency_map_first(items, constraints)
    items.extend(follow_ons(items))
    traced_before_live(items, constraints)
    wanted = set().union(*(goal_tags(g) for g in goals)) if goals else set()
    pressing = set().union(*(CONSTRAINT_TAGS.get(c, set()) for c in constraints))
    triggered = [i for i in items if i.trigger]
    ranked = sorted(
        (i for i in items if not i.trigger), key=lambda i: -_priority(i, wanted, pressing)
    )
    size_for_team(items, team)
    ruled = tracks  # the rule of thumb's tracks, before any the year has room for
    plan, deferred, tracks, wait = _with_room(ranked, tracks, goals, wanted, pressing, team)
    staff = min(crew(team), team / tracks)  # a one-person team staffs its one track alone
    plan = within_room(plan, team * WEEKS_A_YEAR)
    deferred = [i for i in deferred if not i.extra]
    for _, placed in plan:  # a step whose own next step has no track this year says so
        if then := next((d for d in deferred if d.depends_on == placed.title), None):
            placed.detail += (
                f" The step that waits for it (“{_lower_first_word(then.title, '')}”) has no "
                "free track this year: it comes first next year."
            )

    said_budget = sheet.raw("constraints")  # "budget, maybe 2.500 € a month tops": its figure
    budget = budget_said(said_budget)
    cur, cur_said = currency_of(  # the budget's currency first: a model bill in dollars
        (e.answers for e in request.earlier),  # ("under $500 a month") is the vendor's
        (f"{budget[1]} " if budget and budget[1] else "") + " ".join(goals),
        industry,
        use,
    )
    recs: list[Recommendation] = []
    kept: dict[str, int] = {}  # each constraint's rule: the step that says it in full
    # rules among the goals, or said beside the constraints ("…, no hardware purchases this year")
    rules = [g for g in goals if is_rule(g)] + [
        p for p in re.split(r"[,;]", said_budget) if is_rule(p) and p.strip() not in goals
    ]
    conflicts: list[tuple[str, str, str]] = []  # (goal, rule, the step the goal needs)
    for horizon, item in plan:
        keep_constraints(item, constraints, kept, len(recs) + 1)
        for rule in (r for r in rules if rule_touches(r, item.title)):
            rule = _JOINED.sub("", rule.strip())
            item.detail += (  # "no hardware purchases this year" beside a pilot on hardware
                f" Your rule “{rule}” holds: with what you already have, or it waits."
            )
            conflicts += [
                (g, rule, item.title) for g in goals if not is_rule(g) and serves(g, item)
            ]
        item.detail += " " + effort_line(item, cur)
        if team == 1:  # "the team owning the work takes it over": there is no team
            item.detail, item.measure = for_one(item.detail), for_one(item.measure)
        served_goals = [g for g in goals if serves(g, item)]
        when = dated(horizon, request.as_of)
        recs.append(
            to_recommendation(item, when, owner_for(item.owner, team, lead, role), served_goals)
        )
    weeks = sum(effort_weeks(i) for _, i in plan)
    capacity = team * WEEKS_A_YEAR
    if not recs:  # nothing known yet: one honest first step
        recs.append(
            Recommendation(
                title="Run the consultation closest to your first goal",
                detail="No earlier consultation and no constraint gave a concrete step yet.",
                horizon=QUARTERS[0],
                owner=lead,
            )
        )
    goal_lines = []
    unserved = [
        g
        for g in goals
        if not any(g in r.detail for r in recs) and not is_cap(g) and not is_rule(g)
    ]
    room = weeks <= capacity / 2  # the plan leaves most of the year for the team's own work
    beside = (
        f": it is work beside this roadmap, which leaves {_rest_of(weeks, capacity)} "
        "of your team's year for it"
        if room
        else "; plan the work it needs beside this roadmap"
    )
    number_of_goals = _number_of(request, "goals")
    for g in goals:
        serving = [] if is_rule(g) else [r.title for r in recs if g in r.detail]  # a rule is kept
        measure = goal_measure(g)
        if seats:  # no model bill of their own: what they pay for is seats
            measure = measure.replace(MODEL_SPEND, SEATS_SPEND, 1)
        goal_lines.append(
            f"{g} — served by: "
            + (
                join(serving)
                if serving
                else CAP_SERVED
                if is_cap(g)
                else RULE_SERVED
                if is_rule(g)
                else "nothing yet: it names no outcome to plan for; restate it with the number "
                "that would show it worked (for example “answer 40% of support tickets without "
                f"a person”) and `edit {number_of_goals}`"
                if not goal_tags(g) and not _COUNTED.search(g)
                else f"no item here serves it directly{beside}"
            )
            + (
                " (read as your AI model spend, as it names no other cost: to cut another, name "
                f"it and its target, e.g. “cut support costs by 20%”, and `edit {number_of_goals}`)"
                if vague_cost(g)
                else ""
            )
            + f". Measure: {measure}."
            + late_line(g, recs, request.as_of)
        )
    sections = []
    if conflicts:
        sections.append(
            Section(title="A conflict to decide first", items=(_conflict(*conflicts[0]),))
        )
    if done:
        sections.append(
            Section(
                title="Built on your earlier consultations",
                items=tuple(f"{r.title} — earlier verdict: {r.verdict}" for r in done.values()),
            )
        )
    sections.append(Section(title="Your goals and what serves them", items=tuple(goal_lines)))
    if free := free_lines(weeks, capacity, tracks, team):
        sections.append(Section(title="What this plan leaves free", items=free))
    if triggered:
        sections.append(
            Section(
                title="When these happen",
                items=tuple(
                    f"{i.title} ({owner_for(i.owner, team, lead, role)}) — {i.trigger}."
                    for i in triggered
                ),
            )
        )
    verdicts = {slug: r.verdict for slug, r in done.items()}
    stop = stops(
        verdicts,
        constraints,
        deferred,
        [] if room else unserved,
        unused_in(use),
        f"{wait or 'no track is free'}; the plan takes {share_of_year(weeks, capacity)}",
    )
    if stop:
        sections.append(Section(title="What to stop or not start", items=stop))
    missing = [s for s in TITLES if s not in done]
    if missing:
        sections.append(
            Section(
                title="Consultations not yet run",
                items=tuple(f"{TITLES[s]}: would add {ADDS[s]}." for s in missing),
            )
        )
    first = recs[0]
    said = for_one if team == 1 else str  # "one track … for a team of 1 person": you alone
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=said(
            (
                f"Decide first between “{conflicts[0][0]}” and “{conflicts[0][1]}”: the goal "
                "needs what the rule may forbid (see the conflict below). Then, "
                if conflicts
                else ""
            )
            + f"{_lower_first_word(first.title, 'First, ' if not conflicts else '')} "
            f"({first.owner}); "
            + ("one track at a time" if tracks == 1 else f"{count(tracks)} tracks at a time")
            + f" for a team of {plural(team, 'person')}."
        ),
        summary=said(
            f"A roadmap for you as {lead}, {_where(industry)}, "
            + (f"from {year_of(request.as_of)}, " if request.as_of else "")
            + f"starting from what runs today ({briefly(use)}). "
            + (
                f"It turns the next steps of your {plural(len(done), 'earlier consultation')} "
                "into quarters, "
                if done
                else "No consultation has been run yet, so it starts from your constraints, "
            )
            + f"ranked by your goals and constraints ({join(list(constraints))}), one item per "
            f"track at a time. It costs about {money(cost(weeks, cur), cur)} in people's time "
            f"({share_of_year(weeks, capacity)})" + (", and says what to stop." if stop else ".")
        ),
        figures=(
            Figure(
                label="Tracks at once",
                value=tracks,
                display=str(tracks),
                working=f"a team of {count(team)} ÷ {PEOPLE_PER_TRACK} people per track, "
                f"plus one, at most {MAX_TRACKS}"
                + (
                    f", is {count(ruled)}; "
                    f"{'one' if tracks - ruled == 1 else count(tracks - ruled)} more, as the "
                    "steps that would wait a year fit: the plan then takes "
                    f"{plural(weeks, 'person-week')}, {share_of_year(weeks, capacity)}, "
                    f"{plural(tracks * staff, 'person')} at once"
                    if tracks > ruled
                    else ""
                ),
            ),
            Figure(
                label="What the plan costs",
                value=cost(weeks, cur),
                display=said(
                    f"about {money(cost(weeks, cur), cur)}: {plural(weeks, 'person-week')}, "
                    f"{share_of_year(weeks, capacity)}"
                ),
                working="the effort of each item above × 5 days × "
                f"{money(cost(1, cur) / 5, cur)} a loaded engineer-day; a team of {count(team)} × "
                f"{WEEKS_A_YEAR} working weeks = {count(capacity)} person-weeks a year",
            ),
        )
        + _budget_figures(budget, said_budget, cost(weeks, cur), cur),
        recommendations=tuple(recs),
        sections=tuple(sections),
        assumptions=assumed_lines(
            sheet,
            {
                "team_size": "No team size given: assumed 10 people.",
                "constraints": "No constraint given: assumed budget.",
            },
        )
        + (
            f"About one track per {PEOPLE_PER_TRACK} people, at most {MAX_TRACKS} at once "
            "(our rule of thumb).",
            "One more track when a step would otherwise wait a year, as long as the tracks' "
            f"people and the plan's weeks stay within {round(100 * AI_SHARE_CAP)}% of your "
            "team and of its year (our rule of thumb).",
            sizing_assumption(team, staff) + "; an "
            f"engineer-day costs {money(cost(1, cur) / 5, cur)} fully loaded and a person gives "
            f"{WEEKS_A_YEAR} working weeks a year (our assumptions).",
        )
        + ((cur_said,) if cur_said else ())
        + (
            ()
            if done
            else ("No earlier consultation was finished: the plan is thin until one is.",)
        ),
        shifts=(1, 2, 3, 4, 5, 6),
        caveats=(
            "Homogeneity could reverse if labs diverge in data and tuning: revisit vendor "
            "choices each quarter.",
            "Deep RL results are from simulation and may hit limits outside it.",
            "The diffusion result holds on average and can fail on rare items.",
            "The RLVR finding was shown on specific benchmarks and may not carry over to new "
            "RL methods.",
        ),
    )


_ONE_SEAT = re.compile(  # "one ChatGPT Plus seat", "a single Copilot licence": no seats to count
    r"\b(?:one|a single|single|1)\s+(?:[\w.+-]+\s+){0,3}?(?:seat|licen[cs]e|subscription|"
    r"account)\b",
    re.I,
)
_ONE_BUSINESS = re.compile(  # "design agency": one business, not a sector ("insurance")
    r"^(?!(?:a|an|the|our|my)\s)[\w&/ -]*?\b(?:agency|firm|studio|company|startup|start-up|"
    r"lab|hospital|bank|insurer|consultancy|practice|publisher|retailer|school|university|"
    r"clinic|shop|store|manufacturer|supplier|charity|ngo|nonprofit|non-profit)\b(?=\s*(?:[(,]|$))",
    re.I,
)


_JOINED = re.compile(r"^(?:but|and|plus)\s+(?:also\s+)?", re.I)  # "but also no new vendors"


def _where(industry: str) -> str:
    """ "in insurance", "at a design agency" (it read "in design agency")."""
    if _ONE_BUSINESS.match(industry):
        article = "an" if industry[:1].casefold() in "aeiou" else "a"
        return f"at {article} {industry}"
    return f"in {industry}"


def _rest_of(weeks: float, capacity: float) -> str:
    """The share of the year a plan leaves: "96%", "more than 99%" (never "100%" of it)."""
    share = 100 * weeks / capacity
    return "more than 99%" if share < 1 else f"{100 - round(share)}%"


def _budget_figures(
    budget: tuple[float, str | None, str | None] | None, said: str, plan: float, cur: str
) -> tuple[Figure, ...]:
    """The budget the user typed beside the 'Budget' choice, a year, against the plan."""
    if budget is None:
        return ()
    a_year, shown = budget_figure(budget[0], budget[2], cur)
    return (
        Figure(
            label="Your budget",
            value=a_year,
            display=shown,
            working=budget_working(said, a_year, plan, cur),
        ),
    )


_COUNTED = re.compile(  # "win one EU grant", "publish 3 papers": an outcome that can be counted
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|half|halve)\b(?!-)", re.I
)


def _number_of(request: AdvisorInput, key: str) -> int:
    return next(n for n, q in enumerate(request.script.questions, 1) if q.key == key)


def _new(item: Item, items: list[Item]) -> bool:
    return all(item.title != i.title for i in items)


_FILLER = re.compile(  # "actually also launch a voice receptionist": the goal is the launch
    r"^(?:(?:actually|oh|and|also|plus|then|too|as well|ah|oh and|und|auch|außerdem|et|aussi)"
    r"[\s,:]+)+",
    re.I,
)


def _goals(raw: tuple[str, ...]) -> list[str]:
    """Rejoin goals a list split at a thousands comma: "publish 5" + "000 images" → one goal;
    the words that joined it to the last ("actually also …") left out."""
    out: list[str] = []
    for part in (_FILLER.sub("", p) or p for p in raw):
        if out and re.match(r"^\d{3}\b", part) and re.search(r"\d$", out[-1]):
            out[-1] = f"{out[-1]},{part}"
        else:
            out.append(part)
    return out


def _priority(item: Item, wanted: set[str], pressing: set[str]) -> float:
    score = 3.0 * len(item.tags & wanted) + 2.0 * len(item.tags & pressing)
    score += item.urgency - (1.5 if item.follow_up else 0.0)
    return score + (0.5 if item.source != "constraint" else 0.0)


GOAL_COVER = 4.0  # an item that serves a goal nothing placed serves yet comes before more of one
DUE = 6.0  # ... and more so when that goal names its date ("by March")


def _schedule(
    ranked: list[Item],
    tracks: int,
    goals: list[str],
    wanted: set[str],
    pressing: set[str],
    staff: float,
) -> tuple[list[tuple[str, Item]], list[Item]]:
    """Quarter by quarter, at most one item per track, never before what it depends on ends;
    an item longer than a quarter for the ``staff`` of a track holds it for more quarters
    (a 16-week pilot for one person takes two); each pick favours the goals nothing placed
    serves yet, so one goal cannot take every track."""
    ends: dict[str, int] = {}  # the last quarter of each placed item
    plan: list[tuple[str, Item]] = []
    left = list(ranked)
    titles = {i.title for i in ranked}
    served: set[str] = set()
    free = [0] * tracks  # the first quarter each track is free
    for q in range(len(QUARTERS)):
        for track in range(tracks):
            if free[track] > q:
                continue
            ready = [
                i
                for i in left
                if _quarters(i, staff) <= len(QUARTERS) - q
                and not any(
                    after in titles and ends.get(after, len(QUARTERS)) >= q
                    for after in (i.depends_on, i.also_after)
                    if after
                )
            ]
            if not ready:
                break
            item = max(
                ready,
                key=lambda i: (  # a step the plan added itself only fills a free slot
                    not i.extra,
                    _priority(i, wanted, pressing)
                    + GOAL_COVER * len(_served_by(i, goals) - served)
                    + DUE * sum(has_deadline(g) for g in _served_by(i, goals) - served),
                ),
            )
            span = _quarters(item, staff)
            ends[item.title] = q + span - 1
            free[track] = q + span
            plan.append((QUARTERS[q] if span == 1 else f"{3 * q}-{3 * (q + span)} months", item))
            left.remove(item)
            served |= _served_by(item, goals)
    return plan, left


def _with_room(
    ranked: list[Item],
    tracks: int,
    goals: list[str],
    wanted: set[str],
    pressing: set[str],
    team: float,
) -> tuple[list[tuple[str, Item]], list[Item], int, str | None]:
    """The schedule, with one more track while a step would wait a year and the team and its
    year have room for it (a 14-person team used 2% of its year while a prototype paying back
    in under a month waited); the tracks used, and why what still waits waits, in figures."""

    def staff(n: int) -> float:  # a one-person team staffs its one track alone
        return min(crew(team), team / n)

    plan, deferred = _schedule(ranked, tracks, goals, wanted, pressing, staff(tracks))
    needed = sum(effort_weeks(i) for i in ranked if not i.extra)
    while waiting := sum(not i.extra for i in deferred):
        if wait := room_for_track(team, tracks, staff(tracks + 1), needed, MAX_TRACKS):
            return plan, deferred, tracks, wait
        more = _schedule(ranked, tracks + 1, goals, wanted, pressing, staff(tracks + 1))
        if sum(not i.extra for i in more[1]) >= waiting:  # not the track: its order makes it wait
            return plan, deferred, tracks, "what it waits for ends too late in the year"
        tracks += 1
        plan, deferred = more
    return plan, deferred, tracks, None


def _quarters(item: Item, staff: float) -> int:
    """Quarters an item holds its track: its person-weeks over the track's 13 weeks × staff."""
    return max(1, math.ceil(effort_weeks(item) / (13 * staff) - 1e-9))


def _served_by(item: Item, goals: list[str]) -> set[str]:
    return {g for g in goals if serves(g, item)}


def _lower_first_word(title: str, lead: str) -> str:
    head, _, rest = title.partition(" ")
    word = head.lower() if head[1:].islower() else head
    return f"{lead}{word} {rest}".strip()


def _short(role: str) -> str:
    head = re.sub(r"\s*\([^()]*\)", "", role_phrase(role)).split(",")[0].strip()  # "(EU, GDPR)"
    if len(head) > 40:  # "lead of a 12-person applied ML lab at a university hospital"
        head = re.split(r"\s+(?:at|in|for|within|inside|chez|à|bei|im)\s+|\s+d['’]une?\s+", head)[0]
    return head if 2 <= len(head) <= 40 else "the team lead"


def _conflict(goal: str, rule: str, step: str) -> str:
    """A goal whose step a rule forbids, said plainly, with the ways out to choose from."""
    return (
        f"“{goal}” needs “{_lower_first_word(step, '')}”, which your rule “{rule}” may rule "
        "out. Decide which gives way before the step starts: keep the rule and run the step "
        f"only with the {ruled_word(rule, step) or 'means'} you already have, narrowing the "
        "goal to what that carries; move the goal to next year's budget; or make an exception "
        "to the rule for this one step, with its cost approved. Until you decide, the step "
        "runs only with what you already have."
    )
