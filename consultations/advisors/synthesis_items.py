"""Roadmap items for strategy synthesis, from earlier verdicts' next steps (the steps a
constraint calls for are in synthesis_constraints).

An item is a concrete next step with an owner kind, a success measure, the tags that tie it to
goals and constraints, and what it depends on. Pure data and functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from consultations.advisors.synthesis_goals import goal_tags, reduces_image_work
from consultations.advisors.synthesis_workflows import NO_WORKFLOW, THINGS, workflow_named
from consultations.report import Recommendation, Report

_INTERIM = re.compile(r";\s*until (?:it is|they are) signed,\s*(?P<step>[^.]+)\.")
TRIGGER = re.compile(r"^(each|next|at |when|quarterly)")
FIRST_QUARTER = re.compile(r"^(now|weeks?\b|0-1 month|1-2 months|month 2\b|month 2-3|0-3 months)")

# what each consultation's steps serve, and the measure that shows they worked
TAGS = {
    # model spend is not what "cut agency spend" or "cut the cost per claim" means: "cost"
    # (what the business pays people and suppliers) is served by automating work
    "edge-economics": {"model-cost", "latency", "privacy"},
    "model-convergence": {"model-cost", "reliability", "skills", "compliance"},
    "attention-readiness": {"model-cost", "quality", "skills"},
    "reasoning-telemetry": {"audit", "agents", "reliability", "quality"},
    "automation-frontier": {"automation", "agents", "time", "cost"},
    "diffusion-ip-risk": {"images", "legal", "risk"},
}
ADDS = {
    "model-convergence": "whether your vendors still earn their upkeep, and your backup plan",
    "attention-readiness": "which long-context workarounds to retire, priced at your volume",
    "edge-economics": "whether local inference pays at your volume, with the break-even",
    "reasoning-telemetry": "a trace model for your agents and what to keep for audits",
    "research-curation": "a reading filter and digest sized to your time",
    "automation-frontier": "which shelved workflow is worth a prototype, and what blocks it",
    "diffusion-ip-risk": "an IP risk rating, vendor questions and publishing controls",
}
CONSTRAINT_TAGS = {
    "budget": {"cost", "model-cost"},
    "regulation": {"audit", "compliance", "legal", "inventory"},
    "data": {"privacy", "compliance"},
    "skills": {"skills"},
    "time": {"time"},
    "latency": {"latency"},
}


@dataclass
class Item:
    title: str
    detail: str
    owner: str  # as the earlier report named it; mapped to the user's team later
    measure: str
    source: str  # consultation slug, or "constraint"
    tags: set[str] = field(default_factory=set)
    depends_on: str | None = None
    follow_up: bool = False
    urgency: float = 0.0  # from the earlier verdict: a high risk comes first, a "stay" last
    trigger: str | None = None  # "next renewal": done when that happens, not on a track
    weeks: float | None = None  # person-weeks, when known better than by its title
    # words of the other workflows its consultation weighed: a goal naming one of them
    # ("cut support cost per ticket") is not served by this item (warehouse slotting)
    others: set[str] = field(default_factory=set)
    subject: set[str] = field(default_factory=set)  # words of the workflow it is about
    extra: bool = False  # a step the roadmap added (a rollout after a pilot): never "dropped"
    also_after: str | None = None  # a second step it waits for (tracing, before going live)


_WORD = re.compile(r"[a-z][a-z0-9-]{3,}")
_PLAIN = {"with", "from", "into", "that", "this", "their", "them", "they", "what", "when"}


_SHORT_NAME = re.compile(r"\b[A-Z]{3}s?\b")  # "KYC", "AML", "POs": a workflow's short name
_NO_NAME = {"API", "LLM", "RAG", "GPU", "CPU", "SDK", "AWS", "GCP", "OCR", "PDF", "CRM", "ERP"}
# "OR scheduling": a two-letter short name, in capitals only ("or" is a conjunction)
_TWO_LETTER = re.compile(r"\b[A-Z]{2}s?\b")
_NO_TWO = {"AI", "ML", "IP", "EU", "US", "UK", "OK", "KI", "IA"}


def words_of(text: str) -> set[str]:
    """The telling words of a text (four letters or more, or a three-letter short name in
    capitals, crudely singular)."""
    short = {w.rstrip("s").casefold() for w in _SHORT_NAME.findall(text)} - {
        n.casefold() for n in _NO_NAME
    }
    short |= {w[:2].casefold() for w in _TWO_LETTER.findall(text) if w[:2] not in _NO_TWO}
    return ({w.rstrip("s") for w in _WORD.findall(text.casefold())} | short) - _PLAIN


def workflow_words(text: str) -> set[str]:
    """The words that tell one workflow from another ("agent" tells none apart)."""
    return words_of(text) - {w.rstrip("s") for w in THINGS}


_LINKS = {"of", "and", "for", "the", "to"}


def acronyms(name: str) -> set[str]:
    """What a workflow's name is shortened to ("first notice of loss triage" → "fnol",
    "fnolt"): initials of three to five words in a row, with and without "of", "and" …"""
    words = re.findall(r"[a-z0-9]+", name.casefold())
    found = set()
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + 5) + 1):
            run = words[i:j]
            for kept in (run, [w for w in run if w not in _LINKS]):
                if len(kept) >= 3 and kept[0] not in _LINKS:
                    found.add("".join(w[0] for w in kept))
    return found


def about(workflow_said: set[str], subject: set[str]) -> bool:
    """A goal's workflow words name this subject: its telling words ("fnol" of "FNOL handling
    time"; "handling" is a measure) are all in it."""
    core = workflow_said - {w.rstrip("s") for w in NO_WORKFLOW}
    return bool(core) and core <= subject


