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
# papers one source may hold: twice NeurIPS 2025's 21,575 submissions and more; a bigger file
# (600,000 rows took minutes and gigabytes) is refused as the reading passes it
MAX_PAPERS = 50_000


class SourceError(ValueError):
    """A source that cannot be read; the message says which and why."""


def parse_lines(lines: Iterable[str], name: str) -> Iterator[Paper]:
    """Papers from the lines of ``name`` (its suffix picks CSV or JSONL). A source with no
    paper at all, or with more than `MAX_PAPERS`, is a `SourceError` saying why."""
    suffix = "." + name.rsplit(".", 1)[-1].casefold() if "." in name else ""
    if suffix == ".csv":
        papers = parse_csv(lines, name)
    elif suffix in SUFFIXES:
        papers = parse_jsonl(lines, name)
    else:
        raise SourceError(f"{name}: expected a .csv or .jsonl file")
    for n, paper in enumerate(papers, 1):
        if n > MAX_PAPERS:
            raise SourceError(
                f"{name}: more than {MAX_PAPERS:,} papers, more than one triage takes; "
                "split the file and triage the parts"
            )
        yield paper


def _stem(name: str) -> str:
    return name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def parse_csv(lines: Iterable[str], name: str) -> Iterator[Paper]:
    reader = csv.DictReader(lines)
    if not reader.fieldnames:
        raise SourceError(f"{name} is empty")
    if "title" not in reader.fieldnames:
        columns = ", ".join(reader.fieldnames)[:200]
        raise SourceError(f"{name}: a CSV needs a title column (its columns: {columns})")
    read = 0
    for n, row in enumerate(reader, 2):
        pid = row.get("paper_id") or row.get("id") or f"{_stem(name)}:{n}"
        try:
            yield Paper(
                id=str(pid),
                title=row["title"],
                abstract=row.get("abstract") or "",
                source=name.rsplit("/", 1)[-1],
            )
            read += 1
        except ValidationError:
            continue  # an empty or broken row: skipped, the rest goes on
    if not read:
        raise SourceError(f"{name}: no row has a title")


def parse_jsonl(lines: Iterable[str], name: str) -> Iterator[Paper]:
    source = name.rsplit("/", 1)[-1]
    read, first_bad = 0, 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            paper = from_record(row, source=source, fallback_id=f"{_stem(name)}:{n}")
        except (ValueError, ValidationError, TypeError, KeyError, AttributeError):
            first_bad = first_bad or n
            continue  # a broken line: skipped, the rest goes on
        read += 1
        yield paper
    if not read:
        raise SourceError(
            f"{name}: line {first_bad} is not a JSON object with a title (one paper a line)"
            if first_bad
            else f"{name} is empty"
        )


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
