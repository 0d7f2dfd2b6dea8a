"""Load: many users at once, each in its own thread, against two server processes and two
workers sharing one Redis, through signed Slack requests and a local Slack API.

    .venv/bin/python bench/load_bench.py [--users 200] [--think 0] [--baseline-ref 6215052]

Each user starts edge economics (`/neurips consult 3`, eight questions) and answers every
question as soon as it appears (or after ``--think`` seconds). The same load runs twice, side by
side: first against the servers and workers of ``--baseline-ref`` (checked out into a temporary
git worktree; ``none`` skips it), then against this tree. Each run first measures one user alone.

Prints, for each side and as a ratio (this tree / baseline): ack and answer → next question
p50/p99, answers per second, reports delivered and their tail, errors, lost or doubled
questions and reports (must be zero), server CPU per request and the servers' GC pauses, CPU
per answer of every process (servers, workers, Redis, the fake Slack, the load generator), and
the bytes one finished consultation keeps in Redis (MEMORY USAGE over all its keys, and their
payload).
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from statistics import median

import httpx
import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_measure import (  # noqa: E402
    breakdown,
    footprint,
    group_cpu_s,
    pct,
    process_cpu_s,
    self_cpu_s,
)
from bench.load_users import IndexedSlack, Result, run  # noqa: E402
from consultations.adapters.embedded_redis import EmbeddedRedis  # noqa: E402
from consultations.catalog import load_catalog  # noqa: E402
from tests.integration.stack import Stack  # noqa: E402
from tests.unit.test_engine import typical  # noqa: E402

BASELINE_REF = "6215052"  # main before issue 11's load work


class TreeStack(Stack):
    """Our processes, run from another checkout of the repository (the baseline's)."""

    def __init__(self, tree: Path, *args: object, **env: str) -> None:
        super().__init__(*args, **env)  # type: ignore[arg-type]
        self.tree = tree

    def _spawn(self, name: str, *args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 — closed with the process
        return subprocess.Popen(
            [sys.executable, "-m", "bot.cli", *args],
            env={**env, "PYTHONPATH": str(self.tree)},
            cwd=self.tree,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


@contextlib.contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """``ref`` checked out into a temporary git worktree, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="load-baseline-") as tmp:
        tree = Path(tmp) / "tree"
        git = ["git", "-C", str(ROOT)]
        subprocess.run(
            [*git, "worktree", "add", "--detach", str(tree), ref], check=True, capture_output=True
        )
        try:
            yield tree
        finally:
            subprocess.run([*git, "worktree", "remove", "--force", str(tree)], check=False)


def report(name: str, res: Result, users: int) -> None:
    ms = lambda x: f"{x * 1000:7.1f} ms"  # noqa: E731
    print(f"  {name}: {users} user(s), {res.requests} requests, {len(res.errors)} errors")
    print(f"    ack            p50 {ms(pct(res.acks, 50))}  p99 {ms(pct(res.acks, 99))}")
    print(f"    answer → next  p50 {ms(pct(res.turns, 50))}  p99 {ms(pct(res.turns, 99))}")
    if len(res.turns_by_step) > 1:  # where the tail is: the first answers, or the last
        steps = sorted(res.turns_by_step.items())
        print("    p99 by answer  " + "  ".join(f"{k}: {ms(pct(v, 99)).strip()}" for k, v in steps))
    for e in res.errors[:5]:
        print(f"    {e}")


def measure(tree: Path, label: str, args: argparse.Namespace, answers: list[str]) -> dict:
    """One side: fresh Redis, fake Slack, two servers and two workers run from ``tree``."""
    print(f"\n== {label} ({tree})", flush=True)
    with (
        tempfile.TemporaryDirectory() as tmp,
        EmbeddedRedis(Path(tmp) / "redis") as redis_srv,
        IndexedSlack() as slack,
    ):
        stacks = [
            TreeStack(
                tree,
                redis_srv.url,
                0,
                slack.url,
                Path(tmp) / f"s{n}",
                NEURIPS_LOG_LEVEL=args.server_log_level,
            )
            for n in (1, 2)
        ]
        try:  # a server or worker that fails to start is stopped with the rest
            for s in stacks:
                s.http.close()
                s.http = httpx.Client(
                    base_url=s.url, timeout=30, limits=httpx.Limits(max_connections=args.users + 10)
                )
                s.start_server()
            nice = str(args.worker_nice)
            for name in ("w1", "w2"):  # "ready." is logged at INFO
                w = stacks[0].start_worker(name, NEURIPS_LOG_LEVEL="INFO", NEURIPS_WORKER_NICE=nice)
                # the same priority for a tree that predates the setting (the baseline)
                os.setpriority(os.PRIO_PGRP, w.pid, args.worker_nice)
            servers = [s.server.pid for s in stacks if s.server]
            run(1, 999, stacks, slack, answers, 0)  # warm up: imports, connections
            alone, quiet0 = Result(), sum(group_cpu_s(p) for p in servers)
            for k in range(args.alone):  # one user at a time: the servers' CPU unhurried
                alone.add(run(1, 1000 + k, stacks, slack, answers, args.think))
            quiet = sum(group_cpu_s(p) for p in servers) - quiet0
            report(f"one user alone, {args.alone} times", alone, args.alone)
            r = redis.Redis.from_url(redis_srv.url)
            workers = [w.pid for s in stacks for w in s.workers]
            redis_pid = redis_srv._process.pid if redis_srv._process else None
            cpu = lambda: {  # noqa: E731
                "server": sum(group_cpu_s(p) for p in servers),
                "worker": sum(group_cpu_s(p) for p in workers),
                "redis": process_cpu_s(redis_pid) if redis_pid else math.nan,
                "bench": self_cpu_s(),
                "slack": slack.cpu_s,
            }
            before, mem0 = cpu(), int(r.info("memory")["used_memory"])
            mid: dict[str, float] = {}  # when every user has had its last question's answer
            loaded = run(
                args.users, 0, stacks, slack, answers, args.think, lambda: mid.update(cpu())
            )
            after = cpu()
            report("load", loaded, args.users)
            mem = (int(r.info("memory")["used_memory"]) - mem0) / max(args.users, 1)
            spent = {k: after[k] - before[k] for k in after}
            spent["generator"] = loaded.generator_cpu_s
            spent["bench other"] = spent.pop("bench") - spent["slack"] - spent["generator"]
            answering = {k: mid.get(k, math.nan) - before[k] for k in after}
            answering["generator"] = loaded.generator_cpu_s
            answering["bench other"] = (
                answering.pop("bench") - answering["slack"] - answering["generator"]
            )
            owners = [f"slack:T1:UL{i:04d}" for i in range(min(args.users, 20))]
            used, payload, keys = footprint(r, owners)
            print("    Redis by kind of key (count, KB per user):")
            for name, n, kb in breakdown(r, args.users + 3):
                print(f"      {n:6d} {kb:6.2f} KB  {name}")
            connections = slack.connections
            # the servers' garbage collector (a tree before bot/heap.py does not say: NaN)
            gcs = [s.http.get("/healthz").json().get("gc") or {} for s in stacks]
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
    n = max(loaded.answers, 1)
    figures = {
        "ack p50 ms": pct(loaded.acks, 50) * 1000,
        "ack p99 ms": pct(loaded.acks, 99) * 1000,
        "  answers' acks p50 ms": pct(loaded.answer_acks, 50) * 1000,
        "  answers' acks p99 ms": pct(loaded.answer_acks, 99) * 1000,
        "answer → next p50 ms": pct(loaded.turns, 50) * 1000,
        "answer → next p99 ms": pct(loaded.turns, 99) * 1000,
        "  p99 against one user alone": pct(loaded.turns, 99) / pct(alone.turns, 99),
        "answers per second": loaded.answers / loaded.wall_s if loaded.wall_s else math.nan,
        "reports delivered": loaded.reports,
        "report tail p50 s": pct(loaded.tails, 50),
        "report tail max s": max(loaded.tails, default=math.nan),
        "errors": len(loaded.errors),
        "lost": loaded.lost,
        "doubled": loaded.doubled,
        "server CPU per request ms": spent["server"] / max(loaded.requests, 1) * 1000,
        "  the same, one user at a time": quiet / max(alone.requests, 1) * 1000,
    }
    for k in ("server", "worker", "redis", "slack", "generator", "bench other"):
        name = "fake Slack" if k == "slack" else k
        figures[f"CPU per answer ms: {name}"] = spent[k] / n * 1000
    figures["CPU per answer ms: all"] = sum(spent.values()) / n * 1000
    for k in ("server", "worker", "redis", "slack", "generator", "bench other"):
        name = "fake Slack" if k == "slack" else k
        figures[f"answering phase, CPU per answer ms: {name}"] = answering[k] / n * 1000
    figures["answering phase, CPU per answer ms: all"] = sum(answering.values()) / n * 1000
    figures["answering phase, cores busy (ours)"] = (
        sum(answering.values()) / loaded.wall_s if loaded.wall_s else math.nan
    )
    figures["servers' GC pause max ms"] = max(g.get("pause_max_ms", math.nan) for g in gcs)
    figures["servers' GC pauses in all ms"] = sum(g.get("pause_total_ms", math.nan) for g in gcs)
    figures["Slack API connections opened"] = connections
    figures["Redis bytes per finished consultation"] = used
    figures["  its payload bytes"] = payload
    figures["  its keys"] = keys
    figures["Redis KB per user in all"] = mem / 1024
    return figures


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--think", type=float, default=0.0, help="mean seconds before each answer")
    ap.add_argument("--server-log-level", default="INFO", help="the servers' NEURIPS_LOG_LEVEL")
    ap.add_argument(
        "--worker-nice",
        type=int,
        default=10,
        help="the workers' nice value on both sides (NEURIPS_WORKER_NICE; 0: as the server)",
    )
    ap.add_argument("--alone", type=int, default=10, help="runs of one user alone first")
    ap.add_argument("--rounds", type=int, default=1, help="runs of each side, alternating")
    ap.add_argument(
        "--baseline-ref",
        default=BASELINE_REF,
        help="git ref to run side by side as the baseline ('none': skip)",
    )
    args = ap.parse_args()
    answers = [typical(q) for q in load_catalog().by_slug("edge-economics").questions]
    runs: dict[str, list[dict]] = {}
    with contextlib.ExitStack() as stack:
        trees = {"this tree": ROOT}
        if args.baseline_ref != "none":
            trees = {"baseline": stack.enter_context(checkout(args.baseline_ref)), **trees}
        for n in range(args.rounds):  # alternating, so a busy spell on the machine hits both
            for name, tree in trees.items():
                label = f"{name} {args.baseline_ref if name == 'baseline' else ''}".strip()
                runs.setdefault(name, []).append(
                    measure(tree, f"{label}, round {n + 1}", args, answers)
                )
    sides = {
        name: {k: median([f[k] for f in figs]) for k in figs[0]} for name, figs in runs.items()
    }
    names = list(sides)
    what = "median of" if args.rounds > 1 else "one run of"
    print(
        f"\n{args.users} users, think {args.think} s, workers at nice {args.worker_nice}, "
        f"{what} {args.rounds} round(s)"
    )
    print(
        " " * 42
        + "".join(f"{n:>14}" for n in names)
        + ("         ratio" if len(names) == 2 else "")
    )
    for key in sides[names[-1]]:
        vals = [sides[n][key] for n in names]
        row = "".join(f"{v:14.1f}" for v in vals)
        ratio = ""
        if len(vals) == 2 and vals[0]:
            ratio = f"{vals[1] / vals[0]:13.2f}x"
        print(f"{key:42}{row}{ratio}")


if __name__ == "__main__":
    main()
