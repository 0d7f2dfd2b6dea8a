"""The ports the service layer talks through; adapters implement them, tests use real ones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from consultations.advisors.base import AdvisorInput
from consultations.report import Report
from consultations.scripts import ConsultationScript, Question
from consultations.state import Consultation


@dataclass(frozen=True)
class Narrative:
    """The text of a finished report, and who wrote it (shown to the user, honestly)."""

    text: str
    author: str  # "Claude (claude-...)" or "offline analysis"
    notice: str | None = None  # e.g. "Claude was unavailable; this is the offline analysis."


class Narrator(Protocol):
    def narrate(self, request: AdvisorInput, report: Report) -> Narrative: ...


class ChatGateway(Protocol):
    """Posts into the chat a consultation lives in (its Slack thread, its Teams conversation).

    The worker picks the gateway by ``consultation.owner.platform``; the engine never knows.
    """

    def post_report(self, c: Consultation) -> None: ...

    def post_notice(self, c: Consultation, text: str) -> None: ...


@dataclass(frozen=True)
class Understood:
    """What a language model made of an answer the rules could not read (or read two ways).

    ``reading``: the same answer restated so the rules read it unambiguously (it then goes
    through the same validation, ranges and plausibility as anything typed); or ``clarify``:
    one short question to ask instead; or neither, when the model could not help.
    """

    reading: str | None = None
    clarify: str | None = None


class Understanding(Protocol):
    def understand(
        self, script: ConsultationScript, question: Question, text: str, problem: str
    ) -> Understood: ...
