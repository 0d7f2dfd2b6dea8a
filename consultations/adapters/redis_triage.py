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
        """Add a chunk's results once; returns papers done so far, or None for a repeat."""
        if not self.r.sadd(self.key(job, "counted"), index):
            return None
        pipe = self.r.pipeline()
        for res in results:
            pipe.rpush(self.key(job, "results"), res.model_dump_json())
        pipe.expire(self.key(job, "results"), TTL)
        pipe.expire(self.key(job, "counted"), TTL)
        pipe.hincrby(self.key(job), "done", count)
        return int(pipe.execute()[-1])

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
