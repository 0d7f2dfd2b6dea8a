"""Diffusion Model IP Risk Assessment: a rating, a vendor questionnaire and controls."""

from __future__ import annotations

import re
from collections.abc import Callable

from consultations.advisors.base import AdvisorInput, assumed_lines
from consultations.advisors.diffusion_words import (
    EDITORIAL_OWNERS,
    NEWSROOM,
    PRIVATE,
    SMALL_OWNERS,
    SMALL_SHOP,
    WORLD,
    Models,
    is_public,
    reviewed_outside,
    unchecked_path,
)
from consultations.advisors.indemnity import (
    contract_steps,
    said,
    unread,
    vendor_terms,
    weak,
    weakest,
)
from consultations.advisors.words import briefly, count, join
from consultations.answers import AnswerError
from consultations.answers.choices import parse_choice
from consultations.answers.lexer import scan
from consultations.answers.rates import DAYS, rate_after
from consultations.report import Figure, Recommendation, Report, Section

CONTENT = {"characters": 3, "likenesses": 3, "brands": 2, "regulated": 2, "none": 0}
INDEMNITY = {"full": -1, "capped": 0, "none": 2, "unknown": 2}
REVIEW = {"legal": -2, "spot": 0, "none": 2}
REVIEW_SAID = {  # "review before publishing +2" read as if reviewing added risk
    "legal": "legal or brand review before publishing",
    "spot": "spot checks before publishing",
    "none": "no review before publishing",
}


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    use = sheet.text("use", "unspecified use")
    vendors = sheet.items("vendors", ("your vendor",))
    content = set(sheet.choices("content", ("none",)))
    places = sheet.items("jurisdictions", ("your home market",))
    indemnity = sheet.choice("indemnity", "unknown")
    review = sheet.choice("review", "spot")

    public = is_public(use)
    private = not public and PRIVATE.search(use) is not None  # "slides, never external"
    models = Models.sort(vendors)
    own, open_models, external = models.own, models.open, models.external
    question = request.script.question("indemnity")
    size = images_in(sheet.raw("vendors")) if own else None  # "our own LoRA on ~2.000 images"
    path = _path(request, sheet.raw("review")) if review == "none" else None
    inside = _inside(request, sheet.raw("review")) if review == "none" else None
    if inside is not None:  # "…, internal slides nobody checks": published images are reviewed
        review, path = (
            inside[0],
            (
                f"Keep what nobody checks ({inside[1]}) inside the company: any of it that goes "
                "out gets the review the published images get."
            ),
        )
    terms = vendor_terms(question, sheet.raw("indemnity"), external, indemnity)
    if terms:  # "Azure covers us, Midjourney doesn't": the uncovered vendor's images are exposed
        indemnity = weakest(terms, INDEMNITY)
    cover = INDEMNITY[indemnity] if external else (0 if private else 2)
    parts = {
        "content at risk": sum(CONTENT[c] for c in content),
        "public or commercial use": 1 if public else 0,
        "internal use only": -1 if private else 0,
        f"indemnity ({said(terms)})" if terms else "indemnity": min(cover, 1)
        if private
        else cover,  # nothing published, less to claim
        REVIEW_SAID[review]: 0 if private else REVIEW[review],
        "jurisdictions": 1 if len(places) >= 3 or any(WORLD.search(p) for p in places) else 0,
        "your own fine-tune (small sets may memorise sooner)": 2 if own else 0,
        "an open model with no indemnity": 1 if open_models and external and public else 0,
    }
    score = max(0, sum(parts.values()))
    rating = "high" if score >= 6 else "medium" if score >= 3 else "low"
    reasons = [f"{k} {'+' if v > 0 else '−'}{abs(v)}" for k, v in parts.items() if v]
    questionnaire = _questionnaire(external, indemnity, terms)
    controls = [
        "Block prompts that name living people, brands or characters you do not own.",
        "Run a reverse image search on every image before it is published."
        if not private
        else "Run a reverse image search on any image before it leaves the organisation.",
        "Keep the prompt, model, vendor and seed of every published image for claims.",
    ]
    if private:
        controls.append(
            "Label generated images as internal; "
            + {
                "legal": "your legal or brand review covers any that later go outside.",
                "spot": "any that later go outside get a full brand or legal review, not a "
                "spot check.",
                "none": "nobody checks them today, so name who reviews any that later go outside.",
            }[review]
        )
    elif review != "legal":
        controls.append(path or "Add a brand or legal review for external, commercial images.")
    elif path:  # reviewed before publishing; what nobody checks stays internal
        controls.append(path)
    if "likenesses" in content:
        controls.append(
            "Never publish a generated face that resembles a real person without consent."
        )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=f"Risk: {rating}. "
        + {
            "high": _first_fixes(
                external,
                own,
                indemnity,
                "every" if review == "spot" and _EVERY.search(sheet.raw("review")) else review,
                private,
                content,
                terms,
            ),
            "medium": "Usable with the controls below"
            + (" and answers from your vendors." if external else "."),
            "low": "Proceed, with light controls"
            + (" and the vendor questions on file." if external else "."),
        }[rating],
        summary=(
            "A NeurIPS 2025 best paper found that diffusion models learn to generate well long "
            "before they start to memorise; "
            "the memorisation point moves later as the training set grows, so a large "
            "data set and a sensible stopping time keep a model generalising — on "
            "average. Rare items, such as one character or one face, can still come out "
            "nearly copied."
            + (
                f" Your own model (the {join(own)}) is likely your largest risk: a fine-tuning "
                "set is small, and in our reading the smaller the set, the sooner memorisation "
                "may start (the research speaks of training sets, not fine-tuning)."
                if own and size is None
                else f" Your own model (the {join(own)}) is likely your largest risk: at about "
                f"{count(size)} images its training set is small, and the memorisation point "
                "comes sooner the smaller the set (the research speaks of training sets, not "
                "fine-tuning)."
                if own and size is not None
                else ""
            )
            + f" Assessed for: {briefly(use.rstrip(' .'))}."
        ),
        figures=(
            Figure(
                label="Risk score",
                value=score,
                display=f"{score} ({rating})",
                working="; ".join(reasons) or "no risk factors",
            ),
            *(_review_load(use) if not private and review != "legal" else ()),
        ),
        sections=(
            *((Section(title="Vendor questionnaire", items=questionnaire),) if external else ()),
            *((Section(title="Your own model", items=_own_model(own, size)),) if own else ()),
            *(
                (Section(title="Open models you run yourself", items=_open_models(open_models)),)
                if open_models
                else ()
            ),
            Section(title="Internal controls", items=tuple(controls)),
            Section(
                title="What the research does not settle",
                items=(
                    "Whether training on copyrighted images is lawful: that is for courts and "
                    "legislators where you publish (" + join(list(places)) + ").",
                    "Whether a given output infringes: similarity is judged case by case.",
                    "Behaviour on rare items: the result is an average over the data set.",
                ),
            ),
        ),
        recommendations=tuple(
            r.model_copy(update={"owner": SMALL_OWNERS.get(r.owner or "", r.owner)})
            if SMALL_SHOP.search(" ".join(sheet.raw(k) for k in ("use", "vendors", "review")))
            else r.model_copy(update={"owner": EDITORIAL_OWNERS.get(r.owner or "", r.owner)})
            if NEWSROOM.search(use)
            else r
            for r in _plan(external, own, indemnity, private, terms)
        ),
        assumptions=assumed_lines(sheet, {})
        + (
            "The rating adds points for content at risk, public use, weak indemnity, no review, "
            "many jurisdictions and a model of your own (6 or more is high, 3-5 medium).",
        )
        + (
            (f"A person needs about {LOOK_SECONDS} seconds to look at one image (ours).",)
            if images_a_month(use) and not private and review != "legal"
            else ()
        ),
        shifts=(5,),
        caveats=(
            "In the article's illustration, memorising 0.01% of a data set is harmless until it "
            "is someone's copyrighted "
            "character: averages hide the rare cases that cause claims.",
            "Vendor answers are claims; ask for evidence or audit rights.",
            "This is not legal advice.",
        ),
    )


