"""Whose consultation a shared place holds (a Slack channel thread, a Teams channel thread or
group chat), so that someone else writing there is told whose it is and how to start their own.

A place's holder is kept with the consultations' TTL. ``forget`` finds the places an owner
holds from the consultation store's own keys for their places (``na:{owner}:at:<place>``, still
there when it runs: the desk forgets places first), so a place costs one key, not two, and
every trace of them goes (their id, the name they went by there).
"""

from __future__ import annotations

import hashlib

import redis
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from consultations.state import Owner


class Holder(BaseModel):
    """Whose consultation a place holds, and the name they go by there ("": none known)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    owner: Owner
    name: str = Field(default="", max_length=200)


class PlaceHolders:
    def __init__(self, client: redis.Redis, ttl_seconds: int, prefix: str = "na") -> None:
        self._r, self._ttl, self._prefix = client, ttl_seconds, prefix

    def _key(self, place: str) -> str:
        digest = hashlib.sha256(place.encode()).hexdigest()[:32]
        return f"{self._prefix}:held:{digest}"

    def _places_of(self, owner: Owner) -> str:
        """The consultation store's keys for this owner's places (RedisConsultationStore)."""
        return f"{self._prefix}:{{{owner.key}}}:at:"

    def save(self, place: str, owner: Owner, name: str = "") -> None:
        holder = Holder(owner=owner, name=name[:200])
        self._r.set(self._key(place), holder.model_dump_json(), ex=self._ttl)

    def holder(self, place: str) -> Holder | None:
        raw = self._r.get(self._key(place))
        try:
            return Holder.model_validate_json(raw) if raw else None
        except ValidationError:
            return None

    def first_told(self, place: str, owner: Owner) -> bool:
        """True once per place for each one who is told whose it is (not again and again)."""
        digest = hashlib.sha256(place.encode()).hexdigest()[:32]
        key = f"{self._prefix}:{{{owner.key}}}:told:{digest}"  # goes with their `forget`
        return bool(self._r.set(key, "1", nx=True, ex=self._ttl))

    def forget(self, owner: Owner) -> int:
        """The places this owner holds (where no one else has started one since): how many."""
        n, at = 0, self._places_of(owner)
        for place_key in self._r.scan_iter(match=f"{at}*", count=500):
            key = self._key(place_key.decode()[len(at) :])
            held = self._r.get(key)
            try:
                theirs = held is not None and Holder.model_validate_json(held).owner == owner
            except ValidationError:
                theirs = True
            if theirs:
                n += self._r.delete(key)
        return n
