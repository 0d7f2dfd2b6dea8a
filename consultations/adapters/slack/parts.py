"""Parts posted to Slack so that a retry can recognise them (README, "Recovery").

Every checkpointed message goes out with message metadata (``event_type`` ``neurips_part``,
``event_payload`` the job's opaque id and the part's name), and a file with its id noted in
the part's in-flight mark before it is shared. A retry that finds a part in flight but not
checkpointed (its worker died between Slack's answer and the checkpoint) reads the thread
(``conversations.replies``) or the channel (``conversations.history``), with
``include_all_metadata``, and checkpoints the message it finds instead of posting it again.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Collection, Iterator
from typing import Any

import structlog
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError

from consultations.adapters.checkpoints import mark, once, part_ref
from consultations.ports import STREAM_OPENED, Parts

log = structlog.get_logger(__name__)
EVENT_TYPE = "neurips_part"
PAGES = 10  # a thread or channel read this far back (200 messages a page)
SKEW_S = 30  # our clock against Slack's, looking for a stream started since a mark
HEAD = 24  # letters and digits of a stream's first text that recognise it

Metadata = dict[str, Any]


def metadata(parts: Parts | None, name: str) -> Metadata | None:
    ref = part_ref(parts, name)
    return {"event_type": EVENT_TYPE, "event_payload": ref} if ref else None


def post_once(
    client: WebClient,
    channel: str,
    thread: str | None,
    parts: Parts | None,
    name: str,
    post: Callable[[Metadata | None], str],
) -> str:
    """``post(metadata)`` once: a message in ``thread`` (None: in the channel) that carries
    ``metadata``; a retry finds it there when its checkpoint was never written."""
    meta = metadata(parts, name)
    if meta is None:
        return once(parts, name, lambda: post(None))
    return once(
        parts,
        name,
        lambda: post(meta),
        lambda _mark: find_posted(client, channel, thread, parts, name),
    )


def find_posted(
    client: WebClient, channel: str, thread: str | None, parts: Parts | None, name: str
) -> str | None:
    """The ts of the message in ``thread`` (None: the channel) that carries part ``name`` of
    this job round's metadata; None when there is none or Slack cannot be read."""
    want = part_ref(parts, name)
    if want is None:
        return None
    return _find(client, channel, thread, lambda m: _payload(m) == want, name)


def upload_once(
    client: WebClient,
    channel: str,
    thread: str,
    parts: Parts | None,
    name: str,
    *,
    content: bytes,
    filename: str,
    title: str,
) -> str:
    """A file shared in ``thread`` once. Its id (known before it is shared) is noted in the
    part's in-flight mark; a retry looks in the thread for a message with that file."""

    def find(file_id: str) -> str | None:
        return _find(client, channel, thread, lambda m: _has_file(m, file_id), name)

    def upload() -> str:
        got = client.files_getUploadURLExternal(filename=filename, length=len(content))
        file_id = str(got["file_id"])
        mark(parts, name, file_id)
        sent = client._upload_file(  # the same plain POST files_upload_v2 makes
            url=str(got["upload_url"]),
            data=content,
            logger=client._logger,
            timeout=client.timeout,
            proxy=client.proxy,
            ssl=client.ssl,
        )
        if sent.status != 200:
            raise SlackRequestError(f"the upload of {filename} failed ({sent.status})")
        client.files_completeUploadExternal(
            files=[{"id": file_id, "title": title}], channel_id=channel, thread_ts=thread
        )
        return file_id

    return once(parts, name, upload, find if parts is not None else None)


# what Slack answers when a call may have been carried out though it failed (its servers
# erred, or timed out)
UNSURE = {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}


def maybe_carried_out(e: Exception) -> bool:
    """Whether a call that failed this way may have gone through all the same."""
    if isinstance(e, SlackApiError):
        return e.response.status_code >= 500 or e.response.get("error") in UNSURE
    return True  # no answer (a timeout, a dropped connection): it may have


def _payload(message: dict[str, Any]) -> Any:
    meta = message.get("metadata") or {}
    return meta.get("event_payload") if meta.get("event_type") == EVENT_TYPE else None


def _has_file(message: dict[str, Any], file_id: str) -> bool:
    return any(f.get("id") == file_id for f in message.get("files") or [])


def _find(
    client: WebClient,
    channel: str,
    thread: str | None,
    match: Callable[[dict[str, Any]], bool],
    part: str,
) -> str | None:
    """The ts of the first message matching in the thread (or the channel's recent history);
    None when there is none or Slack cannot be read (the part is then posted again)."""
    try:
        for message in _messages(client, channel, thread):
            if match(message):
                return str(message["ts"])
    except SlackApiError as e:
        lookup_failed(e, part, channel=channel)
    return None


def lookup_failed(e: SlackApiError, part: str, **where: str) -> None:
    """A part could not be looked up, so it is posted again: say which, and the scope Slack
    says is missing (``needed``: e.g. ``groups:history`` for a private channel)."""
    log.warning(
        "slack.part_lookup_failed",
        part=part,
        error=e.response.get("error"),
        needed=e.response.get("needed"),
        **where,
    )


def _messages(client: WebClient, channel: str, thread: str | None) -> Iterator[dict[str, Any]]:
    cursor = None
    for _ in range(PAGES):
        if thread is None:
            resp = client.conversations_history(
                channel=channel, include_all_metadata=True, limit=200, cursor=cursor
            )
        else:
            resp = client.conversations_replies(
                channel=channel, ts=thread, include_all_metadata=True, limit=200, cursor=cursor
            )
        yield from resp.get("messages") or []
        cursor = (resp.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return


def stream_mark(first_text: str) -> str:
    """What a stream's in-flight mark notes before ``chat.startStream`` (which takes no
    metadata): when, and the letters and digits its first text begins with."""
    return json.dumps({"since": round(time.time(), 3), "head": _letters(first_text)[:HEAD]})


def find_stream(
    client: WebClient,
    channel: str,
    thread: str,
    mark: str,
    skip: Collection[str] = (),
    unreadable: str | None = None,
) -> str | None:
    """The ts of the stream an attempt started under ``mark`` (``stream_mark``): the bot's
    message in ``thread``, from the mark's time on, with no part's metadata, beginning with
    the mark's text, not in ``skip`` (the progress message). None when there is none;
    ``unreadable`` when Slack will not let the thread be read (logged)."""
    noted = json.loads(mark)
    since, head = float(noted["since"]) - SKEW_S, str(noted["head"])

    def match(m: dict[str, Any], bot: object) -> bool:
        return (
            m.get("bot_id") == bot
            and m.get("ts") != thread
            and str(m.get("ts")) not in skip
            and _payload(m) is None
            and float(m.get("ts") or 0) >= since
            and _letters(str(m.get("text") or "")).startswith(head)
        )

    try:
        bot = client.auth_test().get("bot_id")
        return next(
            (str(m["ts"]) for m in _messages(client, channel, thread) if match(m, bot)), None
        )
    except SlackApiError as e:
        lookup_failed(e, STREAM_OPENED, channel=channel)
        return unreadable


def _letters(text: str) -> str:
    """Letters and digits only: the same however Slack renders the Markdown around them."""
    return re.sub(r"[\W_]+", "", text).casefold()
