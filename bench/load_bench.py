"""Load: many users at once, each in its own thread, against two server processes and two
workers sharing one Redis, through signed Slack requests and a local Slack API.

    .venv/bin/python bench/load_bench.py [--users 200] [--think 0]

Each user starts edge economics (`/neurips consult 3`, eight questions) and answers every
question as soon as it appears (or after ``--think`` seconds). First one user alone (the
baseline), then all of them at once. Prints ack and answer → next question p50/p99, the ratio
of p99 against the user alone, reports delivered and their tail, errors, lost or doubled
questions and reports (must be zero), server CPU per request, and Redis per consultation.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consultations.adapters.embedded_redis import EmbeddedRedis  # noqa: E402
from consultations.catalog import load_catalog  # noqa: E402
from tests.fakes.http import Recorded  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402
from tests.integration.stack import Stack  # noqa: E402
from tests.unit.test_engine import typical  # noqa: E402

_events = itertools.count(1)
MENTION = re.compile(r"^<@(\w+)>")
STEP = re.compile(r"\b(\d)/8\b")


class IndexedSlack(FakeSlack):
    """The fake Slack, with posts indexed by thread; each user waits on its own condition, so
    a post wakes only the user it is for (no scans, no herd)."""

    def __init__(self) -> None:
        super().__init__()
        self._index_lock = threading.Lock()
        self._conditions: dict[str, threading.Condition] = {}
        self.threads: dict[tuple[str, str], list[tuple[float, dict[str, Any]]]] = defaultdict(list)
        self.parents: dict[str, tuple[str, str]] = {}
        self._owner: dict[tuple[str, str], str] = {}

    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        out = super().handle(rec)
        if rec.path == "/api/chat.postMessage" and getattr(rec, "ok", False):
            p: dict[str, Any] = rec.params  # type: ignore[attr-defined]
            with self._index_lock:
                user = None
                if p.get("thread_ts"):
                    where = (p["channel"], p["thread_ts"])
                    self.threads[where].append((rec.at, p))
                    user = self._owner.get(where)
                elif m := MENTION.match(str(p.get("text", ""))):
                    user = m.group(1)
                    where = (p["channel"], rec.ts)  # type: ignore[attr-defined]
                    self.threads.setdefault(where, [])
                    self.parents[user] = where
                    self._owner[where] = user
                if user and (cond := self._conditions.get(user)):
                    cond.notify_all()
        return out

    def wait(self, user: str, predicate: Any, timeout: float) -> Any:
        with self._index_lock:
            cond = self._conditions.setdefault(user, threading.Condition(self._index_lock))
        with cond:
            return cond.wait_for(predicate, timeout)


@dataclass
class Result:
    acks: list[float] = field(default_factory=list)
    turns: list[float] = field(default_factory=list)
    tails: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lost: int = 0
    doubled: int = 0
    reports: int = 0
    requests: int = 0


def is_report(post: dict[str, Any]) -> bool:
    return (post.get("blocks") or [{}])[0].get("type") == "header"


def run_user(
    i: int,
    stack: Stack,
    slack: IndexedSlack,
    answers: list[str],
    think: float,
    res: Result,
    lock: threading.Lock,
) -> None:
    user, channel = f"UL{i:04d}", f"CL{i % 20}"
    acks: list[float] = []
    turns: list[float] = []
    try:
        t = time.monotonic()
        r = stack.command("consult 3", user, channel)
        acks.append(time.monotonic() - t)
        if r.status_code != 200:
            raise RuntimeError(f"consult: HTTP {r.status_code}")
        if not slack.wait(user, lambda: user in slack.parents, 60):
            raise RuntimeError("no thread")
        where = slack.parents[user]
        posts = slack.threads[where]
        if not slack.wait(user, lambda: len(posts) >= 1, 60):
            raise RuntimeError("no first question")
        last = 0.0
        for answer in answers:
            if think:  # people read at different speeds: 0.5x to 1.5x the mean
                time.sleep(random.uniform(0.5, 1.5) * think)
            n = len(posts)
            last = time.monotonic()
            r = stack.message(user, where[0], where[1], answer, f"EvL{next(_events):07d}")
            acks.append(time.monotonic() - last)
            if r.status_code != 200:
                raise RuntimeError(f"answer: HTTP {r.status_code}")
            if not slack.wait(user, lambda n=n: len(posts) > n, 60):
                raise RuntimeError("no next question")
            turns.append(posts[n][0] - last)
        ok = slack.wait(user, lambda: any(is_report(p) for _, p in posts), 300)
        seen = list(posts)
        steps = Counter(
            m.group(1)
            for _, p in seen
            for m in [STEP.search(str(p.get("blocks")))]
            if m and not is_report(p)
        )
        reports = [at for at, p in seen if is_report(p)]
        with lock:
            res.acks += acks
            res.turns += turns
            res.requests += 1 + len(answers)
            res.lost += sum(1 for k in range(1, 9) if steps[str(k)] == 0) + (0 if ok else 1)
            res.doubled += sum(v - 1 for v in steps.values() if v > 1) + max(0, len(reports) - 1)
            res.reports += min(1, len(reports))
            if reports:
                res.tails.append(reports[0] - last)
    except Exception as e:  # noqa: BLE001 — counted and printed
        with lock:
            res.errors.append(f"{user}: {e}")
            res.acks += acks
            res.turns += turns


def run(
    users: int,
    offset: int,
    stacks: list[Stack],
    slack: IndexedSlack,
    answers: list[str],
    think: float,
) -> Result:
    res, lock = Result(), threading.Lock()
    threads = [
        threading.Thread(
            target=run_user,
            args=(offset + i, stacks[i % len(stacks)], slack, answers, think, res, lock),
        )
        for i in range(users)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return res


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ms(x: float) -> str:
    return f"{x * 1000:7.1f} ms"


def report(name: str, res: Result, users: int) -> None:
    print(f"\n{name}: {users} user(s), {res.requests} requests")
    print(f"  ack                 p50 {ms(pct(res.acks, 50))}  p99 {ms(pct(res.acks, 99))}")
    print(f"  answer → next       p50 {ms(pct(res.turns, 50))}  p99 {ms(pct(res.turns, 99))}")
    print(
        f"  reports delivered   {res.reports}/{users}; tail after the last answer: "
        f"p50 {pct(res.tails, 50):.1f} s, max {max(res.tails, default=float('nan')):.1f} s"
    )
    print(f"  errors {len(res.errors)}   lost {res.lost}   doubled {res.doubled}")
    for e in res.errors[:5]:
        print(f"    {e}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--think", type=float, default=0.0, help="mean seconds before each answer")
    ap.add_argument("--server-log-level", default="INFO", help="the servers' NEURIPS_LOG_LEVEL")
    args = ap.parse_args()
    answers = [typical(q) for q in load_catalog().by_slug("edge-economics").questions]
    with (
        tempfile.TemporaryDirectory() as tmp,
        EmbeddedRedis(Path(tmp) / "redis") as redis_srv,
        IndexedSlack() as slack,
    ):
        stacks = [
            Stack(
                redis_srv.url,
                0,
                slack.url,
                Path(tmp) / f"s{n}",
                NEURIPS_LOG_LEVEL=args.server_log_level,
            )
            for n in (1, 2)
        ]
        for s in stacks:
            s.http = httpx.Client(
                base_url=s.url, timeout=30, limits=httpx.Limits(max_connections=args.users + 10)
            )
            s.start_server()
        stacks[0].start_worker("w1", NEURIPS_LOG_LEVEL="INFO")  # "ready." is logged at INFO
        stacks[0].start_worker("w2", NEURIPS_LOG_LEVEL="INFO")
        try:
            alone = Result()
            for k in range(3):  # one user at a time, three times: 24 turns for the baseline
                one = run(1, 1000 + k, stacks, slack, answers, args.think)
                for name in ("acks", "turns", "tails", "errors"):
                    getattr(alone, name).extend(getattr(one, name))
                alone.requests += one.requests
                alone.reports += one.reports
                alone.lost += one.lost
                alone.doubled += one.doubled
            report("baseline (one user alone, three times)", alone, 3)
            before = [cpu_s(s.server.pid) for s in stacks if s.server]
            r = redis.Redis.from_url(redis_srv.url)
            mem0 = int(r.info("memory")["used_memory"])
            loaded = run(args.users, 0, stacks, slack, answers, args.think)
            after = [cpu_s(s.server.pid) for s in stacks if s.server]
            report("load", loaded, args.users)
            cpu = sum(after) - sum(before)
            print(
                f"  server CPU          {cpu:.1f} s in all, "
                f"{cpu / max(loaded.requests, 1) * 1000:.2f} ms per request"
            )
            ratio = pct(loaded.turns, 99) / pct(alone.turns, 99)
            print(f"  answer → next p99 against one user alone: {ratio:.1f}x")
            mem = (int(r.info("memory")["used_memory"]) - mem0) / max(args.users, 1)
            doc = next(r.scan_iter(match="na:{slack:T1:UL0001}:c:*"), None)
            one = r.memory_usage(doc) if doc else 0
            print(
                f"  Redis               {mem / 1024:.1f} KB per user in all; one finished "
                f"consultation's record {(one or 0) / 1024:.1f} KB"
            )
        finally:
            for s in stacks:
                s.http.close()  # the servers wait for open connections when they stop
            for s in stacks:
                try:
                    s.stop()
                except subprocess.TimeoutExpired:
                    for proc in [s.server, *s.workers]:
                        if proc is not None and proc.poll() is None:
                            os.killpg(proc.pid, signal.SIGKILL)


if __name__ == "__main__":
    main()
