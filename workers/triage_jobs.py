"""Triage on workers: one job fanned out in chunks, one progress message, results in a thread.

A job's papers and results live in Redis for a day. Each chunk task is idempotent (a chunk is
counted once), and the chunk that completes the count posts the result.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

import redis
import structlog
from celery import Celery, Task

from consultations.triage.llm_rubric import slice_size
from consultations.triage.papers import Paper
from consultations.triage.profile import Profile
from consultations.triage.results import TriageResult

log = structlog.get_logger(__name__)
TRIAGE_START = "neurips.triage_start"
TRIAGE_CHUNK = "neurips.triage_chunk"
CHUNK = 2000
TTL = 24 * 3600


@dataclass
class Jobs:
    """A job's state: a hash of settings and counters, its chunks, its partial results."""

    r: redis.Redis

    def key(self, job: str, part: str = "") -> str:
        return f"na:triage:{job}{':' + part if part else ''}"

    def create(self, **fields: str) -> str:
        job = uuid.uuid4().hex[:16]
        self.r.hset(self.key(job), mapping={**fields, "done": 0, "total": 0})
        self.r.expire(self.key(job), TTL)
        return job

    def get(self, job: str) -> dict[str, str]:
        return {k.decode(): v.decode() for k, v in self.r.hgetall(self.key(job)).items()}

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
        return [
            TriageResult.model_validate_json(x)
            for x in self.r.lrange(self.key(job, "results"), 0, -1)
        ]


def llm_pass(
    settings, jobs: Jobs, job: str, ranked: list[TriageResult], profile: Profile
) -> list[TriageResult]:  # type: ignore[no-untyped-def]
    """Claude re-scores the top slice; on a budget stop or any failure the offline order stands."""
    from consultations.adapters.anthropic_triage import claude_triage  # noqa: PLC0415

    count = int(jobs.get(job).get("chunks") or 0)
    papers = [p for i in range(count) for p in jobs.chunk(job, i)]
    wanted = {r.id for r in ranked}
    papers = [p for p in papers if p.id in wanted]
    claude = claude_triage(settings)
    try:
        rescored, est = claude.rescore(
            ranked, papers, profile.weights, budget_usd=settings.neurips_triage_budget_usd
        )
    except Exception as e:  # noqa: BLE001 — the offline ranking is still a good answer
        log.warning("triage.llm_skipped", error=str(e)[:200])
        return ranked
    log.info("triage.llm_cost", usd=round(est.cost_usd, 4), papers=est.papers, batch=est.batch)
    return rescored


def register_triage(app: Celery) -> None:
    @app.task(
        name=TRIAGE_START, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=2
    )
    def triage_start(self: Task, job: str) -> int:
        from workers.runtime import runtime  # noqa: PLC0415

        structlog.contextvars.bind_contextvars(task_id=self.request.id, triage_job=job)
        rt = runtime()
        jobs = Jobs(rt.app.redis)
        spec = jobs.get(job)
        gateway = rt.gateways[spec["platform"]]
        try:
            papers = gateway.fetch_papers(spec)  # type: ignore[attr-defined]
        except Exception as e:  # noqa: BLE001 — the user is told why; nothing to retry
            log.warning("triage.fetch_failed", error=str(e))
            gateway.triage_progress(spec, f"Triage failed: {str(e)[:200]}")  # type: ignore[attr-defined]
            return 0
        if not papers:
            gateway.triage_progress(spec, "Triage: no papers found in what you gave me.")  # type: ignore[attr-defined]
            return 0
        chunks = jobs.store_chunks(job, papers)
        gateway.triage_progress(spec, f"Triaged 0 of {len(papers):,} papers…")  # type: ignore[attr-defined]
        for i in range(chunks):
            app.send_task(TRIAGE_CHUNK, args=[job, i])
        return len(papers)

    @app.task(name=TRIAGE_CHUNK, bind=True, acks_late=True, reject_on_worker_lost=True)
    def triage_chunk(self: Task, job: str, index: int) -> int:
        from workers.runtime import runtime  # noqa: PLC0415

        structlog.contextvars.bind_contextvars(task_id=self.request.id, triage_job=job)
        rt = runtime()
        jobs = Jobs(rt.app.redis)
        spec = jobs.get(job)
        papers = jobs.chunk(job, index)
        profile = Profile.model_validate_json(spec.get("profile") or "{}")
        top = int(spec.get("top") or 10)
        total = int(spec.get("total") or 0)
        keep = max(top, slice_size(total))  # enough for the LLM slice, if there is one
        from consultations.adapters.triage_model import default_model  # noqa: PLC0415
        from consultations.triage.pipeline import triage  # noqa: PLC0415 — numpy: workers only

        ranked = triage(papers, profile, top=keep, semantic=default_model())
        done = jobs.record(job, index, ranked, len(papers))
        if done is None:
            return 0  # this chunk was already counted (a redelivery)
        gateway = rt.gateways[spec["platform"]]
        if done < total:
            gateway.triage_progress(spec, f"Triaged {done:,} of {total:,} papers…")  # type: ignore[attr-defined]
            return len(papers)
        ranked = sorted(jobs.results(job), key=lambda r: -r.score)
        if rt.app.settings.llm_mode == "anthropic":
            gateway.triage_progress(
                spec,
                f"Triaged {total:,} papers; Claude is re-scoring the "  # type: ignore[attr-defined]
                f"top {slice_size(total)}…",
            )
            ranked = llm_pass(rt.app.settings, jobs, job, ranked, profile)
        best = ranked[:top]
        gateway.post_triage(spec, best, total)  # type: ignore[attr-defined]
        gateway.triage_progress(
            spec,
            f"Triaged {total:,} of {total:,} papers ✅ — the top {len(best)} are in the thread.",
        )
        return len(papers)