def _questionnaire(external: list[str], indemnity: str, terms: dict[str, str]) -> tuple[str, ...]:
    """The questions every vendor gets, said once under whom to ask; only the indemnity
    question differs between vendors, when the answer told their terms apart."""
    full = "Which conditions must we meet for your indemnity to apply (filters, review)?"
    ask = "What indemnity do you give for IP claims, with what cap and conditions?"
    good = [v for v, t in terms.items() if t == "full"]
    if good and len(good) < len(terms):  # "Adobe covers us, Midjourney doesn't"
        rest = [v for v in terms if v not in good]
        cover: tuple[str, ...] = (
            f"{ask} (to {join(rest)})",
            f"{full} (to {join(good)}, which you said "
            f"{'indemnifies' if len(good) == 1 else 'indemnify'} you)",
        )
    else:
        cover = (full if indemnity == "full" else ask,)
    return (
        f"Ask {'each of ' if len(external) > 1 else ''}{join(external)}:",
        "How many images was the model trained on, and for how long?",
        "What evidence shows training stopped before memorisation set in (for example, "
        "nearest-neighbour search of outputs against the training set)?",
        "How do you test for reproduction of rare items: named characters, logos, faces?",
        "Which filters block prompts and outputs naming protected characters or real people?",
        *cover,
        "Can we opt our own uploads out of future training?",
    )


