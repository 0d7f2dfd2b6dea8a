"""Which source a spec names, and the port that reads it. Pure: no files, network or environment.

A spec is a built-in data set (`neurips2025`, `colm2025`, shipped with the package), a
`.csv`/`.jsonl` path, `arxiv:QUERY`, `openreview:VENUE_ID` or an RSS/Atom `http(s)://` URL.
The reader that fetches each kind is an adapter (`consultations/adapters/paper_sources.py`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

if TYPE_CHECKING:  # light to import: the CLI's parser reads BUILTIN
    from consultations.triage.papers import Paper

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
    """The source a spec names; a ``SourceError`` saying what is missing when it names none
    (``arxiv:`` alone, an empty string)."""
    s = spec.strip()
    kind: Kind = "file"
    arg = s
    if s.casefold() in BUILTIN:
        kind, arg = "builtin", s.casefold()
    elif s.startswith(("http://", "https://")):
        kind = "feed"
    for prefix, named in (("arxiv:", "arxiv"), ("openreview:", "openreview")):
        if s.startswith(prefix):
            kind, arg = named, s.removeprefix(prefix).strip()  # type: ignore[assignment]
    try:
        return SourceSpec(kind=kind, arg=arg)
    except ValidationError:
        from consultations.triage.sources import SourceError

        if arg:
            raise SourceError(f"a source is at most 2,000 characters: {s[:40]}…") from None
        if kind == "file":
            raise SourceError("an empty source: name a file, a built-in list or a feed") from None
        what, example = (
            ("query", "arxiv:cat:cs.LG")
            if kind == "arxiv"
            else ("venue id", "openreview:NeurIPS.cc/2025/Conference")
        )
        msg = f"'{s}' names no {what}: write it after the colon, e.g. {example}"
        raise SourceError(msg) from None


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
