"""Research Curation System: a saved profile that drives triage and the digest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from consultations.advisors.base import AdvisorInput, AnswerSheet, assumed_lines
from consultations.answers import Answer
from consultations.report import Figure, Recommendation, Report, Section

MINUTES_PER_PAPER = 15


def profile_from_answers(answers: Mapping[str, Answer]) -> dict[str, Any]:
    """The curation profile triage and the digest use (plain data, safe to store as JSON)."""
    return _profile(AnswerSheet(answers))


def _profile(sheet: AnswerSheet) -> dict[str, Any]:
    raw = sheet.numbers("weights", {"cost": 1.0, "failure": 1.0, "compute": 1.0})
    total = sum(max(v, 0.0) for v in raw.values()) or 1.0
    weights = {k: round(max(v, 0.0) / total, 4) for k, v in raw.items()}
    hours = sheet.number("hours", 2.0)
    return {
        "topics": list(sheet.items("topics")),
        "canon": list(sheet.items("canon")),
        "weights": weights,
        "sources": list(sheet.choices("sources", ("arxiv",))),
        "cadence": sheet.choice("cadence", "weekly"),
        "papers_per_digest": max(3, min(20, int(hours * 60 // MINUTES_PER_PAPER))),
        "to_triage": list(sheet.items("to_triage")),
    }


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    role = sheet.text("role", "your role")
    profile = _profile(sheet)
    w = profile["weights"]
    top = max(w, key=w.get)
    per = profile["papers_per_digest"]
    items = [
        "Topics: " + (", ".join(profile["topics"]) or "none yet"),
        "Canon: " + (", ".join(profile["canon"]) or "none yet — add labs as they earn it"),
        f"Weights: cost {w['cost']:.0%}, failure {w['failure']:.0%}, compute {w['compute']:.0%}",
        "Sources: " + ", ".join(profile["sources"]),
        f"Digest: {profile['cadence']}, {per} papers",
    ]
    to_triage = profile["to_triage"]
    sections = [Section(title="Your curation profile (saved)", items=tuple(items))]
    if to_triage:
        sections.append(
            Section(
                title="First triage of what you pasted (by title, offline)",
                items=_first_triage(to_triage, profile),
            )
        )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=f"Your filter leads with {top}: {per} papers a {_period(profile['cadence'])}, "
        "each tied to one of the three questions.",
        summary=(
            f"For {role}: NeurIPS 2025 took 21,575 submissions and accepted 5,290 under "
            "heavy review strain, so an acceptance says little. Your profile ranks papers "
            "by cost, failure and compute, lifts your topics and canon, and passes over "
            "benchmark-only gains and theory with no route to deployment."
        ),
        figures=(
            Figure(
                label="Papers per digest",
                value=per,
                display=str(per),
                working=f"{sheet.number('hours', 2.0):g} hours × 60 ÷ {MINUTES_PER_PAPER} "
                "minutes a paper (between 3 and 20)",
            ),
        ),
        sections=tuple(sections),
        recommendations=(
            Recommendation(
                title="Subscribe a channel to the digest",
                detail="`/neurips digest subscribe #channel` posts the top papers "
                "not yet shown there, with the question each answers.",
                horizon="now",
            ),
            Recommendation(
                title="Triage big batches on a worker",
                detail="`/neurips triage` or `neurips-advisor triage FILE` ranks "
                "thousands of papers with this profile in seconds.",
                horizon="now",
            ),
            Recommendation(
                title="Prune the canon each quarter",
                detail="Keep labs whose papers turned into something you could use.",
                horizon="quarterly",
            ),
        ),
        assumptions=assumed_lines(
            sheet,
            {
                "weights": "No weights given: the three questions count equally.",
                "canon": "No canon given: no lab or author is lifted yet.",
                "hours": "No reading time given: assumed 2 hours a week.",
            },
        )
        + ("Weights are normalised to add up to 100%.",),
        shifts=(1, 2, 3, 4, 5, 6),
        caveats=(
            "A keyword filter misses papers that describe a big result in unusual words: "
            "skim the runners-up now and then.",
            "A canon can harden into a bubble; add one new source a quarter.",
        ),
    )


def _period(cadence: str) -> str:
    return {"daily": "day", "weekly": "week", "monthly": "month"}.get(cadence, "week")


def _first_triage(pasted: list[str], profile: dict[str, Any]) -> tuple[str, ...]:
    """Rank the pasted titles or links with the new profile (links are judged by their text)."""
    from consultations.triage.papers import Paper, arxiv_id
    from consultations.triage.pipeline import triage
    from consultations.triage.scorer import Profile

    papers = [
        Paper(id=f"pasted:{n}", title=text[:1000], arxiv_id=arxiv_id(text))
        for n, text in enumerate(pasted, 1)
    ]
    ranked = triage(papers, Profile.model_validate(profile), top=None)
    return tuple(f"{r.title} — {r.score:.0f}/100. {r.why}" for r in ranked)
