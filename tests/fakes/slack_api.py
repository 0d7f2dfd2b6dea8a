"""A local server that speaks Slack's Web API: records calls, returns ts values, can say 429,
and refuses blocks Slack would refuse (``markdown`` blocks and the limits of a message)."""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from tests.fakes.http import FakeServer, Recorded, json_reply


class FakeSlack(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self._last_ts = 0.0
        self._ts_lock = threading.Lock()
        self._lock2 = threading.Lock()
        self.rate_limited: dict[str, int] = {}  # method -> how many calls still get a 429
        self.retry_after = 1
        self.no_post_channels: set[str] = set()
        self.files: dict[str, bytes] = {}  # shared files, served at /files/<name> to the bot
        self.refuse: dict[str, str] = {}  # method -> the error every call of it gets
        # ("missing_scope:groups:history": error missing_scope, needed groups:history)
        self.grants: dict[str, dict[str, str]] = {}  # OAuth code -> {team, token, user}
        self.installed: dict[str, dict[str, str]] = {}  # bot token -> its workspace's grant
        self._canvases = itertools.count(1)
        self.canvases: dict[str, dict[str, Any]] = {}  # id -> title, markdown, created, user
        self._failures: list[list[Any]] = []  # [method, calls left before it, error, delay]
        self.streams: dict[str, dict[str, Any]] = {}  # stream ts -> channel, thread, text, state
        self.messages: list[dict[str, Any]] = []  # what conversations.history/replies read
        self._holds: list[list[Any]] = []  # [method, which calls, seconds]: accepted, answered late
        self.held: list[tuple[str, dict[str, Any]]] = []  # calls held right now: method, params
        self._files = itertools.count(1)
        self.socket_url: str | None = None  # apps.connections.open's answer (Socket Mode)

    def reset(self) -> None:
        """Forget every call and scripted failure (one server shared by many tests)."""
        with self._lock:
            self.requests.clear()
        with self._lock2:
            self.rate_limited.clear()
            self._failures.clear()
            self._holds.clear()
            self.messages.clear()
        self.refuse.clear()
        self.streams.clear()
        self.canvases.clear()
        self.no_post_channels.clear()
        self.files.clear()

    def _next_ts(self) -> str:
        """A message ts as Slack makes them: the time it was posted, to the microsecond, each
        one later than the last."""
        with self._ts_lock:
            self._last_ts = max(time.time(), self._last_ts + 0.000001)
            return f"{self._last_ts:.6f}"

    # --- failure injection -------------------------------------------------------------------
    def fail(
        self,
        method: str,
        on_call: int = 1,
        error: str = "internal_error",
        delay: float = 0,
        after: bool = False,
    ) -> None:
        """The ``on_call``-th call of ``method`` from now (1: the next) fails once with
        ``{"ok": false, "error": error}``, after ``delay`` seconds; nothing is recorded as
        posted for it, unless ``after``: then it is carried out (the message is posted, as the
        thread shows it) and answered with the error all the same."""
        with self._lock2:
            self._failures.append([method, on_call, error, delay, after])

    def hold(self, method: str, when: Callable[[dict[str, Any]], bool], seconds: float) -> None:
        """The next call of ``method`` whose parameters match ``when`` is carried out (the
        message is posted, the file shared) but answered only ``seconds`` later: a worker
        killed meanwhile never learns it went through. ``held`` lists it while it waits."""
        with self._lock2:
            self._holds.append([method, when, seconds])

    def _held(self, method: str, params: dict[str, Any]) -> float:
        with self._lock2:
            for h in self._holds:
                if h[0] == method and h[1](params):
                    self._holds.remove(h)
                    return float(h[2])
        return 0.0

    def _injected(self, method: str) -> tuple[str, float, bool] | None:
        with self._lock2:
            hit = None
            for f in self._failures:
                if f[0] == method:
                    f[1] -= 1
                    if f[1] == 0 and hit is None:
                        hit = (f[2], f[3], f[4])
            self._failures = [f for f in self._failures if f[1] > 0]
            return hit

    # --- what tests read ---------------------------------------------------------------------
    def calls(self, method: str) -> list[dict[str, Any]]:
        """Successful calls of one Web API method, as their parameters."""
        return [r.params for r in self.requests if r.path == f"/api/{method}" and r.ok]  # type: ignore[attr-defined]

    def thread(self, channel: str, thread_ts: str) -> list[dict[str, Any]]:
        return [
            p
            for p in self.calls("chat.postMessage")
            if p.get("channel") == channel and p.get("thread_ts") == thread_ts
        ]

    def shown(self, channel: str, thread_ts: str) -> list[str]:
        """The text of a thread's messages as they read now: each updated one as last updated."""
        now = {
            p.get("ts"): p.get("text") or ""
            for p in self.calls("chat.update")
            if p.get("channel") == channel
        }
        return [
            now.get(p["ts"], p.get("text") or "")
            for p in self.requests_with_ts()
            if p.get("channel") == channel and p.get("thread_ts") == thread_ts
        ]

    def calls_with_token(self, method: str) -> list[tuple[str, dict[str, Any]]]:
        """Successful calls of one method, each with the bearer token it was made with."""
        return [
            (r.headers.get("authorization", "").removeprefix("Bearer "), r.params)  # type: ignore[attr-defined]
            for r in self.requests
            if r.path == f"/api/{method}" and r.ok  # type: ignore[attr-defined]
        ]

    def grant(self, code: str, team: str, token: str, user: str = "UINSTALLER") -> None:
        """What oauth.v2.access answers for ``code``: the app installed in ``team``."""
        self.grants[code] = {"team": team, "token": token, "user": user}

    def requests_with_ts(self) -> list[dict[str, Any]]:
        """Posted messages with the ts this server gave them."""
        return [
            {**r.params, "ts": r.ts}
            for r in self.requests  # type: ignore[attr-defined]
            if r.path == "/api/chat.postMessage" and r.ok
        ]  # type: ignore[attr-defined]

    def responses(self, name: str = "") -> list[dict[str, Any]]:
        """What was sent to response_url(s), all or those of /response/<name>."""
        prefix = f"/response/{name}"
        return [
            r.json
            for r in self.requests
            if r.path.startswith(prefix) and (not name or r.path == prefix)
        ]

    def wait_for(self, predicate, timeout: float = 20.0):  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = predicate()
            if result:
                return result
            time.sleep(0.05)
        raise AssertionError("timed out waiting for Slack calls")

    # --- the API -----------------------------------------------------------------------------
    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        rec.ok = False  # type: ignore[attr-defined]
        if rec.path.startswith("/files/"):
            rec.params = {}  # type: ignore[attr-defined]
            if rec.headers.get("authorization") != "Bearer xoxb-fake":
                return 403, {}, b"forbidden"
            data = self.files.get(rec.path.removeprefix("/files/"))
            return (200, {"Content-Type": "text/csv"}, data) if data else (404, {}, b"")
        if rec.path.startswith("/response/") or rec.path.startswith("/upload/"):
            rec.params = {}  # type: ignore[attr-defined]
            rec.ok = True  # type: ignore[attr-defined]
            return json_reply(200, {"ok": True})
        rec.params = _params(rec)  # type: ignore[attr-defined]
        rec.path, _, query = rec.path.partition("?")
        rec.params.update({k: v[0] for k, v in parse_qs(query).items()})  # type: ignore[attr-defined]
        method = rec.path.removeprefix("/api/")
        with self._lock2:
            left = self.rate_limited.get(method, 0)
            if left:
                self.rate_limited[method] = left - 1
                return json_reply(
                    429,
                    {"ok": False, "error": "ratelimited"},
                    **{"Retry-After": str(self.retry_after)},
                )
        p = rec.params  # type: ignore[attr-defined]
        if injected := self._injected(method):
            time.sleep(injected[1])
            if injected[2]:  # carried out, then answered with an error
                self._api(rec, method, p)
            return json_reply(200, {"ok": False, "error": injected[0]})
        delay = self._held(method, p)
        if delay:
            self.held.append((method, p))
            try:
                return self._api(rec, method, p)
            finally:
                time.sleep(delay)  # the caller may be dead by now: its answer goes nowhere
                self.held.remove((method, p))
        return self._api(rec, method, p)

    def _api(
        self, rec: Recorded, method: str, p: dict[str, Any]
    ) -> tuple[int, dict[str, str], bytes]:
        if method in self.refuse:
            error, _, needed = self.refuse[method].partition(":")
            return json_reply(200, {"ok": False, "error": error, "needed": needed or None})
        if method == "oauth.v2.access":
            return self._oauth(rec, p)
        if method.endswith("Stream") and method.startswith("chat."):
            return self._stream(rec, method, p)
        if (
            method in ("chat.postMessage", "chat.postEphemeral")
            and p.get("channel") in self.no_post_channels
        ):
            return json_reply(200, {"ok": False, "error": "not_in_channel"})
        if method in ("chat.postMessage", "chat.postEphemeral", "chat.update") and (
            refused := _refused_message(p)
        ):
            error, why = refused
            return json_reply(
                200, {"ok": False, "error": error, "response_metadata": {"messages": [why]}}
            )
        if method in ("conversations.replies", "conversations.history"):
            return self._read(rec, method, p)
        if method in ("files.list", "canvases.sections.lookup"):
            rec.ok = True  # type: ignore[attr-defined]
            return json_reply(200, {"ok": True, **self._find_files(method, p)})
        rec.ok = True  # type: ignore[attr-defined]
        ts = self._next_ts()
        rec.ts = ts  # type: ignore[attr-defined]
        bearer = rec.headers.get("authorization", "").removeprefix("Bearer ")
        team = self.installed.get(bearer, {}).get("team", "T1")
        file_id = f"F{next(self._files)}" if method == "files.getUploadURLExternal" else ""
        canvas_id = self._canvas(p) if method == "canvases.create" else ""
        if method == "canvases.delete":
            with self._lock2:
                self.canvases.pop(str(p.get("canvas_id")), None)
        self._keep(method, p, ts)
        replies: dict[str, dict[str, Any]] = {
            "auth.test": {"user_id": "UBOT", "bot_id": "BBOT", "team_id": team},
            "chat.postMessage": {"ts": ts, "channel": p.get("channel"), "message": {"ts": ts}},
            "chat.update": {"ts": p.get("ts"), "channel": p.get("channel")},
            "chat.postEphemeral": {"message_ts": ts},
            "conversations.open": {"channel": {"id": "D" + str(p.get("users", "X"))[-6:]}},
            "views.publish": {"view": {"id": "V1"}},
            "files.getUploadURLExternal": {
                "upload_url": f"{self.url}/upload/{file_id}",
                "file_id": file_id,
            },
            "files.completeUploadExternal": {"files": list(p.get("files") or [])},
            "canvases.create": {"canvas_id": canvas_id},
            "apps.connections.open": {"url": self.socket_url},
            "files.info": {
                "file": {
                    "id": p.get("file"),
                    "permalink": f"https://example.slack.com/docs/{team}/{p.get('file')}",
                }
            },
        }
        return json_reply(200, {"ok": True, **replies.get(method, {})})

    def _canvas(self, p: dict[str, Any]) -> str:
        """A standalone canvas made by the bot, listed by files.list from now on."""
        canvas_id = f"F0CANVAS{next(self._canvases)}"
        doc = p.get("document_content") or {}
        if isinstance(doc, str):
            doc = json.loads(doc)
        with self._lock2:
            self.canvases[canvas_id] = {
                "title": p.get("title", ""),
                "markdown": doc.get("markdown", ""),
                "created": int(time.time()),
                "user": "UBOT",
            }
        return canvas_id

    def _find_files(self, method: str, p: dict[str, Any]) -> dict[str, Any]:
        """files.list (the bot's canvases, newest first; ``user``, ``ts_from``, ``ts_to``) and
        canvases.sections.lookup (``contains_text``: one section when the text is there)."""
        with self._lock2:
            canvases = dict(self.canvases)
        if method == "canvases.sections.lookup":
            criteria = p.get("criteria") or {}
            if isinstance(criteria, str):
                criteria = json.loads(criteria)
            doc = canvases.get(str(p.get("canvas_id")), {})
            if not doc:
                return {"ok": False, "error": "canvas_not_found"}
            text = str(criteria.get("contains_text") or "")
            return {"sections": [{"id": "temp:C:1"}] if text and text in doc["markdown"] else []}
        low, high = int(p.get("ts_from") or 0), int(p.get("ts_to") or 2**40)
        files = [
            {"id": k, "title": v["title"], "created": v["created"], "user": v["user"]}
            | {"filetype": "quip", "pretty_type": "Canvas"}
            for k, v in reversed(canvases.items())
            if low <= v["created"] <= high and p.get("user") in (None, v["user"])
        ]
        return {"files": files, "paging": {"count": 100, "total": len(files), "page": 1}}

    def _keep(self, method: str, p: dict[str, Any], ts: str) -> None:
        """Posted messages (with their metadata) and shared files, as the channel shows them."""
        if method == "chat.postMessage":
            meta = p.get("metadata")
            if isinstance(meta, str):
                meta = json.loads(meta)
            message = {"ts": ts, "channel": p.get("channel"), "text": p.get("text", "")}
            message.update({"thread_ts": p.get("thread_ts"), "blocks": p.get("blocks")})
            self.messages.append({**message, "bot_id": "BBOT", "metadata": meta})
        elif method == "chat.delete":
            with self._lock2:
                self.messages = [
                    m
                    for m in self.messages
                    if (m["channel"], m["ts"]) != (p.get("channel"), p.get("ts"))
                ]
        elif method == "files.completeUploadExternal" and p.get("channel_id"):
            files = [{"id": f.get("id"), "title": f.get("title")} for f in p.get("files") or []]
            self.messages.append(
                {
                    "ts": ts,
                    "channel": p["channel_id"],
                    "thread_ts": p.get("thread_ts"),
                    "text": p.get("initial_comment", ""),
                    "files": files,
                    "bot_id": "BBOT",
                }
            )

    def _read(
        self, rec: Recorded, method: str, p: dict[str, Any]
    ) -> tuple[int, dict[str, str], bytes]:
        """conversations.history (the channel's messages, newest first, no replies) and
        conversations.replies (a thread, its parent first); ``metadata`` only with
        ``include_all_metadata``; pages of ``limit`` with a cursor."""
        channel = p.get("channel")
        with self._lock2:
            here = [m for m in self.messages if m["channel"] == channel]
        if method == "conversations.history":
            found = [m for m in reversed(here) if not m.get("thread_ts")]
        else:
            found = [m for m in here if m["ts"] == p.get("ts") or m.get("thread_ts") == p.get("ts")]
            if not found or found[0]["ts"] != p.get("ts"):
                return json_reply(200, {"ok": False, "error": "thread_not_found"})
        start, limit = int(p.get("cursor") or 0), int(p.get("limit") or 100)
        page = found[start : start + limit]
        if str(p.get("include_all_metadata", "")).lower() not in ("1", "true"):
            page = [{k: v for k, v in m.items() if k != "metadata"} for m in page]
        more = start + limit < len(found)
        rec.ok = True  # type: ignore[attr-defined]
        return json_reply(
            200,
            {
                "ok": True,
                "messages": [{k: v for k, v in m.items() if v is not None} for m in page],
                "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""},
            },
        )

    def streamed(self, channel: str, thread_ts: str) -> list[dict[str, Any]]:
        """The streamed messages of a thread: channel, thread_ts, recipients, text, state
        ("streaming" or "stopped"), calls (each call's method and the time it came)."""
        return [
            x
            for x in list(self.streams.values())
            if x["channel"] == channel and x["thread_ts"] == thread_ts
        ]

    def _stream(
        self, rec: Recorded, method: str, p: dict[str, Any]
    ) -> tuple[int, dict[str, str], bytes]:
        """chat.startStream / appendStream / stopStream: one message whose text grows."""
        text = str(p.get("markdown_text") or "") + "".join(
            str(c.get("text", "")) for c in p.get("chunks") or [] if isinstance(c, dict)
        )
        with self._lock2:
            if method == "chat.startStream":
                if p.get("channel", "").startswith("C") and not (
                    p.get("recipient_user_id") and p.get("recipient_team_id")
                ):
                    return json_reply(200, {"ok": False, "error": "missing_recipient"})
                ts = self._next_ts()
                self.messages.append(  # a message of the thread, as history reads show it
                    {"ts": ts, "channel": p.get("channel"), "thread_ts": p.get("thread_ts")}
                    | {"text": "", "bot_id": "BBOT", "metadata": None}
                )
                self.streams[ts] = {
                    "channel": p.get("channel"),
                    "thread_ts": p.get("thread_ts"),
                    "recipient_user_id": p.get("recipient_user_id"),
                    "recipient_team_id": p.get("recipient_team_id"),
                    "text": "",
                    "state": "streaming",
                    "calls": [],
                }
            else:
                ts = str(p.get("ts"))
                if self.streams.get(ts, {}).get("state") != "streaming":
                    return json_reply(200, {"ok": False, "error": "message_not_in_streaming_state"})
            stream = self.streams[ts]
            stream["text"] += text
            stream["calls"].append((method, time.monotonic()))
            if method == "chat.stopStream":
                stream["state"] = "stopped"
                meta = p.get("metadata")
                stream["metadata"] = json.loads(meta) if isinstance(meta, str) else meta
            for m in self.messages:
                if m["ts"] == ts:
                    m["text"], m["metadata"] = stream["text"], stream.get("metadata")
        rec.ok = True  # type: ignore[attr-defined]
        return json_reply(200, {"ok": True, "channel": p.get("channel"), "ts": ts})

    def _oauth(self, rec: Recorded, p: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        """oauth.v2.access: a granted code (once) with the app's credentials (Basic auth)."""
        import base64

        basic = rec.headers.get("authorization", "").removeprefix("Basic ")
        creds = base64.b64decode(basic).decode() if basic else ""
        with self._lock2:
            granted = self.grants.pop(str(p.get("code")), None)
        if granted is None or ":" not in creds:
            return json_reply(200, {"ok": False, "error": "invalid_code"})
        rec.ok = True  # type: ignore[attr-defined]
        rec.params["client_id"] = creds.split(":", 1)[0]  # type: ignore[attr-defined]
        self.installed[granted["token"]] = granted
        return json_reply(
            200,
            {
                "ok": True,
                "app_id": "A1",
                "authed_user": {"id": granted["user"]},
                "scope": "commands,chat:write",
                "token_type": "bot",
                "access_token": granted["token"],
                "bot_user_id": "UBOT",
                "team": {"id": granted["team"], "name": f"Workspace {granted['team']}"},
                "enterprise": None,
                "is_enterprise_install": False,
            },
        )


MARKDOWN_LIMIT = 12_000  # characters of all markdown blocks in one message, together


def _refused_message(p: dict[str, Any]) -> tuple[str, str] | None:
    """What Slack answers a message it will not take: blocks it cannot read (``invalid_blocks``),
    more Markdown than one message holds (``msg_blocks_too_long``), too much text."""
    if len(str(p.get("text") or "")) > 40_000:
        return "msg_too_long", "text is over 40,000 characters"
    blocks = p.get("blocks")
    if blocks is None:
        return None
    if not isinstance(blocks, list) or len(blocks) > 50:
        return "invalid_blocks", "blocks must be a list of at most 50"
    markdown = 0
    for n, b in enumerate(blocks):
        kind = b.get("type") if isinstance(b, dict) else None
        if kind == "markdown":
            text = b.get("text")
            if set(b) - {"type", "text", "block_id"} or not isinstance(text, str) or not text:
                return "invalid_blocks", f"[ERROR] block {n}: markdown needs text, and only text"
            if len(text) > MARKDOWN_LIMIT:
                return "invalid_blocks", f"[ERROR] block {n}: text over 12,000 characters"
            markdown += len(text)
        elif kind == "section" and len(str((b.get("text") or {}).get("text", ""))) > 3000:
            return "invalid_blocks", f"[ERROR] block {n}: section text over 3,000 characters"
        elif kind == "header" and len(str((b.get("text") or {}).get("text", ""))) > 150:
            return "invalid_blocks", f"[ERROR] block {n}: header text over 150 characters"
        elif not isinstance(kind, str):
            return "invalid_blocks", f"[ERROR] block {n}: no type"
    if markdown > MARKDOWN_LIMIT:
        return "msg_blocks_too_long", "markdown blocks over 12,000 characters together"
    return None


def _params(rec: Recorded) -> dict[str, Any]:
    ctype = rec.headers.get("content-type", "")
    if "json" in ctype and rec.json is not None:
        return dict(rec.json)
    if "form" in ctype:
        out: dict[str, Any] = {k: v[0] for k, v in parse_qs(rec.body.decode()).items()}
        for key in ("blocks", "files", "view", "chunks"):
            if isinstance(out.get(key), str):
                with contextlib.suppress(ValueError):
                    out[key] = json.loads(out[key])
        return out
    return {}
