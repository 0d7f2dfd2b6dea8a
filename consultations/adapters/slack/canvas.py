"""The finished report as a Slack canvas: the whole report in Markdown, titled, shared with the
person who asked for it. Canvases are a nicety: when Slack refuses (a free plan, a missing
``canvases:write`` scope, any error) ``create`` returns None and the thread alone carries the
report; nothing is shown to the user and nothing is raised.

Created once per job round (README, "Recovery"): the time is noted in the part's in-flight
mark before ``canvases.create``; a retry that finds the mark without a checkpoint (its worker
died before Slack's answer) lists the bot's files since then (``files.list``), takes the one
with this report's title whose text names this consultation (``canvases.sections.lookup``), and
creates none."""

from __future__ import annotations

import time
from dataclasses import dataclass

import structlog
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from consultations.adapters.checkpoints import mark, once
from consultations.adapters.slack.markdown import report_markdown
from consultations.adapters.slack.parts import lookup_failed
from consultations.ports import Parts
from consultations.state import Consultation

log = structlog.get_logger(__name__)
TITLE_LIMIT = 255
DOC = "canvas:doc"  # the part: the canvas itself (its link in the thread is part "canvas")
SKEW_S = 30  # our clock against Slack's, when looking for a canvas made since the mark


@dataclass(frozen=True)
class Canvas:
    id: str
    url: str | None  # its permalink, when Slack gave one


def canvas_title(c: Consultation) -> str:
    title = c.report.title if c.report is not None else c.slug
    return f"{title} · {c.updated_at:%Y-%m-%d}"[:TITLE_LIMIT]


def canvas_markdown(c: Consultation) -> str:
    """The report as the thread shows it (one Markdown rendering), and who wrote it."""
    body = report_markdown(c.narrative or "", c.report.title if c.report is not None else None)
    return f"{body}\n\n---\n_Report by {c.narrated_by or 'the advisor'} · {_signature(c)}_"


def _signature(c: Consultation) -> str:
    return f"consultation {c.id}"


class ReportCanvas:
    def __init__(self, client: WebClient) -> None:
        self._client = client

    def create(self, c: Consultation, parts: Parts | None = None) -> Canvas | None:
        """Write ``c``'s report as a canvas the owner can open and edit (once per job round with
        ``parts``); None when Slack refuses."""
        if not c.narrative:
            return None
        find = (lambda since: self._find(c, since)) if parts is not None else None
        try:
            canvas_id = once(parts, DOC, lambda: self._make(c, parts), find)
        except (SlackApiError, SlackClientError, OSError) as e:
            log.info("slack.canvas_unavailable", cid=c.id, error=_error(e))
            return None
        try:
            self._client.canvases_access_set(
                canvas_id=canvas_id, access_level="write", user_ids=[c.owner.user]
            )
        except (SlackApiError, SlackClientError, OSError) as e:
            log.info("slack.canvas_not_shared", cid=c.id, error=_error(e))
            self._delete(canvas_id)  # nobody could open it: leave nothing behind
            return None
        log.info("slack.canvas_created", cid=c.id, canvas=canvas_id)
        return Canvas(canvas_id, self._permalink(canvas_id))

    def _make(self, c: Consultation, parts: Parts | None) -> str:
        mark(parts, DOC, str(int(time.time())))  # a retry looks at canvases made since
        made = self._client.canvases_create(
            title=canvas_title(c),
            document_content={"type": "markdown", "markdown": canvas_markdown(c)},
        )
        return str(made["canvas_id"])

    def _find(self, c: Consultation, since: str) -> str | None:
        """The canvas an earlier attempt made (Slack took it, its answer was lost): the bot's
        file made since the mark with this title, whose text names this consultation (an
        earlier round's canvas is older than the mark; another user's names another)."""
        if not since.isdigit():  # died before the mark had its time: nothing was created
            return None
        try:
            bot = self._client.auth_test()["user_id"]
            listed = self._client.files_list(user=bot, ts_from=str(int(since) - SKEW_S), count=100)
            title = canvas_title(c)
            for f in listed.get("files") or []:
                if f.get("title") == title and self._names(str(f["id"]), c):
                    log.info("slack.canvas_found", cid=c.id, canvas=f["id"])
                    return str(f["id"])
        except SlackApiError as e:
            lookup_failed(e, DOC, cid=c.id)
        return None

    def _names(self, canvas_id: str, c: Consultation) -> bool:
        found = self._client.canvases_sections_lookup(
            canvas_id=canvas_id, criteria={"contains_text": _signature(c)}
        )
        return bool(found.get("sections"))

    def _permalink(self, canvas_id: str) -> str | None:
        try:
            found = self._client.files_info(file=canvas_id)
        except (SlackApiError, SlackClientError, OSError):
            return None
        url = (found.get("file") or {}).get("permalink")
        return str(url) if url else None

    def _delete(self, canvas_id: str) -> None:
        try:
            self._client.canvases_delete(canvas_id=canvas_id)
        except (SlackApiError, SlackClientError, OSError) as e:
            log.warning("slack.canvas_delete_failed", canvas=canvas_id, error=_error(e))


def _error(e: Exception) -> str:
    if isinstance(e, SlackApiError):
        return str(e.response.get("error"))
    return type(e).__name__
