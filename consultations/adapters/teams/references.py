"""Conversation references in Redis, so workers can post into a Teams chat later.

Stored under the owner's keys (``forget`` removes them) with the consultation's TTL.
"""

from __future__ import annotations

import json

import redis
from botbuilder.schema import ConversationReference

from consultations.state import Owner


class ReferenceStore:
    def __init__(self, client: redis.Redis, ttl_seconds: int, prefix: str = "na") -> None:
        self._r, self._ttl, self._prefix = client, ttl_seconds, prefix

    def _key(self, owner: Owner, cid: str) -> str:
        return f"{self._prefix}:{{{owner.key}}}:teams-ref:{cid}"

    def save(self, owner: Owner, cid: str, reference: ConversationReference) -> None:
        self._r.set(self._key(owner, cid), json.dumps(reference.serialize()), ex=self._ttl)

    def load(self, owner: Owner, cid: str) -> ConversationReference | None:
        raw = self._r.get(self._key(owner, cid))
        return ConversationReference().deserialize(json.loads(raw)) if raw else None

    # a channel (for digests): not any one user's data
    def save_channel(self, channel: str, reference: ConversationReference) -> None:
        self._r.set(
            f"{self._prefix}:teams-channel-ref:{channel}", json.dumps(reference.serialize())
        )

    def load_channel(self, channel: str) -> ConversationReference | None:
        raw = self._r.get(f"{self._prefix}:teams-channel-ref:{channel}")
        return ConversationReference().deserialize(json.loads(raw)) if raw else None
