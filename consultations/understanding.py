"""When the rules cannot read a reply (or read it two ways), ask the understanding port once.

Used by the service around the pure engine: the engine decides on the rules alone; only when
that decision is "asked again because unreadable" or "which of two readings?" is the port
called, and its restated reading goes back through the same engine, rules and checks.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import structlog

from consultations import engine
from consultations.ports import Understanding
from consultations.scripts import ConsultationScript
from consultations.state import Consultation

log = structlog.get_logger(__name__)


def with_understanding(
    understanding: Understanding | None,
    script: ConsultationScript,
    c: Consultation,
    command: engine.Command,
    d: engine.Decision,
    now: datetime,
) -> engine.Decision:
    """``d`` itself, or a better decision when the port understood what the rules did not."""
    if understanding is None or not isinstance(command, engine.Reply) or command.reading:
        return d
    outcome = d.outcome
    if not isinstance(outcome, engine.Asked) or outcome.question.type.value not in (
        "number",
        "choice",
    ):
        return d
    pending = d.consultation.pending
    unreadable = not d.changed and outcome.reason is not None
    two_ways = d.changed and pending is not None and len(pending.readings) > 1
    if not (unreadable or two_ways):
        return d
    problem = outcome.reason if unreadable else (pending.prompt if pending else "")
    understood = understanding.understand(script, outcome.question, command.text, problem or "")
    if understood.reading is not None:
        again = engine.decide(script, c, engine.Reply(command.text, understood.reading), now)
        if again.changed:
            log.info("understanding.used", question=outcome.question.key)
            return again
    if understood.clarify and unreadable:
        return replace(d, outcome=replace(outcome, reason=understood.clarify))
    return d
