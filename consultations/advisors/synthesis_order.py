"""The order a roadmap's items keep, whatever their rank: the rules a plan states (trace before
going live, map data before a new vendor, measure a workflow's value before its prototype) made
dependencies, and the constraints each item must keep. Pure."""

from __future__ import annotations

import re

from consultations.advisors.synthesis_constraints import SHELVED_HUNT, TRACE_TITLES
from consultations.advisors.synthesis_from_goals import NAMED_PROTOTYPE
from consultations.advisors.synthesis_items import (
    EXPOSED_TODAY,
    LAUNCH_STEPS,
    Item,
    about,
    names_subject,
    serves,
    size,
    words_of,
    workflow_words,
)

NOTHING_LIVE = re.compile(  # "nothing in production, a few doctors use ChatGPT privately"
    r"^\s*(?:(?:nothing|none|no ai|no models?|not yet|nothing yet)\b(?!\s+(?:but|except))"
    r"|(?:we\s+)?(?:do not|don't|dont)\s+use\s+(?:any\s+)?ai\b)"
    r"|\bnothing (?!else\b)(?:\w+\s+){0,2}?(?:in production|live)\b"
    r"(?!\s+(?:but|except|besides|apart|other than)\b)",
    re.I,
)
ACT_ON_LIVE = (  # steps on what runs in production: nothing there, nothing to act on
    "Move every model call onto",
    "Price your highest-volume workload",
    "Put every model call behind",
    "Measure p95 latency per workload",
)
INTERFACE_STEPS = ("Put every model call behind", "Move every model call onto")
_SAAS = (
    re.compile(  # tools used in their own app or site, paid per seat: no model call of one's own
        r"\b(?:chatgpt|copilot|claude|gemini|notion ai|grammarly|deepl|midjourney|canva|jasper|"
        r"perplexity|cursor|otter|fireflies|firefly|dall-?e|saas)\b",
        re.I,
    )
)
_OWN_CALLS = re.compile(  # a model the team calls itself, from its own code
    r"\b(?:apis?|sdks?|endpoints?|model calls?|calls?|integrat\w*|pipelines?|self-?host\w*|"
    r"fine-?tun\w*|our own|in-house|agents?|bedrock|azure openai|vertex|llama|mistral|ollama|vllm|"
    r"hugging ?face|rag|embeddings?|built|build|backend|product|feature|workloads?|chatbots?|bots?|"
    r"openai|anthropic|gpt-?\d\w*)\b",
    re.I,
)
_IMAGE_APIS = re.compile(  # image generation priced per image: a workload to price
    r"\b(?:midjourney|dall-?e|firefly|stable diffusion|imagen|flux)\b", re.I
)


def seats_only(use: str) -> bool:
    """ "ChatGPT Team for everyone and Microsoft Copilot, nothing else": the team's AI is only
    tools paid per seat, so there is no workload of its own to price against local."""
    return bool(
        _SAAS.search(use)
        and not _OWN_CALLS.search(use)
        and not _IMAGE_APIS.search(use)
        and not NOTHING_LIVE.search(use)
    )


def nothing_live(items: list[Item], use: str) -> None:
    """With nothing in production there is no model call to move onto an interface and no
    workload to price: those steps go (they told a hospital with nothing live to "move every
    model call onto the one interface")."""
    if NOTHING_LIVE.search(use):
        items[:] = [i for i in items if not i.title.startswith(ACT_ON_LIVE)]
    elif _SAAS.search(use) and not _OWN_CALLS.search(use):
        # "ChatGPT Team and Copilot for drafting": only tools in their own apps, no model call
        # of the team's own to put behind an interface
        items[:] = [i for i in items if not i.title.startswith(INTERFACE_STEPS)]