_BROAD = {"planning", "scheduling", "management", "operation", "customer", "client", "service"}
_BROAD |= {"data", "team"}


def names_subject(said: set[str], subject: set[str]) -> bool:
    """A goal's words name this workflow by one of its own telling words ("cut OR
    cancellations" and OR scheduling; "scheduling" alone tells no workflow apart)."""
    return bool((said - {w.rstrip("s") for w in NO_WORKFLOW} - _BROAD) & subject)


def serves(goal: str, item: Item) -> bool:
    """A goal is served by an item that shares one of its tags, or by the prototype of the
    workflow it names in its own words, unless the goal names another workflow the item's
    consultation weighed and not this item's own."""
    tags = goal_tags(goal)
    said = words_of(goal)
    if not tags & item.tags and not (  # "cut OR cancellations": no outcome kind, a workflow
        not tags and "automation" in item.tags and names_subject(workflow_words(goal), item.subject)
    ):
        return False
    if item.extra and tags & item.tags == {"launch"} and not said & item.subject:
        return False  # "ship on-device NPC dialogue": not the rollout of another prototype
    if "risk" in item.tags and reduces_image_work(goal, tags):
        return False  # "cut image production cost by 30%": IP controls cut no cost
    named = tags & OWN_OBJECT  # "product photo costs": images, whatever else they cost
    if named and not named & item.tags and not said & item.subject:
        return False
    workflow = workflow_named(goal)  # "cut loan review time": not the KYC review prototype
    if workflow and item.subject:
        own = workflow_words(workflow)
        if not about(own, item.subject) and not names_subject(own, item.subject):
            return False
    return not (said & item.others and not said & item.subject)


OWN_OBJECT = {"images", "inventory", "contacts"}  # goal tags that name what the goal is about


_BUILD = re.compile(r"\b(?:prototype|pilot)\b", re.I)
_PAPERWORK = re.compile(
    r"^(?:agree|list|map|define|price|measure|read|send|decide|size|rehearse|keep|pick|"
    r"write down)\b",
    re.I,
)
_PEOPLE_WORK = {"legal", "procurement", "compliance lead", "process owner", "product lead"}


def size(title: str, owner: str) -> float:
    """Person-weeks a step takes (our sizing): a pilot or prototype is two engineers for two
    months (16); a document, list or measurement 2; other engineering work 6."""
    if _BUILD.search(title):
        return 16.0
    if _PAPERWORK.match(title) or owner in _PEOPLE_WORK:
        return 2.0
    return 6.0


def effort_weeks(item: Item) -> float:
    return item.weeks if item.weeks is not None else size(item.title, item.owner)


def measure_for(slug: str, report: Report) -> str:
    v = report.verdict
    if slug == "edge-economics":
        if v.startswith("Stay"):
            return "a lower price per million tokens in writing"
        return "the local model within your tolerance of today's answers, at the computed cost"
    if slug == "model-convergence":
        if v.startswith("Keep your single vendor"):
            return "a second vendor reachable by a configuration change, tested"
        return (
            "the primary chosen on your own evaluation; a vendor switch is a configuration change"
        )
    if slug == "attention-readiness":
        if v.startswith("Keep"):
            return "the price at which whole documents would beat the chunker, written down"
        return "one pipeline retired or simplified, as accurate on your document test"
    if slug == "reasoning-telemetry":
        if "reconstructed" in v:
            return "any agent decision reconstructed on request, within a day"
        return "every production agent run traceable end to end"
    if slug == "automation-frontier":
        if v.startswith("Not yet") and "pay back" in v:
            return "the workflow's cost measured, and a prototype that pays back within a year"
        if v.startswith("Not yet"):
            return "a checker agreeing with people on most logged decisions"
        return "a shadow-mode prototype matching people on the checked outcomes"
    if slug == "diffusion-ip-risk":
        return "no image published without passing the controls; answers on file"
    return "done and reviewed"


EXPOSED_TODAY = 12.0  # the urgency of a high risk today: before any goal's next step


