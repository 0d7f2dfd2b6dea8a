"""One small HTTP GET for every feed and paper API: timeouts, a size cap, http(s)-only redirects."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from http.client import HTTPMessage
from typing import IO

USER_AGENT = "neurips-advisor/0.1 (research triage)"
MAX_BYTES = 50_000_000
MAX_REDIRECTS = 5


class FetchError(ValueError):
    """A URL that could not be fetched; the message says why (never the query string)."""


def _where(url: str) -> str:
    return url.split("?")[0][:200]


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most MAX_REDIRECTS redirects, and only to http(s) URLs."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage
    ) -> object:
        target = urllib.parse.urljoin(req.full_url, headers.get("location") or "")
        if not target.casefold().startswith(("http://", "https://")):
            raise FetchError(f"refusing a redirect from {_where(req.full_url)} to another scheme")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.casefold().startswith(("http://", "https://")):
            raise FetchError(f"refusing a redirect from {_where(req.full_url)} to another scheme")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SafeRedirects())


def get(
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    timeout: float = 30.0,
    max_bytes: int = MAX_BYTES,
) -> bytes:
    """The body of ``url``; FetchError for other schemes, errors, timeouts and oversize bodies."""
    if not url.casefold().startswith(("http://", "https://")):
        raise FetchError(f"only http(s) URLs are fetched, not {_where(url)!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    try:
        with _OPENER.open(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{_where(url)} is over {max_bytes:,} bytes")
            data: bytes = resp.read(max_bytes + 1)
    except urllib.error.HTTPError as e:
        raise FetchError(f"could not fetch {_where(url)}: HTTP {e.code}") from e
    except (OSError, ValueError) as e:
        if isinstance(e, FetchError):
            raise
        raise FetchError(f"could not fetch {_where(url)}: {_why(e)}") from e
    if len(data) > max_bytes:
        raise FetchError(f"{_where(url)} is over {max_bytes:,} bytes")
    return data


def _why(e: BaseException) -> str:
    """A fetch error in words a reader can act on (not "<urlopen error [Errno 111] …>")."""
    reason = getattr(e, "reason", e)
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "it did not answer in time; try again later"
    if isinstance(reason, (ConnectionError, OSError)):
        return "it could not be reached; try again later"
    return str(reason)[:120]
