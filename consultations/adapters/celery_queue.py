"""The job queue over Celery: the one place task names and the broker's settings live.

Both entry points use it: the server enqueues through ``CeleryJobQueue``; the workers build
their app with ``make_celery`` and register the tasks under these names. The app is built from
settings, never at import time.

Tasks ack late and are rejected (so redelivered) when their worker dies, so every task is
idempotent. The three visibility timeouts are kept equal and above the longest task.
"""

from __future__ import annotations

from celery import Celery

from consultations.adapters.settings import Settings
from consultations.state import Consultation

REPORT_TASK = "neurips.write_report"
DIGEST_TICK = "neurips.digest_tick"
DIGEST_POST = "neurips.digest_post"
TRIAGE_START = "neurips.triage_start"
TRIAGE_CHUNK = "neurips.triage_chunk"
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
        },
    )
    return app


class CeleryJobQueue:
    """``JobQueue`` over a Celery broker: tasks are sent by name with ids as arguments."""

    def __init__(self, app: Celery) -> None:
        self.app = app

    def request_report(self, c: Consultation) -> None:
        args = [c.owner.platform, c.owner.workspace, c.owner.user, c.id]
        self.app.send_task(REPORT_TASK, args=args)

    def post_digest(self, key: str, mode: str, period: str = "", user: str = "") -> None:
        self.app.send_task(DIGEST_POST, args=[key, mode, period, user])

    def start_triage(self, job: str) -> None:
        self.app.send_task(TRIAGE_START, args=[job])

    def triage_chunk(self, job: str, index: int) -> None:
        self.app.send_task(TRIAGE_CHUNK, args=[job, index])

    def ready(self) -> bool:
        try:
            with self.app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=0.8)
            return True
        except Exception:  # noqa: BLE001 — any failure means not ready
            return False
