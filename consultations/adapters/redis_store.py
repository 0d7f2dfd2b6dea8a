"""Consultation state in Redis: one hash per consultation, saved with a Lua compare-and-set.

Keys share the hash tag of their owner, ``na:{platform:workspace:user}:…``, so one user's keys
live in one cluster slot and ``forget`` can find them all. Every write sets the TTL again.
A turn costs two round trips: HMGET to load, EVALSHA to save; finding the consultation of a
place (a Slack thread) and loading it is one EVALSHA, which can record the event (a Slack
message) as seen too, so a Slack answer is two round trips in all.

A running consultation is stored as plain JSON, a finished one (with its report) compact and
compressed (:mod:`consultations.adapters.record_codec`). No record can lock a user out. Each
document is stored with its schema version (``s``) and older ones are migrated on load
(:func:`consultations.state.migrate`); a save is refused unless the document reads back as
what was saved; a record that still cannot be read is set aside
under ``…:aside:<id>`` (kept, with its TTL, for diagnosis), logged, dropped from the index, and
reported once through :meth:`RedisConsultationStore.take_set_aside` so the user can be told.
"""

from __future__ import annotations

import builtins
import json
import re
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import redis
import structlog

from consultations.adapters import record_codec
from consultations.adapters.redis_keys import unlink_matching
from consultations.state import (
    SCHEMA_VERSION,
    Consultation,
    Owner,
    SetAside,
    Status,
    UnreadableRecord,
    migrate,
)

__all__ = ["ConflictError", "EventLedger", "RedisConsultationStore", "UnreadableRecord"]

log = structlog.get_logger(__name__)
SEEN_TTL_S = 24 * 3600  # how long an event id is remembered
CLOCK_SLACK_S = 1.0  # a save Redis runs later than the client's timeout and this is refused:
# a frozen Redis (SIGSTOP, a paused VM) runs queued commands when it resumes, and the user was
# told to send that answer again. Slack for the clocks of Redis's host and ours to differ.

# KEYS: doc, index, [place, [open in its channel]]   ARGV: expected version, doc json, ttl s,
# id, score, schema, '1' if in progress, deadline (ms since the epoch, '' for none): past it
# the caller has given up (timed out, and told the user it was not saved), so -2, nothing saved
_SAVE = """
if ARGV[8] ~= '' then
  local t = redis.call('TIME')
  if tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) > tonumber(ARGV[8]) then
    return -2
  end
end
local current = redis.call('HGET', KEYS[1], 'v') or '0'
if current ~= ARGV[1] then return -1 end
local v = tonumber(ARGV[1]) + 1
redis.call('HSET', KEYS[1], 'v', v, 'doc', ARGV[2], 's', ARGV[6])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[3])
if KEYS[3] then redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[3]) end
if KEYS[4] then
  if ARGV[7] == '1' then
    redis.call('SADD', KEYS[4], ARGV[4])
    redis.call('EXPIRE', KEYS[4], ARGV[3])
  else
    redis.call('SREM', KEYS[4], ARGV[4])
  end
end
return v
"""

# KEYS: seen   ARGV: seen ttl s, [the key the event was seen under before (see seen_keys)]
# 1 the first time an event is seen, 0 after.
_SEEN = """
if ARGV[2] ~= '' and redis.call('EXISTS', ARGV[2]) == 1 then return 0 end
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 1 end
return 0
"""

# KEYS: place, [seen]   ARGV: the owner's document key prefix ("na:{owner}:c:"), [seen ttl s,
# the event's key from before]. The document's key is built here from the id the place holds:
# it carries the place key's hash tag, so in a cluster it lives in the same slot, on the same
# node. With a ``seen`` key (an event's, under the same hash tag) it first records the event,
# as _SEEN does: 0 if it was seen before.
_AT = """
if KEYS[2] then
  if ARGV[3] ~= '' and redis.call('EXISTS', ARGV[3]) == 1 then return 0 end
  if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[2]) then return 0 end
end
local cid = redis.call('GET', KEYS[1])
if not cid then return nil end
local doc = redis.call('HMGET', ARGV[1] .. cid, 'v', 'doc', 's')
return {cid, doc[1], doc[2], doc[3]}
"""

