"""A local server that speaks Anthropic's Messages API, with scripted behaviours."""

from __future__ import annotations

import time
from collections import deque

from tests.fakes.http import FakeServer, Recorded, json_reply


class FakeAnthropic(FakeServer):
    """Behaviours, consumed one per request (the last one repeats):
    ("ok", text) · ("overloaded",) · ("slow", seconds) · ("server_error",) ·
    ("tool", body -> tool input[, tool name])."""

    def __init__(self, *behaviours: tuple) -> None:  # type: ignore[type-arg]
        super().__init__()
        self.behaviours: deque[tuple] = deque(behaviours or [("ok", "**Verdict: fine.**")])  # type: ignore[type-arg]

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
            text = behaviour[1] if kind == "ok" else "late"
            body = rec.json or {}
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

    # --- helpers: messages and Message Batches -------------------------------------------------

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
        import json

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
