"""Diffusion Model IP Risk Assessment: a rating, a vendor questionnaire and controls."""

from __future__ import annotations

from consultations.advisors.base import AdvisorInput, assumed_lines
from consultations.report import Figure, Recommendation, Report, Section

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
    parts = {
        "content at risk": sum(CONTENT[c] for c in content),
        "public or commercial use": 1 if public else 0,
        "indemnity": INDEMNITY[indemnity],
        "review before publishing": REVIEW[review],
        "jurisdictions": 1 if len(places) >= 3 else 0,
    }
    score = sum(parts.values())
    rating = "high" if score >= 6 else "medium" if score >= 3 else "low"
    reasons = [f"{k}: {v:+d}" for k, v in parts.items() if v]
    questionnaire = tuple(
        q
        for v in vendors
        for q in (
            f"{v}: how many images was the model trained on, and for how long?",
            f"{v}: what evidence shows training stopped before memorisation set in (for "
            "example, nearest-neighbour search of outputs against the training set)?",
        )
    ) + (
        "How do you test for reproduction of rare items: named characters, logos, faces?",
        "Which filters block prompts and outputs naming protected characters or real people?",
        "What indemnity do you give for IP claims, with what cap and conditions?",
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
            f"nearly copied. Your use: {use}."
        ),
        figures=(
            Figure(
                label="Risk score",
                value=score,
                display=f"{score} ({rating})",
                working=" ".join(reasons) or "no risk factors",
            ),
        ),
        sections=(
            Section(title="Vendor questionnaire", items=questionnaire),
            Section(title="Internal controls", items=tuple(controls)),
            Section(
                title="What the research does not settle",
                items=(
                    "Whether training on copyrighted images is lawful: that is for courts and "
                    "legislators in " + ", ".join(places) + ".",
                    "Whether a given output infringes: similarity is judged case by case.",
                    "Behaviour on rare items: the result is an average over the data set.",
                ),
            ),
        ),
        recommendations=(
            Recommendation(
                title="Send the questionnaire",
                detail="To " + ", ".join(vendors) + "; no answer counts as the worst answer.",
                horizon="0-1 month",
                owner="procurement",
            ),
            Recommendation(
                title="Put the controls in the publishing workflow",
                detail="Prompt filters, reverse image search, records kept.",
                horizon="1-2 months",
                owner="marketing operations",
            ),
            Recommendation(
                title="Renegotiate indemnity at renewal",
                detail="Ask for uncapped IP indemnity for commercial use.",
                horizon="next renewal",
                owner="legal",
            ),
        ),
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
