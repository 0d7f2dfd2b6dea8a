"""Papers from the network: the arXiv API, OpenReview (API v2) and RSS/Atom feeds.

Base URLs are configurable (tests point them at a local server). arXiv asks for at most one
request every 3 seconds; the limiter enforces it. XML is parsed without DTDs or entities.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

from pydantic import ValidationError

from consultations.triage.papers import Paper, arxiv_id
from consultations.triage.sources import SourceError

ATOM = "{http://www.w3.org/2005/Atom}"
USER_AGENT = "neurips-advisor/0.1 (research triage)"


class RateLimiter:
    """At most one call every ``interval`` seconds (shared by threads)."""

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval, self._clock, self._sleep = interval, clock, sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            if now < self._next:
                self._sleep(self._next - now)
                now = self._next
            self._next = now + self.interval


def _get(url: str, timeout: float = 30.0) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310 — http(s) only
            return resp.read(50_000_000)
    except OSError as e:
        raise SourceError(f"could not fetch {url.split('?')[0]}: {e}") from e


def _xml(data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data[:2000] or b"<!ENTITY" in data[:5000]:
        raise SourceError("refusing XML with a DTD or entities")
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise SourceError(f"not valid XML: {e}") from e


class ArxivClient:
    def __init__(
        self,
        base_url: str = "http://export.arxiv.org/api/query",
        limiter: RateLimiter | None = None,
        page_size: int = 100,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise SourceError("the arXiv API URL must be http(s)")
        self.base_url, self.page_size = base_url, page_size
        self.limiter = limiter or RateLimiter(3.0)

    def by_ids(self, ids: list[str]) -> Iterator[Paper]:
        """Papers by arXiv id (versions dropped), 100 per request."""
        for i in range(0, len(ids), 100):
            self.limiter.wait()
            params = {"id_list": ",".join(ids[i : i + 100]), "max_results": 100}
            root = _xml(_get(f"{self.base_url}?{urllib.parse.urlencode(params)}"))
            for e in root.findall(f"{ATOM}entry"):
                paper = _arxiv_entry(e)
                if paper is not None:
                    yield paper

    def search(self, query: str, limit: int = 200) -> Iterator[Paper]:
        start = 0
        while start < limit:
            self.limiter.wait()
            params = {
                "search_query": query,
                "start": start,
                "max_results": min(self.page_size, limit - start),
                "sortBy": "submittedDate",
                "sortOrder": "descending",
            }
            root = _xml(_get(f"{self.base_url}?{urllib.parse.urlencode(params)}"))
            entries = root.findall(f"{ATOM}entry")
            for e in entries:
                paper = _arxiv_entry(e)
                if paper is not None:
                    yield paper
            if len(entries) < params["max_results"]:
                return
            start += len(entries)


def _arxiv_entry(e: ET.Element) -> Paper | None:
    link = (e.findtext(f"{ATOM}id") or "").strip()
    aid = arxiv_id(link)
    try:
        return Paper(
            id=f"arxiv:{aid}" if aid else link,
            title=e.findtext(f"{ATOM}title") or "",
            abstract=e.findtext(f"{ATOM}summary") or "",
            authors=tuple(a.findtext(f"{ATOM}name") or "" for a in e.findall(f"{ATOM}author")),
            affiliations=tuple(
                x.text or "" for x in e.iter("{http://arxiv.org/schemas/atom}affiliation")
            ),
            urls=(link,) if link else (),
            source="arxiv",
            arxiv_id=aid,
            venue="arXiv",
        )
    except ValidationError:
        return None


class OpenReviewClient:
    def __init__(self, base_url: str = "https://api2.openreview.net", page_size: int = 1000):
        if not base_url.startswith(("http://", "https://")):
            raise SourceError("the OpenReview API URL must be http(s)")
        self.base_url, self.page_size = base_url.rstrip("/"), page_size

    def venue(self, venue_id: str, limit: int = 50_000) -> Iterator[Paper]:
        offset = 0
        while offset < limit:
            params = {"content.venueid": venue_id, "limit": self.page_size, "offset": offset}
            data = _get(f"{self.base_url}/notes?{urllib.parse.urlencode(params)}")
            try:
                notes = json.loads(data).get("notes", [])
            except ValueError as e:
                raise SourceError(f"OpenReview answered something other than JSON: {e}") from e
            for note in notes:
                paper = _openreview_note(note, venue_id)
                if paper is not None:
                    yield paper
            if len(notes) < self.page_size:
                return
            offset += len(notes)


def _value(content: dict, key: str, default: object = "") -> object:
    v = content.get(key, default)
    return v.get("value", default) if isinstance(v, dict) else v


def _openreview_note(note: dict, venue_id: str) -> Paper | None:
    c = note.get("content") or {}
    forum = str(note.get("forum") or note.get("id") or "")
    try:
        return Paper(
            id=f"openreview:{forum}",
            title=str(_value(c, "title")),
            abstract=str(_value(c, "abstract")),
            authors=tuple(_value(c, "authors", ()) or ()),
            venue=str(_value(c, "venue") or venue_id),
            status=str(_value(c, "venueid")),
            urls=(f"https://openreview.net/forum?id={forum}",),
            source="openreview",
            openreview_id=forum or None,
        )
    except ValidationError:
        return None


def read_feed(url: str) -> Iterator[Paper]:
    """RSS 2.0 or Atom."""
    root = _xml(_get(url))
    items = root.findall(".//item") or root.findall(f".//{ATOM}entry")
    for item in items:
        title = item.findtext("title") or item.findtext(f"{ATOM}title") or ""
        link = item.findtext("link") or ""
        atom_link = item.find(f"{ATOM}link")
        if not link and atom_link is not None:
            link = atom_link.get("href", "")
        summary = (
            item.findtext("description")
            or item.findtext(f"{ATOM}summary")
            or item.findtext(f"{ATOM}content")
            or ""
        )
        try:
            yield Paper(
                id=link or f"feed:{title[:80]}",
                title=title,
                abstract=_strip_tags(summary),
                urls=(link,) if link else (),
                source="feed",
                arxiv_id=arxiv_id(link) if "arxiv" in link else None,
            )
        except ValidationError:
            continue


def _strip_tags(html: str) -> str:
    import re

    return re.sub(r"<[^>]+>", " ", html)
