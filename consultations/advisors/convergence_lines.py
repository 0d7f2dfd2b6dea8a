"""Model convergence: the verdict and the keep-or-cut line each vendor gets.

Each line follows from a stated reason and from shift 2 (language models converge on
open-ended answers, across vendors). Models that make images, search vectors or transcripts
are judged apart: the convergence result speaks of open-ended answers only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consultations.advisors.vendors import OWN_TASK, is_image, is_search, search_kind
from consultations.advisors.words import join, said_once

DURABLE = {"price", "redundancy", "compliance"}  # reasons that survive convergence
REASON_WORDS = {
    "capability": "each being best at something",
    "price": "price",
    "redundancy": "redundancy",
    "compliance": "compliance or data residency",
    "diversity": "diversity of ideas",
    "unsettled": "history (no settled reason)",  # said in the summary, never as an argument
}
# Words in a vendor's own line that tie it to compliance ("llama 3 on prem for the legal stuff")
BOUND_WORDS = re.compile(
    r"\b(?:on[- ]?prem(?:ise|ises)?|self[- ]?hosted|local(?:ly)?|in[- ]house|air[- ]?gapped|"
    r"private cloud|eu|europe(?:an)?|gdpr|hipaa|residency|sovereign\w*|legal|regulated|"
    r"data zone|(?:in[- ])?region|in[- ]country|frankfurt|dublin|paris|amsterdam|stockholm|"
    r"z[uü]rich|germany|switzerland|swiss|uk south|canada central|"
    r"compliance|pii|patient|health\w*|bank\w*)\b",
    re.I,
)
SAME_RULES = (  # a backup for a team that compliance keeps on one vendor
    "a second region or deployment of the same vendor first, a second vendor only once it "
    "passes your compliance review"
)
BACKUP = {
    "instant": "hot standby (live on every request path, automatic failover, tested monthly)",
    "minutes": "warm backup (same prompts behind the same interface, switched over in minutes, "
    "tested monthly)",
    "hours": "documented fallback (a tested switch-over plan, no second integration kept warm)",
}


def kept_single(reasons: set[str]) -> bool:
    """ "we only use one, compliance": compliance is why there is one vendor, not a second."""
    return "compliance" in reasons and reasons <= {"single", "compliance"}


def search_line(v: str) -> str:
    """The line of a model that makes no answers: convergence says nothing of it."""
    made, on = search_kind(v) or ("embeddings", "search")
    if made in OWN_TASK:  # language models translate too: a side-by-side decides
        return (
            f"keep while it wins on your own {on} set, scored side by side with your language "
            "model; convergence was measured on open-ended answers and says nothing of it."
        )
    return (
        f"keep: it makes {made}, not answers; convergence was measured on open-ended answers, "
        f"so judge it on your own {on} set, apart from the language models."
    )


def kept_apart(search: list[str]) -> str:
    """What the verdict says of the models kept apart: none of the speech, search or
    transcription ones is replaced by a language model; a translation service is judged on
    its own task."""
    kinds = {v: search_kind(v) or ("embeddings", "search") for v in search}
    made = [v for v in search if kinds[v][0] not in OWN_TASK]
    own = [v for v in search if kinds[v][0] in OWN_TASK]
    said = ""
    if made:
        one = len(made) == 1
        said += (
            f" Keep {join(made)} apart: {'it makes' if one else 'they make'} "
            + join(list(dict.fromkeys(kinds[v][0] for v in made)))
            + f", not answers, and no language model replaces {'it' if one else 'them'}."
        )
    if own:
        its = "its" if len(own) == 1 else "their"
        said += (
            f" Keep {join(own)} apart: {'it is' if len(own) == 1 else 'they are'} judged on "
            f"{its} own task with {its} own evaluation (a "
            + join(list(dict.fromkeys(kinds[v][1] for v in own)))
            + " set of your own), not on the convergence result."
        )
    return said


def _bound(texts: list[str], reasons: set[str]) -> list[str]:
    """The language-model vendors whose own line ties them to compliance, when compliance is a
    stated reason and the lines tell some apart ("llama 3 on prem for the legal stuff")."""
    if "compliance" not in reasons or len(texts) <= 1:
        return []
    bound = [v for v in texts if BOUND_WORDS.search(v)]
    return bound if 0 < len(bound) < len(texts) else []


def vendor_verdict(
    texts: list[str], images: list[str], reasons: set[str], outage: str, bound: list[str]
) -> str:
    backup = BACKUP[outage].split(" (")[0]
    parts: list[str] = []
    free = [v for v in texts if v not in bound]
    if bound:
        parts.append(
            f"Restructure: keep {join(bound)} for the work compliance binds to "
            + ("it; " if len(bound) == 1 else "them; ")
            + (
                f"consolidate {join(free)} on one primary plus a {backup}, "
                "the primary decided by your evaluation."
                if len(free) > 1
                else f"{free[0]} stays the primary for the rest, with a {backup}."
            )
        )
    elif len(texts) <= 1:
        head = "Keep your single vendor" if not images else "Keep one vendor per kind of work"
        tail = (
            "; a documented fallback is enough for your outage tolerance."
            if outage == "hours"
            else f"; add a {backup} that meets the same compliance rules: {SAME_RULES}."
            if "compliance" in reasons
            else f"; add a {backup} on a second vendor behind one interface."
        )
        parts.append(head + tail)
    elif reasons & DURABLE:
        kept = (
            "data residency"
            if "compliance" in reasons
            else join([REASON_WORDS[r] for r in sorted(reasons & DURABLE)])
        )
        parts.append(
            f"Restructure around {kept}: one primary plus a {backup}"
            + (
                ", each vendor kept only where compliance or residency requires it."
                if "compliance" in reasons
                else ", the primary decided by your evaluation."
            )
        )
    else:
        parts.append("Consolidate on one primary language-model vendor.")
    if images and texts:
        parts.append("Image and text models do different work: neither replaces the other.")
    if "diversity" in reasons:
        parts.append(
            "Diversity is no longer a reason for another vendor: models converge across "
            "vendors, so vary the inputs instead."
        )
    if "unsettled" in reasons and not reasons & DURABLE:  # "historical reasons", "evaluating"
        parts.append(
            "History, or a comparison still running, is no reason to keep several vendors: "
            "finish the comparison and keep its winner as the primary."
            if len(texts) > 1
            else f"A vendor you are still comparing earns a place only as the {backup}, not as "
            "a second view."
        )
    return " ".join(parts)


def _line(
    v: str, texts: list[str], images: list[str], reasons: set[str], outage: str, bound: list[str]
) -> str:
    backup = BACKUP[outage]
    if v in bound:
        return (
            "keep for the work that compliance or data residency binds to it (your "
            "stated reason, and how you describe its use); do not move other tasks onto it "
            "unless it wins your evaluation."
        )
    if bound:  # compliance holds the bound vendor; the rest compete on the other reasons
        reasons = reasons - {"compliance"}  # what the answer gave besides compliance
        texts = [t for t in texts if t not in bound]
        if len(texts) == 1:
            return (
                "keep as the primary for the work compliance does not bind; its backup "
                f"is a {backup}."
            )
    if is_image(v):
        if len(images) > 1:
            return (
                "keep for now: image models were not part of the convergence result; "
                "compare them on your own briefs."
            )
        return "keep: it makes images, which no language model here replaces."
    if len(texts) == 1:
        head = (
            "keep: it does the language work, which no image model here replaces"
            if images
            else "keep as your only language-model vendor"
        )
        return head + (
            "; a documented fallback covers outages."
            if outage == "hours"
            else f"; its backup is a {backup}, in {SAME_RULES}."
            if "compliance" in reasons
            else f"; its backup is a {backup}."
        )
    if "compliance" in reasons:
        return (
            "keep where compliance or data residency requires it (your stated "
            f"reason); it doubles as the {backup} for the other "
            + ("vendors'" if len(texts) > 2 else "vendor's")
            + " tasks if it meets "
            "the same residency rules."
        )
    if reasons & {"price", "redundancy"}:
        role = (
            "the cheapest that passes your evaluation becomes primary"
            if "price" in reasons
            else "the most reliable on your evaluation becomes primary"
        )
        others = (
            "; any other is cut unless it clearly wins its own task in the side-by-side (your "
            "reason: each is best at something), and then kept for that task only."
            if "capability" in reasons
            else "; any others are cut."
        )
        return f"primary candidate: {role}; the runner-up becomes the {backup}" + (
            others if len(texts) > 2 else "."
        )
    if "capability" in reasons:
        return (
            "keep only if your side-by-side shows it clearly better on its task; "
            "convergence makes that gap smaller than it was."
        )
    return (  # one of them stays: the verdict consolidates, it does not cut them all
        "primary candidate: a two-week side-by-side on your tasks decides; the winner "
        "becomes primary and the others are cut, since convergence means one should match them."
    )


@dataclass(frozen=True)
class Vendors:
    """The vendors by the kind of work they do, and those compliance binds."""

    texts: list[str]  # language models: the ones convergence speaks of
    images: list[str]
    search: list[str]  # embeddings, rankings, transcripts, speech
    bound: list[str]

    @classmethod
    def sort(cls, vendors: list[str], reasons: set[str]) -> Vendors:
        images = [v for v in vendors if is_image(v)]
        search = [v for v in vendors if not is_image(v) and is_search(v)]
        texts = [v for v in vendors if not is_image(v) and v not in search]
        return cls(texts, images, search, _bound(texts, reasons))


def keep_or_cut(
    vendors: list[str], kinds: Vendors, reasons: set[str], outage: str
) -> tuple[str, ...]:
    """A line per vendor, a line shared by several said once for all of them."""
    return said_once(
        [
            (
                v,
                search_line(v)
                if v in kinds.search
                else _line(v, kinds.texts, kinds.images, reasons, outage, kinds.bound),
            )
            for v in vendors
        ]
    )
