"""Conversation references in Redis, so workers can post into a Teams chat later.

Stored under the owner's keys (``forget`` removes them) with the consultation's TTL.
"""

from __future__ import annotations

import hashlib
import json

import redis
from botbuilder.schema import ConversationReference
from pydantic import BaseModel, ConfigDict, Field, ValidationError

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

    # who runs the consultation of a shared chat or a channel's thread, so that someone else
    # writing there is told whose it is; each owner's list of them goes with ``forget_places``
    def _place_key(self, place: str) -> str:
        digest = hashlib.sha256(place.encode()).hexdigest()[:32]
        return f"{self._prefix}:teams-place:{digest}"

    def _places_key(self, owner: Owner) -> str:
        return f"{self._prefix}:{{{owner.key}}}:teams-places"

    def save_holder(self, place: str, owner: Owner, name: str) -> None:
        key, mine = self._place_key(place), self._places_key(owner)
        holder = Holder(owner=owner, name=name[:200])
        with self._r.pipeline(transaction=False) as p:
            p.set(key, holder.model_dump_json(), ex=self._ttl)
            p.sadd(mine, key)
            p.expire(mine, self._ttl)
            p.execute()

    def holder(self, place: str) -> Holder | None:
        raw = self._r.get(self._place_key(place))
        try:
            return Holder.model_validate_json(raw) if raw else None
        except ValidationError:
            return None

    def forget_places(self, owner: Owner) -> None:
        """The places this owner held, where no one else has started one since."""
        for key in self._r.smembers(self._places_key(owner)):
            held = self._r.get(key)
            try:
                if held and Holder.model_validate_json(held).owner == owner:
                    self._r.delete(key)
            except ValidationError:
                self._r.delete(key)
        self._r.delete(self._places_key(owner))


class Holder(BaseModel):
    """Whose consultation a shared place holds, and the name they go by there."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    owner: Owner
    name: str = Field(max_length=200)