# KEYS: doc, aside, index, untold   ARGV: version as read ('' if none), reason, at, id, ttl
_SET_ASIDE = """
local current = redis.call('HGET', KEYS[1], 'v') or ''
if current ~= ARGV[1] or redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[2], 'reason', ARGV[2], 'at', ARGV[3])
redis.call('ZREM', KEYS[3], ARGV[4])
redis.call('SADD', KEYS[4], ARGV[4])
redis.call('EXPIRE', KEYS[4], ARGV[5])
return 1
"""


class ConflictError(RuntimeError):
    """Someone saved this consultation since it was loaded; load again and retry."""


_FIELDS = ["v", "doc", "s"]
_SLUG = re.compile(r'"slug"\s*:\s*"([a-z][a-z0-9-]{0,60})"')


class RedisConsultationStore:
    def __init__(self, client: redis.Redis, ttl_seconds: int, prefix: str = "na") -> None:
        if ttl_seconds <= 0:
            raise ValueError("ttl_seconds must be positive")
        self._r = client
        self._ttl = ttl_seconds
        self._prefix = prefix
        self._save = client.register_script(_SAVE)
        timeout = client.connection_pool.connection_kwargs.get("socket_timeout")
        self._late_s = float(timeout) + CLOCK_SLACK_S if timeout else None
        self._set_aside = client.register_script(_SET_ASIDE)
        self._at = client.register_script(_AT)

    # keys
    def _base(self, owner: Owner) -> str:
        return f"{self._prefix}:{{{owner.key}}}"

    def _doc(self, owner: Owner, cid: str) -> str:
        return f"{self._base(owner)}:c:{cid}"

    def _index(self, owner: Owner) -> str:
        return f"{self._base(owner)}:index"

    def _place(self, owner: Owner, place: str) -> str:
        return f"{self._base(owner)}:at:{place}"

    def _open(self, owner: Owner, channel: str) -> str:
        return f"{self._base(owner)}:open:{channel}"

    def _aside(self, owner: Owner, cid: str) -> str:
        return f"{self._base(owner)}:aside:{cid}"

    def _untold(self, owner: Owner) -> str:
        return f"{self._base(owner)}:untold"

    # reads
    def load(self, owner: Owner, cid: str) -> Consultation | None:
        """The consultation, migrated to today's schema; None if absent or set aside."""
        return self._read(owner, cid, self._r.hmget(self._doc(owner, cid), _FIELDS))

    def at(self, owner: Owner, place: str) -> Consultation | None:
        """The consultation this user runs at a place (a Slack thread, a Teams reply chain)."""
        found = self._at(keys=[self._place(owner, place)], args=[self._doc(owner, "")])
        if not found:
            return None
        cid, *fields = found
        return self._read(owner, _text(cid), fields)

    def first_time_at(
        self, owner: Owner, place: str, platform: str, event_id: str
    ) -> tuple[bool, Consultation | None]:
        """:meth:`EventLedger.first_time` for an event of this user's, and :meth:`at`, in one
        round trip: (False, None) if the event was seen before (its key is the owner's)."""
        seen, before = seen_keys(self._prefix, platform, event_id, owner)
        found = self._at(
            keys=[self._place(owner, place), seen],
            args=[self._doc(owner, ""), SEEN_TTL_S, before],
        )
        if found == 0:
            return False, None
        if not found:
            return True, None
        cid, *fields = found
        return True, self._read(owner, _text(cid), fields)

    def list(self, owner: Owner, limit: int = 50) -> list[Consultation]:
        """Newest first. Entries whose consultation expired are dropped from the index."""
        ids = [_text(i) for i in self._r.zrevrange(self._index(owner), 0, limit - 1)]
        found, gone = [], []
        for cid, c in self._load(owner, ids):
            (found.append(c) if c else gone.append(cid))
        if gone:
            self._r.zrem(self._index(owner), *gone)
        return found

    def open_in(self, owner: Owner, channel: str, recent: int = 0) -> builtins.list[Consultation]:
        """This user's consultations in progress at a place in ``channel`` (a Slack channel),
        whatever their age, newest first; two round trips. Those saved before this index was
        kept are found only among the ``recent`` latest. Entries no longer in progress there
        are dropped from it."""
        key = self._open(owner, channel)
        pipe = self._r.pipeline(transaction=False)
        pipe.smembers(key)
        pipe.zrevrange(self._index(owner), 0, recent - 1)
        indexed, latest = pipe.execute() if recent > 0 else (self._r.smembers(key), [])
        listed = {_text(i) for i in indexed}
        ids = sorted(listed | {_text(i) for i in latest})
        found, gone = [], []
        for cid, c in self._load(owner, ids):
            if c and c.status is Status.ACTIVE and c.location.get("channel") == channel:
                found.append(c)
            elif cid in listed:
                gone.append(cid)
        if gone:
            self._r.srem(key, *gone)
        return sorted(found, key=lambda c: c.updated_at, reverse=True)

    def _load(
        self, owner: Owner, ids: builtins.list[str]
    ) -> builtins.list[tuple[str, Consultation | None]]:
        """Each id with its consultation (None: expired or unreadable), in one round trip."""
        if not ids:
            return []
        pipe = self._r.pipeline(transaction=False)
        for cid in ids:
            pipe.hmget(self._doc(owner, cid), _FIELDS)
        return [
            (cid, self._read(owner, cid, fields))
            for cid, fields in zip(ids, pipe.execute(), strict=True)
        ]

    # writes
    def save(self, c: Consultation) -> Consultation:
        """Save if nobody else saved since ``c`` was loaded; returns it with the new version."""
        expected = c.version
        saved = c.model_copy(update={"version": expected + 1})
        doc, schema = _encoded(saved)
        keys = [self._doc(c.owner, c.id), self._index(c.owner)]
        if place := c.location.get("place"):
            keys.append(self._place(c.owner, place))
            if channel := c.location.get("channel"):
                keys.append(self._open(c.owner, channel))
        args: builtins.list[bytes | str | int | float] = [
            expected,
            doc,
            self._ttl,
            c.id,
            c.updated_at.timestamp(),
            schema,
            "1" if c.status is Status.ACTIVE else "0",
        ]
        sent, late = time.time(), self._late_s
        deadline = f"{(sent + late) * 1000:.0f}" if late else ""
        result = self._save(keys=keys, args=[*args, deadline])
        if result == -2 and late and time.time() - sent < late - CLOCK_SLACK_S:
            # answered in time, so Redis's clock is ahead of ours: saved without a deadline
            log.error("redis_store.clock_ahead", slack_s=CLOCK_SLACK_S)
            result = self._save(keys=keys, args=[*args, ""])
        if result == -2:
            raise redis.TimeoutError(f"consultation {c.id}: the save reached Redis too late")
        if result == -1:
            raise ConflictError(f"consultation {c.id} changed since version {expected}")
        return saved

    def forget(self, owner: Owner) -> int:
        """Delete every key of this user; returns how many were deleted."""
        deleted = unlink_matching(self._r, f"{self._base(owner)}:*")
        log.info("store.forget", owner=owner.key, keys=deleted)
        return deleted

    def keys_of(self, owner: Owner) -> Iterable[bytes]:
        return self._r.scan_iter(match=f"{self._base(owner)}:*")

    # records that could not be read
    def take_set_aside(self, owner: Owner) -> builtins.list[SetAside]:
        """Consultations set aside since this was last asked (each is returned once)."""
        untold = self._r.smembers(self._untold(owner))
        if not untold:
            return []
        cids = sorted(_text(x) for x in untold)
        pipe = self._r.pipeline(transaction=False)
        for cid in cids:
            pipe.hmget(self._aside(owner, cid), ["doc", "reason", "at"])
        pipe.srem(self._untold(owner), *cids)
        *rows, _ = pipe.execute()
        found = []
        for cid, (doc, reason, at) in zip(cids, rows, strict=True):
            slug = _SLUG.search(_plain(doc or b"", cid, owner))
            when = datetime.fromtimestamp(float(at), UTC) if at else datetime.now(UTC)
            found.append(
                SetAside(
                    cid=cid,
                    slug=slug.group(1) if slug else None,
                    reason=_text(reason or b"unknown"),
                    at=when,
                )
            )
        return found

    def _read(self, owner: Owner, cid: str, fields: Sequence[Any]) -> Consultation | None:
        version, doc, schema = fields
        if version is None and doc is None:
            return None
        try:
            return _decode(version, doc, schema, cid, owner)
        except _NewerSchema as e:
            log.warning("store.newer_schema", owner=owner.key, cid=cid, error=str(e))
            return None
        except (ValueError, TypeError, KeyError) as e:
            reason = f"{type(e).__name__}: {e}"[:2000]
            done = self._set_aside(
                keys=[
                    self._doc(owner, cid),
                    self._aside(owner, cid),
                    self._index(owner),
                    self._untold(owner),
                ],
                args=[_text(version or b""), reason, datetime.now(UTC).timestamp(), cid, self._ttl],
            )
            log.error("store.set_aside", owner=owner.key, cid=cid, moved=bool(done), error=reason)
            return None


