"""Triage on workers: one job fanned out in chunks, one progress message, results in a thread.

A job's papers and results live in Redis for a day (``consultations.adapters.redis_triage``).
Each chunk task is idempotent (a chunk is counted once), and the chunk that completes the count
posts the result.
"""

from __future__ import annotations

import structlog
from celery import Celery, Task

from consultations.adapters.celery_queue import TRIAGE_CHUNK, TRIAGE_START
from consultations.adapters.redis_triage import TriageJobs
from consultations.adapters.settings import Settings
from consultations.triage.llm_rubric import slice_size
from consultations.triage.profile import Profile
from consultations.triage.results import TriageResult
from workers.runtime import runtime

log = structlog.get_logger(__name__)


def llm_pass(
    settings: Settings, jobs: TriageJobs, job: str, ranked: list[TriageResult], profile: Profile
) -> list[TriageResult]:
    """Claude re-scores the top slice; on a budget stop or any failure the offline order stands."""
    from consultations.adapters.anthropic_triage import claude_triage

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
        structlog.contextvars.bind_contextvars(task_id=self.request.id, triage_job=job)
        rt = runtime()
        jobs = rt.triage_jobs
        spec = jobs.get(job)
        gateway = rt.gateway(spec["platform"])
        try:
            papers = gateway.fetch_papers(spec)
        except Exception as e:  # noqa: BLE001 — the user is told why; nothing to retry
            log.warning("triage.fetch_failed", error=str(e))
            gateway.triage_progress(spec, f"Triage failed: {str(e)[:200]}")
            return 0
        if not papers:
            gateway.triage_progress(spec, "Triage: no papers found in what you gave me.")
            return 0
        chunks = jobs.store_chunks(job, papers)
        gateway.triage_progress(spec, f"Triaged 0 of {len(papers):,} papers…")
        for i in range(chunks):
            rt.jobs.triage_chunk(job, i)
        return len(papers)

    @app.task(name=TRIAGE_CHUNK, bind=True, acks_late=True, reject_on_worker_lost=True)
    def triage_chunk(self: Task, job: str, index: int) -> int:
        structlog.contextvars.bind_contextvars(task_id=self.request.id, triage_job=job)
        rt = runtime()
        jobs = rt.triage_jobs
        spec = jobs.get(job)
        papers = jobs.chunk(job, index)
        profile = Profile.model_validate_json(spec.get("profile") or "{}")
        top = int(spec.get("top") or 10)
        total = int(spec.get("total") or 0)
        keep = max(top, slice_size(total))  # enough for the LLM slice, if there is one
        from consultations.adapters.triage_model import default_model
        from consultations.triage.pipeline import triage

        ranked = triage(papers, profile, top=keep, semantic=default_model())
        done = jobs.record(job, index, ranked, len(papers))
        if done is None:
            return 0  # this chunk was already counted (a redelivery)
        gateway = rt.gateway(spec["platform"])
        if done < total:
            gateway.triage_progress(spec, f"Triaged {done:,} of {total:,} papers…")
            return len(papers)
        ranked = sorted(jobs.results(job), key=lambda r: -r.score)
        if rt.settings.llm_mode == "anthropic":
            gateway.triage_progress(
                spec,
                f"Triaged {total:,} papers; Claude is re-scoring the top {slice_size(total)}…",
            )
            ranked = llm_pass(rt.settings, jobs, job, ranked, profile)
        best = ranked[:top]
        gateway.post_triage(spec, best, total)
        gateway.triage_progress(
            spec,
            f"Triaged {total:,} of {total:,} papers ✅ — the top {len(best)} are in the thread.",
        )
        return len(papers)
