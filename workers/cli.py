"""``neurips-advisor worker`` and ``beat``: the workers' entry points.

They reach the command line through the ``neurips_advisor.commands`` entry point group (see
pyproject.toml), so ``bot`` never imports ``workers``.
"""

from __future__ import annotations

import argparse
import os

from consultations.adapters.settings import Settings

COMMANDS = ("worker", "beat")


def _count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1-64)")
    return int(text)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    worker = sub.add_parser("worker", help="a Celery worker for reports, triage and digests")
    worker.add_argument(
        "--concurrency", type=_count, default=2, help="jobs run at once (default: 2)"
    )
    worker.add_argument(
        "--pool",
        default="prefork",
        choices=["prefork", "solo", "threads"],
        help="Celery's execution pool (default: prefork, a process per job)",
    )
    sub.add_parser("beat", help="the one scheduler: checks every subscription's digest slot")


def run(args: argparse.Namespace, settings: Settings) -> int:
    # imported here, not when `neurips-advisor --help` reads the parsers
    from consultations.adapters.bootstrap import connect_redis
    from consultations.adapters.celery_queue import QUEUE
    from workers.celery_app import create_app

    url, embedded = connect_redis(settings)
    celery = create_app(settings, url)
    try:
        if args.command == "worker":
            if settings.neurips_worker_nice and hasattr(os, "nice"):  # the pool inherits it
                os.nice(settings.neurips_worker_nice)
            celery.worker_main(
                [
                    "--quiet",  # no banner: every line goes through the structlog formatter
                    "worker",
                    f"--loglevel={settings.neurips_log_level}",
                    "-Q",
                    QUEUE,
                    f"--pool={args.pool}",
                    f"--concurrency={args.concurrency}",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                ]
            )
        else:
            schedule = settings.neurips_data_dir / "celerybeat-schedule"
            schedule.parent.mkdir(parents=True, exist_ok=True)
            # --quiet: no banner on stdout; every line goes through the structlog formatter
            celery.start(
                ["--quiet", "beat", f"--loglevel={settings.neurips_log_level}", "-s", str(schedule)]
            )
    finally:
        if embedded is not None:
            embedded.stop()
    return 0
