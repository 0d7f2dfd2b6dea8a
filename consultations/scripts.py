"""The shape of a consultation script (one file per consultation under prompts/)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class QuestionType(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    NUMBER = "number"
    LIST = "list"


class NumberKind(StrEnum):
    """What a number question measures; decides how answers are read and shown."""

    COUNT = "count"  # requests, people, documents
    MONEY = "money"  # $3, 30 000 EUR, $2.5k/month
    PERCENT = "percent"  # 5%, 0.5%
    DURATION_MS = "ms"  # 50 ms, 2 s
    MONTHS = "months"  # 36 months, 3 years
    HOURS = "hours"  # hours per week
    TOKENS = "tokens"  # 1200, 1.2k


class Choice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    value: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str = Field(min_length=1, max_length=75)
    synonyms: tuple[str, ...] = ()


class Question(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    text: str = Field(min_length=5, max_length=300)
    why: str = Field(min_length=5, max_length=200, description="One line: why we ask.")
    type: QuestionType
    optional: bool = False
    example: str | None = Field(default=None, max_length=200)
    # choice
    choices: tuple[Choice, ...] = ()
    multiple: bool = False
    # number
    kind: NumberKind | None = None
    parts: tuple[str, ...] = Field(
        default=(), description="Names when one answer carries several numbers, e.g. in/out."
    )
    minimum: float | None = None
    maximum: float | None = None
    # list
    max_items: int = Field(default=20, ge=1, le=100)
    # answers from the user's earlier consultations that answer this one ("slug.key")
    reuse: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _fits_type(self) -> Question:
        if self.type is QuestionType.CHOICE:
            if len(self.choices) < 2:
                raise ValueError(f"choice question {self.key!r} needs at least two choices")
            values = [c.value for c in self.choices]
            if len(set(values)) != len(values):
                raise ValueError(f"choice question {self.key!r} repeats a value")
        elif self.choices:
            raise ValueError(f"question {self.key!r} has choices but is not a choice question")
        if self.type is QuestionType.NUMBER and self.kind is None:
            raise ValueError(f"number question {self.key!r} needs a kind")
        if self.type is not QuestionType.NUMBER and (self.kind or self.parts):
            raise ValueError(f"question {self.key!r} has number settings but is not a number")
        return self


class ConsultationScript(BaseModel):
    """One of the eight consultations, as loaded from prompts/consultations/*.toml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int = Field(ge=1, le=8)
    slug: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str = Field(min_length=3, max_length=80)
    decision: str = Field(min_length=10, max_length=200, description="The question it settles.")
    minutes: int = Field(ge=1, le=30)
    shifts: tuple[int, ...] = Field(min_length=1)
    intro: str = Field(min_length=10, max_length=600)
    brief: str = Field(
        min_length=20, description="What the LLM is told about this consultation's purpose."
    )
    report_shape: str = Field(min_length=10, description="What the finished report contains.")
    reuses_earlier: bool = False
    questions: tuple[Question, ...] = Field(min_length=5, max_length=8)

    @field_validator("shifts")
    @classmethod
    def _known_shifts(cls, shifts: tuple[int, ...]) -> tuple[int, ...]:
        if any(s < 1 or s > 6 for s in shifts):
            raise ValueError("shifts are numbered 1 to 6")
        return shifts

    @model_validator(mode="after")
    def _unique_keys(self) -> ConsultationScript:
        keys = [q.key for q in self.questions]
        if len(set(keys)) != len(keys):
            raise ValueError(f"consultation {self.slug!r} repeats a question key")
        return self

    def question(self, key: str) -> Question:
        for q in self.questions:
            if q.key == key:
                return q
        raise KeyError(key)


class Shift(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int = Field(ge=1, le=6)
    name: str
    paper: str | None = None
    summary: str = Field(min_length=20)
    facts: tuple[str, ...] = Field(min_length=1)
    consequence: str = Field(min_length=10)
    could_be_wrong: str = Field(min_length=10)


class ResearchContext(BaseModel):
    """The shared technical context every consultation embeds (prompts/context.toml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    conference: str = Field(min_length=20)
    filter: str = Field(min_length=20)
    shifts: tuple[Shift, ...] = Field(min_length=6, max_length=6)
    lab_signals: str = Field(min_length=20)
    advice_by_role: str = Field(min_length=20)

    def shift(self, number: int) -> Shift:
        return self.shifts[number - 1]
