"""One triaged paper, as every output and chat shows it (light: no numpy)."""

from __future__ import annotations

from pydantic import BaseModel, field_validator

from consultations.triage.latex import readable


class TriageResult(BaseModel):
    id: str
    title: str
    score: float
    scores: dict[str, float]
    questions: list[str]
    why: str
    source: str
    url: str | None = None

    @field_validator("title", "why")
    @classmethod
    def _readable(cls, v: str) -> str:
        """As a reader sees it typeset ("$\\text{S}^2$Q-VDiT" → "S²Q-VDiT"), on every surface;
        the scorer has read the paper as written."""
        return readable(v)
