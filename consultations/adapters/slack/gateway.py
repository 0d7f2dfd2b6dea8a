"""Posting from workers into a consultation's Slack thread, with retries on 429 and errors."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from functools import partial

import structlog
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from consultations.adapters.checkpoints import once, once_unseen
from consultations.adapters.settings import Settings
from consultations.adapters.slack import blocks as kit
from consultations.adapters.slack.canvas import ReportCanvas
from consultations.adapters.slack.client import NO_POST, web_client
from consultations.adapters.slack.installations import Installations
from consultations.adapters.slack.parts import (
    Metadata,
    find_posted,
    find_stream,
    maybe_carried_out,
    post_once,
    upload_once,
)
from consultations.adapters.slack.stream import SlackReportStream
from consultations.digest import Subscription
from consultations.digest import item as digest_item
from consultations.ports import (
    STREAM_DONE,
    STREAM_NOTE,
    STREAM_OPENED,
    CannotPost,
    Parts,
    TriageSpec,
)
from consultations.render import figures_markdown
from consultations.state import Consultation, Delivery
from consultations.text import delink
from consultations.triage.papers import Paper
from consultations.triage.results import TriageResult

log = structlog.get_logger(__name__)
# a progress message ("Writing your report ⏳") that can no longer be updated, for good: the user
# deleted it, it is too old to edit, or its channel is gone
PROGRESS_GONE = {"message_not_found", "cant_update_message", "edit_window_closed", *NO_POST}


def update_progress(
    client: WebClient, channel: str, ts: str, text: str, *, tries: int = 1, wait_s: float = 1.0
) -> str:
    """Update a progress message; ``"gone"`` when it can no longer be updated (the report or
    the results are posted below it all the same: that is no reason to fail the job, and its
    retries would end in "could not be posted" under a report that was). Another error is
    tried again up to ``tries`` times in all, then raised (``tries`` 1: for the job's retry)
    or, with more tries, logged and left (``"failed"``): the message only says "⏳"."""
    for attempt in range(1, tries + 1):
        try:
            client.chat_update(channel=channel, ts=ts, text=text)
            return "1"
        except SlackApiError as e:
            error = str(e.response.get("error"))
            if error in PROGRESS_GONE:
                log.warning("slack.progress_gone", error=error)
                return "gone"
            if attempt == tries:
                if tries == 1:
                    raise
                log.warning("slack.progress_failed", error=error, tries=tries)
                return "failed"
            time.sleep(wait_s * attempt)
    return "failed"


NOT_WRITTEN = "⚠️ The report could not be written: what to do is just below."
PREVIEW_AGAIN = "Sent again: the first try was interrupted, so you may see this preview twice."


class SlackGateway:
    """Posts into each workspace with that workspace's own token: ``client_for(team)`` gives a
    Web API client (single-token mode: the one SLACK_BOT_TOKEN; installed by OAuth: the
    installation's token; LookupError where the app is not installed)."""

    def __init__(
        self,
        client_for: Callable[[str], WebClient],
        settings: Settings | None = None,
        fresh: Callable[[Consultation], Consultation | None] | None = None,
        token_for: Callable[[str], str | None] | None = None,
    ) -> None:
        self._client_for = client_for
        self._clients: dict[str, WebClient] = {}
        self._settings = settings
        self._fresh = fresh
        self._token_for = token_for

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        fresh: Callable[[Consultation], Consultation | None] | None = None,
        installations: Installations | None = None,
    ) -> SlackGateway:
        if installations is None:
            single = web_client(settings)
            return cls(lambda team: single, settings, fresh)
        return cls(installations.web_client, settings, fresh, installations.bot_token)

    def _client(self, team: str) -> WebClient:
        """One client per workspace, kept (its token is looked up once per process)."""
        if team not in self._clients:
            self._clients[team] = self._client_for(team)
        return self._clients[team]

    def _where(self, c: Consultation) -> tuple[str, str]:
        return c.location["channel"], c.location["thread_ts"]

    def open_stream(self, c: Consultation, parts: Parts | None = None) -> SlackReportStream:
        """A stream of the report's narrative into its thread (started on its first text)."""
        channel, ts = self._where(c)
        return SlackReportStream(
            self._client(c.owner.workspace),
            channel,
            ts,
            recipient_user_id=c.owner.user,
            recipient_team_id=c.owner.workspace,
            parts=parts,
        )

    def post_report(
        self, c: Consultation, parts: Parts | None = None, streamed: bool = False
    ) -> None:
        """Each message, the chart and the progress update once: ``parts`` records each as it
        goes out, and a retry skips what is already there. ``streamed``: the narrative is
        already in the thread (streamed); only the computed verdict and figures follow."""
        channel, ts = self._where(c)
        client = self._client(c.owner.workspace)
        title = c.report.title if c.report else c.slug
        body = figures_markdown(c.report) if streamed else (c.narrative or "")
        messages = kit.closed(
            kit.report_messages(title, body, c.narrated_by or "the advisor"), c.id
        )
        for n, blocks in enumerate(messages):
            post = partial(self._post_blocks, client, channel, ts, blocks)
            post_once(client, channel, ts, parts, f"message:{n}", post)
        if c.report is not None and c.report.chart is not None:
            self._upload_chart(client, c, channel, ts, parts)
        post_once(
            client,
            channel,
            ts,
            parts,
            "canvas",
            partial(self._canvas, client, c, parts, channel, ts),
        )
        if progress := self._progress_ts(c):
            ready = "Your report is ready, just below. ✅"
            update = partial(update_progress, client, channel, progress, ready, tries=3)
            once(parts, "progress", update)
        log.info("slack.report_posted", cid=c.id, channel=channel)

    def _canvas(
        self,
        client: WebClient,
        c: Consultation,
        parts: Parts | None,
        channel: str,
        ts: str,
        meta: Metadata | None,
    ) -> str:
        """The whole report as a canvas the user keeps, linked from the thread; where canvases
        are unavailable (plan, scope, error) the thread alone carries it, and nothing is said."""
        canvas = ReportCanvas(client).create(c, parts)
        if canvas is None or not canvas.url:
            return ""
        client.chat_postMessage(
            channel=channel,
            thread_ts=ts,
            text=f"📄 The whole report as a canvas: {canvas.url}",
            unfurl_links=False,
            unfurl_media=False,
            metadata=meta,
        )
        return canvas.id

    def _post_blocks(
        self,
        client: WebClient,
        channel: str,
        ts: str,
        blocks: list[kit.Block],
        meta: Metadata | None = None,
    ) -> str:
        resp = client.chat_postMessage(
            channel=channel,
            thread_ts=ts,
            blocks=blocks,
            text=kit.fallback_text(blocks),
            unfurl_links=False,
            unfurl_media=False,
            metadata=meta,
        )
        return str(resp["ts"])

    def _upload_chart(
        self, client: WebClient, c: Consultation, channel: str, ts: str, parts: Parts | None
    ) -> None:
        from consultations.adapters.charts import chart_png

        assert c.report is not None and c.report.chart is not None
        upload_once(
            client,
            channel,
            ts,
            parts,
            "chart",
            content=chart_png(c.report.chart),
            filename=f"{c.slug}.png",
            title=c.report.chart.title,
        )

    def _progress_ts(self, c: Consultation) -> str | None:
        """The "writing your report" message, placed by the server just after the request was
        queued: read fresh, as the worker may have started before it was placed."""
        if self._fresh is not None:
            fresh = self._fresh(c)
            if fresh is not None:
                c = fresh
        return c.location.get("progress_ts")

    def post_digest(
        self, sub: Subscription, header: str, items: list[str], parts: Parts | None = None
    ) -> list[str]:
        """The header in the channel (a user's own digest: in their DMs), each paper as a reply
        people can react to; returns the replies' ts in order. A retry skips the messages
        already posted (``parts``)."""

        client = self._client(sub.workspace)
        channel = sub.channel
        if sub.user and channel.startswith("@"):
            channel = str(client.conversations_open(users=sub.user)["channel"]["id"])

        def post(text: str, thread: str | None, meta: Metadata | None) -> str:
            resp = client.chat_postMessage(
                channel=channel,
                thread_ts=thread,
                text=kit.mrkdwn(kit.neutralise(delink(text))),  # titles are untrusted
                unfurl_links=False,
                unfurl_media=False,
                metadata=meta,
            )
            return str(resp["ts"])

        try:
            top = post_once(client, channel, None, parts, "header", partial(post, header, None))
        except SlackApiError as e:
            why = NO_POST.get(str(e.response.get("error")))
            if why is None:
                raise
            raise CannotPost(why) from e
        return [
            post_once(client, channel, top, parts, f"item:{n}", partial(post, line, top))
            for n, line in enumerate(items)
        ]

    def tell_subscriber(self, sub: Subscription, text: str) -> bool:
        """In the subscriber's direct messages with the app."""
        if not sub.subscribed_by:
            return False
        client = self._client(sub.workspace)
        dm = str(client.conversations_open(users=sub.subscribed_by)["channel"]["id"])
        client.chat_postMessage(
            channel=dm, text=kit.mrkdwn(text), unfurl_links=False, unfurl_media=False
        )
        return True

    def post_digest_preview(
        self, sub: Subscription, markdown: str, user: str, parts: Parts | None = None
    ) -> None:
        """Only to ``user``, once. A user's own digest is previewed in their DMs with the bot,
        where only they read it: found in the DM's history by its metadata when its worker
        died before the checkpoint. A channel's is an ephemeral message, in no history: a
        retry that cannot tell whether the first was shown says this one is sent again."""
        client = self._client(sub.workspace)
        markdown = delink(markdown)  # the papers' titles are untrusted
        if sub.user and sub.channel.startswith("@"):
            markdown = f"_A preview of your own digest; it comes {sub.describe()}._\n{markdown}"
            text = (kit.split_markdown(markdown, kit.TEXT_LIMIT) or [""])[0]
            dm = str(client.conversations_open(users=sub.user)["channel"]["id"])

            def post(meta: Metadata | None) -> str:
                resp = client.chat_postMessage(
                    channel=dm, text=text, unfurl_links=False, unfurl_media=False, metadata=meta
                )
                return str(resp["ts"])

            post_once(client, dm, None, parts, "preview", post)
            return

        def ephemeral(again: bool) -> None:
            body = f"_{PREVIEW_AGAIN}_\n{markdown}" if again else markdown
            text = (kit.split_markdown(body, kit.TEXT_LIMIT) or [""])[0]
            client.chat_postEphemeral(channel=sub.channel, user=user, text=text)

        once_unseen(parts, "preview", ephemeral, lambda e: not maybe_carried_out(e))

    # --- triage jobs -------------------------------------------------------------------------

    def fetch_papers(self, spec: TriageSpec) -> list[Paper]:
        """The papers of a triage job: arXiv ids, or a CSV/JSONL file shared in Slack."""
        from consultations.adapters.slack.shared_files import triage_papers

        assert self._settings is not None
        token = partial(self._token, spec["workspace"])
        return triage_papers(spec, self._settings.arxiv_api_url, token)

    def _token(self, team: str) -> str:
        token = self._token_for(team) if self._token_for is not None else None
        if token is None and self._settings is not None and self._settings.slack_bot_token:
            token = self._settings.slack_bot_token.get_secret_value()
        if token is None:
            raise LookupError(f"the app is not installed in Slack workspace {team}")
        return token

    def triage_progress(self, spec: TriageSpec, text: str) -> None:
        """Cosmetic, like the report's "⏳": tried a few times, then left, and the triage
        goes on (its results are posted all the same)."""
        client = self._client(spec["workspace"])
        update_progress(client, spec["channel"], spec["progress_ts"], text, tries=3)

    def post_triage(
        self,
        spec: TriageSpec,
        results: list[TriageResult],
        total: int,
        parts: Parts | None = None,
    ) -> None:
        lines = [f"**Top {len(results)} of {total:,} papers** by cost, failure and compute"]
        for n, r in enumerate(results, 1):
            lines.append(digest_item(n, r, "slack"))
        pieces = kit.split_markdown(delink("\n".join(lines)))  # titles, Claude's why: untrusted
        text = pieces[0] if pieces else ""
        blocks = [kit.section(t) for t in pieces][: kit.BLOCKS_LIMIT]
        client = self._client(spec["workspace"])

        def post(meta: Metadata | None) -> str:
            resp = client.chat_postMessage(
                channel=spec["channel"],
                thread_ts=spec["thread_ts"],
                blocks=blocks,
                text=text[: kit.TEXT_LIMIT],
                unfurl_links=False,
                unfurl_media=False,
                metadata=meta,
            )
            return str(resp["ts"])

        post_once(client, spec["channel"], spec["thread_ts"], parts, "results", post)

    def post_notice(
        self, c: Consultation, text: str, parts: Parts | None = None, part: str = "notice"
    ) -> None:
        """In the thread, once as ``part`` with ``parts``: found there by its metadata when
        the worker that posted it died before its checkpoint."""
        channel, ts = self._where(c)
        client = self._client(c.owner.workspace)
        post_once(client, channel, ts, parts, part, partial(self._notice, c, text))
        if c.delivery is Delivery.FAILED and (progress := self._progress_ts(c)):
            with contextlib.suppress(SlackApiError, SlackClientError):  # the notice is out
                client.chat_update(channel=channel, ts=progress, text=NOT_WRITTEN)

    def _notice(self, c: Consultation, text: str, meta: Metadata | None = None) -> str:
        channel, ts = self._where(c)
        resp = self._client(c.owner.workspace).chat_postMessage(
            channel=channel,
            thread_ts=ts,
            text=kit.neutralise(text),
            unfurl_links=False,
            unfurl_media=False,
            metadata=meta,
        )
        return str(resp["ts"])

    def post_stream_note(self, c: Consultation, text: str, parts: Parts | None = None) -> None:
        """The note that the stream was cut off, once: found in the thread by its metadata
        when the worker that posted it died before its checkpoint."""
        shown = parts.posted(STREAM_OPENED) if parts is not None else None
        if shown and shown != "?":  # a stream its worker died in still streams: close it
            with contextlib.suppress(SlackApiError, SlackClientError):
                channel, _ = self._where(c)
                self._client(c.owner.workspace).chat_stopStream(channel=channel, ts=shown)
        self.post_notice(c, text, parts, STREAM_NOTE)

    def stream_started(self, c: Consultation, mark: str) -> str | None:
        """The stream an earlier attempt started under ``mark`` whose worker died before
        Slack's answer (``chat.startStream`` takes no metadata: the bot's message in the
        thread since the mark, beginning with the mark's text, not the progress message);
        ``"?"`` when the thread cannot be read."""
        channel, ts = self._where(c)
        progress = self._progress_ts(c)
        client = self._client(c.owner.workspace)
        return find_stream(client, channel, ts, mark, [progress] if progress else [], "?")

    def stream_stopped(self, c: Consultation, parts: Parts) -> bool:
        """Whether the stream's stop (it carries part ``STREAM_DONE``'s metadata) is in the
        thread: an earlier attempt's worker died waiting for Slack's answer to it."""
        channel, ts = self._where(c)
        return (
            find_posted(self._client(c.owner.workspace), channel, ts, parts, STREAM_DONE)
            is not None
        )
