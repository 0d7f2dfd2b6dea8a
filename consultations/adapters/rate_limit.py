"""At most one call every N seconds: per process, or shared by every process through Redis.

arXiv asks for at most one request every 3 s from one client, so two triage jobs or two
digests running at once on different workers must share the limit. `RedisRateLimiter` reserves
the next slot atomically (a Lua script on the server's clock) and sleeps until it; without a
Redis client, or while Redis is unreachable, `RateLimiter` keeps the limit within the process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import structlog

log = structlog.get_logger(__name__)


class Limiter(Protocol):
    def wait(self) -> None: ...


class RateLimiter:
    """At most one call every ``interval`` seconds (shared by the threads of one process)."""

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval, self._clock, self._sleep = interval, clock, sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = self._clock()
            if now < self._next:
                self._sleep(self._next - now)
                now = self._next
            self._next = now + self.interval


# Reserve the next free slot; return how many ms the caller must wait for it.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local interval = tonumber(ARGV[1])
local slot = math.max(now, nxt)
redis.call('SET', KEYS[1], slot + interval, 'PX', slot + interval - now + 1000)
return slot - now
"""


class RedisRateLimiter:
    """One call every ``interval`` seconds across every process that shares ``key`` in Redis."""

    def __init__(
        self,
        client: Any,
        key: str,
        interval: float,
        sleep: Callable[[float], None] = time.sleep,
        fallback: Limiter | None = None,
    ) -> None:
        self.key, self.interval, self._sleep = key, interval, sleep
        self._script = client.register_script(_RESERVE)
        self._local: Limiter = fallback or RateLimiter(interval, sleep=sleep)

    def wait(self) -> None:
        try:
            wait_ms = int(self._script(keys=[self.key], args=[int(self.interval * 1000)]))
        except Exception as e:  # Redis down: keep the limit within this process
            log.warning("rate_limit.redis_unavailable", key=self.key, error=type(e).__name__)
            self._local.wait()
            return
        if wait_ms > 0:
            self._sleep(wait_ms / 1000)


ARXIV_INTERVAL_S = 3.0
ARXIV_KEY = "neurips:ratelimit:arxiv"
_PROCESS_ARXIV = RateLimiter(ARXIV_INTERVAL_S)  # every arXiv client of this process


def arxiv_limiter(redis_client: Any = None) -> Limiter:
    """arXiv's limit (one request every 3 s): shared through Redis when a client is given,
    else by every client in this process."""
    if redis_client is None:
        return _PROCESS_ARXIV
    return RedisRateLimiter(redis_client, ARXIV_KEY, ARXIV_INTERVAL_S, fallback=_PROCESS_ARXIV)
