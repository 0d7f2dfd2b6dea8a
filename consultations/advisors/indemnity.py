"""Each vendor's IP indemnity as an answer describes it ("Azure covers us, Midjourney doesn't").
Pure."""

from __future__ import annotations

import re

from consultations.advisors.words import join
from consultations.answers.choices import choose
from consultations.answers.model import AnswerError
from consultations.report import Recommendation
from consultations.scripts import Question

_CLAUSE = re.compile(r"[,;.()]|\s(?:-|–|—)\s|\b(?:but|and|while|whereas|though|although)\b", re.I)
_WORD = re.compile(r"[a-z0-9][a-z0-9-]{2,}")
_PLAIN = {"the", "our", "model", "models", "image", "images", "api", "via", "own", "and"}


def per_vendor(question: Question, raw: str, vendors: list[str]) -> dict[str, str]:
    """The option each vendor's own words pick ("Azure covers us" → full, "Midjourney doesn't"
    → none); a vendor the answer does not name, or names with no clear option, is left out.
    "Adobe covers us but not Midjourney": the vendor after "not" has none."""
    out: dict[str, str] = {}
    waiting: list[str] = []  # "MJ and Canva not": MJ shares what is said of Canva
    for clause in _CLAUSE.split(_ALIASES.sub(lambda m: _ALIAS[m.group(0).casefold()], raw)):
        named = [v for v in vendors if _named(v, clause)]
        if len(named) != 1:
            waiting = []
            continue
        rest = clause
        for w in _words(named[0]):
            rest = re.sub(rf"(?i)\b{re.escape(w)}\w*", " ", rest)
        rest = rest.strip(" '’s")
        if not rest:
            waiting.append(named[0])
            continue
        pick: str | None = None
        if re.fullmatch(r"(?i)not(?:\s+(?:for|with|from))?", rest):
            pick = "none"
        else:
            try:
                picks = choose(question, rest)[0]
            except AnswerError:
                picks = ()
            pick = picks[0] if len(picks) == 1 else None
        if pick is not None:
            for v in (*waiting, named[0]):
                out[v] = pick
        waiting = []
    return out


_ALIAS = {"mj": "Midjourney", "sd": "Stable Diffusion"}  # what people call them
_ALIASES = re.compile(r"(?i)\b(?:mj|sd)\b")


_KIN = {  # a model and the company whose contract covers it: "Microsoft's commitment" is Azure's
    "azure": {"microsoft"},
    "microsoft": {"azure"},
    "firefly": {"adobe"},
    "adobe": {"firefly"},
    "dall-e": {"openai"},
    "dalle": {"openai"},
    "openai": {"dall-e", "dalle"},
    "imagen": {"google"},
    "google": {"imagen"},
}


def _words(vendor: str) -> set[str]:
    words = set(_WORD.findall(vendor.casefold())) - _PLAIN
    return words.union(*(_KIN.get(w, set()) for w in words))


def _named(vendor: str, clause: str) -> bool:
    said = set(_WORD.findall(clause.casefold()))
    return any(w in said or f"{w}s" in said for w in _words(vendor))


SAID = {"full": "indemnifies you", "capped": "capped", "none": "none", "unknown": "not known"}


def vendor_terms(question: Question, raw: str, external: list[str], overall: str) -> dict[str, str]:
    """Each external vendor's indemnity when the answer tells them apart, else {}: a vendor it
    does not name is unknown beside ones it names differently, else as the answer reads."""
    named = per_vendor(question, raw, external) if len(external) > 1 else {}
    if not named:
        return {}
    rest = "unknown" if len(set(named.values())) > 1 else overall
    return {v: named.get(v, rest) for v in external}


def weakest(terms: dict[str, str], worst_first: dict[str, int]) -> str:
    """The weakest indemnity among the vendors: what images from that vendor are exposed to."""
    return max(terms.values(), key=lambda t: worst_first[t])


def said(terms: dict[str, str]) -> str:
    """ "Azure: indemnifies you; Midjourney: none"."""
    return "; ".join(f"{v}: {SAID[t]}" for v, t in terms.items())


def weak(terms: dict[str, str]) -> list[str]:
    return [v for v, t in terms.items() if t in ("capped", "none")]


def unread(terms: dict[str, str]) -> list[str]:
    return [v for v, t in terms.items() if t == "unknown"]


def covered(terms: dict[str, str]) -> list[str]:
    return [v for v, t in terms.items() if t == "full"]


def contract_steps(terms: dict[str, str]) -> list[Recommendation]:
    """Contract steps named vendor by vendor, as the indemnity answer told them apart."""
    steps, good = [], covered(terms)
    if gaps := unread(terms):
        steps.append(
            Recommendation(
                title=f"Read the IP clause of the {join(gaps)} contract"
                + ("s" if len(gaps) > 1 else ""),
                detail="Whether it indemnifies you, with what cap, and on what conditions; "
                "then ask for uncapped IP indemnity for commercial use at renewal.",
                horizon="0-1 month",
                owner="legal",
            )
        )
    if lacking := weak(terms):
        steps.append(
            Recommendation(
                title=f"Renegotiate indemnity with {join(lacking)} at renewal",
                detail=f"Ask {join(lacking)} for uncapped IP indemnity for commercial use"
                + (
                    f"; until it is signed, make {join(good)} (which "
                    f"{'indemnifies' if len(good) == 1 else 'indemnify'} you) the default "
                    f"for commercial images, and give every {join(lacking)} image a brand or legal "
                    "review before it is published."
                    if good
                    else "."
                ),
                horizon="next renewal",
                owner="legal",
            )
        )
    return steps
