"""A local server that speaks Anthropic's Messages API, with scripted behaviours."""

from __future__ import annotations

import time
from collections import deque

from tests.fakes.http import FakeServer, Recorded, json_reply


class FakeAnthropic(FakeServer):
    """Behaviours, consumed one per request (the last one repeats):
    ("ok", text) · ("overloaded",) · ("slow", seconds) · ("server_error",)."""

    def __init__(self, *behaviours: tuple) -> None:  # type: ignore[type-arg]
        super().__init__()
        self.behaviours: deque[tuple] = deque(behaviours or [("ok", "**Verdict: fine.**")])  # type: ignore[type-arg]

    @property
    def messages(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.startswith("/v1/messages")]

    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
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
