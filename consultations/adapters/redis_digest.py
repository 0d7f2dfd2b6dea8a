"""Digest state in Redis: subscriptions, per-channel ledgers of posted papers, period claims,
and what is one user's (under the user's own keys, so `forget` removes them): their curation
profile and their own 👍/👎 (the examples of their personal taste)."""

from __future__ import annotations

import json

import redis

from consultations.adapters.job_leases import claim_key
from consultations.adapters.redis_keys import unlink_matching
from consultations.digest import Subscription
from consultations.state import Owner
from consultations.triage.profile import Profile

SUBS = "na:digest:subs"
_PER_KEY = ("last", "posted", "items", "vec", "taste", "nudge")  # what a digest key keeps


class DigestStore:
    def __init__(self, client: redis.Redis, prefix: str = "na") -> None:
        self._r = client
        self._prefix = prefix

    # subscriptions
    def subscribe(self, sub: Subscription) -> None:
        self._r.hset(SUBS, sub.key, sub.model_dump_json())

    def unsubscribe(self, key: str) -> bool:
        return bool(self._r.hdel(SUBS, key))

    def subscriptions(self) -> list[Subscription]:
        return [Subscription.model_validate_json(v) for v in self._r.hvals(SUBS)]

    def subscription(self, key: str) -> Subscription | None:
        raw = self._r.hget(SUBS, key)
        return Subscription.model_validate_json(raw) if raw else None

    def forget_subscriber(self, platform: str, workspace: str, user: str) -> int:
        """Remove a user's own digest, and their id from the channel subscriptions they created
        (the channels keep those)."""
        changed = 0
        for sub in self.subscriptions():
            if (sub.platform, sub.workspace, sub.user) == (platform, workspace, user):
                self.unsubscribe(sub.key)
                changed += self._r.delete(
                    *(f"{self._prefix}:digest:{kind}:{sub.key}" for kind in _PER_KEY)
                ) + sum(
                    unlink_matching(self._r, pattern)
                    for pattern in (
                        claim_key(f"digest:{sub.key}:*"),
                        f"{self._prefix}:digest:claim:{sub.key}:*",  # claims before 2026-11-26
                    )
                )
            elif (sub.platform, sub.workspace, sub.subscribed_by) == (platform, workspace, user):
                self.subscribe(sub.model_copy(update={"subscribed_by": ""}))
                changed += 1
        return changed

    # periods and ledgers (a period's claim is its job's: celery_queue.schedule_digest)
    def last_period(self, key: str) -> str | None:
        raw = self._r.get(f"{self._prefix}:digest:last:{key}")
        return _text(raw) if raw else None

    def set_last_period(self, key: str, period: str) -> None:
        self._r.set(f"{self._prefix}:digest:last:{key}", period)

    def posted(self, key: str) -> set[str]:
        return {_text(m) for m in self._r.smembers(f"{self._prefix}:digest:posted:{key}")}

    def mark_posted(self, key: str, ids: list[str]) -> None:
        if ids:
            self._r.sadd(f"{self._prefix}:digest:posted:{key}", *ids)

    # reactions
    def remember_items(
        self,
        key: str,
        items: dict[str, list[str]],
        vectors: dict[str, list[float]] | None = None,
    ) -> None:
        """Which posted message carried which paper's questions (message ts → questions), and
        its paper's feature vector (ts → vector) for learning the channel's taste."""
        if items:
            name = f"{self._prefix}:digest:items:{key}"
            self._r.hset(name, mapping={ts: ",".join(qs) for ts, qs in items.items()})
            self._r.expire(name, 90 * 24 * 3600)
        if vectors:
            name = f"{self._prefix}:digest:vec:{key}"
            self._r.hset(name, mapping={ts: json.dumps(v) for ts, v in vectors.items()})
            self._r.expire(name, 180 * 24 * 3600)

    def react(self, key: str, ts: str, delta: int, by: Owner | None = None) -> list[str]:
        """Record a 👍 (+1) or 👎 (-1) on a digest item; returns the questions it nudged. With
        the reacting user known (``by``), it is also an example of that user's own taste."""
        raw = self._r.hget(f"{self._prefix}:digest:items:{key}", ts)
        questions = _text(raw).split(",") if raw else []
        for q in filter(None, questions):
            self._r.hincrbyfloat(f"{self._prefix}:digest:nudge:{key}", q, delta)
        if raw is not None:  # an item of ours: one more example of the channel's taste
            name = f"{self._prefix}:digest:taste:{key}"
            self._r.hincrby(name, ts, int(delta))
            self._r.expire(name, 180 * 24 * 3600)
            vec = self._r.hget(f"{self._prefix}:digest:vec:{key}", ts)
            if by is not None and vec:  # the user's latest word on this item counts
                mine = self._own(by)
                self._r.hset(mine, f"{key}|{ts}", json.dumps([1 if delta > 0 else -1, _text(vec)]))
                self._r.expire(mine, 180 * 24 * 3600)
        return [q for q in questions if q]

    def own_examples(self, owner: Owner, limit: int = 500) -> list[tuple[list[float], int]]:
        """One user's reacted items, in any channel or their DMs, as (vector, +1 or -1)."""
        out = []
        for raw in list(self._r.hvals(self._own(owner)))[-limit:]:
            vote, vec = json.loads(raw)
            out.append(([float(x) for x in json.loads(vec)], int(vote)))
        return out

    def _own(self, owner: Owner) -> str:
        return f"{self._prefix}:{{{owner.key}}}:taste"

    def examples(self, key: str, limit: int = 500) -> list[tuple[list[float], int]]:
        """The channel's reacted items as (feature vector, +1 or -1), newest reactions last."""
        votes = self._r.hgetall(f"{self._prefix}:digest:taste:{key}")
        decided = [(ts, int(v)) for ts, v in votes.items() if int(v)][-limit:]
        if not decided:
            return []
        raw = self._r.hmget(f"{self._prefix}:digest:vec:{key}", [ts for ts, _ in decided])
        out = []
        for (_, vote), vec in zip(decided, raw, strict=True):
            if vec:
                out.append(([float(x) for x in json.loads(vec)], 1 if vote > 0 else -1))
        return out

    def nudges(self, key: str) -> dict[str, float]:
        raw = self._r.hgetall(f"{self._prefix}:digest:nudge:{key}")
        return {_text(k): float(v) for k, v in raw.items()}

    # profiles
    def save_profile(self, owner: Owner, profile: Profile) -> None:
        self._r.set(f"{self._prefix}:{{{owner.key}}}:profile", profile.model_dump_json())

    def save_digest_options(self, owner: Owner, options: dict[str, object]) -> None:
        """What a finished curation chose for the user's own digest (cadence, papers per issue,
        sources): where `digest mine …` starts from when they have no digest running."""
        self._r.set(f"{self._prefix}:{{{owner.key}}}:digest-options", json.dumps(options))

    def digest_options(self, owner: Owner) -> dict[str, object]:
        raw = self._r.get(f"{self._prefix}:{{{owner.key}}}:digest-options")
        loaded = json.loads(raw) if raw else {}
        return loaded if isinstance(loaded, dict) else {}

    def profile(self, owner: Owner) -> Profile | None:
        raw = self._r.get(f"{self._prefix}:{{{owner.key}}}:profile")
        return Profile.model_validate_json(raw) if raw else None


def _text(raw: bytes | str) -> str:
    return raw.decode() if isinstance(raw, bytes) else raw
