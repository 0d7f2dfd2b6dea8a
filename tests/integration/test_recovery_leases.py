"""The job ledger on a real Redis: leases, rounds, sweeps (a clock passed in, no sleeping)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from consultations.adapters.celery_queue import DIGEST_POST, make_celery, schedule_digest
from consultations.adapters.embedded_redis import EmbeddedRedis, free_port
from consultations.adapters.job_leases import JobLeases, claim_key
from consultations.adapters.settings import Settings
from workers.recovery import GuardedParts, LeaseLost, _Renewer


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def ledger(client: redis.Redis, clock: Clock) -> JobLeases:
    return JobLeases(client, lease_s=40, start_grace_s=90, max_sweeps=2, clock=clock)


def test_a_job_never_started_is_swept_after_the_grace_and_only_once_per_grace(
    redis_client: redis.Redis,
) -> None:
    clock = Clock()
    jobs = ledger(redis_client, clock)
    jobs.register("report:a", "neurips.write_report", ["slack", "T", "U", "c1"], "7")
    clock.now += 89
    assert jobs.sweep() == []
    clock.now += 2
    (due,) = jobs.sweep()
    assert (due.job, due.task, due.args, due.round) == (
        "report:a",
        "neurips.write_report",
        ["slack", "T", "U", "c1"],
        "7",
    )
    assert jobs.sweep() == []  # claimed: not sent again until another grace has passed


def test_a_live_lease_keeps_the_job_and_a_lapsed_one_gives_it_back(
    redis_client: redis.Redis,
) -> None:
    clock = Clock()
    jobs = ledger(redis_client, clock)
    jobs.register("digest:x:2026-W48", "neurips.digest_post", ["x"], "2026-W48")
    token = jobs.acquire("digest:x:2026-W48", "2026-W48")
    assert isinstance(token, str)
    assert jobs.acquire("digest:x:2026-W48", "2026-W48") is False  # held by a live worker
    clock.now += 30
    assert jobs.renew("digest:x:2026-W48", token)
    clock.now += 30  # past the first deadline, inside the renewed one
    assert jobs.sweep() == []
    redis_client.delete("na:{jobs}:lease:digest:x:2026-W48")  # the worker died: its lease lapses
    clock.now += 41
    assert [d.job for d in jobs.sweep()] == ["digest:x:2026-W48"]


def test_finished_and_superseded_jobs_are_skipped(redis_client: redis.Redis) -> None:
    clock = Clock()
    jobs = ledger(redis_client, clock)
    jobs.register("report:b", "t", [], "3")
    jobs.register("report:b", "t", [], "9")  # restarted and finished again: a new round
    assert jobs.acquire("report:b", "3") is None
    token = jobs.acquire("report:b", "9")
    assert isinstance(token, str) and jobs.finish("report:b", token, "9")
    assert jobs.acquire("report:b", "9") is None  # a late redelivery finds nothing to do
    clock.now += 1000
    assert jobs.sweep() == [] and jobs.pending() == {}


def test_a_job_that_keeps_dying_is_abandoned_after_the_most_sweeps(
    redis_client: redis.Redis,
) -> None:
    clock = Clock()
    jobs = ledger(redis_client, clock)
    jobs.register("triage:j:chunk:0", "t", ["j", 0], "1")
    seen = []
    for _ in range(3):
        clock.now += 91
        seen += [(d.sweeps, d.gave_up) for d in jobs.sweep()]
    assert seen == [(1, False), (2, False), (3, True)]
    assert jobs.pending() == {}


def test_a_worker_that_lost_its_lease_posts_nothing_more(redis_client: redis.Redis) -> None:
    jobs = JobLeases(redis_client, lease_s=0.4, start_grace_s=1)
    jobs.register("digest:y:now:1", "t", [], "r")
    token = jobs.acquire("digest:y:now:1", "r")
    assert isinstance(token, str)
    renewer = _Renewer(jobs, "digest:y:now:1", token)
    renewer.start()
    parts = GuardedParts(redis_client, "na:parts:test", renewer.lost)
    parts.record("header", "1.1")
    time.sleep(0.5)  # renewed meanwhile: still ours
    assert parts.posted("header") == "1.1" and not renewer.lost.is_set()
    # this worker stalls; its lease lapses and a sweep hands the job to another worker
    redis_client.delete("na:{jobs}:lease:digest:y:now:1")
    assert isinstance(jobs.acquire("digest:y:now:1", "r"), str)
    assert renewer.lost.wait(2)
    with pytest.raises(LeaseLost):
        parts.posted("item:0")
    renewer.stopped.set()


def test_one_sweep_per_period_however_many_workers_try(redis_client: redis.Redis) -> None:
    workers = [JobLeases(redis_client, lease_s=40, start_grace_s=90) for _ in range(3)]
    assert [w.claim_sweep(0.5) for w in workers] == [True, False, False]
    time.sleep(0.45)  # the claim lapses within the period: the next tick sweeps again
    assert workers[1].claim_sweep(0.5) and not workers[0].claim_sweep(0.5)


def test_a_digest_claimed_while_redis_was_frozen_is_sent_once_by_the_sweep(
    tmp_path: Path,
) -> None:
    """A tick claims this week's digest while Redis is frozen (SIGSTOP): the client gives up,
    Redis runs the claim when it resumes. The claim must not hold the week with nothing sent
    (no later tick sends it): the job comes with it, the sweep sends it once, and a second
    tick does not send it again."""
    own = EmbeddedRedis(tmp_path / "redis", port=free_port())
    own.start()
    assert own.pid is not None
    client = redis.Redis.from_url(own.url, socket_timeout=0.3, retry=Retry(NoBackoff(), 0))
    clock = Clock()
    jobs = ledger(client, clock)
    celery = make_celery(Settings(redis_url=own.url), own.url)
    key, week = "slack:T1:CDIGEST", "2026-W48"
    try:
        assert schedule_digest(celery, jobs, key, "2026-W47")  # last week's: scripts loaded
        os.kill(own.pid, signal.SIGSTOP)
        try:
            with pytest.raises(redis.TimeoutError):
                schedule_digest(celery, jobs, key, week)
        finally:
            os.kill(own.pid, signal.SIGCONT)
        watch = redis.Redis.from_url(own.url)
        deadline = time.monotonic() + 10
        while not watch.exists(claim_key(f"digest:{key}:{week}")):  # the late claim lands
            assert time.monotonic() < deadline, "the claim never reached Redis"
            time.sleep(0.05)
        assert schedule_digest(celery, jobs, key, week) is False  # the next tick: claimed
        assert f"digest:{key}:{week}" in jobs.pending()
        clock.now += 91  # no worker ever took it: after the start grace the sweep sends it
        (due,) = [d for d in jobs.sweep() if d.round == week]
        assert (due.task, due.args, due.round) == (DIGEST_POST, [key, "scheduled", week, ""], week)
    finally:
        own.stop()


def test_a_digest_claim_let_go_for_a_retry_is_taken_again_only_once_its_job_is_finished(
    redis_client: redis.Redis,
) -> None:
    """A digest that gave up lets its claim go, so the next tick sends it again; a tick between
    the give-up and the job's finish must not register it, or the finish would remove it."""
    clock = Clock()
    jobs = ledger(redis_client, clock)
    job, args = "digest:slack:T1:CR:2026-W48", ["slack:T1:CR", "scheduled", "2026-W48", ""]
    assert jobs.claim_and_register(job, DIGEST_POST, args, "2026-W48", 3600)
    token = jobs.acquire(job, "2026-W48")
    assert isinstance(token, str)
    assert not jobs.claim_and_register(job, DIGEST_POST, args, "2026-W48", 3600)  # held
    jobs.retry_claim(job)  # every retry failed
    assert not jobs.claim_and_register(job, DIGEST_POST, args, "2026-W48", 3600)  # not finished
    assert jobs.finish(job, token, "2026-W48")
    assert jobs.claim_and_register(job, DIGEST_POST, args, "2026-W48", 3600)  # the next tick
    assert not jobs.claim_and_register(job, DIGEST_POST, args, "2026-W48", 3600)  # once
    assert list(jobs.pending()) == [job]
