"""A local server playing the Bot Framework connector (the serviceUrl) and its OpenID keys."""

from __future__ import annotations

import itertools
import json
import time
from collections import deque
from typing import Any
from urllib.parse import unquote

from tests.fakes.http import FakeServer, Recorded, json_reply


class FakeConnector(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self._ids = itertools.count(1)
        self.fail_with: deque[int] = deque()  # statuses to answer before succeeding
        self.fail_only_containing = ""  # throttle only messages whose text contains this
        self.jwks: list[dict[str, Any]] = []

    def activities(self, conversation: str | None = None) -> list[dict[str, Any]]:
        return [
            r.json
            for r in self.requests
            if r.ok
            and "/v3/conversations/" in r.path  # type: ignore[attr-defined]
            and (conversation is None or f"/v3/conversations/{conversation}/" in r.path)
        ]

    def texts(self, conversation: str | None = None) -> list[str]:
        out = []
        for a in self.activities(conversation):
            if a.get("text"):
                out.append(a["text"])
            for att in a.get("attachments") or []:
                out.append(json.dumps(att.get("content")))
        return out

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
        if "/v3/conversations/" in rec.path and rec.method == "POST":
            text = (rec.json or {}).get("text") or ""
            if self.fail_with and self.fail_only_containing in text:
                status = self.fail_with.popleft()
                return json_reply(
                    status, {"error": {"code": "Throttled"}}, **{"Retry-After": "0.2"}
                )
            rec.ok = True  # type: ignore[attr-defined]
            return json_reply(200, {"id": f"act-{next(self._ids)}"})
        return json_reply(404, {})
