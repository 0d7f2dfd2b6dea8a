"""Leases held by running tasks, and the sweep that sends again the jobs of dead workers.

A task runs its work inside ``run_job``: it takes the job's lease (or skips the job when it is
finished, superseded or held by a live worker), renews it from a thread while the work runs,
finishes the job when the work is done or given up, and hands the lease back for a Celery retry
after an error. See README, "Recovery".
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import redis
import structlog
from celery import Celery, Task

from consultations.adapters.celery_queue import (
    DIGEST_POST,
    REPORT_TASK,
    SWEEP,
    leases_from,
    send_job,
)
from consultations.adapters.checkpoints import RedisParts
from consultations.adapters.job_leases import JobLeases
from workers.runtime import runtime

log = structlog.get_logger(__name__)
T = TypeVar("T")
SKIPPED = "skipped"
ABANDON_TASK = "neurips.abandon_report"  # sent by a sweep that gave a report up
ABANDON_DIGEST_TASK = "neurips.abandon_digest"  # …and a digest

_lock = threading.Lock()
_leases: JobLeases | None = None
_current = threading.local()  # the lease the running task holds (its "lost" event)


class LeaseLost(RuntimeError):
    """Another worker was given this job (this one stalled past its lease): stop posting."""


class GuardedParts(RedisParts):
    """Checkpoints that refuse to go on once this worker's lease is lost, so a worker that
    stalled (and whose job a sweep gave to another) posts nothing more."""

    def __init__(self, client: redis.Redis, key: str, lost: threading.Event) -> None:
        super().__init__(client, key)
        self._lost = lost

    def posted(self, part: str) -> str | None:
        if self._lost.is_set():
            raise LeaseLost(f"lease lost before {part}")
        return super().posted(part)


def leases() -> JobLeases:
    global _leases
    with _lock:
        if _leases is None:
            rt = runtime()
            _leases = leases_from(rt.settings, rt.redis)
        return _leases


def parts_for(lease: list[str] | None, key: str | None = None) -> RedisParts | None:
    """The checkpoints of one job round (``key``: where, when the caller names it), or None
    for a message sent without a lease."""
    if not lease:
        return None
    job, round_ = lease
    name = key or f"na:parts:{job}:{round_}"
    lost: threading.Event | None = getattr(_current, "lost", None)
    if lost is None:
        return RedisParts(runtime().redis, name)
    return GuardedParts(runtime().redis, name, lost)


class _Renewer(threading.Thread):
    def __init__(self, ledger: JobLeases, job: str, token: str) -> None:
        super().__init__(daemon=True, name=f"lease:{job}")
        self.ledger, self.job, self.token = ledger, job, token
        self.stopped = threading.Event()
        self.lost = threading.Event()

    def run(self) -> None:
        every = max(self.ledger.lease_s / 4, 0.2)
        while not self.stopped.wait(every):
            try:
                if not self.ledger.renew(self.job, self.token):
                    log.warning("lease.lost", job=self.job)
                    self.lost.set()
                    return
            except redis.RedisError as e:
                log.warning("lease.renew_failed", job=self.job, error=str(e)[:200])


def run_job(
    task: Task,
    lease: list[str] | None,
    work: Callable[[], T],
    *,
    countdown: float,
    give_up: Callable[[Exception], None] | None = None,
) -> T | str:
    """Do ``work`` under the job's lease; on an error retry (the lease handed back) until the
    task's retries are spent, then ``give_up`` and finish the job. ``lease`` is the
    ``[job, round]`` the queue sent (absent on messages sent before leases existed)."""
    if not lease:
        return _attempt(task, work, countdown, give_up, None)
    job, round_ = lease
    ledger = leases()
    token = ledger.acquire(job, round_)
    if token is False:  # a live worker holds it, or a dead one whose lease has not lapsed yet
        return _defer(task, job, ledger.held_for(job))
    if not token:
        log.info("job.skipped", job=job, why="done or superseded")
        return SKIPPED
    assert isinstance(token, str)
    renewer = _Renewer(ledger, job, token)
    renewer.start()
    _current.lost = renewer.lost
    try:
        return _attempt(task, work, countdown, give_up, (ledger, job, round_, token))
    finally:
        _current.lost = None
        renewer.stopped.set()


def _defer(task: Task, job: str, wait: float) -> str:
    """Try again once the holder's lease has lapsed: as a fresh message (this one is acked),
    so the wait spends none of the task's retries."""
    log.info("job.deferred", job=job, wait_s=round(wait, 1))
    task.app.send_task(
        task.name, args=task.request.args, kwargs=task.request.kwargs, countdown=wait + 0.5
    )
    return "deferred"


def _attempt(
    task: Task,
    work: Callable[[], T],
    countdown: float,
    give_up: Callable[[Exception], None] | None,
    held: tuple[JobLeases, str, str, str] | None,
) -> T:
    try:
        result = work()
    except Exception as e:
        if task.request.retries < (task.max_retries or 0):
            log.warning("job.retry", error=str(e)[:200], attempt=task.request.retries + 1)
            if held is not None:
                ledger, job, _, token = held
                ledger.release(job, token, countdown)
            raise task.retry(exc=e, countdown=countdown) from e
        if give_up is not None:
            give_up(e)
        if held is not None:
            ledger, job, round_, token = held
            ledger.finish(job, token, round_)
        raise
    if held is not None:
        ledger, job, round_, token = held
        ledger.finish(job, token, round_)
    return result


def sweep(app: Celery, ledger: JobLeases | None = None) -> int:
    """Send again every job whose lease lapsed (worker died) or that never started."""
    ledger = ledger or leases()
    sent = 0
    for due in ledger.sweep():
        if due.gave_up:
            log.error("job.abandoned", job=due.job, sweeps=due.sweeps, task=due.task)
            if due.task == REPORT_TASK:  # the user is told in the thread, not only the log
                app.send_task(ABANDON_TASK, args=[str(a) for a in due.args[:4]])
            elif due.task == DIGEST_POST:  # the subscriber is told, once
                lease = [due.job, due.round]
                app.send_task(ABANDON_DIGEST_TASK, args=[*map(str, due.args[:4]), lease])
            continue
        send_job(app, None, due.job, due.task, due.args, due.round)
        log.warning("job.resent", job=due.job, sweeps=due.sweeps, task=due.task)
        sent += 1
    return sent


def register_sweep(app: Celery) -> None:
    @app.task(name=SWEEP, ignore_result=True)
    def sweep_jobs() -> int:  # workers sweep themselves (workers.sweeper); an older beat sends it
        return sweep(app)

    @app.task(name=ABANDON_TASK, ignore_result=True)
    def abandon(platform: str, workspace: str, user: str, cid: str) -> None:
        from workers.tasks import abandon_report

        abandon_report(platform, workspace, user, cid)

    @app.task(name=ABANDON_DIGEST_TASK, ignore_result=True)
    def abandon_digest(key: str, mode: str, period: str, user: str, lease: list[str]) -> None:
        from workers.tasks import abandon_digest

        abandon_digest(key, mode, period, user, lease)


def job_kwargs(kwargs: dict[str, Any]) -> list[str] | None:
    found = kwargs.get("lease")
    return [str(x) for x in found] if isinstance(found, list) and len(found) == 2 else None
