"""A triage job's state in Redis: a hash of settings and counters, its chunks, its results.

Everything lives for a day. Recording a chunk's results is idempotent: a chunk is counted once.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

import redis

from consultations.triage.papers import Paper
from consultations.triage.results import TriageResult

CHUNK = 2000
TTL = 24 * 3600
# KEYS: counted, results, job   ARGV: index, count, ttl, result json...
_RECORD = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return -1 end
for i = 4, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return redis.call('HINCRBY', KEYS[3], 'done', ARGV[2])
"""


@dataclass
class TriageJobs:
    r: redis.Redis

    def key(self, job: str, part: str = "") -> str:
        return f"na:triage:{job}{':' + part if part else ''}"

    def create(self, **fields: str) -> str:
        job = uuid.uuid4().hex[:16]
        mapping: dict[str, str | int] = {"done": 0, "total": 0}
        mapping.update(fields)
        self.r.hset(self.key(job), mapping=mapping)  # type: ignore[arg-type]
        self.r.expire(self.key(job), TTL)
        return job

    def get(self, job: str) -> dict[str, str]:
        raw: dict[bytes, bytes] = self.r.hgetall(self.key(job))  # type: ignore[assignment]
        return {k.decode(): v.decode() for k, v in raw.items()}

    def store_chunks(self, job: str, papers: list[Paper]) -> int:
        pipe = self.r.pipeline()
        n = 0
        for n, start in enumerate(range(0, len(papers), CHUNK), 1):
            body = json.dumps([p.model_dump(mode="json") for p in papers[start : start + CHUNK]])
            pipe.set(self.key(job, f"chunk:{n - 1}"), body, ex=TTL)
        pipe.hset(self.key(job), mapping={"total": len(papers), "chunks": n})
        pipe.execute()
        return n

    def chunk(self, job: str, index: int) -> list[Paper]:
        raw = self.r.get(self.key(job, f"chunk:{index}"))
        return [Paper.model_validate(p) for p in json.loads(raw)] if raw else []

    def record(self, job: str, index: int, results: list[TriageResult], count: int) -> int | None:
        """Add a chunk's results once, in one atomic step with its membership in the counted
        set and the count; returns papers done so far, or None for a repeat."""
        keys = [self.key(job, "counted"), self.key(job, "results"), self.key(job)]
        args: list[str | int] = [index, count, TTL, *(r.model_dump_json() for r in results)]
        done = int(self.r.eval(_RECORD, len(keys), *keys, *args))
        return None if done < 0 else done

    def counted(self, job: str) -> set[int]:
        members: set[bytes] = self.r.smembers(self.key(job, "counted"))  # type: ignore[assignment]
        return {int(m) for m in members}

    def results(self, job: str) -> list[TriageResult]:
        raw: list[bytes] = self.r.lrange(self.key(job, "results"), 0, -1)  # type: ignore[assignment]
        return [TriageResult.model_validate_json(x) for x in raw]

    # a file shared in a thread is a triage request only where one was asked for
    def _waiting_key(self, owner_key: str, place: str) -> str:
        return f"na:{{{owner_key}}}:triage-at:{place}"

    def await_file(self, owner_key: str, place: str) -> None:
        self.r.set(self._waiting_key(owner_key, place), "1", ex=TTL)

    def awaiting_file(self, owner_key: str, place: str) -> bool:
        return bool(self.r.get(self._waiting_key(owner_key, place)))
