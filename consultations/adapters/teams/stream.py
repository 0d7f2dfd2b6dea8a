"""A report's narrative streamed into a Teams one-on-one chat as Claude writes it.

Teams' streaming protocol: an informative update first (a ``typing`` activity, sequence 1; the
id the service returns is the stream's id), then ``typing`` activities carrying the whole text
so far with increasing sequence numbers, at most one a second (the text in between is
batched), then one ``message`` that ends the stream. Teams allows streaming only in personal
chats, ends a stream two minutes after it began, and refuses chunks (403, 429). A refused
start changes nothing (``state`` "refused": the worker posts the report whole); a chunk that
fails on the way (5xx, unreachable) is skipped, since the next carries the whole text so far;
any refusal of the stream stops the chunks, and the finished text is posted once as an
ordinary message.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import structlog
from botbuilder.schema import Activity, ActivityTypes, Entity
from msrest.exceptions import ClientException

from consultations.adapters.teams import cards
from consultations.ports import STREAM_OPENED, STREAM_STARTING, Parts
from consultations.text import delink, split_text

log = structlog.get_logger(__name__)

INFORMATIVE = "Writing your report…"
FINAL_ATTEMPTS = 4  # the message that ends a stream, tried while the connector errs or throttles
Post = Callable[[Activity, bool], str]  # sends one activity (retried when True); its id


class StreamInfo(Entity):
    """The ``streaminfo`` entity each streamed activity carries (mirrors its channelData)."""

    _attribute_map = {
        "type": {"key": "type", "type": "str"},
        "stream_id": {"key": "streamId", "type": "str"},
        "stream_type": {"key": "streamType", "type": "str"},
        "stream_sequence": {"key": "streamSequence", "type": "int"},
    }

    def __init__(
        self, *, stream_type: str, stream_sequence: int | None = None, stream_id: str | None = None
    ) -> None:
        super().__init__(type="streaminfo")
        self.stream_type = stream_type
        self.stream_sequence = stream_sequence
        self.stream_id = stream_id


def stream_activity(
    kind: str, text: str, sequence: int | None = None, stream_id: str | None = None
) -> Activity:
    """One activity of a stream: ``informative`` and ``streaming`` are typing activities with a
    sequence number; ``final`` is the message that stays."""
    data: dict[str, Any] = {"streamType": kind}
    if sequence is not None:
        data["streamSequence"] = sequence
    if stream_id is not None:
        data["streamId"] = stream_id
    return Activity(
        type=ActivityTypes.message if kind == "final" else ActivityTypes.typing,
        text=text,
        text_format="markdown" if kind == "final" else None,
        channel_data=data,
        entities=[StreamInfo(stream_type=kind, stream_sequence=sequence, stream_id=stream_id)],
    )


class TeamsReportStream:
    def __init__(
        self,
        post: Post,
        *,
        parts: Parts | None = None,
        interval_s: float = 1.0,
        max_s: float = 100.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._post = post
        self._parts = parts
        self._interval, self._max = interval_s, max_s
        self._clock, self._sleep = clock, sleep
        self._shown = ""  # the text as Teams gets it (each piece made inert as it comes)
        self._sent = ""  # the text of the last chunk Teams took
        self._started = self._last = 0.0
        self._halted = ""  # why chunks stopped (the final text then goes out as a message)
        self.stream_id: str | None = None
        self.sequence = 0
        self.state = "new"
        self.text = ""
        self.calls = 0
        self.ended_earlier = False  # a refusal as completed showed an earlier end was taken

    @classmethod
    def declined(cls, reason: str) -> TeamsReportStream:
        """A stream Teams would refuse (a group chat or a channel): never started."""
        stream = cls(lambda activity, retry: "")
        stream.state = "refused"
        log.info("teams.stream_declined", reason=reason)
        return stream

    @classmethod
    def left_open(
        cls, post: Post, stream_id: str, *, interval_s: float = 1.0, max_s: float = 100.0
    ) -> TeamsReportStream:
        """A stream an earlier attempt opened and left open (its worker died): only its end
        can still be sent (its sequence is unknown, so no update)."""
        stream = cls(post, interval_s=interval_s, max_s=max_s)
        stream.stream_id, stream.state = stream_id, "open"
        stream._started = stream._last = stream._clock() - interval_s
        return stream

    def end_late(self, texts: list[str], ending_sent: bool) -> str:
        """End a stream left open with the first of ``texts`` Teams takes (each a whole
        narrative; Teams refuses an end that does not go on from what the stream shows):
        ``"now"``; ``"before"``: the earlier attempt was sending its end (``ending_sent``) and
        Teams says the stream has ended, so that end is in the chat; ``""``: neither (the stream
        still shows what it showed)."""
        for text in dict.fromkeys(t for t in texts if t.strip()):
            if len(text) > cards.MESSAGE_LIMIT:
                continue
            self._halted = ""
            if self._final(text, unsure=ending_sent):
                self.state = "done"
                log.info("teams.stream_ended_late", stream=self.stream_id)
                return "before" if self.ended_earlier else "now"
            if self.ended_earlier or "403" in self._halted:
                break  # ended or refused for good: another text would not change that
        return ""

    def append(self, text: str) -> None:
        self.text += text
        self._shown += delink(text)  # cut at whitespace by the narrator: inert piece by piece
        if self.state == "new":
            self._start()
        elif self.state == "open" and self._clock() - self._last >= self._interval:
            self._chunk()

    def finish(self, note: str | None = None) -> bool:
        if self.state == "new":  # nothing was written: nothing to close
            self.state = "done"
            return True
        if self.state != "open":
            return False
        final = self._shown + (f"\n\n_{note}_" if note else "")
        if not self._halted and len(final) > cards.MESSAGE_LIMIT:
            self._halted = "too long"
        if not self._halted and self._final(final):
            self.state = "done"
            log.info("teams.stream_finished", stream=self.stream_id, chunks=self.sequence)
            return True
        try:  # the fallback: the finished text once, as ordinary messages
            for piece in split_text(final, cards.MESSAGE_LIMIT):
                self._post(cards.text(piece), True)
                self.calls += 1
        except ClientException as e:  # refused (HttpOperationError) or unreachable
            self.state = "broken"
            log.warning("teams.stream_stopped", step="fallback", reason=_reason(e))
            return False
        self.state = "done"
        log.info("teams.stream_fallback", stream=self.stream_id, reason=self._halted)
        return True

    def _final(self, final: str, unsure: bool = False) -> bool:
        """Post the message that ends the stream, tried again while the connector errs or
        throttles. Once an attempt erred in a way that may hide a post Teams carried out (5xx,
        unreachable; ``unsure``: an earlier worker's, before it died), a later refusal as
        completed (403, within Teams' time) means that one ended the stream: it is not posted
        again, nor the text below it."""
        for attempt in range(FINAL_ATTEMPTS):
            self._sleep(max(0.0, self._interval - (self._clock() - self._last)))
            try:
                self._post(stream_activity("final", final, stream_id=self.stream_id), False)
            except ClientException as e:  # refused (HttpOperationError) or unreachable
                self._last = self._clock()
                status = _status(e)
                within = self._clock() - self._started <= self._max
                if status == 403 and unsure and within:
                    log.warning("teams.stream_ended_earlier", stream=self.stream_id)
                    self.ended_earlier = True
                    return True
                if attempt < FINAL_ATTEMPTS - 1 and (status == 429 or passing(status)):
                    unsure = unsure or status is None or status >= 500
                    self._last += retry_after(e, self._interval) - self._interval
                    log.warning("teams.stream_final_retry", status=status)
                    continue
                self._halted = _reason(e)
                log.warning("teams.stream_stopped", step="final", reason=self._halted)
                return False
            self.calls += 1
            return True
        return False  # not reached: the last attempt returns

    def _start(self) -> None:
        if self._parts is not None:  # before Teams shows anything: a worker dying past
            self._parts.record(STREAM_OPENED, STREAM_STARTING)  # here never streams again
        try:
            self.stream_id = self._post(stream_activity("informative", INFORMATIVE, 1), True)
        except ClientException as e:  # refused (HttpOperationError) or unreachable
            self.state = "refused"
            log.warning("teams.stream_stopped", step="start", reason=_reason(e))
            return
        self.calls += 1
        self.sequence = 1
        self.state = "open"
        self._started = self._last = self._clock()
        if self._parts is not None:
            self._parts.record(STREAM_OPENED, self.stream_id)
        log.info("teams.stream_started", stream=self.stream_id)

    def _chunk(self) -> None:
        if self._halted or self._shown == self._sent:
            return
        if self._clock() - self._started > self._max:
            self._halted = "time limit"
        elif len(self._shown) > cards.MESSAGE_LIMIT:
            self._halted = "too long"
        if self._halted:
            log.info("teams.stream_halted", reason=self._halted)
            return
        self.sequence += 1
        shown = self._shown
        try:
            self._post(stream_activity("streaming", shown, self.sequence, self.stream_id), False)
        except ClientException as e:  # refused (HttpOperationError) or unreachable
            status = getattr(getattr(e, "response", None), "status_code", None)
            if status == 429:  # throttled: the next chunk carries this text too; wait longer
                self._last = self._clock() + retry_after(e, self._interval) - self._interval
                log.info("teams.stream_throttled", sequence=self.sequence)
                return
            if passing(status):  # the next chunk carries this text too: the stream goes on
                self._last = self._clock()
                log.warning("teams.stream_chunk_failed", sequence=self.sequence, status=status)
                return
            self._halted = _reason(e)
            log.warning("teams.stream_stopped", step="chunk", reason=self._halted)
            return
        self.calls += 1
        self._sent = shown
        self._last = self._clock()


def passing(status: int | None) -> bool:
    """A failure of one chunk that says nothing about the stream: the connector unreachable or
    erring (5xx), or a precondition (412). A refusal of the stream itself (403: not allowed
    here, completed or past Teams' time limit; 400, 404) ends the chunks."""
    return status is None or status == 412 or status >= 500


def _status(e: ClientException) -> int | None:
    status = getattr(getattr(e, "response", None), "status_code", None)
    return status if isinstance(status, int) else None


def _reason(e: ClientException) -> str:
    """ "403 ContentStreamNotAllowed": the status and Teams' error code, for the logs."""
    status = getattr(getattr(e, "response", None), "status_code", None)
    error = getattr(getattr(e, "error", None), "error", None)  # the connector's ErrorResponse
    code = str(getattr(error, "code", "") or "")
    return f"{status or ''} {code}".strip() or type(e).__name__


def retry_after(e: ClientException, default: float) -> float:
    """The wait a refusal asks for (its Retry-After header), else ``default``."""
    headers = getattr(getattr(e, "response", None), "headers", None) or {}
    try:
        return float(str(headers.get("Retry-After", "")))
    except (TypeError, ValueError, AttributeError):
        return default
