"""Triage on workers: one job fanned out in chunks, one progress message, results in a thread.

A job's papers and results live in Redis for a day (``consultations.adapters.redis_triage``).
Each chunk task is idempotent (a chunk's results and its count are recorded in one atomic step,
once), and the chunk that completes the count sends the finishing task, which posts the results
and the final progress once each (checkpoints), retried like a report. Every task runs under a
lease (``workers.recovery``), so a dead worker's part is sent again by the workers' sweep.
"""

from __future__ import annotations

import structlog
from celery import Celery, Task

from consultations.adapters.celery_queue import (
    TRIAGE_CHUNK,
    TRIAGE_FINISH,
    TRIAGE_START,
    CeleryJobQueue,
)
from consultations.adapters.checkpoints import once
from consultations.adapters.redis_triage import TriageJobs
from consultations.adapters.settings import Settings
from consultations.ports import Parts, TriagePoster
from consultations.text import inert
from consultations.triage.llm_rubric import slice_size
from consultations.triage.papers import Paper
from consultations.triage.profile import Profile
from consultations.triage.results import TriageResult
from workers.recovery import leases, parts_for, run_job
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
    def triage_start(self: Task, job: str, lease: list[str] | None = None) -> int | str:
        structlog.contextvars.bind_contextvars(task_id=self.request.id, triage_job=job)
        return run_job(self, lease, lambda: start(app, job), countdown=5)

    @app.task(
        name=TRIAGE_CHUNK, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3
    )
    def triage_chunk(self: Task, job: str, index: int, lease: list[str] | None = None) -> int | str:
        structlog.contextvars.bind_contextvars(task_id=self.request.id, triage_job=job)
        return run_job(self, lease, lambda: chunk(app, job, index), countdown=5)

    @app.task(
        name=TRIAGE_FINISH, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5
    )
    def triage_finish(self: Task, job: str, lease: list[str] | None = None) -> int | str:
        structlog.contextvars.bind_contextvars(task_id=self.request.id, triage_job=job)
        parts = parts_for(lease)
        countdown = min(2**self.request.retries, 30)
        return run_job(self, lease, lambda: finish(job, parts), countdown=countdown)


def _queue(app: Celery) -> CeleryJobQueue:
    return CeleryJobQueue(app, leases())


def start(app: Celery, job: str) -> int:
    """Fetch the papers, store them in chunks, and send one task per chunk. A second run (a
    retry, a sweep) reuses the stored chunks and sends only the chunks not yet counted."""
    rt = runtime()
    jobs = rt.triage_jobs
    spec = jobs.get(job)
    gateway = rt.gateway(spec["platform"])
    chunks = int(spec.get("chunks") or 0)
    if not chunks:
        try:
            papers = _papers(gateway, spec)
        except Exception as e:  # noqa: BLE001 — the user is told why; nothing to retry
            log.warning("triage.fetch_failed", error=str(e))
            gateway.triage_progress(spec, f"Triage failed: {inert(str(e), 200)}.")
            return 0
        if not papers:
            gateway.triage_progress(spec, "Triage: no papers found in what you gave me.")
            return 0
        chunks = jobs.store_chunks(job, papers)
        gateway.triage_progress(spec, f"Triaged 0 of {len(papers):,} papers…")
    queue, counted = _queue(app), jobs.counted(job)
    for i in range(chunks):
        if i not in counted:
            queue.triage_chunk(job, i)
    return chunks


def chunk(app: Celery, job: str, index: int) -> int:
    """Rank one chunk and record its results and its count in one atomic step; the chunk that
    completes the count (or a rerun that finds it complete) asks for the final post."""
    rt = runtime()
    jobs = rt.triage_jobs
    spec = jobs.get(job)
    total = int(spec.get("total") or 0)
    done = _rank_chunk(jobs, spec, job, index)
    if done is None:  # already counted (a redelivery or a sweep): is the job complete?
        done = int(jobs.get(job).get("done") or 0)
    elif done < total:
        rt.gateway(spec["platform"]).triage_progress(spec, f"Triaged {done:,} of {total:,} papers…")
    if done >= total:
        _queue(app).triage_finish(job)
    return done


def _papers(gateway: TriagePoster, spec: dict[str, str]) -> list[Paper]:
    """A built-in list (shipped with the product) or what the user gave through their chat."""
    if name := spec.get("builtin"):
        from consultations.adapters.paper_sources import builtin
        from consultations.triage.dedupe import dedupe

        return dedupe(builtin(name))
    return gateway.fetch_papers(spec)


def _rank_chunk(jobs: TriageJobs, spec: dict[str, str], job: str, index: int) -> int | None:
    from consultations.adapters.triage_model import default_model
    from consultations.triage.pipeline import triage
    from consultations.triage.taste import rerank, vectors
    from workers.digest_plan import triage_taste

    papers = jobs.chunk(job, index)
    profile = Profile.model_validate_json(spec.get("profile") or "{}")
    top = int(spec.get("top") or 10)
    keep = max(top, slice_size(int(spec.get("total") or 0)))  # enough for the LLM slice
    learned = triage_taste(spec)  # the user's 👍/👎 (and this channel's) re-rank, and say so
    ranked = triage(papers, profile, top=None if learned else keep, semantic=default_model())
    if learned is not None:
        ranked = rerank(ranked, vectors(papers, default_model()), learned)[:keep]
    return jobs.record(job, index, ranked, len(papers))


def finish(job: str, parts: Parts | None) -> int:
    """The results in the thread and the final progress, each once (``parts``)."""
    rt = runtime()
    jobs = rt.triage_jobs
    spec = jobs.get(job)
    gateway = rt.gateway(spec["platform"])
    total, top = int(spec.get("total") or 0), int(spec.get("top") or 10)
    if parts is None or parts.posted("results") is None:
        ranked = sorted(jobs.results(job), key=lambda r: -r.score)
        if rt.settings.llm_mode == "anthropic":
            gateway.triage_progress(
                spec,
                f"Triaged {total:,} papers; Claude is re-scoring the top {slice_size(total)}…",
            )
            profile = Profile.model_validate_json(spec.get("profile") or "{}")
            ranked = llm_pass(rt.settings, jobs, job, ranked, profile)
        best = ranked[:top]
        gateway.post_triage(spec, best, total, parts)
        shown = len(best)
    else:
        shown = min(top, total)
    once(
        parts,
        "progress",
        lambda: gateway.triage_progress(
            spec,
            f"Triaged {total:,} of {total:,} papers ✅ — the top {shown} are in the thread.",
        ),
    )
    return total
