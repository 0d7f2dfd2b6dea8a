"""The papers of a Slack triage job: arXiv ids, or a CSV/JSONL file shared in Slack (fetched
with the workspace's token)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from consultations.adapters.http_client import get
from consultations.adapters.paper_sources import load_file
from consultations.ports import TriageSpec
from consultations.triage.papers import Paper


def triage_papers(spec: TriageSpec, arxiv_api_url: str, token: Callable[[], str]) -> list[Paper]:
    from consultations.triage.dedupe import dedupe

    if spec.get("ids"):
        from consultations.adapters.paper_feeds import ArxivClient

        return dedupe(ArxivClient(arxiv_api_url).by_ids(spec["ids"].split(",")))
    name = spec.get("file_name") or "papers.csv"
    return dedupe(download_papers(spec["file_url"], name, token()))


def download_papers(url: str, name: str, token: str) -> list[Paper]:
    """The papers of the file at ``url`` (http(s) only, capped by ``get``), read by the
    extension of its ``name``."""
    if not url.startswith(("https://", "http://")):
        raise ValueError("the shared file has no download URL")
    data = get(url, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    suffix = Path(name).suffix.casefold()
    if suffix not in (".csv", ".jsonl", ".ndjson", ".json"):
        raise ValueError(f"{name}: share a .csv or .jsonl file")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"papers{suffix}"
        path.write_bytes(data)
        return list(load_file(path))
