"""The structured report every advisor produces, whatever writes its narrative afterwards."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Figure(BaseModel):
    """A computed number, with the arithmetic that produced it so anyone can check it.

    ``value`` is None when there is no finite number ("never pays back"): a report must
    survive JSON, and JSON has no infinity.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    value: float | None
    display: str
    working: str | None = None

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        return v if v is None or math.isfinite(v) else None


class Table(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class Section(BaseModel):
    """A titled list: a keep-or-cut line per vendor, a vendor questionnaire, a roadmap phase."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    items: tuple[str, ...]


class Recommendation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    detail: str
    horizon: str | None = None  # "now", "0-3 months", ...
    owner: str | None = None
    depends_on: str | None = None  # the title of the item that must come first


class Series(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    points: tuple[tuple[float, float], ...]


class Chart(BaseModel):
    """Data for a chart (edge economics: monthly cost against volume)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    x_label: str
    y_label: str
    series: tuple[Series, ...]
    marker_x: float | None = None
    marker_label: str | None = None

    @field_validator("marker_x")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        return v if v is None or math.isfinite(v) else None


class Report(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: str
    title: str
    verdict: str = Field(min_length=3)
    summary: str
    recommendations: tuple[Recommendation, ...] = ()
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    sections: tuple[Section, ...] = ()
    assumptions: tuple[str, ...] = ()
    shifts: tuple[int, ...] = ()
    caveats: tuple[str, ...] = ()
    chart: Chart | None = None

    def figure(self, label: str) -> Figure:
        for f in self.figures:
            if f.label == label:
                return f
        raise KeyError(label)
