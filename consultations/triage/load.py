"""Papers from any source spec: a file, `arxiv:QUERY`, `openreview:VENUE_ID` or a feed URL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from consultations.triage.papers import Paper
from consultations.triage.sources import load_file


def papers_from(
    spec: str, arxiv_url: str | None = None, openreview_url: str | None = None
) -> Iterator[Paper]:
    if spec.startswith("arxiv:"):
        from consultations.triage.sources_http import ArxivClient

        url = arxiv_url or os.environ.get("ARXIV_API_URL", "http://export.arxiv.org/api/query")
        yield from ArxivClient(url).search(spec.removeprefix("arxiv:"))
    elif spec.startswith("openreview:"):
        from consultations.triage.sources_http import OpenReviewClient

        url = openreview_url or os.environ.get("OPENREVIEW_API_URL", "https://api2.openreview.net")
        yield from OpenReviewClient(url).venue(spec.removeprefix("openreview:"))
    elif spec.startswith(("http://", "https://")):
        from consultations.triage.sources_http import read_feed

        yield from read_feed(spec)
    else:
        yield from load_file(Path(spec))
