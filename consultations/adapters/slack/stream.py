"""A report's narrative streamed into its Slack thread as Claude writes it.

chat.startStream on the first text, chat.appendStream at most once per ``interval_s`` (the text
in between is batched, for Slack's rate limits), chat.stopStream at the end. Any error (refused
at start, a stream that expired, a network failure) stops the stream: ``state`` says which, and
the worker posts the report the old way. The stop carries the message metadata of part
``STREAM_DONE``, so a retry after a worker died waiting for its answer finds it was stopped.
The narrator already drops mentions and links from Claude's text; what goes to Slack is also
made inert as the posted report is (``inert_markdown``: it may quote the user's answers), while
``text`` keeps what the narrator handed over.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import structlog
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from consultations.adapters.checkpoints import PENDING
from consultations.adapters.slack.markdown import MARKDOWN_LIMIT, inert_markdown
from consultations.adapters.slack.parts import (
    find_stream,
    maybe_carried_out,
    metadata,
    stream_mark,
)
from consultations.ports import STREAM_DONE, STREAM_OPENED, Parts

log = structlog.get_logger(__name__)


class SlackReportStream:
    def __init__(
        self,
        client: WebClient,
        channel: str,
        thread_ts: str,
        *,
        recipient_user_id: str | None = None,
        recipient_team_id: str | None = None,
        parts: Parts | None = None,
        interval_s: float = 0.6,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._channel, self._thread = channel, thread_ts
        self._user, self._team = recipient_user_id, recipient_team_id
        self._parts = parts
        self._interval = interval_s
        self._clock = clock
        self._buffer = ""
        self._last = 0.0
        self.ts: str | None = None
        self.state = "new"
        self.text = ""
        self.calls = 0

    def append(self, text: str) -> None:
        self.text += text
        if self.state not in ("new", "open"):
            return
        self._buffer += inert_markdown(text)  # pieces cut at whitespace: safe one by one
        if self.state == "new" or self._clock() - self._last >= self._interval:
            self._flush()

    def finish(self, note: str | None = None) -> bool:
        if self.state == "new" and not self._buffer and not note:
            self.state = "done"
            return True
        if note:
            self._buffer += f"\n\n_{note}_"
        if self.state == "new":
            self._flush()  # start it: what was written, then close
        if self.state == "broken" and self.ts:  # close it if Slack still lets us (best effort)
            with contextlib.suppress(SlackApiError, SlackClientError):
                self._client.chat_stopStream(channel=self._channel, ts=self.ts)
        if self.state != "open":
            return False
        try:
            self._client.chat_stopStream(  # the metadata: a retry can tell the stop went through
                channel=self._channel,
                ts=self.ts or "",
                markdown_text=self._buffer or None,
                metadata=metadata(self._parts, STREAM_DONE),
            )
        except (SlackApiError, SlackClientError) as e:
            return self._broke("stop", e)
        self.calls += 1
        self._buffer = ""
        self.state = "done"
        return True

    def _flush(self) -> None:
        if not self._buffer:
            return
        text, self._buffer = self._buffer[:MARKDOWN_LIMIT], self._buffer[MARKDOWN_LIMIT:]
        try:
            if self.state == "new":
                self._start(text)
            else:
                self._client.chat_appendStream(
                    channel=self._channel, ts=self.ts or "", markdown_text=text
                )
        except (SlackApiError, SlackClientError) as e:
            self._broke("start" if self.state == "new" else "append", e)
            return
        self.calls += 1
        self._last = self._clock()

    def _start(self, text: str) -> None:
        """chat.startStream, marked in flight first (when, and the text it starts with): a
        start whose answer is lost or is an error Slack may have carried out anyway is
        looked for in the thread, and the stream found goes on; a retry after a worker died
        here looks for it the same way (``SlackGateway.stream_started``)."""
        mark = stream_mark(text)
        if self._parts is not None:
            self._parts.record(PENDING + STREAM_OPENED, mark)
        try:
            resp = self._client.chat_startStream(
                channel=self._channel,
                thread_ts=self._thread,
                markdown_text=text,
                recipient_user_id=self._user,
                recipient_team_id=self._team,
            )
            self.ts = str(resp["ts"])
        except (SlackApiError, SlackClientError, OSError) as e:
            found = None
            if maybe_carried_out(e):
                found = find_stream(self._client, self._channel, self._thread, mark)
            if found is None:
                if isinstance(e, OSError):  # unanswered, and not in the thread: not shown
                    raise SlackClientError(f"chat.startStream: {e!r}") from e
                raise
            self.ts = found
            log.warning("slack.stream_start_found", ts=found, error=_error(e))
        self.state = "open"
        if self._parts is not None:
            self._parts.record(STREAM_OPENED, self.ts)
        log.info("slack.stream_started", channel=self._channel, ts=self.ts)

    def _broke(self, step: str, error: Exception) -> bool:
        reason = _error(error)
        self.state = "refused" if step == "start" else "broken"
        log.warning("slack.stream_stopped", step=step, reason=reason, channel=self._channel)
        return False


def _error(e: Exception) -> str:
    response = getattr(e, "response", None)
    return str((response.get("error", "") if response is not None else "") or type(e).__name__)