SERVICES = re.compile(  # a business that sells its people's work, pitched to clients
    r"\b(?:agenc(?:y|ies)|consultanc(?:y|ies)|consulting|(?:design|creative|branding) studios?|"
    r"freelanc\w*|"
    r"law firm|accounting firm|professional services|service provider|agentur|beratung|cabinet)\b",
    re.I,
)
PRODUCT_LAUNCH = "ship the paid offer to five design-partner customers"


def pitched_to_clients(items: list[Item], industry: str) -> None:
    """An agency sells its offer in pitches, not to 'design-partner customers' of a product:
    the revenue step says so ("win two AI-heavy client pitches" at a design agency)."""
    if not SERVICES.search(industry):
        return
    pitch = "pitch the priced offer to five current or prospective clients"
    for i in items:
        if i.title.casefold().endswith(PRODUCT_LAUNCH):
            head = i.title[: -len(PRODUCT_LAUNCH)]
            i.title = head + (pitch if head else pitch[:1].upper() + pitch[1:])
            i.detail = i.detail.replace(
                "Priced from the first day; what they use and what they pay decides the launch.",
                "A one-page offer with its price and a worked example from your own work; "
                "which clients buy it, and at what price, decides what you pitch next.",
            )


_LAUNCH_VERB = re.compile(
    r"\b(?:launch|ship|deploy|roll out|go live with|release|get|take|put|bring|build)\b", re.I
)


def built_before_launch(items: list[Item], use: str) -> None:
    """A launch a goal asks for, of a thing that runs nowhere today ("launch a voice
    receptionist" beside "OpenAI API for appointment summaries"), is built first: sized as a
    prototype plus its rollout, and says so (it was 1.5 person-weeks for a 2-person team)."""
    running = {w[:5] for w in words_of(use)}
    for i in items:
        if i.source != "constraint" or not i.title.endswith(LAUNCH_STEPS) or i.weeks:
            continue
        thing = workflow_words(_LAUNCH_VERB.sub(" ", i.title.removesuffix(LAUNCH_STEPS)))
        if thing and not any(w[:5] in running for w in thing):
            i.weeks = size("Prototype", "engineering lead") + size(i.title, i.owner)
            i.detail = (
                "Nothing like it runs today, so it is built first: a prototype on real "
                f"cases, then the rollout. {i.detail}"
            )


VENDOR_WORDS = ("vendor", "backup", "api", "standby", "questionnaire")


RESIDENCY_RULE = (
    "Within your data-residency and regulatory rules: a new vendor, region or data flow "
    "qualifies only once it meets them."
)
HARDWARE_RULE = "Hardware only where a priced comparison shows it pays."


def keep_constraints(
    item: Item, constraints: tuple[str, ...], said: dict[str, int], n: int
) -> None:
    """An item that touches vendors or where data goes must not undo a stated constraint; the
    rule is said in full at the first step it bears on (step ``n``), later ones point to it
    (it was repeated word for word in three steps)."""
    text = f"{item.title} {item.detail}".casefold()
    rules = {"data", "regulation"} & set(constraints) and "residency rules" not in text
    if rules and any(w in text for w in VENDOR_WORDS):
        item.detail += (
            f" Within your data-residency rules, as step {said[RESIDENCY_RULE]} says."
            if RESIDENCY_RULE in said
            else f" {RESIDENCY_RULE}"
        )
        said.setdefault(RESIDENCY_RULE, n)
    if "budget" in constraints and "server" in text and item.source != "edge-economics":
        item.detail += "" if HARDWARE_RULE in said else f" {HARDWARE_RULE}"
        said.setdefault(HARDWARE_RULE, n)


def _named_prototype_of(item: Item, reported: set[str]) -> bool:
    """A goal's prototype of a workflow the automation consultation planned, by its words."""
    return item.title.startswith(NAMED_PROTOTYPE) and names_subject(item.subject, reported)


