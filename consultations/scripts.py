"""The shape of a consultation script (one file per consultation under prompts/)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

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


Band = tuple[float, float]
Period = Literal["second", "hour", "day", "week", "month", "year"]
_PERIODS = {"second": "s", "hour": "h", "day": "d", "week": "w", "month": "mo", "year": "y"}


class Choice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    value: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str = Field(min_length=1, max_length=75)
    synonyms: tuple[str, ...] = ()
    whole: tuple[str, ...] = Field(
        default=(),
        description="Words that pick the option only as the whole answer: 'one' alone is one "
        "vendor, but not 'the EU one for GDPR'.",
    )
    range: Band | None = Field(
        default=None, description="For a numeric band: [low, high) in the question's band unit."
    )


class Moot(BaseModel):
    """A question an earlier answer settles is not asked: ``answer`` (read by the question's
    own rules; none: skipped) is recorded for it, marked as not asked, and the user is told why
    (``because``). The condition is on the answer to question ``after``, which comes earlier:
    a list of exactly ``items`` items, a choice that picks any of ``chose``, or a number whose
    part ``zero`` is nought. When that answer changes so that the condition fails, the
    question is asked after all; an answer the user gave is never replaced."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    after: str
    items: int | None = Field(default=None, ge=1)
    chose: tuple[str, ...] = ()
    zero: str | None = None
    answer: str | None = Field(default=None, min_length=1, max_length=80)
    because: str = Field(min_length=5, max_length=100, description="Said: 'you named one vendor'.")

    @model_validator(mode="after")
    def _one_condition(self) -> Moot:
        if sum((self.items is not None, bool(self.chose), self.zero is not None)) != 1:
            raise ValueError("moot needs exactly one condition: items, chose or zero")
        return self


