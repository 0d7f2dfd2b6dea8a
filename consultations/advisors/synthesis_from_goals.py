"""Roadmap items a goal calls for when no earlier consultation gave them: the first step of
the kind of outcome it names, or the prototype of the workflow it names. Pure."""

from __future__ import annotations

import re

from consultations.advisors.synthesis_constraints import FOLLOW_UPS, SHELVED_HUNT, chain
from consultations.advisors.synthesis_goals import (
    CONTACTS_MEASURE,
    IP_NAMED,
    POLICY_MEASURE,
    reduces_image_work,
)
from consultations.advisors.synthesis_items import LAUNCH_STEPS, Item, size, workflow_words
from consultations.advisors.synthesis_workflows import (
    THINGS,
    delivery_measure,
    delivery_named,
    delivery_process,
    documents_named,
    task_measure,
    task_named,
    workflow_named,
)

PROTOTYPE = FOLLOW_UPS["automation"][0]
NAMED_PROTOTYPE = "Define how a good"  # the prototype of the one workflow a goal names

GOAL_TO_FIRST = {  # the first tag that has a step decides; a bare delivery ("launch") last
    "inventory": "inventory",
    "revenue": "revenue",
    "local": "local",
    "compliance": "data",
    "images": "images",  # "publish 5,000 images a month": about images, whatever else it says
    "risk": "images",  # "no IP trouble": the IP controls on what is generated and published
    "automation": "automation",
    "time": "automation",
    "agents": "regulation",
    "audit": "regulation",
    "latency": "latency",
    "cost": "budget",
    "model-cost": "budget",
    "launch": "launch",
}


def from_goal(
    tags: set[str],
    done: set[str],
    agents: bool = True,
    goal: str = "",
    small_bill: str | None = None,
    seats: bool = False,
) -> list[Item]:
    """The first steps (and the one after) for a goal whose consultation was not run; a
    delivery is named in the goal's own words ("Get the underwriting assistant to production");
    ``small_bill``, ``seats``: as :func:`chain` takes them."""
    if "inventory" in tags:
        return [_inventory()]
    if "policy" in tags:
        return [_policy(goal)]
    if "contacts" in tags:
        return [_contacts(goal)]
    if delivered := delivery_named(goal):
        return [_delivery(goal, delivered)]
    for tag, key in GOAL_TO_FIRST.items():
        if tag == "risk" and not IP_NAMED.search(goal):  # "no lawsuits": not about images
            continue
        if tag == "images" and reduces_image_work(goal, tags):
            continue  # "cut image production cost by 30%": a cost to break down, not IP
        if tag == "cost" and tag in tags and (named_cost := _COST_NAMED.search(goal)):
            return [_cost_breakdown(named_cost.group("w"))]
        if tag in tags:
            if key == "automation" and (written := documents_named(goal)):
                return [_drafting(*written)]
            named = workflow_named(goal) if key == "automation" else None
            if named:  # the goal names its workflow: that one, not a hunt for one (an earlier
                return [_prototype(named)]  # prototype of the same workflow replaces it later)
            items = chain(key, done, agents, small_bill, seats)
            if not items and key == "images" and "diffusion-ip-risk" in done:
                return []  # "ship the Steam page with key art": the IP report's steps serve it
            if items and key == "launch" and goal:
                items[0].title = f"{goal[:1].upper()}{goal[1:]}: {LAUNCH_STEPS}"
            if key == "regulation" and "launch" in tags and goal:  # "ship an agent … by Q2":
                items += from_goal({"launch"}, done, agents, goal)  # traced, then its rollout
            if items:
                return items
    if task := task_named(goal):  # "summarise maintenance logs for technicians": that task
        return [_task(*task)]
    return []


def _prototype(workflow: str) -> Item:
    """The define-then-prototype step, for the one workflow a goal names."""
    _, detail, _, measure, tags = FOLLOW_UPS["automation"]
    thing = f"the {workflow}" if workflow.split()[-1].casefold() in THINGS else workflow
    return Item(
        f"{NAMED_PROTOTYPE} {workflow} outcome is checked, then prototype {thing} in shadow mode",
        f"Which {workflow} outcomes a program, a simulator or a reviewer's sign-off can tell "
        f"right from wrong, and today's baseline on 50 recent cases. Then: {detail}",
        "product lead",
        measure,
        "constraint",
        set(tags),
        weeks=size(SHELVED_HUNT, "product lead") + size(PROTOTYPE, "engineering lead"),
        subject=workflow_words(workflow),
    )


def _drafting(who: str, what: str) -> Item:
    """Time people spend writing ("the time dentists spend on notes"): today's minutes per
    document first, then drafts they correct and sign, beside them, never filed unsigned."""
    one = what.removesuffix("ies") + "y" if what.endswith("ies") else what.removesuffix("s")
    return Item(
        f"Time how long {who} spend on {what} today, then prototype drafting the {what} for "
        f"{who} to correct and sign",
        f"Time 30 recent {what} end to end (writing, checking, correcting) as the baseline. "
        f"Then: a draft of each from what is already captured (dictation, recording, form or "
        f"record), shown to {who} to correct and sign; nothing is filed without their "
        f"sign-off; count the minutes per {one} and the corrections they make.",
        "product lead",
        f"minutes {who} spend per {one}, against this month's",
        "constraint",
        {"automation", "time"},
        weeks=size(SHELVED_HUNT, "product lead") + size(PROTOTYPE, "engineering lead"),
        subject=workflow_words(what),
    )


