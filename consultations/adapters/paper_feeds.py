"""Papers from the network: the arXiv API, OpenReview (API v2) and RSS/Atom feeds.

Base URLs are configurable (tests point them at a local server). Every request goes through
`http_client.get` (timeouts, size cap, http(s)-only redirects); arXiv's one-request-per-3-s
limit through a limiter that Redis can share across processes. XML goes through defusedxml:
any DOCTYPE, entity or external reference is refused, wherever it sits in the document.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Iterator
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from pydantic import ValidationError

from consultations.adapters import http_client
from consultations.adapters.rate_limit import Limiter, arxiv_limiter
from consultations.triage.papers import Paper, arxiv_id
from consultations.triage.sources import SourceError

ATOM = "{http://www.w3.org/2005/Atom}"
_TAG = re.compile(r"<[^>]+>")


def _get(url: str) -> bytes:
    try:
        return http_client.get(url)
    except http_client.FetchError as e:
        raise SourceError(str(e)) from e


def parse_xml(data: bytes) -> Element:
    """An XML document with no DTD, entity or external reference anywhere in it."""
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as e:
        raise SourceError("refusing XML with a DTD or entities") from e
    except SafeET.ParseError as e:
        raise SourceError(f"not valid XML: {e}") from e
    return root


class ArxivClient:
    def __init__(
        self,
        base_url: str = "http://export.arxiv.org/api/query",
        limiter: Limiter | None = None,
        page_size: int = 100,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise SourceError("the arXiv API URL must be http(s)")
        self.base_url, self.page_size = base_url, page_size
        self.limiter: Limiter = limiter or arxiv_limiter()

    def by_ids(self, ids: list[str]) -> Iterator[Paper]:
        """Papers by arXiv id (versions dropped), 100 per request."""
        for i in range(0, len(ids), 100):
            self.limiter.wait()
            params = {"id_list": ",".join(ids[i : i + 100]), "max_results": 100}
            root = parse_xml(_get(f"{self.base_url}?{urllib.parse.urlencode(params)}"))
            for e in root.findall(f"{ATOM}entry"):
                paper = _arxiv_entry(e)
                if paper is not None:
                    yield paper

    def search(self, query: str, limit: int = 200) -> Iterator[Paper]:
        start = 0
        while start < limit:
            self.limiter.wait()
            size = min(self.page_size, limit - start)
            params = {
                "search_query": query,
                "start": start,
                "max_results": size,
                "sortBy": "submittedDate",
                "sortOrder": "descending",
            }
            root = parse_xml(_get(f"{self.base_url}?{urllib.parse.urlencode(params)}"))
            entries = root.findall(f"{ATOM}entry")
            for e in entries:
                paper = _arxiv_entry(e)
                if paper is not None:
                    yield paper
            if len(entries) < size:
                return
            start += len(entries)


def _arxiv_entry(e: Element) -> Paper | None:
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
            except (ValueError, AttributeError) as e:
                raise SourceError(f"OpenReview answered something other than JSON: {e}") from e
            for note in notes:
                paper = _openreview_note(note, venue_id) if isinstance(note, dict) else None
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
            authors=tuple(_value(c, "authors", ()) or ()),  # type: ignore[arg-type]
            venue=str(_value(c, "venue") or venue_id),
            status=str(_value(c, "venueid")),
            urls=(f"https://openreview.net/forum?id={forum}",),
            source="openreview",
            openreview_id=forum or None,
        )
    except (ValidationError, TypeError):
        return None


def read_feed(url: str) -> Iterator[Paper]:
    """RSS 2.0 or Atom."""
    root = parse_xml(_get(url))
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
                abstract=_TAG.sub(" ", summary),
                urls=(link,) if link else (),
                source="feed",
                arxiv_id=arxiv_id(link) if "arxiv" in link else None,
            )
        except ValidationError:
            continue
