"""Consultation state in Redis: one hash per consultation, saved with a Lua compare-and-set.

Keys share the hash tag of their owner, ``na:{platform:workspace:user}:…``, so one user's keys
live in one cluster slot and ``forget`` can find them all. Every write sets the TTL again.
A turn costs two round trips: HMGET to load, EVALSHA to save.
"""

from __future__ import annotations

from collections.abc import Iterable

import redis
import structlog

from consultations.state import Consultation, Owner

log = structlog.get_logger(__name__)

# KEYS: doc, index, [place]   ARGV: expected version, doc json, ttl s, id, score
_SAVE = """
local current = redis.call('HGET', KEYS[1], 'v') or '0'
if current ~= ARGV[1] then return -1 end
local v = tonumber(ARGV[1]) + 1
redis.call('HSET', KEYS[1], 'v', v, 'doc', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[3])
if KEYS[3] then redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[3]) end
return v
"""


class ConflictError(RuntimeError):
    """Someone saved this consultation since it was loaded; load again and retry."""


class RedisConsultationStore:
    def __init__(self, client: redis.Redis, ttl_seconds: int, prefix: str = "na") -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        self._r = client
        self._ttl = ttl_seconds
        self._prefix = prefix
        self._save = client.register_script(_SAVE)

    # keys
    def _base(self, owner: Owner) -> str:
        return f"{self._prefix}:{{{owner.key}}}"

    def _doc(self, owner: Owner, cid: str) -> str:
        return f"{self._base(owner)}:c:{cid}"

    def _index(self, owner: Owner) -> str:
        return f"{self._base(owner)}:index"

    def _place(self, owner: Owner, place: str) -> str:
        return f"{self._base(owner)}:at:{place}"

    # reads
    def load(self, owner: Owner, cid: str) -> Consultation | None:
        version, doc = self._r.hmget(self._doc(owner, cid), ["v", "doc"])
        return _decode(version, doc)

    def at(self, owner: Owner, place: str) -> Consultation | None:
        """The consultation this user runs at a place (a Slack thread, a Teams reply chain)."""
        cid = self._r.get(self._place(owner, place))
        return self.load(owner, cid.decode()) if cid else None

    def list(self, owner: Owner, limit: int = 50) -> list[Consultation]:
        """Newest first. Entries whose consultation expired are dropped from the index."""
        ids = [i.decode() for i in self._r.zrevrange(self._index(owner), 0, limit - 1)]
        if not ids:
            return []
        pipe = self._r.pipeline(transaction=False)
        for cid in ids:
            pipe.hmget(self._doc(owner, cid), ["v", "doc"])
        found, gone = [], []
        for cid, (version, doc) in zip(ids, pipe.execute(), strict=True):
            c = _decode(version, doc)
            (found.append(c) if c else gone.append(cid))
        if gone:
            self._r.zrem(self._index(owner), *gone)
        return found

    # writes
    def save(self, c: Consultation) -> Consultation:
        """Save if nobody else saved since ``c`` was loaded; returns it with the new version."""
        expected = c.version
        saved = c.model_copy(update={"version": expected + 1})
        keys = [self._doc(c.owner, c.id), self._index(c.owner)]
        if place := c.location.get("place"):
            keys.append(self._place(c.owner, place))
        args = [expected, saved.model_dump_json(), self._ttl, c.id, c.updated_at.timestamp()]
        result = self._save(keys=keys, args=args)
        if result == -1:
            raise ConflictError(f"consultation {c.id} changed since version {expected}")
        return saved

    def forget(self, owner: Owner) -> int:
        """Delete every key of this user; returns how many were deleted."""
        deleted = 0
        batch: list[bytes] = []
        for key in self._r.scan_iter(match=f"{self._base(owner)}:*", count=500):
            batch.append(key)
            if len(batch) >= 500:
                deleted += self._r.unlink(*batch)
                batch = []
        if batch:
            deleted += self._r.unlink(*batch)
        log.info("store.forget", owner=owner.key, keys=deleted)
        return deleted

    def keys_of(self, owner: Owner) -> Iterable[bytes]:
        return self._r.scan_iter(match=f"{self._base(owner)}:*")


def _decode(version: bytes | None, doc: bytes | None) -> Consultation | None:
    if version is None or doc is None:
        return None
    c = Consultation.model_validate_json(doc)
    return c if c.version == int(version) else c.model_copy(update={"version": int(version)})


class EventLedger:
    """Remembers event ids durably so a redelivered event is handled once (SET NX EX)."""

    def __init__(
        self, client: redis.Redis, ttl_seconds: int = 24 * 3600, prefix: str = "na"
    ) -> None:
        self._r = client
        self._ttl = ttl_seconds
        self._prefix = prefix

    def first_time(self, platform: str, event_id: str) -> bool:
        key = f"{self._prefix}:seen:{platform}:{event_id[:200]}"
        return bool(self._r.set(key, b"1", nx=True, ex=self._ttl))