class Question(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    text: str = Field(min_length=5, max_length=300)
    why: str = Field(min_length=5, max_length=200, description="One line: why we ask.")
    means: str | None = Field(
        default=None,
        max_length=240,
        description="What the words of the question count, said when asked ('what counts as a "
        "request?').",
    )
    type: QuestionType
    optional: bool = False
    example: str | None = Field(default=None, max_length=200)
    # choice
    choices: tuple[Choice, ...] = ()
    multiple: bool = False
    not_ours: bool = Field(
        default=False,
        description="The question asks what others own: words after 'our (own)' name nothing "
        "('our own brand logos' is not someone else's brand).",
    )
    keeps_others: bool = Field(
        default=False,
        description="At a multiple choice, a piece of the answer matching no option ('HAL' "
        "among paper sources) is the user's own: kept and said back, never dropped.",
    )
    lacking: bool = Field(
        default=False,
        description="The question asks what is missing or in the way: 'no X' names X ('no "
        "budget', 'no PII to US vendors' at 'What constrains you most?').",
    )
    strictest: bool = Field(
        default=False,
        description="Options run from least to most strict: an answer naming several takes the "
        "strictest, and says so ('customer PII, some health data' is regulated).",
    )
    not_a_role: bool = Field(
        default=False,
        description="A job title alone is no answer here ('Chief Medical Information Officer' "
        "at 'Which industry are you in?'): it is asked again.",
    )
    weakest: bool = Field(
        default=False,
        description="Options run from most to least careful: an answer naming several, one "
        "path for each ('editor checks everything, social posts directly'), takes the least "
        "careful, and says so.",
    )
    mixed: str | None = Field(
        default=None,
        description="An answer naming several options of a single choice at once, one for each "
        "thing asked about ('Azure covers us, Midjourney doesn't'), is this option, said back; "
        "the advisor reads the words thing by thing.",
    )
    partly: str | None = Field(
        default=None,
        max_length=200,
        description="At a multiple choice about several things, what to ask when the answer is "
        "only 'some' or 'partly': which of them fall under which option.",
    )
    # number
    kind: NumberKind | None = None
    parts: tuple[str, ...] = Field(
        default=(), description="Names when one answer carries several numbers, e.g. in/out."
    )
    minimum: float | None = None
    maximum: float | None = None
    plausible: Band | dict[str, Band] | None = Field(
        default=None, description="Usual range (per part when there are parts); outside: ask."
    )
    plausible_note: str | None = Field(default=None, max_length=160)
    per: Period | dict[str, Period] | None = Field(
        default=None, description="The period a number is asked per (a month): rates convert."
    )
    unit: str | None = Field(
        default=None,
        max_length=40,
        description="What a count counts, said back with its period: '2 engineer-days a month'.",
    )
    part_words: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Words that name each part in a sentence."
    )
    part_none: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Words that say a part costs nothing: 'we already own the GPUs'.",
    )
    loss: bool = Field(
        default=False,
        description="A percentage of loss: 'keep 95%' or '95% as good' is a 5% loss, said back.",
    )
    # choice with numeric bands (Choice.range): what a number typed here measures
    band: NumberKind | None = None
    largest: bool = Field(
        default=False,
        description="Asks for the largest of several ('the most valuable of them'): figures "
        "each given for its own thing are not added up; the largest is the answer.",
    )
    smallest: str | None = Field(
        default=None,
        max_length=120,
        description="Asks for a size every one of several things must have ('the window your "
        "models offer'): of a range or several figures the smallest is the answer, said back "
        "with this reason.",
    )
    # list
    max_items: int = Field(default=20, ge=1, le=100)
    named_items: bool = Field(default=False, description="Items name things (vendors).")
    rules_are_items: bool = Field(
        default=False,
        description="Items may be rules ('no customer data outside the EU'), never put aside "
        "as remarks typed among the items ('no US cloud' after a list of tools).",
    )
    places: bool = Field(
        default=False,
        description="Items are places: 'US and Europe' and 'EU/US' name two each.",
    )
    steps_joined: bool = Field(
        default=False,
        description="A '+' joins the steps of one item ('chunker + vector search' is one "
        "pipeline), not two items.",
    )
    # words that name this question in a correction ("change the volume to 8M")
    names: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _fold_option_extras(cls, data: Any) -> Any:
        """``option_synonyms`` / ``option_ranges`` (their own TOML lines) join their options."""
        if not isinstance(data, dict) or not ("option_synonyms" in data or "option_ranges" in data):
            return data
        data = dict(data)
        extra_words = data.pop("option_synonyms", None) or {}
        ranges = data.pop("option_ranges", None) or {}
        choices = []
        for c in data.get("choices", ()):
            raw = dict(c.model_dump() if isinstance(c, Choice) else c)
            value = raw.get("value")
            raw["synonyms"] = (*raw.get("synonyms", ()), *extra_words.pop(value, ()))
            if value in ranges:
                raw["range"] = ranges.pop(value)
            choices.append(raw)
        if extra_words or ranges:
            unknown = sorted({*extra_words, *ranges})
            raise ValueError(f"option_synonyms/option_ranges name unknown options: {unknown}")
        data["choices"] = choices
        return data

    # answers from the user's earlier consultations that answer this one ("slug.key")
    reuse: tuple[str, ...] = ()
    moot: Moot | None = Field(default=None, description="When an earlier answer settles it.")

    @model_validator(mode="after")
    def _fits_type(self) -> Question:
        if self.type is QuestionType.CHOICE:
            if len(self.choices) < 2:
                raise ValueError(f"choice question {self.key!r} needs at least two choices")
            values = [c.value for c in self.choices]
            if len(set(values)) != len(values):
                raise ValueError(f"choice question {self.key!r} repeats a value")
            if self.mixed is not None and self.mixed not in values:
                raise ValueError(f"choice question {self.key!r}: mixed names no option")
        elif self.choices:
            raise ValueError(f"question {self.key!r} has choices but is not a choice question")
        if self.type is QuestionType.NUMBER and self.kind is None:
            raise ValueError(f"number question {self.key!r} needs a kind")
        if self.type is not QuestionType.NUMBER and (self.kind or self.parts or self.plausible):
            raise ValueError(f"question {self.key!r} has number settings but is not a number")
        bands = [c.range for c in self.choices if c.range is not None]
        if bands and self.band is None:
            raise ValueError(f"question {self.key!r} has numeric bands but no band unit")
        ranges = self.plausible.values() if isinstance(self.plausible, dict) else [self.plausible]
        for band in [*bands, *ranges]:
            if band is not None and not band[0] < band[1]:
                raise ValueError(f"question {self.key!r}: a range must go from low to high")
        if isinstance(self.plausible, dict) and set(self.plausible) - set(self.parts):
            raise ValueError(f"question {self.key!r}: plausible names a part it does not have")
        if (set(self.part_words) | set(self.part_none)) - set(self.parts):
            raise ValueError(f"question {self.key!r}: part_words names a part it does not have")
        return self

    def period(self, part: str | None) -> str | None:
        """The period code ("d", "w", "mo", "y") this number (or part) is asked per."""
        per = self.per.get(part or "") if isinstance(self.per, dict) else self.per
        return _PERIODS[per] if per else None

    def label_of(self, value: str) -> str:
        """An option's label, as the user sees it (the value itself when unknown)."""
        return next((c.label for c in self.choices if c.value == value), value)

    def plausible_for(self, part: str | None) -> Band | None:
        if isinstance(self.plausible, dict):
            return self.plausible.get(part or "")
        return self.plausible


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
        for n, q in enumerate(self.questions):
            if q.moot is not None:
                _fits_moot(q, q.moot, {e.key: e for e in self.questions[:n]})
        return self

    def question(self, key: str) -> Question:
        for q in self.questions:
            if q.key == key:
                return q
        raise KeyError(key)


def _fits_moot(q: Question, rule: Moot, earlier: dict[str, Question]) -> None:
    """The condition reads an earlier question of the right type; a skip needs an optional one."""
    src = earlier.get(rule.after)
    where = f"question {q.key!r}: moot"
    if src is None:
        raise ValueError(f"{where} is settled by {rule.after!r}, which is no earlier question")
    if rule.items is not None and src.type is not QuestionType.LIST:
        raise ValueError(f"{where} counts items of {src.key!r}, which is not a list")
    if rule.chose and not set(rule.chose) <= {c.value for c in src.choices}:  # none: no choice
        raise ValueError(f"{where} names options {src.key!r} does not have")
    if rule.zero is not None and rule.zero not in src.parts:
        raise ValueError(f"{where} names a part {src.key!r} does not have")
    if rule.answer is None and not q.optional:
        raise ValueError(f"{where} records a skip, but the question is not optional")


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
