"""One triaged paper, as every output and chat shows it (light: no numpy)."""

from __future__ import annotations

from pydantic import BaseModel


class TriageResult(BaseModel):
    id: str
    title: str
    score: float
    scores: dict[str, float]
    questions: list[str]
    why: str
    source: str
    url: str | None = None
