"""Papers parsed from the text of a CSV or JSONL source (the shipped data's formats). Pure.

Reading the bytes (a file, a built-in data set, a download) is an adapter's job
(`consultations/adapters/paper_sources.py`); this module only turns lines into papers.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from consultations.triage.papers import Paper, arxiv_id

SUFFIXES = (".csv", ".jsonl", ".ndjson", ".json")


class SourceError(ValueError):
    """A source that cannot be read; the message says which and why."""


def parse_lines(lines: Iterable[str], name: str) -> Iterator[Paper]:
    """Papers from the lines of ``name`` (its suffix picks CSV or JSONL)."""
    suffix = "." + name.rsplit(".", 1)[-1].casefold() if "." in name else ""
    if suffix == ".csv":
        yield from parse_csv(lines, name)
    elif suffix in SUFFIXES:
        yield from parse_jsonl(lines, name)
    else:
        raise SourceError(f"{name}: expected a .csv or .jsonl file")


def _stem(name: str) -> str:
    return name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def parse_csv(lines: Iterable[str], name: str) -> Iterator[Paper]:
    reader = csv.DictReader(lines)
    if not reader.fieldnames or "title" not in reader.fieldnames:
        raise SourceError(f"{name}: a CSV needs a title column")
    for n, row in enumerate(reader, 2):
        pid = row.get("paper_id") or row.get("id") or f"{_stem(name)}:{n}"
        try:
            yield Paper(
                id=str(pid),
                title=row["title"],
                abstract=row.get("abstract") or "",
                source=name.rsplit("/", 1)[-1],
            )
        except ValidationError:
            continue  # an empty or broken row: skipped, the rest goes on


def parse_jsonl(lines: Iterable[str], name: str) -> Iterator[Paper]:
    source = name.rsplit("/", 1)[-1]
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            yield from_record(row, source=source, fallback_id=f"{_stem(name)}:{n}")
        except (ValueError, ValidationError, TypeError, KeyError, AttributeError):
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
