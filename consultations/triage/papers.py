"""One paper model for every source; untrusted text is cleaned and bounded on the way in."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from consultations.answers import clean_text

_ARXIV = re.compile(r"(\d{4}\.\d{4,5})(v\d+)?")


class Paper(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    title: str = Field(min_length=1, max_length=1000)
    abstract: str = Field(default="", max_length=20_000)
    authors: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    venue: str = ""
    status: str = ""
    urls: tuple[str, ...] = ()
    source: str = "file"
    arxiv_id: str | None = None
    openreview_id: str | None = None

    @field_validator("title", "abstract", "venue", "status", mode="before")
    @classmethod
    def _clean(cls, v: object) -> object:
        return " ".join(clean_text(v).split()) if isinstance(v, str) else v

    @field_validator("authors", "affiliations", mode="before")
    @classmethod
    def _clean_names(cls, v: object) -> object:
        if isinstance(v, str):
            v = v.split(";")
        if isinstance(v, (list, tuple)):
            return tuple(n for n in (" ".join(clean_text(str(x)).split())[:300] for x in v) if n)
        return v


def arxiv_id(text: str) -> str | None:
    """2501.01234v2 (or an arxiv.org URL) → 2501.01234."""
    m = _ARXIV.search(text or "")
    return m.group(1) if m else None
