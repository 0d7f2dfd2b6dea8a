"""Server CPU per Slack thread answer: one server process, read from /proc, baseline side by side.

    .venv/bin/python bench/answer_cpu_bench.py [--users 250] [--concurrency 4] [--rounds 3]
        [--baseline-ref 6215052]

One `serve` process (no workers: a finished consultation's report job just waits in the
queue) runs against a fresh Redis and the local Slack. ``--users`` users each start edge
economics; then, with the server's CPU time read before and after (user + system ticks in
/proc/<pid>/stat), every user answers its eight questions, ``--concurrency`` users at a time,
each answer sent as a signed thread ``message`` event once the previous question is posted.
CPU time barely moves with a busy machine, unlike wall time, so the figure is steady.

Runs ``--baseline-ref`` (a temporary git worktree) and this tree alternately ``--rounds``
times; prints each run, the medians and the ratio (this tree / baseline).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import median

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_bench import BASELINE_REF, TreeStack, checkout  # noqa: E402
from bench.load_measure import process_cpu_s  # noqa: E402
from bench.load_users import IndexedSlack  # noqa: E402
from consultations.adapters.embedded_redis import EmbeddedRedis  # noqa: E402
from consultations.catalog import load_catalog  # noqa: E402
from tests.unit.test_engine import typical  # noqa: E402


def measure(tree: Path, args: argparse.Namespace, answers: list[str]) -> float:
    """Server CPU ms per answer, one run against the server of ``tree``."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        EmbeddedRedis(Path(tmp) / "redis") as redis_srv,
        IndexedSlack() as slack,
    ):
        s = TreeStack(tree, redis_srv.url, 0, slack.url, Path(tmp) / "s", NEURIPS_LOG_LEVEL="INFO")
        s.http.close()
        s.http = httpx.Client(base_url=s.url, timeout=30)
        s.start_server()
        assert s.server is not None
        events = iter(range(10**9))
        try:

            def wait(user: str, n: int) -> list:
                posts = slack.threads[slack.parents[user]]
                if not slack.wait(user, lambda: len(posts) > n, 30):
                    raise RuntimeError(f"{user}: no message {n + 1}")
                return posts

            def start(i: int) -> None:
                user = f"UA{i:04d}"
                assert s.command("consult 3", user, f"CA{i % 20}").status_code == 200
                if not slack.wait(user, lambda: user in slack.parents, 30):
                    raise RuntimeError(f"{user}: no thread")
                wait(user, 0)

            def answer(i: int, k: int) -> None:
                user = f"UA{i:04d}"
                channel, ts = slack.parents[user]
                r = s.message(user, channel, ts, answers[k], f"EvA{next(events):08d}")
                assert r.status_code == 200, r.status_code
                wait(user, k + 1)

            with ThreadPoolExecutor(args.concurrency) as pool:
                list(pool.map(start, range(args.users)))
                time.sleep(0.5)  # the last start's bookkeeping after its post
                before = process_cpu_s(s.server.pid)
                for k in range(len(answers)):  # one question at a time, all users
                    list(pool.map(answer, range(args.users), [k] * args.users))
                time.sleep(0.5)
                spent = process_cpu_s(s.server.pid) - before
        finally:
            s.stop()
    return spent / (args.users * len(answers)) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=250)
    ap.add_argument("--concurrency", type=int, default=4, help="users answering at once")
    ap.add_argument("--rounds", type=int, default=3, help="runs of each side, alternating")
    ap.add_argument("--baseline-ref", default=BASELINE_REF, help="git ref, or 'none'")
    args = ap.parse_args()
    answers = [typical(q) for q in load_catalog().by_slug("edge-economics").questions]
    runs: dict[str, list[float]] = {}
    with contextlib.ExitStack() as stack:
        trees = {"this tree": ROOT}
        if args.baseline_ref != "none":
            trees = {args.baseline_ref: stack.enter_context(checkout(args.baseline_ref)), **trees}
        for n in range(args.rounds):  # alternating, so a busy spell on the machine hits both
            for name, tree in trees.items():
                ms = measure(tree, args, answers)
                runs.setdefault(name, []).append(ms)
                print(f"round {n + 1} {name:>10}: {ms:6.2f} ms server CPU per answer", flush=True)
    total = args.users * len(answers)
    print(f"\n{total} answers per run, {args.concurrency} at a time, {args.rounds} round(s)")
    mids = {name: median(v) for name, v in runs.items()}
    for name, v in runs.items():
        spread = f"{min(v):.2f}–{max(v):.2f}"
        print(f"  {name:>10}: median {mids[name]:6.2f} ms per answer (runs {spread})")
    if len(mids) == 2:
        base, ours = mids.values()
        print(f"  ratio (this tree / baseline): {ours / base:.2f}x")


if __name__ == "__main__":
    main()