def _own_model(own: list[str], size: float | None = None) -> tuple[str, ...]:
    """``size``: the images its training set holds, when the answer said."""
    return (
        f"Your {join(own)}: no vendor answers for it and no vendor indemnity covers it.",
        "The memorisation timescale grows linearly with the training-set size; our reading, "
        "as the research speaks of training rather than fine-tuning, is that a small "
        "fine-tuning set may memorise sooner: record the set size and training steps of every "
        "run, and stop early."
        if size is None
        else f"Trained on about {count(size)} images: the memorisation timescale grows "
        "linearly with the training-set size, so a set this size reaches it after fewer "
        "training steps than a large one would (the research speaks of training sets, not "
        "fine-tuning): record the training steps of every run, and stop early.",
        "Before release, search the model's outputs for near-copies of its own training "
        "images (nearest-neighbour search), with extra prompts on the rarest items.",
        "Keep the rights and consents for every training image on file.",
    )


_RARE = (("likenesses", "people"), ("characters", "characters"), ("brands", "logos"))


def _first_fixes(
    external: list[str],
    own: list[str],
    indemnity: str,
    review: str,
    private: bool,
    content: set[str],
    terms: dict[str, str] | None = None,
) -> str:
    """What a high risk calls for first, from what is missing (never a review already held);
    ``review`` "every": a person who is not legal looks at each image ("our designer checks
    each one"); ``terms``: each vendor's indemnity, when the answer told them apart."""
    fixes = []
    if terms:  # "Adobe covers us, Midjourney does not, not sure about the others"
        if lacking := weak(terms):
            fixes.append(f"tighten the {_contracts(lacking)}")
        if gaps := unread(terms):
            fixes.append(f"read the IP clause of the {_contracts(gaps)}")
    elif external and indemnity != "full":
        verb = "read the IP clause of" if indemnity == "unknown" else "tighten"
        fixes.append(f"{verb} the {_contracts(external)}")
    if own:
        fixes.append("test your own model for near-copies")
    if review in ("legal", "every") or private:
        fixes.append("add a reverse image search to every review")
    elif rare := [w for c, w in _RARE if c in content]:  # 2 million SKU shots: not by hand
        fixes.append(
            f"have a person review every external image showing {join(rare, 'or')} and run a "
            "reverse image search on every other one before it is published"
        )
    else:
        fixes.append("review every external image before it is published")
    text = join(fixes)
    return text[:1].upper() + text[1:] + "."


def _contracts(vendors: list[str]) -> str:
    if len(vendors) >= 3:
        return "vendor contracts"
    return f"{join(vendors)} contract" + ("s" if len(vendors) > 1 else "")


_EVERY = re.compile(r"\b(?:each|every|all)\b", re.I)  # "our designer checks each one"


def _open_models(models: list[str]) -> tuple[str, ...]:
    return (
        f"{join(models)}: no vendor to send a questionnaire to and no indemnity; look in the "
        "model card and its published data-set documentation for how many images it was "
        "trained on and for how long, and keep a copy of both.",
        "In the diffusion paper, a large training set and a sensible stopping time kept a model "
        "generalising on average; rare items (a character, a logo, a face) can still come out "
        "nearly copied.",
    )


