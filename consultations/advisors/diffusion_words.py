"""How a diffusion-IP answer's words are read: a model the user trained, an open model run
as published, a vendor named with what it is used for; and whether the use is published.
Pure."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

OWN_WORDS = (  # a model the user trained or tuned: its training set is theirs, and small
    "in-house",
    "in house",
    "our own model",
    "own model",
    "fine-tune",
    "fine tune",
    "finetune",
    "fine-tuned",
    "internal model",
    "we trained",
    "trained on",
    "custom lora",
    "lora",
    "dreambooth",
)

OPEN_WORDS = (  # an open model the user runs as published: no vendor to ask, no indemnity
    "self-hosted",
    "self hosted",
    "our own gpu",
    "our gpu",
    "our own server",
    "our server",
    "in-house gpu",
    "on prem",
    "on-prem",
    "on my pc",
    "on my computer",
    "on my laptop",
    "locally",
    "local ",
    "open source",
    "open-source",
    "open weights",
    "open-weight",
    "comfyui",
    "automatic1111",
)
PRIVATE = re.compile(
    r"\b(?:internal(?:ly)?|not (?:be )?published|never (?:be )?(?:published|external|public)|"
    r"not (?:public|external)|nothing (?:is )?published|personal|private(?:ly)?|my own|"
    r"just (?:me|for me|myself)|only (?:me|for me|internally)|hobby|mood ?boards?|"
    r"in-house only)\b",
    re.I,
)

WORLD = re.compile(
    r"\b(?:everywhere|worldwide|world-wide|global(?:ly)?|international(?:ly)?|"
    r"all over|any ?where|online)\b",
    re.I,
)  # many jurisdictions at once

PUBLIC_WORDS = (
    "ad",
    "ads",
    "advert",
    "campaign",
    "marketing",
    "product",
    "public",
    "commercial",
    "packaging",
    "social",
    "print",
    "sell",
    "blog",
    "website",
    "web",
    "client",
    "clients",
    "customer",
    "customers",
    "brochures",
    "brochure",
    "leaflet",
    "leaflets",
    "flyer",
    "flyers",
    "poster",
    "posters",
    "patient",
    "patients",
    "citizens",
    "players",
)


_OUR_OWN = re.compile(r"^(?:(?:our|my|an|a|the)\s+)?(?:own\s+)?", re.I)


@dataclass(frozen=True)
class Models:
    own: list[str]  # the user's own fine-tunes, said without "our own"
    open: list[str]  # open models the user runs as published
    external: list[str]  # vendors, named without what they are used for

    @classmethod
    def sort(cls, named: tuple[str, ...]) -> Models:
        vendors = tuple(part for v in named for part in _apart(v))
        own_raw = [v for v in vendors if any(w in v.casefold() for w in OWN_WORDS)]
        opened = [
            v
            for v in vendors
            if v not in own_raw and any(w in f"{v.casefold()} " for w in OPEN_WORDS)
        ]
        return cls(
            own=[_OUR_OWN.sub("", v) for v in own_raw],
            open=opened,
            external=[vendor(v) for v in vendors if v not in own_raw and v not in opened],
        )


PUBLIC_STEMS = (  # German word starts for the same ("Werbekampagne", "Verpackungen")
    *("produkt", "werb", "kampagne", "verpackung", "online", "kunde", "öffentlich"),
    *("webseite", "verkauf", "katalog", "plakat", "broschüre", "anzeige"),
)


def is_public(use: str) -> bool:
    words = use.casefold().replace(",", " ").split()
    return any(w in words for w in PUBLIC_WORDS) or any(
        w.startswith(PUBLIC_STEMS)
        for w in words  # "Produktfotos für den Online-Shop"
    )


_ASIDE = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<note>.+)\)\s*$")  # "(… (not sanctioned))"
_OPEN_MODELS = (
    (re.compile(r"stable diffusion", re.I), "Stable Diffusion"),
    (re.compile(r"sdxl", re.I), "SDXL"),
    (re.compile(r"flux", re.I), "FLUX"),
    (re.compile(r"\bsd(?:\s?\d(?:\.\d)?)?\b", re.I), "Stable Diffusion"),  # "SD", "SD 1.5"
)


def _apart(item: str) -> tuple[str, ...]:
    """ "Adobe Firefly (one of us plays with stable diffusion locally)": two models, the
    vendor and an open model run locally, not one open model called Adobe Firefly."""
    m = _ASIDE.match(item)
    note = m.group("note").casefold() if m else ""
    model = next((name for w, name in _OPEN_MODELS if w.search(note)), None)
    if not m or model is None or model.casefold() in m.group("head").casefold():
        return (item,)
    if not any(w in f"{note} " for w in (*OPEN_WORDS, *OWN_WORDS)):
        return (item,)
    return (m.group("head"), f"{model} ({m.group('note')})")


_HEDGE = re.compile(  # "Midjourney mostly", "mainly DALL-E": how much, not the vendor's name
    r"^(?:mostly|mainly|primarily|largely|usually|sometimes|occasionally|also|plus)\s+"
    r"|\s+(?:mostly|mainly|primarily|largely|usually|sometimes|occasionally|too|as well|also)$",
    re.I,
)
_USE = re.compile(
    r"\s+(?:for|on|in|via|to|because|since|which|that|when|über|für|pour|via)\s+.*$|\s*[(,;:].*$",
    re.I,
)


_VIA = re.compile(  # "agency uses Midjourney": Midjourney, through the agency
    r"^(?:(?:our|the|an?)\s+)?(?P<who>[^\W\d_][\w&' -]{1,30}?)\s+(?:uses?|runs?|works with)\s+"
    r"(?P<what>\S.*)$",
    re.I,
)


def vendor(item: str) -> str:
    """A vendor as named, without what it is used for ("firefly for the social stuff"), and
    the vendor a third party uses named first ("Midjourney (via the agency)")."""
    name = _USE.sub("", item).strip() or item
    name = _HEDGE.sub("", name).strip() or name
    if via := _VIA.match(name):
        return f"{via.group('what')} (via the {via.group('who')})"
    return name


SMALL_SHOP = re.compile(  # "me or whoever made it gives it a look", "one of us plays with …"
    r"\b(?:me|myself|i do|i check|one of us|two of us|both of us|the three of us|"
    r"whoever made it|freelanc\w*|just me|solo)\b",
    re.I,
)
SMALL_OWNERS = {  # a studio of a few has no procurement, legal or marketing operations
    "procurement": "whoever pays the subscriptions",
    "marketing operations": "whoever publishes the images",
    "legal": "whoever signs the contracts (outside counsel for the clause, if needed)",
}
NEWSROOM = re.compile(  # "our satire publisher site", "news site", "online magazine": editorial
    r"\b(?:publishers?|publishing house|news(?:room|paper)?s?|magazines?|journalism|editorial|"
    r"press agency|verlag\w*|zeitung\w*|redaktion\w*|journal|rédaction)\b",
    re.I,
)
EDITORIAL_OWNERS = {"marketing operations": "photo desk (editorial)"}  # images go out through it


_CLAUSE = re.compile(r"\s*(?:[;,]\s*(?:but|while|whereas)?|\b(?:but|while|whereas)\b)\s*", re.I)
_POSTER = re.compile(  # "the community team posts directly to Discord/X": who, and where
    r"^(?:and\s+)?(?P<who>[^\W\d_][\w '&/-]*?)\s+(?:posts?|publish(?:es)?|puts?|uploads?|"
    r"shares?|sends?)\b(?:\s+(?:them|it|images?))?(?P<rest>.*)$",
    re.I,
)
_UNCHECKED = re.compile(  # how the path goes out, said back only as where it goes
    r"\b(?:directly|straight|right away|unchecked|unreviewed|without (?:a |any )?(?:review|check))"
    r"\b",
    re.I,
)


def unchecked_path(pick: Callable[[str], tuple[str, ...]], raw: str) -> str | None:
    """The check a review answer's unchecked path calls for, when the answer names several
    paths and one goes out with nobody looking ("editor checks everything, but the community
    team posts directly to Discord/X": a check before the community team posts to
    Discord/X); ``pick``: the review question's options a clause picks (none: ``()``)."""
    clauses = [c.strip(" .!") for c in _CLAUSE.split(raw) if c.strip(" .!")]
    picks = [pick(c) for c in clauses]
    if not any(p and p != ("none",) for p in picks):
        return None  # one path, or none checked: no path of its own to name
    path = next((c for c, p in zip(clauses, picks, strict=True) if p == ("none",)), None)
    if path is None:
        return None
    said = _POSTER.match(path)
    if said is None:
        return f"Add a check on the path you said nobody reviews ({path}) before it publishes."
    who = said.group("who")
    who = who[:1].lower() + who[1:] if who.split()[0] in ("The", "Our") else who
    where = " ".join(_UNCHECKED.sub(" ", said.group("rest")).split())
    return (
        f"Add a check before {who} posts{' ' + where if where else ''}: today nobody looks at "
        "those images before they go out."
    )


def reviewed_outside(
    pick: Callable[[str], tuple[str, ...]], raw: str, worst_first: dict[str, int]
) -> tuple[str, str] | None:
    """When the only path nobody checks stays inside the company ("MLR signs off everything
    external, internal slides nobody checks"): the weakest review the other paths get, which
    is what published images get, and the internal path's words; None otherwise."""
    clauses = [c.strip(" .!") for c in _CLAUSE.split(raw) if c.strip(" .!")]
    picks = [pick(c) for c in clauses]
    nobody = [c for c, p in zip(clauses, picks, strict=True) if p == ("none",)]
    others = [v for p in picks if p and p != ("none",) for v in p if v != "none"]
    if not nobody or not others or not all(PRIVATE.search(c) for c in nobody):
        return None
    return max(others, key=lambda v: worst_first[v]), nobody[0]
