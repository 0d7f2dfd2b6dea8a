"""Per-part checkpoints: what a job has already posted, so a retry skips those parts.

One Redis hash per job round: part name → what the platform returned for it (a message ts,
``"1"``). A part is recorded right after the platform accepted it; a retry reads the hash once
and posts only what is missing.

That leaves one round trip: a worker that dies after the platform accepted a part but before
its checkpoint was written. So a part that can be recognised on the platform (``once`` given a
``find``) is first marked *in flight* (``~<part>``) and posted carrying its identity
(``part_ref``: the job and the part, e.g. Slack message metadata); a retry that finds the mark
but no checkpoint asks ``find`` where that post landed, and checkpoints it instead of posting
it again.

A part that cannot be recognised on the platform (an ephemeral message, nobody's history; a
Teams activity, whose id the Bot Connector assigns and whose chat it cannot read) is marked
*sent* before its call and checkpointed after (``once_unseen``); a failure the platform says
is sure (nothing was shown) clears the mark. A retry that finds it still sent cannot tell
whether the user saw it: it posts it again and is told so (``again``), to say so or log it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import redis
import structlog

from consultations.ports import Parts

log = structlog.get_logger(__name__)
TTL_S = 7 * 24 * 3600
PENDING = "~"  # the in-flight mark of part ``x`` is part ``~x``


class RedisParts:
    """``Parts`` in one Redis hash (read once, then kept in memory for this attempt)."""

    def __init__(self, client: redis.Redis, key: str, ttl_s: int = TTL_S) -> None:
        self._r = client
        self.key = key
        self._ttl = ttl_s
        self._seen: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        if self._seen is None:
            raw: dict[bytes, bytes] = self._r.hgetall(self.key)  # type: ignore[assignment]
            self._seen = {k.decode(): v.decode() for k, v in raw.items()}
        return self._seen

    def posted(self, part: str) -> str | None:
        return self._all().get(part)

    def record(self, part: str, ref: str = "1") -> None:
        pipe = self._r.pipeline(transaction=True)
        pipe.hset(self.key, part, ref)
        pipe.expire(self.key, self._ttl)
        pipe.execute()
        self._all()[part] = ref


class NoParts:
    """No checkpoints: every part is posted (tests of a gateway alone, one-off posts)."""

    def posted(self, part: str) -> str | None:
        return None

    def record(self, part: str, ref: str = "1") -> None:
        pass


def part_ref(parts: Parts | None, name: str) -> dict[str, str] | None:
    """What a posted part carries so a retry can recognise it: an opaque id of its job round
    (a hash of the checkpoints' key) and the part's name; None without checkpoints."""
    key = getattr(parts, "key", None)
    if not key:
        return None
    return {"job": hashlib.sha256(key.encode()).hexdigest()[:16], "part": name}


def mark(parts: Parts | None, name: str, value: str) -> None:
    """Note in the part's in-flight mark what a retry needs to find it (an uploaded file's
    id), before the call that makes it visible."""
    if parts is not None:
        parts.record(PENDING + name, value)


def once(
    parts: Parts | None,
    name: str,
    post: Callable[[], object],
    find: Callable[[str], str | None] | None = None,
) -> str:
    """Post a part unless it is already out; returns its reference (the message ts ``post``
    returned, else ``"1"``).

    With ``find`` the part is marked in flight before it is posted; a later attempt that finds
    the mark without a checkpoint calls ``find(mark)`` (where did the earlier post land, if
    it did?) and checkpoints what it returns instead of posting again."""
    if parts is not None and (done := parts.posted(name)) is not None:
        return done
    if parts is not None and find is not None:
        flying = parts.posted(PENDING + name)
        if flying is not None and (found := find(flying)):
            parts.record(name, found)
            log.info("part.recovered", part=name, ref=found)
            return found
        if flying is None:
            parts.record(PENDING + name, "1")
    got = post()
    ref = got if isinstance(got, str) and got else "1"
    if parts is not None:
        parts.record(name, ref)
    return ref


SENT = "sent"  # the in-flight mark of a part that cannot be looked up


def sending(parts: Parts | None, name: str) -> bool:
    """Mark ``name`` sent before its call; True when an earlier attempt's call of it may have
    been shown (marked sent, never checkpointed, no sure failure)."""
    if parts is None:
        return False
    again = parts.posted(PENDING + name) == SENT
    parts.record(PENDING + name, SENT)
    if again:
        log.warning("part.maybe_repeated", part=name)
    return again


def unsent(parts: Parts | None, name: str) -> None:
    """The platform refused ``name`` for sure: nothing was shown."""
    if parts is not None:
        parts.record(PENDING + name, "-")


def once_unseen(
    parts: Parts | None,
    name: str,
    post: Callable[[bool], object],
    sure: Callable[[Exception], bool],
) -> str:
    """Post a part the platform cannot show back, unless it is checkpointed; ``post(again)``
    hears whether an earlier call of it may have been shown; ``sure(error)``: the call
    failed and nothing was shown."""
    if parts is not None and (done := parts.posted(name)) is not None:
        return done
    again = sending(parts, name)
    try:
        got = post(again)
    except Exception as e:
        if sure(e):
            unsent(parts, name)
        raise
    ref = got if isinstance(got, str) and got else "1"
    if parts is not None:
        parts.record(name, ref)
    return ref