def _plan(
    external: list[str],
    own: list[str],
    indemnity: str,
    private: bool,
    terms: dict[str, str] | None = None,
) -> tuple[Recommendation, ...]:
    recs = []
    if external:
        recs.append(
            Recommendation(
                title="Send the questionnaire",
                detail="To " + join(external) + "; no answer counts as the worst answer.",
                horizon="0-1 month",
                owner="procurement",
            )
        )
    if own:
        recs.append(
            Recommendation(
                title="Test your own model for memorisation",
                detail="Nearest-neighbour search of outputs against the training images, and "
                "a stopping point recorded for every training run.",
                horizon="0-1 month",
                owner="ML engineer",
            )
        )
    recs.append(
        Recommendation(
            title="Keep generated images internal, on the record",
            detail="Prompt filters and a record of prompt, model and seed; anything that later "
            "goes outside gets a review and a reverse image search first.",
            horizon="0-1 month",
            owner="whoever makes the images",
        )
        if private
        else Recommendation(
            title="Put the controls in the publishing workflow",
            detail="Prompt filters, reverse image search, records kept.",
            horizon="1-2 months",
            owner="marketing operations",
        )
    )
    if terms:
        recs.extend(contract_steps(terms))
    elif external and indemnity == "unknown":
        recs.append(
            Recommendation(
                title="Read the IP clause of each vendor contract",
                detail="Whether it indemnifies you, with what cap, and on what conditions; "
                "then ask for uncapped IP indemnity for commercial use at renewal.",
                horizon="0-1 month",
                owner="legal",
            )
        )
    elif external and indemnity != "full":
        recs.append(
            Recommendation(
                title="Renegotiate indemnity at renewal",
                detail="Ask for uncapped IP indemnity for commercial use.",
                horizon="next renewal",
                owner="legal",
            )
        )
    order = {"0-1 month": 0, "1-2 months": 1}  # by when each is due; renewals last
    return tuple(sorted(recs, key=lambda r: order.get(r.horizon or "", 2)))


LOOK_SECONDS = 30  # a person's look at one image before it is published (our assumption)
_IMAGE_WORDS = re.compile(
    r"\s*(?:[\w&-]+\s+){0,3}?(?:images?|pictures?|photos?|visuals?|creatives?|banners?|"
    r"shots?|assets?|ads?)\b",
    re.I,
)


def images_in(text: str) -> float | None:
    """The images a training set holds, as said ("LoRA on ~2.000 images"); None when no count
    of images is said, or it is a rate ("500 images a day" is a volume, not a set)."""
    for q in scan(text):
        words = _IMAGE_WORDS.match(text, q.end)
        if words and len(q.readings) == 1 and q.unit is None and q.currency is None:
            return None if rate_after(text, words.end()) else q.readings[0]
    return None


def _inside(request: AdvisorInput, raw: str) -> tuple[str, str] | None:
    """The review published images get when only an internal path goes unchecked (see
    :func:`reviewed_outside`)."""
    return reviewed_outside(_picker(request), raw, REVIEW)


def _path(request: AdvisorInput, raw: str) -> str | None:
    """The check the review answer's unchecked path calls for (see :func:`unchecked_path`)."""
    return unchecked_path(_picker(request), raw)


def _picker(request: AdvisorInput) -> Callable[[str], tuple[str, ...]]:
    """The review options one clause of the answer picks; none when it picks none."""
    question = request.script.question("review")

    def pick(clause: str) -> tuple[str, ...]:
        try:
            return parse_choice(question, clause)
        except AnswerError:
            return ()

    return pick


def images_a_month(use: str) -> float | None:
    """The images a month the use names ("~40k … images a month", "500 banners a day"), or
    None when it gives no number with a period."""
    for q in scan(use):
        words = _IMAGE_WORDS.match(use, q.end)
        rate = rate_after(use, words.end()) if words and len(q.readings) == 1 else None
        if words and rate in DAYS and q.unit is None and q.currency is None:
            return q.readings[0] * DAYS["mo"] / DAYS[rate]
    return None


def _review_load(use: str) -> tuple[Figure, ...]:
    """What a person's look at every published image takes at the volume the use names."""
    n = images_a_month(use)
    if not n:
        return ()
    hours = n * LOOK_SECONDS / 3600
    return (
        Figure(
            label="Review load at your volume",
            value=n,
            display=f"{count(n)} images a month: about {count(hours)} reviewer-hours a month "
            "if a person looks at each",
            working=f"{count(n)} images a month (from your description) × {LOOK_SECONDS} "
            "seconds a look ÷ 3,600; filters and a reverse image search first shrink what a "
            "person must see",
        ),
    )
