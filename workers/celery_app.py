"""The workers' Celery app: the shared broker configuration plus our tasks, and logging
through the one structlog configuration (Celery's own loggers included)."""

from __future__ import annotations

from typing import Any

import structlog
from celery import Celery, signals

from consultations.adapters.celery_queue import make_celery
from consultations.adapters.logs import configure_logging
from consultations.adapters.settings import Settings


def create_app(settings: Settings, redis_url: str) -> Celery:
    app = make_celery(settings, redis_url)
    from workers import sweeper, tasks  # tasks registers the tasks on this app

    tasks.register(app)
    sweeper.install(app, settings, redis_url)  # every worker sweeps: no beat needed to recover
    _route_logs(settings)
    return app


def _route_logs(settings: Settings) -> None:
    """Celery configures stdlib logging unless ``setup_logging`` has a receiver: ours routes
    every stdlib and Celery logger through structlog's formatter, and binds the task id."""

    @signals.setup_logging.connect(weak=False)
    def _setup(**_: Any) -> None:
        configure_logging(settings.neurips_log_format, settings.neurips_log_level)

    @signals.task_prerun.connect(weak=False)
    def _bind(task_id: str | None = None, task: Any = None, **_: Any) -> None:
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(task_id=task_id, task=getattr(task, "name", None))

    @signals.task_postrun.connect(weak=False)
    def _unbind(**_: Any) -> None:
        structlog.contextvars.clear_contextvars()
