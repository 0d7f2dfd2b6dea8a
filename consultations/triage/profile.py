"""A curation profile: what to lift and how to weigh the three questions (light: no numpy)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

QUESTIONS = ("cost", "failure", "compute")


class Profile(BaseModel):
    """A curation profile: what to lift (topics, canon) and how to weigh the three questions."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    topics: tuple[str, ...] = ()
    canon: tuple[str, ...] = ()
    weights: dict[str, float] = Field(
        default_factory=lambda: {"cost": 1 / 3, "failure": 1 / 3, "compute": 1 / 3}
    )

    @field_validator("weights")
    @classmethod
    def _normalise(cls, w: dict[str, float]) -> dict[str, float]:
        raw = {q: max(float(w.get(q, 0.0)), 0.0) for q in QUESTIONS}
        total = sum(raw.values()) or 1.0
        return {q: v / total for q, v in raw.items()}

    @field_validator("topics", "canon", mode="before")
    @classmethod
    def _terms(cls, v: object) -> object:
        if isinstance(v, str):  # "long context, quantisation": one string, several terms
            v = [t for t in v.replace(";", ",").split(",")]
        if isinstance(v, (list, tuple)):
            return tuple(str(t).strip()[:100] for t in v if str(t).strip())[:100]
        return v
