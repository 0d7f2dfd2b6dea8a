"""A job queue that records what was asked of the workers (tests that run no worker)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consultations.state import Consultation


@dataclass
class RecordingJobQueue:
    sent: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    up: bool = True

    def request_report(self, c: Consultation) -> None:
        self.sent.append(("report", (c.owner.key, c.id)))

    def post_digest(self, key: str, mode: str, period: str = "", user: str = "") -> None:
        self.sent.append(("digest", (key, mode, period, user)))

    def start_triage(self, job: str) -> None:
        self.sent.append(("triage", (job,)))

    def triage_chunk(self, job: str, index: int) -> None:
        self.sent.append(("triage_chunk", (job, index)))

    def ready(self, timeout_s: float = 0.5) -> bool:
        return self.up

    def of(self, kind: str) -> list[tuple[Any, ...]]:
        return [args for k, args in self.sent if k == kind]