def one_workflow_each(items: list[Item]) -> None:
    """Prototypes of workflows the goals name serve only the goal naming their workflow; with
    one named, no hunt for a shelved workflow is planned beside it (it serves the other goals)."""
    reported = [i.subject for i in items if i.source == "automation-frontier" and i.subject]
    # a workflow the automation consultation planned, named in its own words ("picking
    # travel" and "picking and warehouse slotting"): its own steps serve it, not a second
    items[:] = [
        i
        for i in items
        if not (
            i.source == "constraint"
            and i.subject
            and any(about(i.subject, r) or _named_prototype_of(i, r) for r in reported)
        )
    ]
    named = [i for i in items if i.source == "constraint" and i.subject]
    if named:
        items[:] = [i for i in items if not i.title.startswith(SHELVED_HUNT)]
    for i in named:
        i.others = set().union(*(j.subject for j in named if j is not i)) - i.subject


def value_before_prototype(items: list[Item]) -> None:
    """When the automation consultation found a prototype would not pay back at the value
    given, a prototype a goal asks for waits for that value to be measured, and says so."""
    sizing = next(
        (i for i in items if i.source == "automation-frontier" and i.title.startswith(MEASURE)),
        None,
    )
    if sizing is None:
        return
    for i in items:
        if i.source == "constraint" and "prototype" in i.title and i.depends_on is None:
            i.depends_on = sizing.title
            i.detail += (
                " Only if the measured value pays a prototype back within a year: your "
                "automation consultation found it would not at the value you gave."
            )


MEASURE = "Measure what "


def link_interface_before_switch(items: list[Item]) -> None:
    """The model interface comes before any vendor or model switch."""
    interface = next((i for i in items if "model interface" in i.title.casefold()), None)
    if interface is None:
        return
    for i in items:
        if i is not interface and i.depends_on is None and "switch" in i.title.casefold():
            i.depends_on = interface.title


def residency_map_first(items: list[Item], constraints: tuple[str, ...]) -> None:
    """Under data or regulatory constraints, an item that brings a vendor, an API or a new
    data flow, or puts something in front of users (whose data it then handles), waits for the
    map of where each workload's data goes: its own text says it qualifies only once it meets
    those rules, so the map cannot come after it."""
    if not {"data", "regulation"} & set(constraints):
        return
    gate = next((i for i in items if "where each workload's data" in i.title), None)
    if gate is None:
        return
    for i in items:
        text = f"{i.title} {i.detail}".casefold()
        if i.urgency >= EXPOSED_TODAY:  # a high risk today is fixed first, not after a map
            continue
        brings = any(w in text for w in VENDOR_WORDS) or i.tags & LIVE_TAGS  # users' data too
        if i is not gate and i.depends_on is None and brings:
            i.depends_on = gate.title


LIVE_TAGS = {"launch", "contacts"}  # items that put something in front of users


def traced_before_live(items: list[Item], constraints: tuple[str, ...]) -> None:
    """Under regulation the plan says to stop putting AI into production before it is traced:
    an item that goes live waits for the tracing step, so the plan keeps its own rule."""
    if "regulation" not in constraints:
        return
    gate = next((i for i in items if i.title.startswith(TRACE_TITLES)), None)
    if gate is None:
        return
    waits = {gate.title}  # items that already wait for tracing: what follows them waits too
    for i in items:
        if i is not gate and i.tags & LIVE_TAGS and i.depends_on not in waits:
            waits.add(i.title)
            if i.depends_on is None:
                i.depends_on = gate.title
            elif i.depends_on != gate.title:  # a rollout after its pilot: after tracing too
                i.also_after = gate.title


def launch_after_its_prototype(items: list[Item]) -> None:
    """A goal's rollout ("Get coding suggestions into the billing workflow …: an evaluation
    bar, a review, a staged rollout") waits for the prototype that serves the same goal: it
    was planned a quarter before the prototype it would put live."""
    for launch in items:
        goal, _, steps = launch.title.rpartition(": ")
        if steps != LAUNCH_STEPS or launch.depends_on:
            continue
        built = [i for i in items if "prototype" in i.title.casefold() and serves(goal, i)]
        if built:
            launch.depends_on = built[-1].title