class _NewerSchema(RuntimeError):
    """Written by a newer release (during a rolling deploy): left alone, not set aside."""


def _decode(
    version: bytes | None, doc: bytes | None, schema: bytes | None, cid: str, owner: Owner
) -> Consultation:
    if version is None or doc is None:
        raise ValueError("the record lacks its version or its document")
    s = int(schema) if schema is not None else 1
    if s > SCHEMA_VERSION:
        raise _NewerSchema(f"schema {s} is newer than {SCHEMA_VERSION}")
    if record_codec.is_compact(doc):
        c = Consultation.model_validate(migrate(record_codec.expand(doc, cid, owner), s))
    elif s >= record_codec.PLAIN_SCHEMA:  # plain JSON has had today's fields since schema 2
        c = Consultation.model_validate_json(doc)
    else:
        data = json.loads(doc)
        if not isinstance(data, dict):
            raise ValueError("the document is not an object")
        c = Consultation.model_validate(migrate(data, s))
    v = int(version)
    return c if c.version == v else c.model_copy(update={"version": v})


def _text(raw: object) -> str:
    return raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)


def _plain(doc: bytes, cid: str, owner: Owner) -> str:
    """A stored document as text, expanded if compact ('' if it cannot be)."""
    if not record_codec.is_compact(doc):
        return _text(doc)
    try:
        return json.dumps(record_codec.expand(doc, cid, owner))
    except ValueError:
        return ""