def _task(doing: str, what: str, who: str) -> Item:
    """A task a goal asks a model to do ("summarise maintenance logs for technicians"): the
    work timed on recent cases first, then a prototype whose every result a person checks."""
    return Item(
        f"Time {doing} {what} on 30 recent cases, then prototype {doing} {what} in shadow mode",
        f"Take 30 recent cases of {doing} {what}, each with the result a person produced or "
        "would accept, as the bar, and time the work today. Then: the model does each new "
        f"case, shown to {who} to check and correct before it is used; nothing goes out "
        "unchecked; count the minutes per case and the corrections.",
        "product lead",
        task_measure(doing, what),
        "constraint",
        {"automation", "time"},
        weeks=size(SHELVED_HUNT, "product lead") + size(PROTOTYPE, "engineering lead"),
        subject=workflow_words(what),
    )


def _inventory() -> Item:
    """An AI-system inventory a goal asks for (for a regulator): the list itself, first. Its
    words name no vendor: it lists what runs and brings no new data flow to wait for the map."""
    return Item(
        "List every AI system in use or in a pilot: purpose, owner, provider, data and risk class",
        "One row per system, from the contracts, the model calls on record and each team's own "
        "account; each gets an owner who keeps its row current.",
        "compliance lead",
        "every AI system in use or in a pilot on the list, with its owner and risk class",
        "constraint",
        {"inventory", "audit"},
        weeks=4.0,
    )


_POLICY_VERB = re.compile(  # "write a lab policy …": the step says "write, agree and publish"
    r"^(?:(?:we\s+)?(?:must|need\s+to|want\s+to|should)\s+|to\s+)?(?:write|draft|create|"
    r"publish|agree(?:\s+on)?|set\s+up|put\s+in\s+place|establish|introduce|roll\s+out|"
    r"finali[sz]e|get|have)\s+",
    re.I,
)


def _policy(goal: str) -> Item:
    """A policy the goal asks for ("a policy for staff use of chatbots"): written, agreed with
    those who must keep it, published; a document, so small."""
    what = _POLICY_VERB.sub("", goal[:1].lower() + goal[1:]) or goal  # "write a lab policy"
    what = what if what.startswith(("a ", "an ", "the ")) else f"the {what}"
    return Item(
        f"Write, agree and publish {what}",
        "What is allowed, with which data, who approves a new tool and whom to ask; agreed "
        "with those who must follow it and those who answer for data protection, then sent "
        "to every team with a named contact.",
        "compliance lead",
        POLICY_MEASURE,
        "constraint",
        {"policy"},
        weeks=2.0,
    )


def _contacts(goal: str) -> Item:
    """Fewer customers needing a person ("reduce call centre volume by 15%"): why they get in
    touch first, then the most frequent reason a program can answer, beside people first."""
    g = goal.casefold()
    noun = "calls" if "call" in g else "tickets" if "ticket" in g else "contacts"
    return Item(
        f"Sort last month's {noun} by reason, then prototype answering the most frequent "
        "checkable one without a person",
        f"Tag 500 recent {noun} by why the customer got in touch; the frequent reasons whose "
        "answer a program can check (a status, a missing document, a change of details) are "
        f"the candidates, and their share of today's {noun} is the baseline. Then: answers "
        "for the top reason drafted beside the people handling it, a person approving each "
        "until they agree; then offered to customers where they start (chatbot, website or "
        "phone menu), always with a way through to a person.",
        "customer service lead",
        CONTACTS_MEASURE,
        "constraint",
        {"contacts"},
        weeks=size(SHELVED_HUNT, "product lead") + size(PROTOTYPE, "engineering lead"),
    )


def _delivery(goal: str, thing: str) -> Item:
    """A thing the goal asks to put live ("ship a self-serve onboarding flow"): today's manual
    steps and recent cases as the bar, a pilot on them, then a staged rollout."""
    process = delivery_process(thing)
    return Item(
        f"{goal[:1].upper()}{goal[1:]}: pilot it on 100 recent cases, then a staged rollout",
        f"List the {process} steps a person does by hand today and take 100 recent {process} "
        f"cases with their outcomes as the bar; pilot the {thing} on them, a person reviewing "
        "each outcome until they match the bar; then open it to 10%, half and all of its "
        "users, each step traced.",
        "product lead",
        delivery_measure(thing),
        "constraint",
        {"launch"},
        subject=workflow_words(thing),
    )


_COST_NAMED = re.compile(  # "cut agency spend by 40%": the cost is "agency spend"
    r"\b(?:cut|reduce|lower|halve|shrink|bring down|save on)\s+(?:the\s+|our\s+)?"
    r"(?P<w>[\w&/-]+(?:\s+[\w&/-]+){0,4}?)(?:\s+(?:by|to|under|below|in|before|until|this|next|over|within)\b"
    r"|\s+-?\d[\d.,]*\s*%|\s*$)",  # "cut support cost 30%": a share said straight after
    re.I,
)


def _cost_breakdown(what: str) -> Item:
    """A cost the business pays ("cut agency spend by 40%"), not model spend: where it goes
    first, then the largest part a program can check, prototyped beside the people doing it."""
    _, then, _, _, _ = FOLLOW_UPS["automation"]
    return Item(
        f"Break down {what} by the work it pays for, then prototype the largest checkable "
        "part in shadow mode",
        f"Last quarter's {what}, task by task, each with whether a program, a simulator or a "
        "reviewer's sign-off can tell a good outcome from a bad one; the largest checkable "
        f"task is the candidate and its cost today the baseline. Then: {then}",
        "product lead",
        "the cost the goal names, against a baseline taken this month",
        "constraint",
        {"cost"},
        weeks=size(SHELVED_HUNT, "product lead") + size(PROTOTYPE, "engineering lead"),
        subject=workflow_words(what),
    )
