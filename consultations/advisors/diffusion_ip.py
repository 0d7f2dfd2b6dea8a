"""Diffusion Model IP Risk Assessment: a rating, a vendor questionnaire and controls."""

from __future__ import annotations

import re

from consultations.advisors.base import AdvisorInput, assumed_lines
from consultations.advisors.words import join
from consultations.report import Figure, Recommendation, Report, Section

OWN_WORDS = (
    "in-house",
    "in house",
    "our own",
    "own model",
    "fine-tune",
    "fine tune",
    "finetune",
    "self-hosted",
    "internal model",
    "we trained",
    "custom lora",
    "lora",
)

CONTENT = {"characters": 3, "likenesses": 3, "brands": 2, "regulated": 2, "none": 0}
INDEMNITY = {"full": -1, "capped": 0, "none": 2, "unknown": 2}
REVIEW = {"legal": -2, "spot": 0, "none": 2}
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
)


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    use = sheet.text("use", "unspecified use")
    vendors = sheet.items("vendors", ("your vendor",))
    content = set(sheet.choices("content", ("none",)))
    places = sheet.items("jurisdictions", ("your home market",))
    indemnity = sheet.choice("indemnity", "unknown")
    review = sheet.choice("review", "spot")

    public = any(w in use.casefold().replace(",", " ").split() for w in PUBLIC_WORDS)
    own_raw = [v for v in vendors if any(w in v.casefold() for w in OWN_WORDS)]
    own = [re.sub(r"^(?:our|my|an|a|the)\s+", "", v, flags=re.IGNORECASE) for v in own_raw]
    external = [v for v in vendors if v not in own_raw]
    parts = {
        "content at risk": sum(CONTENT[c] for c in content),
        "public or commercial use": 1 if public else 0,
        "indemnity": INDEMNITY[indemnity] if external else 2,
        "review before publishing": REVIEW[review],
        "jurisdictions": 1 if len(places) >= 3 else 0,
        "your own fine-tune (small sets memorise sooner)": 2 if own else 0,
    }
    score = sum(parts.values())
    rating = "high" if score >= 6 else "medium" if score >= 3 else "low"
    reasons = [f"{k} {'+' if v > 0 else '−'}{abs(v)}" for k, v in parts.items() if v]
    questionnaire = tuple(
        q
        for v in external
        for q in (
            f"{v}: how many images was the model trained on, and for how long?",
            f"{v}: what evidence shows training stopped before memorisation set in (for "
            "example, nearest-neighbour search of outputs against the training set)?",
        )
    ) + (
        "How do you test for reproduction of rare items: named characters, logos, faces?",
        "Which filters block prompts and outputs naming protected characters or real people?",
        "What indemnity do you give for IP claims, with what cap and conditions?"
        if indemnity != "full"
        else "Which conditions must we meet for your indemnity to apply (filters, review)?",
        "Can we opt our own uploads out of future training?",
    )
    controls = [
        "Block prompts that name living people, brands or characters you do not own.",
        "Run a reverse image search on every image before it is published.",
        "Keep the prompt, model, vendor and seed of every published image for claims.",
    ]
    if review != "legal":
        controls.append("Add a brand or legal review for external, commercial images.")
    if "likenesses" in content:
        controls.append(
            "Never publish a generated face that resembles a real person without consent."
        )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=f"Risk: {rating}. "
        + {
            "high": "Tighten contracts and review before publishing anything external.",
            "medium": "Usable with the controls below and answers from your vendors.",
            "low": "Proceed, with light controls and the vendor questions on file.",
        }[rating],
        summary=(
            "Diffusion models learn to generate well long before they start to memorise; "
            "the memorisation point moves later as the training set grows, so a large "
            "data set and a sensible stopping time keep a model generalising — on "
            "average. Rare items, such as one character or one face, can still come out "
            "nearly copied."
            + (
                f" Your own model (the {join(own)}) is likely your largest risk: a fine-tuning "
                "set is small, and the smaller the set, the sooner memorisation starts."
                if own
                else ""
            )
            + f" Assessed for: {use}."
        ),
        figures=(
            Figure(
                label="Risk score",
                value=score,
                display=f"{score} ({rating})",
                working="; ".join(reasons) or "no risk factors",
            ),
        ),
        sections=(
            *((Section(title="Vendor questionnaire", items=questionnaire),) if external else ()),
            *((Section(title="Your own model", items=_own_model(own)),) if own else ()),
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
        recommendations=_plan(external, own, indemnity),
        assumptions=assumed_lines(sheet, {})
        + (
            "The rating adds points for content at risk, public use, weak indemnity, no review "
            "and many jurisdictions (6 or more is high, 3-5 medium).",
        ),
        shifts=(5,),
        caveats=(
            "Memorising 0.01% of a data set is harmless until it is someone's copyrighted "
            "character: averages hide the rare cases that cause claims.",
            "Vendor answers are claims; ask for evidence or audit rights.",
            "This is not legal advice.",
        ),
    )


def _own_model(own: list[str]) -> tuple[str, ...]:
    return (
        f"Your {join(own)}: no vendor answers for it and no vendor indemnity covers it.",
        "The memorisation timescale grows linearly with the training-set size, so a small "
        "fine-tuning set memorises sooner: record the set size and training steps of every "
        "run, and stop early.",
        "Before release, search the model's outputs for near-copies of its own training "
        "images (nearest-neighbour search), with extra prompts on the rarest items.",
        "Keep the rights and consents for every training image on file.",
    )


def _plan(external: list[str], own: list[str], indemnity: str) -> tuple[Recommendation, ...]:
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
            title="Put the controls in the publishing workflow",
            detail="Prompt filters, reverse image search, records kept.",
            horizon="1-2 months",
            owner="marketing operations",
        )
    )
    if external and indemnity != "full":
        recs.append(
            Recommendation(
                title="Renegotiate indemnity at renewal",
                detail="Ask for uncapped IP indemnity for commercial use"
                + ("; today you do not know what you have." if indemnity == "unknown" else "."),
                horizon="next renewal",
                owner="legal",
            )
        )
    return tuple(recs)
