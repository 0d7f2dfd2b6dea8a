"""Job leases in Redis: how a job whose worker died is found and run again within a bound.

Every job the queue sends is first registered here under a stable key (``report:<owner>:<cid>``,
``digest:<channel>:<period>``, ``triage:<job>:chunk:<n>``…) with its task, arguments and round
(the consultation version it was asked for, the digest period…), and a deadline in one sorted
set. A worker running the job holds a lease (a token under a TTL) that it renews while it works,
pushing the deadline on. The job is removed when it is done or given up.

Every worker sweeps (``workers.sweeper``; one sweep per period across all of them, by a lock
here): every job whose deadline has passed and whose lease is gone (its worker died, or it was
never picked up) is sent again. A job whose round is no longer the
registered one (a consultation restarted and finished again) is skipped by ``acquire``, and a job
that was finished is gone, so a late redelivery by the broker does nothing.

All keys share one hash tag so the Lua steps stay in one cluster slot.
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import redis

BASE = "na:{jobs}"
DUE, SPEC, ROUND, SWEEPS = f"{BASE}:due", f"{BASE}:spec", f"{BASE}:round", f"{BASE}:sweeps"
SWEEPING = f"{BASE}:sweeping"


def lease_key(job: str) -> str:
    return f"{BASE}:lease:{job}"


def claim_key(job: str) -> str:
    return f"{BASE}:claim:{job}"


# KEYS: claim, spec, round, sweeps, due   ARGV: claim ttl s, job, spec, round, deadline
# a claim held is taken again only when it was let go for a retry and its job is finished
_CLAIM_AND_REGISTER = """
local held = redis.call('GET', KEYS[1])
if held and (held ~= 'retry' or redis.call('HEXISTS', KEYS[3], ARGV[2]) == 1) then return 0 end
redis.call('SET', KEYS[1], '1', 'EX', ARGV[1])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('HSET', KEYS[3], ARGV[2], ARGV[4])
redis.call('HDEL', KEYS[4], ARGV[2])
redis.call('ZADD', KEYS[5], ARGV[5], ARGV[2])
return 1
"""
# KEYS: spec, round, lease, due   ARGV: job, round, token, lease ms, deadline
_ACQUIRE = """
local round = redis.call('HGET', KEYS[2], ARGV[1])
if not round then return -1 end
if round ~= ARGV[2] then return -2 end
if not redis.call('SET', KEYS[3], ARGV[3], 'NX', 'PX', ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[4], ARGV[5], ARGV[1])
return 1
"""
# KEYS: lease   ARGV: the holder it must still be
_STEAL = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
# KEYS: lease, due   ARGV: job, token, lease ms, deadline
_RENEW = """
if redis.call('GET', KEYS[1]) ~= ARGV[2] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], 'XX', ARGV[4], ARGV[1])
return 1
"""
# KEYS: lease, due   ARGV: job, token, deadline
_RELEASE = """
if redis.call('GET', KEYS[1]) ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZADD', KEYS[2], 'XX', ARGV[3], ARGV[1])
return 1
"""
# KEYS: lease, due, spec, round, sweeps   ARGV: job, token, round
_FINISH = """
local holder = redis.call('GET', KEYS[1])
if holder and holder == ARGV[2] then redis.call('DEL', KEYS[1]) end
if redis.call('HGET', KEYS[4], ARGV[1]) ~= ARGV[3] then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
return 1
"""
# KEYS: due, spec, round, sweeps   ARGV: now, next deadline, most sweeps, lease prefix, batch
_SWEEP = """
local out = {}
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[5])
for _, job in ipairs(due) do
  local spec = redis.call('HGET', KEYS[2], job)
  if not spec then
    redis.call('ZREM', KEYS[1], job)
  elseif redis.call('EXISTS', ARGV[4] .. job) == 0 then
    local n = redis.call('HINCRBY', KEYS[4], job, 1)
    local round = redis.call('HGET', KEYS[3], job) or ''
    if n > tonumber(ARGV[3]) then
      redis.call('ZREM', KEYS[1], job)
      redis.call('HDEL', KEYS[2], job)
      redis.call('HDEL', KEYS[3], job)
      redis.call('HDEL', KEYS[4], job)
      table.insert(out, {job, spec, round, -n})
    else
      redis.call('ZADD', KEYS[1], ARGV[2], job)
      table.insert(out, {job, spec, round, n})
    end
  end
