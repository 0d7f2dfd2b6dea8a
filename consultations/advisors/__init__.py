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
from consultations.report import Report

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
    return ADVISORS[request.script.slug](request)
