"""A local server playing the Bot Framework connector (the serviceUrl) and its OpenID keys.

It keeps Teams' streaming rules, so a wrong sequence fails: a stream starts with an
informative typing activity (sequence 1) whose id becomes the stream's id; each later typing
activity names that stream, carries a higher sequence number and the whole text so far (it must
extend the text already shown), at most one a ``stream_interval_s``; one final message ends it,
after which the stream takes nothing. Each activity's ``streaminfo`` entity must match its
channelData. Streams are refused (403 ContentStreamNotAllowed) outside one-on-one chats and
whenever ``refuse_streaming`` is set.

``POST /v3/conversations`` creates (or gets: Teams answers with the existing one) a one-on-one
chat between the bot and one user, as Teams does only when the user has the app in their
personal scope (``installed_for``); for anyone else it is refused as Teams refuses it (403
``BotNotInConversationRoster``).
"""

from __future__ import annotations

import itertools
import json
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from tests.fakes.http import FakeServer, Recorded, json_reply


@dataclass
class Stream:
    id: str
    conversation: str
    updates: list[tuple[str, int | None, str]] = field(default_factory=list)  # kind, seq, text
    final: str | None = None
    last_at: float = 0.0

    @property
    def sequence(self) -> int:
        return max((seq or 0 for _, seq, _ in self.updates), default=0)

    @property
    def shown(self) -> str:
        return next((text for kind, _, text in reversed(self.updates) if kind == "streaming"), "")