end
return out
"""


def _dead_here(holder: str) -> bool:
    """The holder ran on this host and its process is gone."""
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass(frozen=True)
class Due:
    """A job the sweep found late: send it again (``gave_up``: it was swept too often)."""

    job: str
    task: str
    args: list[Any]
    round: str
    sweeps: int
    gave_up: bool = False


class JobLeases:
    def __init__(
        self,
        client: redis.Redis,
        lease_s: float,
        start_grace_s: float,
        max_sweeps: int = 5,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._r = client
        self.lease_s = lease_s
        self.start_grace_s = start_grace_s
        self.max_sweeps = max_sweeps
        self._clock = clock
        self._acquire = client.register_script(_ACQUIRE)
        self._renew = client.register_script(_RENEW)
        self._steal = client.register_script(_STEAL)
        self._release = client.register_script(_RELEASE)
        self._finish = client.register_script(_FINISH)
        self._sweep = client.register_script(_SWEEP)
        self._claim = client.register_script(_CLAIM_AND_REGISTER)

    def register(self, job: str, task: str, args: list[Any], round_: str) -> None:
        """Before a job is sent: it must start within the grace period or it is sent again."""
        pipe = self._r.pipeline(transaction=True)
        pipe.hset(SPEC, job, json.dumps({"task": task, "args": args}))
        pipe.hset(ROUND, job, round_)
        pipe.hdel(SWEEPS, job)
        pipe.zadd(DUE, {job: self._clock() + self.start_grace_s})
        pipe.execute()

    def claim_and_register(
        self, job: str, task: str, args: list[Any], round_: str, claim_ttl_s: int
    ) -> bool:
        """``register``, once for ``claim_ttl_s``: only by whoever takes the job's claim (a
        digest's period), in the same step. A claim that reaches Redis late (it was frozen,
        the caller gave up on it) thus always comes with its job, which a sweep sends once
        its start grace is over: never a claim holding the period with nothing sent."""
        body = json.dumps({"task": task, "args": args})
        deadline = self._clock() + self.start_grace_s
        keys = [claim_key(job), SPEC, ROUND, SWEEPS, DUE]
        return bool(self._claim(keys=keys, args=[claim_ttl_s, job, body, round_, deadline]))

    def retry_claim(self, job: str) -> None:
        """Let the job's claim be taken again (the job gave up; a later claim sends it anew),
        once the job is finished: not before, so the finish cannot remove the new one."""
        self._r.set(claim_key(job), "retry", xx=True, keepttl=True)

    def acquire(self, job: str, round_: str) -> str | None | bool:
        """A token while this worker holds the job; ``None`` when the job is finished or
        superseded (nothing to do); ``False`` while another live worker holds it.

        A lease names its holder (host and process): one held by a process of this host
        that is gone (a pool child killed, its parent alive) is taken over at once."""
        token = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex}"
        keys = [SPEC, ROUND, lease_key(job), DUE]
        ms = int(self.lease_s * 1000)
        for _ in range(2):
            got = int(self._acquire(keys=keys, args=[job, round_, token, ms, self._deadline()]))
            if got == 1:
                return token
            if got != 0:
                return None
            holder: bytes | None = self._r.get(lease_key(job))  # type: ignore[assignment]
            if not (holder and _dead_here(holder.decode())):
                return False
            self._steal(keys=[lease_key(job)], args=[holder])
        return False

    def held_for(self, job: str) -> float:
        """Seconds left on the job's lease (0 when nobody holds it)."""
        ms = int(self._r.pttl(lease_key(job)))
        return max(ms, 0) / 1000

    def renew(self, job: str, token: str) -> bool:
        ms = int(self.lease_s * 1000)
        keys = [lease_key(job), DUE]
        return bool(self._renew(keys=keys, args=[job, token, ms, self._deadline()]))

    def release(self, job: str, token: str, retry_in_s: float) -> None:
        """Give the lease back after an error; a retry is due in ``retry_in_s`` (else a sweep)."""
        deadline = self._clock() + retry_in_s + self.start_grace_s
        self._release(keys=[lease_key(job), DUE], args=[job, token, deadline])

    def finish(self, job: str, token: str, round_: str) -> bool:
        """Done (or given up): the job leaves the ledger; a late duplicate finds nothing."""
        keys = [lease_key(job), DUE, SPEC, ROUND, SWEEPS]
        return bool(self._finish(keys=keys, args=[job, token, round_]))

    def claim_sweep(self, period_s: float) -> bool:
        """This process sweeps now; no other will for most of ``period_s`` (workers ticking
        each period sweep about once a period between them, whichever comes first)."""
        ms = max(int(period_s * 800), 100)
        return bool(self._r.set(SWEEPING, f"{socket.gethostname()}:{os.getpid()}", nx=True, px=ms))

    def sweep(self, batch: int = 200) -> list[Due]:
        """Jobs past their deadline with no live lease, claimed for sending again."""
        now = self._clock()
        args: list[str | float] = [
            now,
            now + self.start_grace_s,
            self.max_sweeps,
            f"{BASE}:lease:",
            batch,
        ]
        rows: list[list[Any]] = self._sweep(keys=[DUE, SPEC, ROUND, SWEEPS], args=args)
        found = []
        for row in rows:
            job, spec, round_, n = row[0], row[1], row[2], row[3]
            body = json.loads(spec)
            found.append(
                Due(
                    job=job.decode(),
                    task=body["task"],
                    args=body["args"],
                    round=round_.decode(),
                    sweeps=abs(int(n)),
                    gave_up=int(n) < 0,
                )
            )
        return found

    def pending(self) -> dict[str, float]:
        """Every registered job and its deadline (for tests and the CLI)."""
        rows: list[tuple[bytes, float]] = self._r.zrange(DUE, 0, -1, withscores=True)  # type: ignore[assignment]
        return {k.decode(): float(v) for k, v in rows}

    def _deadline(self) -> float:
        return self._clock() + self.lease_s
