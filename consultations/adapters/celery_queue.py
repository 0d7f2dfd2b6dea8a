"""The job queue over Celery: the one place task names and the broker's settings live.

Both entry points use it: the server enqueues through ``CeleryJobQueue``; the workers build
their app with ``make_celery`` and register the tasks under these names. The app is built from
settings, never at import time.

Tasks ack late and are rejected (so redelivered) when their worker dies, so every task is
idempotent. The three visibility timeouts are kept equal and above the longest task. A worker
killed whole (its process group, OOM, an evicted node) leaves its message unacked until the
visibility timeout (3 h): every job is therefore also registered with ``JobLeases`` before it is
sent, and the workers' sweep sends it again once its lease has lapsed (README, "Recovery").
"""

from __future__ import annotations

import uuid
from typing import Any

from celery import Celery

from consultations.adapters.job_leases import JobLeases
from consultations.adapters.settings import Settings
from consultations.state import Consultation

REPORT_TASK = "neurips.write_report"
DIGEST_TICK = "neurips.digest_tick"
DIGEST_POST = "neurips.digest_post"
TRIAGE_START = "neurips.triage_start"
TRIAGE_CHUNK = "neurips.triage_chunk"
TRIAGE_FINISH = "neurips.triage_finish"
SWEEP = "neurips.sweep"
QUEUE = "neurips"


def broker_url(settings: Settings, redis_url: str) -> str:
    return settings.celery_broker_url or redis_url


def make_celery(settings: Settings, redis_url: str) -> Celery:
    app = Celery("neurips_advisor", broker=broker_url(settings, redis_url))
    seconds = settings.celery_visibility_timeout_s
    visibility = {"visibility_timeout": seconds}
    # how soon a task whose worker died is handed out again: the visibility timeout, plus a
    # sweep period kombu derives from these two (10 s x 10 by default)
    recovery = {
        "unacked_restore_interval": min(10, max(1, seconds // 3)),
        "unacked_restore_throttle": 1 if seconds < 600 else 10,
    }
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        task_default_queue=QUEUE,
        broker_transport_options={**visibility, **recovery},
        result_backend_transport_options=visibility,
        visibility_timeout=settings.celery_visibility_timeout_s,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        timezone="UTC",
        beat_schedule={
            "digest-tick": {"task": DIGEST_TICK, "schedule": settings.neurips_digest_tick_s},
            # no sweep here: every worker sweeps itself (workers/sweeper.py)
        },
    )
    return app


def leases_from(settings: Settings, client: Any) -> JobLeases:
    return JobLeases(client, settings.neurips_job_lease_s, settings.neurips_job_start_grace_s)


DIGEST_CLAIM_TTL_S = 14 * 24 * 3600  # longer than a period: a digest is claimed once


def digest_job(key: str, round_: str) -> str:
    return f"digest:{key}:{round_}"


def schedule_digest(app: Celery, leases: JobLeases, key: str, period: str) -> bool:
    """Claim this period's digest of ``key`` and send it; False when it was claimed before.

    The claim and the job's registration are one step in Redis, so a claim that lands late
    (Redis frozen, the tick gave up on it) leaves the job registered, and the sweep sends it;
    a send that fails after the claim is swept alike. A second tick never sends it again."""
    job, args = digest_job(key, period), [key, "scheduled", period, ""]
    if not leases.claim_and_register(job, DIGEST_POST, args, period, DIGEST_CLAIM_TTL_S):
        return False
    app.send_task(DIGEST_POST, args=args, kwargs={"lease": [job, period]})
    return True


def send_job(
    app: Celery, leases: JobLeases | None, job: str, task: str, args: list[Any], round_: str
) -> None:
    """Register the job (so a sweep finds it if it is lost), then send it with its lease."""
    if leases is not None:
        leases.register(job, task, args, round_)
    app.send_task(task, args=args, kwargs={"lease": [job, round_]})


class CeleryJobQueue:
    """``JobQueue`` over a Celery broker: tasks are sent by name with ids as arguments, each
    registered first with ``leases`` (when given) under a stable job key and round."""

    def __init__(self, app: Celery, leases: JobLeases | None = None) -> None:
        self.app = app
        self.leases = leases

    def request_report(self, c: Consultation) -> None:
        args = [c.owner.platform, c.owner.workspace, c.owner.user, c.id]
        send_job(
            self.app, self.leases, report_job(c.owner.key, c.id), REPORT_TASK, args, str(c.version)
        )

    def post_digest(self, key: str, mode: str, period: str = "", user: str = "") -> None:
        round_ = period if mode == "scheduled" and period else f"{mode}:{uuid.uuid4().hex[:12]}"
        args = [key, mode, period, user]
        send_job(self.app, self.leases, digest_job(key, round_), DIGEST_POST, args, round_)

    def start_triage(self, job: str) -> None:
        send_job(self.app, self.leases, f"triage:{job}:start", TRIAGE_START, [job], "1")

    def triage_chunk(self, job: str, index: int) -> None:
        args: list[Any] = [job, index]
        send_job(self.app, self.leases, f"triage:{job}:chunk:{index}", TRIAGE_CHUNK, args, "1")

    def triage_finish(self, job: str) -> None:
        send_job(self.app, self.leases, f"triage:{job}:finish", TRIAGE_FINISH, [job], "1")

    def ready(self, timeout_s: float = 0.5) -> bool:
        try:
            with self.app.connection_for_write() as conn:
                conn.ensure_connection(
                    max_retries=1, timeout=timeout_s, interval_start=0, interval_step=0
                )
            return True
        except Exception:  # noqa: BLE001 — any failure means not ready
            return False


def report_job(owner_key: str, cid: str) -> str:
    return f"report:{owner_key}:{cid}"
