"""Which source a spec names, and the port that reads it. Pure: no files, network or environment.

A spec is a built-in data set (`neurips2025`, `colm2025`, shipped with the package), a
`.csv`/`.jsonl` path, `arxiv:QUERY`, `openreview:VENUE_ID` or an RSS/Atom `http(s)://` URL.
The reader that fetches each kind is an adapter (`consultations/adapters/paper_sources.py`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from consultations.triage.papers import Paper
from consultations.triage.sources import SourceError

# built-in name → file under consultations/triage/data/ (package data)
BUILTIN = {
    "neurips2025": "neurips2025_accepted_titles.csv",
    "colm2025": "colm2025_papers.jsonl",
}


def near_builtin(name: str) -> str | None:
    """The built-in list a name nearly is ("neurips", "NeurIPS 2024", "colm"), if any."""
    name = re.sub(r"[\s_-]+", "", name.casefold())
    near = difflib.get_close_matches(name, list(BUILTIN), n=1, cutoff=0.6)
    prefix = [b for b in BUILTIN if len(name) >= 4 and b.startswith(name)]
    return near[0] if near else prefix[0] if prefix else None


Kind = Literal["builtin", "arxiv", "openreview", "feed", "file"]


class SourceSpec(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: Kind
    arg: str = Field(min_length=1, max_length=2000)


def parse_spec(spec: str) -> SourceSpec:
    s = spec.strip()
    if s.casefold() in BUILTIN:
        return SourceSpec(kind="builtin", arg=s.casefold())
    for prefix, kind, example in (
        ("arxiv:", "arxiv", 'arxiv:"cat:cs.LG"'),
        ("openreview:", "openreview", "openreview:NeurIPS.cc/2025/Conference"),
    ):
        if s.startswith(prefix):
            if not s.removeprefix(prefix).strip():
                what = "a search query" if kind == "arxiv" else "a venue id"
                raise SourceError(f"{prefix} needs {what}, for example {example}")
            return SourceSpec(kind=kind, arg=s.removeprefix(prefix))  # type: ignore[arg-type]
    if s.startswith(("http://", "https://")):
        return SourceSpec(kind="feed", arg=s)
    return SourceSpec(kind="file", arg=s)


class PaperReader(Protocol):
    """Reads each kind of source (an adapter implements it)."""

    def builtin(self, name: str) -> Iterator[Paper]: ...
    def file(self, path: str) -> Iterator[Paper]: ...
    def arxiv(self, query: str) -> Iterator[Paper]: ...
    def openreview(self, venue_id: str) -> Iterator[Paper]: ...
    def feed(self, url: str) -> Iterator[Paper]: ...


def read(spec: str, reader: PaperReader) -> Iterator[Paper]:
    """The papers of one spec, through ``reader``."""
    s = parse_spec(spec)
    yield from getattr(reader, s.kind)(s.arg)
