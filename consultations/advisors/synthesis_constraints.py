"""A roadmap's steps for a constraint whose consultation was not run: the first step, and the
one after it, which waits for the first. Pure."""

from __future__ import annotations

from consultations.advisors.synthesis_bill import cap_the_bill, seats_in_use
from consultations.advisors.synthesis_items import LAUNCH_STEPS, Item, lower_first, size

SHELVED_HUNT = "List the workflows shelved as too complex"
TRACE_TITLES = ("Trace every agent run", "Record every model call in production")
Step = tuple[str, str, str, str, set[str]]  # title, detail, owner kind, measure, tags
FOLLOW_UPS: dict[str, Step] = {  # the step after a constraint's first, to reach the year's end
    "budget": (
        "Move the priced workload or cut its tokens, as the comparison shows",
        "Take whichever is cheaper at your volume, with today's answers as the quality bar.",
        "platform team",
        "monthly model spend against this month's",
        {"model-cost"},
    ),
    "automation": (
        "Prototype the best-checked workflow in shadow mode",
        "Run it beside the people doing the work, a person approving every action until the "
        "check agrees with them.",
        "engineering lead",
        "the share of cases the prototype handles as well as people",
        {"automation", "time", "agents"},
    ),
    "regulation": (
        "Rehearse an audit: reconstruct 20 sampled decisions end to end",
        "Pick them at random from last month; time how long each takes to explain.",
        "compliance lead",
        "the share of sampled decisions you can reconstruct on request",
        {"audit"},
    ),
    "data": (
        "Move or stop each workload outside your residency rules",
        "Fix them in the order the map ranks them, most sensitive first.",
        "platform team",
        "no workload outside its residency rules",
        {"compliance", "privacy"},
    ),
    "skills": (
        "Move every model call onto the one interface, one workload at a time",
        "Move each behind a flag; the direct vendor calls go once it runs.",
        "platform team",
        "no direct vendor SDK call left in production",
        {"skills"},
    ),
    "latency": (
        "Bring the slowest workload within its latency target",
        "Try a smaller model, shorter prompts or a cache, as the timings show.",
        "platform team",
        "each workload's p95 latency within its target",
        {"latency"},
    ),
    "revenue": (
        "Ship the paid offer to five design-partner customers",
        "Priced from the first day; what they use and what they pay decides the launch.",
        "engineering lead",
        "paying customers and the monthly revenue they bring",
        {"revenue"},
    ),
}


def chain(
    constraint: str,
    done: set[str],
    agents: bool = True,
    small_bill: str | None = None,
    seats: bool = False,
) -> list[Item]:
    """A constraint's first step and the one after it (which waits for the first);
    ``small_bill``: the model bill a month, said, when too small for a server to pay back;
    ``seats``: whether the team's AI is only tools paid per seat (no workload to price)."""
    if constraint == "budget" and seats and "edge-economics" not in done:
        return [seats_in_use()]
    if constraint == "budget" and small_bill is not None and "edge-economics" not in done:
        return [cap_the_bill(small_bill)]
    first = from_constraint(constraint, done, agents)
    if first is None or constraint not in FOLLOW_UPS:
        return [first] if first else []
    title, detail, owner, measure, tags = FOLLOW_UPS[constraint]
    if size(first.title, first.owner) <= 2:  # a list or a price first: one package, one track
        first.weeks = size(first.title, first.owner) + size(title, owner)
        first.title += ", then " + lower_first(title)
        first.detail += " Then: " + detail
        first.measure = measure
        return [first]
    then = Item(title, detail, owner, measure, "constraint", set(tags), first.title)
    then.follow_up = True
    return [first, then]


def from_constraint(constraint: str, done: set[str], agents: bool = True) -> Item | None:
    """A first step for a constraint whose consultation was not run (never undoing it);
    ``agents``: whether the user runs agents (else model calls are traced, not agent runs)."""
    table = {
        "budget": (
            "edge-economics",
            "Price your highest-volume workload: API against local",
            "Requests a month, tokens per request and the API price give the monthly "
            "bill; compare it with one server's cost all in.",
            "platform team",
            "a signed-off cost comparison with its break-even",
            {"model-cost"},
        ),
        "automation": (
            "automation-frontier",
            f"{SHELVED_HUNT}, with how each outcome could be checked",
            "For each: can a program or a simulator tell a good outcome from a bad one? Those "
            "that can are the prototype candidates.",
            "product lead",
            "a short list of workflows with a check for each",
            {"automation", "time", "agents"},
        ),
        "images": (
            "diffusion-ip-risk",
            "Put review and records into the image publishing workflow",
            "Keep the prompt, model and seed of every published image; review external ones "
            "before they go out.",
            "marketing operations",
            "no image published without its record and a review",
            {"images", "risk"},
        ),
        "regulation": (
            "reasoning-telemetry",
            f"{TRACE_TITLES[0]}: run, step, tool call"
            if agents
            else f"{TRACE_TITLES[1]}: input, output, model and version",
            "One span per run and per tool call, kept in full where a regulator can ask."
            if agents
            else "One record per call, kept in full where a regulator can ask; an agent "
            "added later is traced run by run.",
            "platform team",
            "every production agent run traceable end to end"
            if agents
            else "every production model call on record",
            {"audit"},
        ),
        "local": (
            "edge-economics",
            "Pilot a small quantised open model on your own hardware",
            "20-50 real tasks with the answers you get today, run through a quantised open "
            "model locally; keep it where it stays within your tolerance of today's answers.",
            "ML engineer",
            "the local model within your tolerance on your own test tasks",
            {"local", "latency", "privacy"},
        ),
        "launch": (
            "",  # a delivery named in a goal: this step always comes from the goal
            f"Take what the goal names to production: {LAUNCH_STEPS}",
            "100 real cases with the answers people gave as the bar; a person reviews its "
            "answers until they match the bar; then 10%, half and all of its users, each step "
            "traced.",
            "engineering lead",
            "live in production for its users, its answers on real cases as good as the bar",
            {"launch"},
        ),
        "revenue": (
            "",  # no consultation looks at revenue: this step always comes from the goal
            "Pick the one AI offer customers would pay for, and its price",
            "Five customer conversations around a priced mock-up; the offer that serves one "
            "of your goals and runs on what you already use.",
            "product lead",
            "an offer and a price customers agreed to try",
            {"revenue"},
        ),
        "data": (
            "",  # the vendor consultation keeps residency-bound vendors; it maps no data flows
            "Map where each workload's data is processed",
            "For every model call: which vendor, which region, which contract clause; "
            "anything outside your residency rules is the first fix.",
            "compliance lead",
            "no workload outside its residency rules",
            {"compliance", "privacy"},
        ),
        "skills": (
            "model-convergence",
            "Put every model call behind one internal model interface",
            "One internal client with the vendor as configuration: one thing for the team to "
            "learn, and a vendor switch becomes a configuration change.",
            "platform team",
            "one internal model client in production",
            {"skills", "model-cost"},
        ),
        "latency": (
            "edge-economics",
            "Measure p95 latency per workload against its target",
            "A week of production timings per workload, network and model separately.",
            "platform team",
            "each workload's p95 latency known against its target",
            {"latency"},
        ),
    }
    if constraint not in table:
        return None
    slug, title, detail, owner, measure, tags = table[constraint]
    if slug in done:
        return None
    return Item(title, detail, owner, measure, "constraint", set(tags))