def _encoded(saved: Consultation) -> tuple[bytes, int]:
    """The document to write and its schema; refused (UnreadableRecord) unless it reads back
    as what was saved (an infinite number, say, would not)."""
    try:
        doc, schema = record_codec.encode(saved)
        back = _decode(
            str(saved.version).encode(), doc, str(schema).encode(), saved.id, saved.owner
        )
    except ValueError as e:
        log.error("store.refused", cid=saved.id, error=str(e)[:500])
        raise UnreadableRecord(f"consultation {saved.id} would not read back: {e}") from e
    if back != saved:
        log.error("store.refused", cid=saved.id, error="reads back differently")
        raise UnreadableRecord(f"consultation {saved.id} would not read back as saved")
    return doc, schema


def seen_keys(prefix: str, platform: str, event_id: str, owner: Owner | None) -> tuple[str, str]:
    """The one place an event's de-duplication key is named: under its owner's hash tag
    (``forget`` removes it, and in a cluster it lives beside the owner's consultation, so
    :meth:`RedisConsultationStore.first_time_at` records it in the same script), or global when
    no person owns the event. Also the key releases before 0ca9343 used for every event, which
    is still honoured (for its 24 hours), so an event redelivered across a rolling deploy is
    not handled twice.

    Honouring it reads a key outside the owner's slot: fine on one Redis (what the product
    runs on); drop it once no old release can still be running before moving to a cluster."""
    before = f"{prefix}:seen:{platform}:{event_id[:200]}"
    if owner is None:
        return before, ""
    return f"{prefix}:{{{owner.key}}}:seen:{platform}:{event_id[:200]}", before


class EventLedger:
    """Remembers event ids durably so a redelivered event is handled once (SET NX EX, in one
    script with the old key's check; thread answers are recorded by
    :meth:`RedisConsultationStore.first_time_at` under the same key, see :func:`seen_keys`)."""

    def __init__(
        self, client: redis.Redis, ttl_seconds: int = SEEN_TTL_S, prefix: str = "na"
    ) -> None:
        self._ttl = ttl_seconds
        self._prefix = prefix
        self._seen = client.register_script(_SEEN)

    def first_time(self, platform: str, event_id: str, owner: Owner | None = None) -> bool:
        seen, before = seen_keys(self._prefix, platform, event_id, owner)
        return self._seen(keys=[seen], args=[self._ttl, before]) == 1
