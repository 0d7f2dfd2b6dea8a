"""The job ledger on a real Redis: leases, rounds, sweeps (a clock passed in, no sleeping)."""

from __future__ import annotations

import time

import pytest
import redis

from consultations.adapters.job_leases import JobLeases
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
