"""One deterministic advisor per consultation: answers in, a structured report out. Pure."""

from __future__ import annotations

from consultations.advisors import (
    attention,
    automation,
    convergence,
    curation,
    diffusion_ip,
    edge,
    synthesis,
    telemetry,
)
from consultations.advisors.base import Advisor, AdvisorInput
from consultations.answers.corrections import names_of
from consultations.answers.language import euros_because
from consultations.report import Report
from consultations.scripts import NumberKind

ADVISORS: dict[str, Advisor] = {
    "model-convergence": convergence.advise,
    "attention-readiness": attention.advise,
    "edge-economics": edge.advise,
    "reasoning-telemetry": telemetry.advise,
    "research-curation": curation.advise,
    "automation-frontier": automation.advise,
    "diffusion-ip-risk": diffusion_ip.advise,
    "strategy-synthesis": synthesis.advise,
}


def advise(request: AdvisorInput) -> Report:
    report = ADVISORS[request.script.slug](request)
    said = (*_guesses(request), *filter(None, [_no_currency(request)]))
    if said:
        report = report.model_copy(update={"assumptions": (*report.assumptions, *said)})
    return report


GUESS = "your guess"  # how a figure typed after "no idea" is noted (answers/guess.py)


def _guesses(request: AdvisorInput) -> tuple[str, ...]:
    """Each answer the user marked as a guess ("no idea, maybe 5M"), said as one: a figure used
    in the report is not taken for a measurement."""
    return tuple(
        f"{names_of(q)[0].capitalize()}: {a.display(q)} — your guess; measure it."
        for q in request.script.questions
        if (a := request.answers.get(q.key)) is not None
        and not a.skipped
        and (a.note or "").startswith(GUESS)
    )


def _no_currency(request: AdvisorInput) -> str | None:
    """Amounts typed with no currency anywhere in the consultation are shown in dollars: say so."""
    money = [
        a
        for q in request.script.questions
        if q.kind is NumberKind.MONEY
        and (a := request.answers.get(q.key)) is not None
        and not a.skipped
        and (a.number or any((a.numbers or {}).values()))
    ]
    assumed = {lang for a in money if (lang := euros_because(a))}
    if money and assumed and all(euros_because(a) or not a.currency for a in money):
        return (
            f"Your amounts had no currency; you wrote in {' and '.join(sorted(assumed))}, so they "
            "are read as euros. If they are in another currency, type it with them (for example "
            "$40k or CHF 40k) and the figures keep it."
        )
    if not money or any(a.currency for a in money):
        return None
    return (
        "Your amounts had no currency: they are shown in US dollars. If they are in another "
        "currency, type it with them (for example €40k) and the figures keep it."
    )
