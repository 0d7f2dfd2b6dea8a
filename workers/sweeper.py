"""Every worker sweeps: recovery needs no separately started beat (README, "Recovery").

A Celery worker bootstep starts a thread in the worker's main process (not a pool process,
so a sweep never waits behind queued or long tasks). Every ``NEURIPS_SWEEP_S`` it tries to
claim the sweep (a lock in Redis that lapses within the period): whichever worker claims it
sends again the jobs whose leases lapsed. The first try is at start, so a worker started
after a crash recovers what the dead one left as soon as its lease has lapsed.
"""

from __future__ import annotations

import threading
from typing import Any

import redis
import structlog
from celery import Celery, bootsteps

from consultations.adapters.celery_queue import leases_from
from consultations.adapters.job_leases import JobLeases
from consultations.adapters.settings import Settings
from workers.recovery import sweep

log = structlog.get_logger(__name__)


class Sweeper(threading.Thread):
    def __init__(self, app: Celery, ledger: JobLeases, every_s: float) -> None:
        super().__init__(daemon=True, name="neurips-sweeper")
        self.app, self.ledger, self.every_s = app, ledger, every_s
        self.stopped = threading.Event()

    def run(self) -> None:
        while True:
            try:
                if self.ledger.claim_sweep(self.every_s):
                    sweep(self.app, self.ledger)
            except Exception as e:  # noqa: BLE001 — Redis or the broker away: next period
                log.warning("sweep.failed", error=str(e)[:200])
            if self.stopped.wait(self.every_s):
                return


def install(app: Celery, settings: Settings, redis_url: str) -> None:
    """Add the sweeping step to ``app``'s workers (beat and clients are unaffected)."""

    class SweepStep(bootsteps.StartStopStep):
        label = "neurips-sweep"
        requires = ("celery.worker.components:Pool",)  # its processes are forked first

        def __init__(self, parent: Any, **kwargs: Any) -> None:
            super().__init__(parent, **kwargs)
            self.thread: Sweeper | None = None

        def start(self, parent: Any) -> None:
            client = redis.Redis.from_url(
                redis_url,
                socket_timeout=settings.redis_socket_timeout_s,
                socket_connect_timeout=settings.redis_connect_timeout_s,
            )
            self.thread = Sweeper(app, leases_from(settings, client), settings.neurips_sweep_s)
            self.thread.start()
            log.info("sweep.started", every_s=settings.neurips_sweep_s)

        def stop(self, parent: Any) -> None:
            if self.thread is not None:
                self.thread.stopped.set()

    app.steps["worker"].add(SweepStep)
