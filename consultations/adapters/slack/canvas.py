"""The finished report as a Slack canvas: the whole report in Markdown, titled, shared with the
person who asked for it. Canvases are a nicety: when Slack refuses (a free plan, a missing
``canvases:write`` scope, any error) ``create`` returns None and the thread alone carries the
report; nothing is shown to the user and nothing is raised."""

from __future__ import annotations

from dataclasses import dataclass

import structlog
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from consultations.adapters.slack.markdown import report_markdown
from consultations.state import Consultation

log = structlog.get_logger(__name__)
TITLE_LIMIT = 255


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
    return f"{body}\n\n---\n_Report by {c.narrated_by or 'the advisor'} · consultation {c.id}_"


class ReportCanvas:
    def __init__(self, client: WebClient) -> None:
        self._client = client

    def create(self, c: Consultation) -> Canvas | None:
        """Write ``c``'s report as a canvas the owner can open and edit; None when Slack refuses."""
        if not c.narrative:
            return None
        try:
            made = self._client.canvases_create(
                title=canvas_title(c),
                document_content={"type": "markdown", "markdown": canvas_markdown(c)},
            )
        except (SlackApiError, SlackClientError, OSError) as e:
            log.info("slack.canvas_unavailable", cid=c.id, error=_error(e))
            return None
        canvas_id = str(made["canvas_id"])
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
