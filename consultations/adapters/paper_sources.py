"""Reading papers: the built-in data sets, local files, and the network sources.

`papers_from(spec, …)` is what the CLI, the workers and the digest call; `PaperSources`
implements the core's `PaperReader` port (`consultations/triage/load.py`). The built-in data
(`neurips2025`, `colm2025`) is package data under `consultations/triage/data/`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from consultations.adapters.paper_feeds import ArxivClient, OpenReviewClient, read_feed
from consultations.adapters.rate_limit import Limiter, arxiv_limiter
from consultations.triage.load import BUILTIN, near_builtin, read
from consultations.triage.papers import Paper
from consultations.triage.sources import SUFFIXES, SourceError, parse_lines

ARXIV_API_URL = "http://export.arxiv.org/api/query"
OPENREVIEW_API_URL = "https://api2.openreview.net"


def builtin(name: str) -> Iterator[Paper]:
    """A data set shipped with the package: `neurips2025` or `colm2025`."""
    file = BUILTIN.get(name.casefold())
    if file is None:
        raise SourceError(f"no built-in source {name!r} (there are: {', '.join(BUILTIN)})")
    data = resources.files("consultations.triage").joinpath("data", file)
    with io.TextIOWrapper(data.open("rb"), encoding="utf-8", newline="") as f:
        yield from parse_lines(f, file)


def load_file(path: Path) -> Iterator[Paper]:
    """Papers from a local .csv or .jsonl file."""
    if not path.exists():
        named = near_builtin(path.name) if path.suffix == "" else None
        hint = f" (did you mean {named}?)" if named else ""
        raise SourceError(f"no such file: {path}{hint}")
    if path.suffix.casefold() not in SUFFIXES:
        raise SourceError(f"{path}: expected a .csv or .jsonl file")
    with path.open(encoding="utf-8", newline="") as f:
        try:
            yield from parse_lines(f, path.name)
        except UnicodeDecodeError as e:
            raise SourceError(
                f"{path.name} is not UTF-8 text (byte {e.object[e.start : e.start + 1]!r} "
                "cannot be read): save it as UTF-8 and try again"
            ) from e


class PaperSources:
    """The `PaperReader` port over files, package data, arXiv, OpenReview and feeds."""

    def __init__(
        self,
        arxiv_url: str | None = None,
        openreview_url: str | None = None,
        limiter: Limiter | None = None,
    ) -> None:
        self.arxiv_url = arxiv_url or ARXIV_API_URL
        self.openreview_url = openreview_url or OPENREVIEW_API_URL
        self.limiter = limiter

    def builtin(self, name: str) -> Iterator[Paper]:
        return builtin(name)

    def file(self, path: str) -> Iterator[Paper]:
        return load_file(Path(path))

    def arxiv(self, query: str) -> Iterator[Paper]:
        return ArxivClient(self.arxiv_url, limiter=self.limiter).search(query)

    def openreview(self, venue_id: str) -> Iterator[Paper]:
        return OpenReviewClient(self.openreview_url).venue(venue_id)

    def feed(self, url: str) -> Iterator[Paper]:
        return read_feed(url)


def papers_from(
    spec: str,
    arxiv_url: str | None = None,
    openreview_url: str | None = None,
    *,
    redis: Any = None,
) -> Iterator[Paper]:
    """The papers of one source spec. With a Redis client, the arXiv limit is shared by every
    process using that Redis; without one it holds within this process."""
    reader = PaperSources(arxiv_url, openreview_url, limiter=arxiv_limiter(redis))
    yield from read(spec, reader)
