"""Feedback on reports in Redis: the owner's 👍/👎 (and an optional note on a 👎) per
consultation, under the owner's own keys (``na:{owner}:feedback:<cid>``) so ``forget`` removes
it, with the consultation's TTL; plus anonymous counts per consultation kind for the logs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

import redis

from consultations.state import Owner

Vote = Literal["up", "down"]
COUNTS = "na:feedback:counts"  # field "<slug>:up" / "<slug>:down": no user in it
NOTE_LIMIT = 2000

# KEYS: the feedback hash, COUNTS   ARGV: vote, slug, at, ttl
# A changed vote moves the count; the same vote twice counts once.
_VOTE = """
local before = redis.call('HGET', KEYS[1], 'vote')
redis.call('HSET', KEYS[1], 'vote', ARGV[1], 'slug', ARGV[2], 'at', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[4])
if before == ARGV[1] then return 0 end
if before then redis.call('HINCRBY', KEYS[2], ARGV[2] .. ':' .. before, -1) end
redis.call('HINCRBY', KEYS[2], ARGV[2] .. ':' .. ARGV[1], 1)
return 1
"""


class RedisFeedback:
    def __init__(self, client: redis.Redis, ttl_seconds: int, prefix: str = "na") -> None:
        self._r = client
        self._ttl = ttl_seconds
        self._prefix = prefix
        self._vote = client.register_script(_VOTE)

    def _key(self, owner: Owner, cid: str) -> str:
        return f"{self._prefix}:{{{owner.key}}}:feedback:{cid}"

    def vote(self, owner: Owner, cid: str, slug: str, vote: Vote) -> bool:
        """The owner's vote on one report (the latest click wins); True when it changed."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        return bool(
            self._vote(keys=[self._key(owner, cid), COUNTS], args=[vote, slug, at, self._ttl])
        )

    def note(self, owner: Owner, cid: str, text: str) -> bool:
        """What was off, on a report already voted on; False when there is no vote to attach to."""
        key = self._key(owner, cid)
        if not self._r.hexists(key, "vote"):
            return False
        self._r.hset(key, "note", text.strip()[:NOTE_LIMIT])
        return True

    def of(self, owner: Owner, cid: str) -> dict[str, str]:
        raw = self._r.hgetall(self._key(owner, cid))
        return {_s(k): _s(v) for k, v in raw.items()}

    def votes(self, owner: Owner, cids: list[str]) -> dict[str, Vote]:
        """The owner's vote on each of these consultations that has one."""
        if not cids:
            return {}
        pipe = self._r.pipeline(transaction=False)
        for cid in cids:
            pipe.hget(self._key(owner, cid), "vote")
        found: dict[str, Vote] = {}
        for cid, v in zip(cids, pipe.execute(), strict=True):
            if v in (b"up", b"down"):
                found[cid] = "up" if v == b"up" else "down"
        return found

    def counts(self, slug: str) -> tuple[int, int]:
        """All users' 👍 and 👎 on this kind of consultation (anonymous)."""
        up, down = self._r.hmget(COUNTS, [f"{slug}:up", f"{slug}:down"])
        return int(up or 0), int(down or 0)


def _s(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