def urgency(slug: str, verdict: str) -> float:
    if verdict.startswith("Risk: high"):  # exposure today: before any goal's next step
        return EXPOSED_TODAY
    if verdict.startswith(("Risk: medium", "Restructure")):
        return 1.0
    if verdict.startswith(("Stay", "Keep it", "Keep them", "Not yet", "Risk: low")):
        return -1.5
    return 0.0


PAYS_FAST = 1.0  # the urgency a prototype paying back within a quarter adds (ours)


def _pays_fast(report: Report) -> float:
    """A prototype its consultation found paying back within a quarter (OR scheduling worth
    €90k a month) comes before small chores: it waited a year behind a half-week seat count."""
    payback = next((f.value for f in report.figures if f.label == "Prototype payback"), None)
    return PAYS_FAST if payback is not None and payback <= 3 else 0.0


def from_report(slug: str, report: Report) -> list[Item]:
    """A consultation's steps: the first-quarter ones as one package, later ones as follow-ups."""
    if slug not in TAGS or not report.recommendations:
        return []
    recs = list(report.recommendations)
    early = [r for r in recs if r.horizon and FIRST_QUARTER.match(r.horizon)] or recs[:1]
    later = [r for r in recs if r not in early]
    head = early[0]
    title = head.title
    if len(early) > 2:  # every step whose detail the package carries is named
        title += (
            ", then "
            + ", ".join(lower_first(r.title) for r in early[1:-1])
            + f", and {lower_first(early[-1].title)}"
        )
    elif len(early) > 1:
        title += ", then " + lower_first(early[1].title)
    detail = " ".join(_sentence(r) for r in early).replace(" above", " in that report")
    tags = set(TAGS[slug])
    if slug == "model-convergence" and "residency" not in report.verdict:
        tags.discard("compliance")
    others: set[str] = set()
    subject: set[str] = set()
    planned: list[str] = []
    if slug == "automation-frontier" and report.tables:  # the workflows not planned here
        rows = [row[0] for row in report.tables[0].rows]
        planned = [r for r in rows if r.casefold() in report.verdict.casefold()]
        subject = {w for r in planned for w in words_of(r) | acronyms(r)}
        others = {w for r in rows for w in words_of(r)} - subject if subject else set()
    weight = urgency(slug, report.verdict) + _pays_fast(report)
    items = [
        Item(
            title,
            detail,
            head.owner or "engineering lead",
            measure_for(slug, report),
            slug,
            tags,
            urgency=weight,
            trigger=head.horizon if head.horizon and TRIGGER.match(head.horizon) else None,
            weeks=sum(size(r.title, r.owner or "") for r in early),
            others=others,
            subject=subject,
        )
    ]
    # "Prototype in shadow mode": of what (the workflows the consultation planned, together)
    about = " and ".join(planned) if 0 < len(planned) <= 3 else None
    for r in later[:2]:
        if r.horizon and TRIGGER.match(r.horizon) and (meanwhile := _INTERIM.search(r.detail)):
            _meanwhile(items[0], meanwhile.group("step"), r.title)
        # a step the report names for one of two tied leaders is about that one alone
        own = [p for p in planned if p.casefold() in r.title.casefold()]
        own_subject = {w for p in own for w in words_of(p) | acronyms(p)} or subject
        items.append(
            Item(
                r.title if about is None or own else f"{r.title}: {about}",
                _sentence(r).replace(" above", " in that report"),
                r.owner or "engineering lead",
                measure_for(slug, report),
                slug,
                tags,
                depends_on=items[-1].title,
                follow_up=True,
                urgency=weight,
                trigger=r.horizon if r.horizon and TRIGGER.match(r.horizon) else None,
                others=others | (subject - own_subject),
                subject=own_subject,
            )
        )
    return items


def _meanwhile(first: Item, step: str, awaited: str) -> None:
    """What holds until a triggered step ("until it is signed, make Azure the default") is
    done from the start, in the consultation's first package: a rule, not a project."""
    first.title += f"; meanwhile, {step}"
    first.detail += f" Until “{awaited}” is done: {step}."
    first.weeks = (first.weeks or 0.0) + 2.0


def to_recommendation(item: Item, horizon: str, owner: str, serves: list[str]) -> Recommendation:
    goals = f" Serves: {'; '.join(serves)}." if serves else ""
    also = f" Also waits for: {item.also_after}." if item.also_after else ""
    return Recommendation(
        title=item.title,
        detail=f"{item.detail}{also} Success: {item.measure}.{goals}",
        horizon=horizon,
        owner=owner,
        depends_on=item.depends_on,
    )


def _sentence(r: Recommendation) -> str:
    text = r.detail.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


LAUNCH_STEPS = "an evaluation bar, a review, a staged rollout"


def lower_first(text: str) -> str:
    """A step's title after ", then": lower case, without its own "first" ("then measure
    pass@k first" read as if it came before)."""
    text = re.sub(r"\s+first$", "", text)
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
