"""A local server that speaks Anthropic's Messages API, with scripted behaviours."""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Iterator

from tests.fakes.http import FakeServer, Recorded, json_reply


class FakeAnthropic(FakeServer):
    """Behaviours, consumed one per request (the last one repeats):
    ("ok", text) · ("overloaded",) · ("slow", seconds) · ("server_error",) ·
    ("tool", body -> tool input[, tool name]) · ("break", text, n): streamed, an error event
    after the first ``n`` characters.

    A request with ``"stream": true`` gets its text as server-sent events, one token (about
    four characters) every ``1 / tokens_per_s`` seconds, as the real API streams. After
    ``pause_after(n)`` the next streamed reply stops after ``n`` characters until released."""

    def __init__(self, *behaviours: tuple, tokens_per_s: float = 50.0) -> None:  # type: ignore[type-arg]
        super().__init__()
        self.tokens_per_s = tokens_per_s
        self.behaviours: deque[tuple] = deque(behaviours or [("ok", "**Verdict: fine.**")])  # type: ignore[type-arg]
        self._pause: tuple[int, threading.Event] | None = None
        self.paused = threading.Event()  # set while a streamed reply waits to be released

    def pause_after(self, chars: int) -> threading.Event:
        """The next streamed reply stops after its first ``chars`` characters (Claude is still
        writing) until the returned event is set, or 30 s have passed."""
        release = threading.Event()
        self._pause = (chars, release)
        self.paused.clear()
        return release

    @property
    def messages(self) -> list[Recorded]:
        return [
            r
            for r in self.requests
            if r.path.startswith("/v1/messages") and "/batches" not in r.path
        ]

    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        if rec.path.startswith("/v1/messages/batches"):
            return self._batches(rec)
        if rec.path.startswith("/v1/messages"):
            behaviour = (
                self.behaviours.popleft() if len(self.behaviours) > 1 else self.behaviours[0]
            )
            kind = behaviour[0]
            if kind == "overloaded":
                err = {
                    "type": "error",
                    "error": {"type": "overloaded_error", "message": "Overloaded"},
                }
                return json_reply(529, err, **{"retry-after-ms": "10"})
            if kind == "server_error":
                err = {"type": "error", "error": {"type": "api_error", "message": "boom"}}
                return json_reply(500, err, **{"retry-after-ms": "10"})
            if kind == "slow":
                time.sleep(behaviour[1])
            text = behaviour[1] if kind in ("ok", "break") else "late"
            body = rec.json or {}
            if body.get("stream") and kind != "tool":
                cut = behaviour[2] if kind == "break" else None
                return 200, {"Content-Type": "text/event-stream"}, self._sse(body, text, cut)
            if kind == "tool":  # behaviour[1](request body) -> the tool's input; [2]: tool name
                return json_reply(
                    200,
                    self._message(
                        body,
                        [
                            {
                                "type": "tool_use",
                                "id": "toolu_1",
                                "name": behaviour[2] if len(behaviour) > 2 else "record_scores",
                                "input": behaviour[1](body),
                            }
                        ],
                        stop="tool_use",
                    ),
                )
            return json_reply(
                200,
                {
                    "id": f"msg_{len(self.requests)}",
                    "type": "message",
                    "role": "assistant",
                    "model": body.get("model", "claude"),
                    "stop_reason": "end_turn",
                    "stop_sequence": None,
                    "content": [{"type": "text", "text": text}],
                    "usage": {
                        "input_tokens": 1200,
                        "output_tokens": 300,
                        "cache_creation_input_tokens": 0,
                        "cache_read_input_tokens": 1000,
                    },
                },
            )
        return json_reply(404, {"type": "error", "error": {"type": "not_found_error"}})

    # --- helpers: streaming, messages and Message Batches ---------------------------------------

    def _sse(self, body: dict, text: str, cut: int | None) -> Iterator[bytes]:  # type: ignore[type-arg]
        def event(kind: str, data: dict) -> bytes:  # type: ignore[type-arg]
            return f"event: {kind}\ndata: {json.dumps({'type': kind, **data})}\n\n".encode()

        start = self._message(body, [], stop="end_turn")
        start.update(stop_reason=None)
        yield event("message_start", {"message": start})
        block = {"index": 0, "content_block": {"type": "text", "text": ""}}
        yield event("content_block_start", block)
        sent = 0
        pause, self._pause = self._pause, None
        for token in re.findall(r".{1,4}", text, re.DOTALL):
            if pause is not None and sent >= pause[0]:
                self.paused.set()
                pause[1].wait(30)
                self.paused.clear()
                pause = None
            if cut is not None and sent >= cut:
                err = {"type": "overloaded_error", "message": "Overloaded"}
                yield event("error", {"error": err})
                return
            time.sleep(1 / self.tokens_per_s)
            delta = {"index": 0, "delta": {"type": "text_delta", "text": token}}
            yield event("content_block_delta", delta)
            sent += len(token)
        yield event("content_block_stop", {"index": 0})
        usage = {"output_tokens": max(1, len(text) // 4)}
        yield event("message_delta", {"delta": {"stop_reason": "end_turn"}, "usage": usage})
        yield event("message_stop", {})

    tool_answer = None  # set by tests that use batches: request params -> tool input

    def _message(self, body: dict, content: list, stop: str = "end_turn") -> dict:  # type: ignore[type-arg]
        return {
            "id": f"msg_{len(self.requests)}",
            "type": "message",
            "role": "assistant",
            "model": body.get("model", "claude"),
            "stop_reason": stop,
            "stop_sequence": None,
            "content": content,
            "usage": {
                "input_tokens": 1200,
                "output_tokens": 300,
                "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": 1000,
            },
        }

    def _batches(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        parts = (
            rec.path.split("?")[0].rstrip("/").split("/")
        )  # ['', 'v1', 'messages', 'batches', ...]
        batch = {
            "id": "msgbatch_1",
            "type": "message_batch",
            "processing_status": "ended",
            "request_counts": {
                "processing": 0,
                "succeeded": 1,
                "errored": 0,
                "canceled": 0,
                "expired": 0,
            },
            "created_at": "2026-11-24T00:00:00Z",
            "expires_at": "2026-11-25T00:00:00Z",
            "ended_at": "2026-11-24T00:01:00Z",
            "archived_at": None,
            "cancel_initiated_at": None,
            "results_url": f"{self.url}/v1/messages/batches/msgbatch_1/results",
        }
        if rec.method == "POST" and len(parts) == 4:
            self.batch_requests = (rec.json or {}).get("requests", [])
            return json_reply(
                200, {**batch, "processing_status": "in_progress", "results_url": None}
            )
        if len(parts) == 6 and parts[5] == "results":
            lines = []
            for req in getattr(self, "batch_requests", []):
                params = req["params"]
                content = [
                    {
                        "type": "tool_use",
                        "id": "toolu_b",
                        "name": "record_scores",
                        "input": self.tool_answer(params),
                    }
                ]  # type: ignore[misc]
                lines.append(
                    json.dumps(
                        {
                            "custom_id": req["custom_id"],
                            "result": {
                                "type": "succeeded",
                                "message": self._message(params, content, "tool_use"),
                            },
                        }
                    )
                )
            return 200, {"Content-Type": "application/binary"}, ("\n".join(lines) + "\n").encode()
        return json_reply(200, batch)