class FakeConnector(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self._ids = itertools.count(1)
        self.fail_with: deque[int] = deque()  # statuses to answer before succeeding
        self.fail_only_containing = ""  # throttle only messages whose text contains this
        self.fail_after_taking: deque[int] = deque()  # statuses to answer once it is taken
        self.stalls: list[tuple[str, float]] = []  # (text contained, seconds): see ``stall``
        self.stalls_taken: list[tuple[str, float]] = []  # see ``stall_taken``
        self.stalled: list[str] = []  # texts of the stalled activities, as each began waiting
        self.jwks: list[dict[str, Any]] = []
        self.refuse_streaming = False
        self.stream_interval_s = 0.95  # Teams: about one streaming request a second
        self.streams: dict[str, Stream] = {}
        self.refusals: list[tuple[str, int, str]] = []  # conversation, status, code
        self.installed_for: set[str] = set()  # user ids (29:…) with the app in personal scope
        self.created: list[dict[str, Any]] = []  # conversations created: their requests

    def stall(self, containing: str, seconds: float) -> None:
        """The next activity whose text contains ``containing`` hangs ``seconds`` and then fails
        (503), taken by nobody: a worker killed while it waits dies before that part is out."""
        with self._lock:
            self.stalls.append((containing, seconds))

    def stall_taken(self, containing: str, seconds: float) -> None:
        """The next message (not a typing update) whose text contains ``containing`` is taken
        (the chat shows it), then its answer hangs ``seconds``: a worker killed while it waits
        dies after Teams took that part, before it could record it."""
        with self._lock:
            self.stalls_taken.append((containing, seconds))

    def activities(self, conversation: str | None = None) -> list[dict[str, Any]]:
        return [
            r.json
            for r in self.requests
            if r.ok  # type: ignore[attr-defined]
            and "/v3/conversations/" in r.path
            and (conversation is None or f"/v3/conversations/{conversation}/" in r.path)
        ]

    def messages(self, conversation: str | None = None) -> list[dict[str, Any]]:
        """What stays in the chat: message activities taken (a stream's final one included)."""
        return [a for a in self.activities(conversation) if a.get("type") == "message"]

    def texts(self, conversation: str | None = None) -> list[str]:
        out = []
        for a in self.messages(conversation):
            if a.get("text"):
                out.append(a["text"])
            for att in a.get("attachments") or []:
                out.append(json.dumps(att.get("content")))
        return out

    def streams_in(self, conversation: str) -> list[Stream]:
        return [s for s in self.streams.values() if s.conversation == conversation]

    def id_of(self, conversation: str, predicate) -> str:  # type: ignore[no-untyped-def]
        """The id given to the last activity taken in this conversation that matches."""
        for r in reversed(self.requests):
            here = f"/v3/conversations/{conversation}/" in r.path
            if r.ok and here and predicate(r.json):  # type: ignore[attr-defined]
                return str(r.reply_id)  # type: ignore[attr-defined]
        raise AssertionError("no such activity")

    def wait_for(self, predicate, timeout: float = 20.0):  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if result := predicate():
                return result
            time.sleep(0.05)
        raise AssertionError("timed out waiting for the connector")

    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        rec.ok = False  # type: ignore[attr-defined]
        rec.path = unquote(rec.path)
        if rec.path == "/.well-known/openid-configuration":
            return json_reply(
                200, {"issuer": "https://api.botframework.com", "jwks_uri": f"{self.url}/keys"}
            )
        if rec.path == "/keys":
            return json_reply(200, {"keys": self.jwks})
        if rec.path.rstrip("/") == "/v3/conversations" and rec.method == "POST":
            return self._create(rec)
        if "/v3/conversations/" in rec.path and rec.method == "POST":
            body = rec.json or {}
            text = body.get("text") or ""
            conversation = rec.path.split("/v3/conversations/", 1)[1].split("/", 1)[0]
            with self._lock:
                stall = next((s for s in self.stalls if s[0] in text), None)
                if stall is not None:
                    self.stalls.remove(stall)
                    self.stalled.append(text)
            if stall is not None:
                time.sleep(stall[1])
                return json_reply(503, {"error": {"code": "ServiceUnavailable"}})
            if self.fail_with and self.fail_only_containing in text:
                status = self.fail_with.popleft()
                return json_reply(
                    status, {"error": {"code": "Throttled"}}, **{"Retry-After": "0.2"}
                )
            data = body.get("channelData") or {}
            if "feedbackLoop" in data and "feedbackLoopEnabled" in data:
                return self._refuse(conversation, 400, "BadArgument", "both feedback settings")
            activity_id = f"act-{next(self._ids)}"
            if data.get("streamType"):
                with self._lock:
                    refusal = self._stream(conversation, body, activity_id)
                if refusal is not None:
                    return refusal
                activity_id = data.get("streamId") or activity_id
            rec.ok = True  # type: ignore[attr-defined]
            rec.reply_id = activity_id  # type: ignore[attr-defined]
            with self._lock:
                message = body.get("type") == "message"
                hang = next((h for h in self.stalls_taken if message and h[0] in text), None)
                if hang is not None:
                    self.stalls_taken.remove(hang)
                    self.stalled.append(text)
            if hang is not None:
                time.sleep(hang[1])
            if self.fail_after_taking and self.fail_only_containing in text:
                # taken (the chat shows it), but the bot hears an error: a gateway timing out
                return json_reply(self.fail_after_taking.popleft(), {"error": {"code": "Error"}})
            return json_reply(200, {"id": activity_id})
        return json_reply(404, {})

    def _create(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        body = rec.json or {}
        members = body.get("members") or []
        tenant = next((v for k, v in body.items() if k.casefold() == "tenantid"), None) or (
            (body.get("channelData") or {}).get("tenant") or {}
        ).get("id")
        if body.get("isGroup") or len(members) != 1 or not (body.get("bot") or {}).get("id"):
            return self._refuse("", 400, "BadArgument", "one member and the bot, not a group")
        if not tenant:
            return self._refuse("", 400, "BadArgument", "a tenant is required")
        user = str(members[0].get("id") or "")
        if user not in self.installed_for:
            roster = "The bot is not part of the conversation roster."
            return self._refuse("", 403, "BotNotInConversationRoster", roster)
        rec.ok = True  # type: ignore[attr-defined]
        self.created.append(body)
        return json_reply(201, {"id": f"a:1{user.replace(':', '-')}"})

    # --- Teams' streaming rules ------------------------------------------------------------------

    def _stream(
        self, conversation: str, body: dict[str, Any], new_id: str
    ) -> tuple[int, dict[str, str], bytes] | None:
        data = body["channelData"]
        kind, seq, sid = data.get("streamType"), data.get("streamSequence"), data.get("streamId")
        info = [e for e in body.get("entities") or [] if e.get("type") == "streaminfo"]
        expected = {"type": "streaminfo", "streamType": kind}
        expected.update({k: v for k, v in (("streamSequence", seq), ("streamId", sid)) if v})
        if len(info) != 1 or info[0] != expected:
            return self._refuse(conversation, 400, "BadArgument", "streaminfo entity mismatch")
        if self.refuse_streaming or not conversation.startswith("a:"):
            return self._refuse(conversation, 403, "ContentStreamNotAllowed", "not allowed")
        want_type = "message" if kind == "final" else "typing"
        if kind not in ("informative", "streaming", "final") or body.get("type") != want_type:
            return self._refuse(conversation, 400, "BadArgument", f"bad {kind} activity")
        now = time.monotonic()
        if sid is None:  # a new stream: its informative update comes first, sequence 1
            if kind != "informative" or seq != 1:
                return self._refuse(conversation, 400, "BadArgument", "a stream starts at 1")
            live = [s for s in self.streams_in(conversation) if now - s.last_at < 120]
            if any(s.final is None for s in live):  # one stream at a time in a chat
                return self._refuse(conversation, 403, "ContentStreamNotAllowed", "one at a time")
            stream = self.streams[new_id] = Stream(new_id, conversation)
            stream.updates.append((kind, seq, body.get("text") or ""))
            stream.last_at = now
            return None
        stream = self.streams.get(sid)
        if stream is None or stream.conversation != conversation:
            return self._refuse(conversation, 404, "NotFound", "no such stream")
        if stream.final is not None:
            return self._refuse(conversation, 403, "ContentStreamNotAllowed", "completed")
        if now - stream.last_at < self.stream_interval_s:
            return self._refuse(
                conversation, 429, "Throttled", "one a second", retry=self.stream_interval_s
            )
        text = body.get("text") or ""
        if not text.startswith(stream.shown):
            return self._refuse(conversation, 400, "BadRequest", "must extend the shown text")
        if kind == "final":
            if seq is not None:
                return self._refuse(conversation, 400, "BadArgument", "a final has no sequence")
            stream.final = text
        elif not isinstance(seq, int) or seq <= stream.sequence:
            return self._refuse(conversation, 400, "BadArgument", "sequence must increase")
        stream.updates.append((kind, seq, text))
        stream.last_at = now
        return None

    def _refuse(
        self, conversation: str, status: int, code: str, message: str, retry: float = 0
    ) -> tuple[int, dict[str, str], bytes]:
        self.refusals.append((conversation, status, code))
        headers = {"Retry-After": str(retry)} if retry else {}
        return json_reply(status, {"error": {"code": code, "message": message}}, **headers)
