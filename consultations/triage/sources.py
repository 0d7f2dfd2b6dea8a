"""Papers from local files: the CSV and JSONL formats of shared/data, and generic JSONL."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from consultations.triage.papers import Paper, arxiv_id


class SourceError(ValueError):
    """A source that cannot be read; the message says which and why."""


def load_file(path: Path) -> Iterator[Paper]:
    if not path.exists():
        raise SourceError(f"no such file: {path}")
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        yield from _csv(path)
    elif suffix in (".jsonl", ".ndjson", ".json"):
        yield from _jsonl(path)
    else:
        raise SourceError(f"{path}: expected a .csv or .jsonl file")


def _csv(path: Path) -> Iterator[Paper]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or "title" not in reader.fieldnames:
            raise SourceError(f"{path}: a CSV needs a title column")
        for n, row in enumerate(reader, 2):
            pid = row.get("paper_id") or row.get("id") or f"{path.stem}:{n}"
            try:
                yield Paper(
                    id=str(pid),
                    title=row["title"],
                    abstract=row.get("abstract") or "",
                    source=path.name,
                )
            except ValidationError:
                continue  # an empty or broken row: skipped, the rest goes on


def _jsonl(path: Path) -> Iterator[Paper]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                yield from_record(row, source=path.name, fallback_id=f"{path.stem}:{n}")
            except (ValueError, ValidationError, TypeError, KeyError):
                continue


def from_record(row: dict, source: str, fallback_id: str) -> Paper:
    site = row.get("site") or row.get("url") or ""
    forum = None
    if "openreview.net" in site and "id=" in site:
        forum = site.split("id=")[-1].split("&")[0]
    return Paper(
        id=str(row.get("id") or row.get("paper_id") or fallback_id),
        title=row["title"],
        abstract=row.get("abstract") or "",
        authors=row.get("author") or row.get("authors") or (),
        affiliations=row.get("aff") or row.get("affiliations") or (),
        venue=row.get("venue") or row.get("track") or "",
        status=row.get("status") or "",
        urls=(site,) if site else (),
        source=source,
        arxiv_id=arxiv_id(site) if "arxiv" in site else row.get("arxiv_id"),
        openreview_id=forum or row.get("openreview_id"),
    )
