"""One deterministic advisor per consultation: answers in, a structured report out. Pure."""

from __future__ import annotations

import re

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
from consultations.answers import Answer
from consultations.answers.corrections import names_of
from consultations.answers.language import euros_because
from consultations.answers.model import format_number
from consultations.report import Report
from consultations.scripts import NumberKind, Question

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
    report = _guesses_marked(ADVISORS[request.script.slug](request), request)
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
        for q, a in _guessed(request)
    )


def _guessed(request: AdvisorInput) -> list[tuple[Question, Answer]]:
    return [
        (q, a)
        for q in request.script.questions
        if (a := request.answers.get(q.key)) is not None
        and not a.skipped
        and (a.note or "").startswith(GUESS)
    ]


def _guesses_marked(report: Report, request: AdvisorInput) -> Report:
    """A guessed figure marked "(your guess)" where the report uses it: in the summary and in
    the working of each figure computed from it ("no idea, maybe 5M" is no measurement)."""
    summary, figures = report.summary, report.figures
    for q, a in _guessed(request):
        values = [a.number] if a.number is not None else list((a.numbers or {}).values())
        shown = [format_number(v, q.kind, a.currency) for v in values if v is not None]
        said = [a.display(q), *(s for s in shown if sum(c.isdigit() for c in s) >= 3)]
        summary = _marked(summary, said)
        figures = tuple(
            f.model_copy(update={"working": _marked(f.working, shown)}) if f.working else f
            for f in figures
        )
    return report.model_copy(update={"summary": summary, "figures": figures})


def _marked(text: str, said: list[str]) -> str:
    """``text`` with " (your guess)" after the first of ``said`` found in it as a whole figure."""
    for words in said:
        if m := re.search(rf"(?<![\d.,]){re.escape(words)}(?![\d]|[.,]\d)", text):
            return f"{text[: m.end()]} ({GUESS}){text[m.end() :]}"
    return text


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
