"""One record per paper across sources: by arXiv id, OpenReview forum id or normalised title."""

from __future__ import annotations

import re
from collections.abc import Iterable

from consultations.triage.papers import Paper

_NON_WORD = re.compile(r"[^a-z0-9]+")


def title_key(title: str) -> str:
    return _NON_WORD.sub(" ", title.casefold()).strip()


def dedupe(papers: Iterable[Paper]) -> list[Paper]:
    kept: list[Paper] = []
    index: dict[str, int] = {}
    for p in papers:
        keys = [f"t:{title_key(p.title)}"]
        if p.arxiv_id:
            keys.append(f"a:{p.arxiv_id}")
        if p.openreview_id:
            keys.append(f"o:{p.openreview_id}")
        at = next((index[k] for k in keys if k in index), None)
        if at is None:
            at = len(kept)
            kept.append(p)
        else:
            kept[at] = merge(kept[at], p)
        for k in keys:
            index.setdefault(k, at)
    return kept


def merge(a: Paper, b: Paper) -> Paper:
    """Keep the first id; take the richer text and every URL and identifier."""
    return a.model_copy(
        update={
            "abstract": a.abstract if len(a.abstract) >= len(b.abstract) else b.abstract,
            "authors": a.authors or b.authors,
            "affiliations": a.affiliations or b.affiliations,
            "urls": tuple(dict.fromkeys((*a.urls, *b.urls))),
            "arxiv_id": a.arxiv_id or b.arxiv_id,
            "openreview_id": a.openreview_id or b.openreview_id,
            "venue": a.venue or b.venue,
            "source": a.source if a.source == b.source else f"{a.source}+{b.source}",
        }
    )
