"""Per-part checkpoints: what a job has already posted, so a retry skips those parts.

One Redis hash per job round: part name → what the platform returned for it (a message ts,
``"1"``). A part is recorded right after the platform accepted it; a retry reads the hash once
and posts only what is missing. The window left is between the platform's answer and this
HSET (one round trip); nothing can close it without idempotency keys on the platform's side.
"""

from __future__ import annotations

from collections.abc import Callable

import redis

from consultations.ports import Parts

TTL_S = 7 * 24 * 3600


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


def once(parts: Parts | None, name: str, post: Callable[[], object]) -> str:
    """Post a part unless it is already out; returns its reference (the message ts ``post``
    returned, else ``"1"``)."""
    if parts is not None and (done := parts.posted(name)) is not None:
        return done
    got = post()
    ref = got if isinstance(got, str) and got else "1"
    if parts is not None:
        parts.record(name, ref)
    return ref
