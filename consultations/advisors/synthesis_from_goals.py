"""Roadmap items a goal calls for when no earlier consultation gave them: the first step of
the kind of outcome it names, or the prototype of the workflow it names. Pure."""

from __future__ import annotations

from consultations.advisors.synthesis_goals import THINGS, workflow_named
from consultations.advisors.synthesis_items import (
    FOLLOW_UPS,
    LAUNCH_STEPS,
    SHELVED_HUNT,
    Item,
    chain,
    size,
    workflow_words,
)

PROTOTYPE = FOLLOW_UPS["automation"][0]

GOAL_TO_FIRST = {  # the first tag that has a step decides; a bare delivery ("launch") last
    "inventory": "inventory",
    "revenue": "revenue",
    "local": "local",
    "compliance": "data",
    "automation": "automation",
    "time": "automation",
    "agents": "regulation",
    "audit": "regulation",
    "images": "images",
    "latency": "latency",
    "cost": "budget",
    "model-cost": "budget",
    "launch": "launch",
}


def from_goal(tags: set[str], done: set[str], agents: bool = True, goal: str = "") -> list[Item]:
    """The first steps (and the one after) for a goal whose consultation was not run; a
    delivery is named in the goal's own words ("Get the underwriting assistant to production")."""
    for tag, key in GOAL_TO_FIRST.items():
        if tag == "inventory" and tag in tags:
            return [_inventory()]
        if tag in tags:
            named = workflow_named(goal) if key == "automation" else None
            if named:  # the goal names its workflow: that one, not a hunt for one (an earlier
                return [_prototype(named)]  # prototype of the same workflow replaces it later)
            items = chain(key, done, agents)
            if items and key == "launch" and goal:
                items[0].title = f"{goal[:1].upper()}{goal[1:]}: {LAUNCH_STEPS}"
            if items:
                return items
    return []


def _prototype(workflow: str) -> Item:
    """The define-then-prototype step, for the one workflow a goal names."""
    _, detail, _, measure, tags = FOLLOW_UPS["automation"]
    thing = f"the {workflow}" if workflow.split()[-1].casefold() in THINGS else workflow
    return Item(
        f"Define how a good {workflow} outcome is checked, then prototype {thing} in shadow mode",
        f"Which {workflow} outcomes a program, a simulator or a reviewer's sign-off can tell "
        f"right from wrong, and today's baseline on 50 recent cases. Then: {detail}",
        "product lead",
        measure,
        "constraint",
        set(tags),
        weeks=size(SHELVED_HUNT, "product lead") + size(PROTOTYPE, "engineering lead"),
        subject=workflow_words(workflow),
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
