"""The Celery app, built from settings (never at import time).

Tasks ack late and are rejected (so redelivered) when their worker dies, so every task is
idempotent. The three visibility timeouts are kept equal and above the longest task.
"""

from __future__ import annotations

from celery import Celery

from bot.settings import Settings

REPORT_TASK = "neurips.write_report"
DIGEST_TICK = "neurips.digest_tick"
DIGEST_POST = "neurips.digest_post"
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
    from workers import tasks  # noqa: PLC0415  (registers the tasks on this app)

    tasks.register(app)
    return app
