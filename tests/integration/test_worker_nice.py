"""NEURIPS_WORKER_NICE: a worker sharing cores with the server runs, pool included, at the
lower priority it was given, so the server's answers get the CPU first."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import redis

from consultations.adapters.embedded_redis import EmbeddedRedis
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack

pytestmark = pytest.mark.slow


def test_the_worker_and_its_pool_take_the_nice_value(
    redis_server: EmbeddedRedis, slack: FakeSlack, tmp_path: Path
) -> None:
    s = Stack(redis_server.url, 9, slack.url, tmp_path)
    redis.Redis.from_url(s.redis_url).flushdb()
    base = os.getpriority(os.PRIO_PROCESS, 0)  # os.nice adds to what the worker inherits
    worker = s.start_worker(NEURIPS_WORKER_NICE="7")
    try:
        group: list[int] = []
        deadline = time.monotonic() + 10
        while len(group) < 2 and time.monotonic() < deadline:  # the main process and its pool
            group = [p for p in _pids() if _pgid(p) == worker.pid]
            time.sleep(0.1)
        assert len(group) >= 2
        assert {os.getpriority(os.PRIO_PROCESS, p) for p in group} == {min(base + 7, 19)}
    finally:
        s.stop()


def _pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def _pgid(pid: int) -> int:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return -1
