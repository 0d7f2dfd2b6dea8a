"""Conversation references in Redis, so workers can post into a Teams chat later.

Stored under the owner's keys (``forget`` removes them) with the consultation's TTL.
"""

from __future__ import annotations

import hashlib
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

    # a report's message (where its 👍/👎 is): which consultation a feedback click is about
    def _message_key(self, owner: Owner, activity_id: str) -> str:
        digest = hashlib.sha256(activity_id.encode()).hexdigest()[:32]
        return f"{self._prefix}:{{{owner.key}}}:teams-msg:{digest}"

    def save_message(self, owner: Owner, activity_id: str, cid: str) -> None:
        self._r.set(self._message_key(owner, activity_id), cid, ex=self._ttl)

    def message(self, owner: Owner, activity_id: str) -> str | None:
        """The consultation whose report this owner's message is; None for anyone else's."""
        raw = self._r.get(self._message_key(owner, activity_id))
        return raw.decode() if isinstance(raw, bytes) else raw

    # a channel (for digests): not any one user's data
    def save_channel(self, channel: str, reference: ConversationReference) -> None:
        self._r.set(
            f"{self._prefix}:teams-channel-ref:{channel}", json.dumps(reference.serialize())
        )

    def load_channel(self, channel: str) -> ConversationReference | None:
        raw = self._r.get(f"{self._prefix}:teams-channel-ref:{channel}")
        return ConversationReference().deserialize(json.loads(raw)) if raw else None
