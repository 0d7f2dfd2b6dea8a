"""Ack latency of our Slack server against a bare Bolt app that only acks, side by side.

    .venv/bin/python bench/slack_bench.py [--rounds 200]

Both get the same signed requests, interleaved: `/neurips consult 3` and thread answers.
Prints p50/p99 ack latency for each and the ratio (target: our p99 within 1.2x of the bare
app), the time from an answer arriving to the next question posted (seen by the fake Slack),
and the bot process's peak memory (VmHWM).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consultations.adapters.embedded_redis import EmbeddedRedis, free_port  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402
from tests.integration.stack import Stack  # noqa: E402


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=150)
    rounds = ap.parse_args().rounds
    with (
        tempfile.TemporaryDirectory() as tmp,
        EmbeddedRedis(Path(tmp) / "redis") as redis_srv,
        FakeSlack() as slack,
    ):
        ours = Stack(redis_srv.url, 0, slack.url, Path(tmp) / "ours")
        ours.start_server()
        bare_port = free_port()
        bare = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "bare_bolt_app.py"), str(bare_port)],
            env={**ours.env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        bare_stack = Stack(redis_srv.url, 0, slack.url, Path(tmp) / "bare")
        bare_stack.url = f"http://127.0.0.1:{bare_port}"
        bare_stack.http = httpx.Client(base_url=bare_stack.url, timeout=10)
        for _ in range(100):
            try:
                bare_stack.http.get("/healthz")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        lat: dict[str, list[float]] = {"ours": [], "bare": []}
        turn_ms: list[float] = []
        try:
            for i in range(rounds):
                user = f"UB{i}"
                for name, target in (("ours", ours), ("bare", bare_stack)):
                    t0 = time.perf_counter()
                    target.command("consult 3", user, "CB")
                    lat[name].append((time.perf_counter() - t0) * 1000)
                # find our thread, then time answer → next question
                slack.wait_for(
                    lambda u=user: any(
                        r.get("text", "").startswith(f"<@{u}>")
                        for r in slack.calls("chat.postMessage")
                    )
                )
                parents = [
                    r
                    for r in slack.requests_with_ts()
                    if r.get("text", "").startswith(f"<@{user}>")
                ]
                thread = parents[-1]["ts"]
                slack.wait_for(lambda t=thread: slack.thread("CB", t))
                before = len(slack.thread("CB", thread))
                for name, target in (("ours", ours), ("bare", bare_stack)):
                    t0 = time.perf_counter()
                    sent = time.monotonic()
                    target.message(user, "CB", thread, "about 5M", f"EvB{name}{i}")
                    lat[name].append((time.perf_counter() - t0) * 1000)
                    if name == "ours":
                        slack.wait_for(lambda t=thread, b=before: len(slack.thread("CB", t)) > b)
                        posted = [
                            r.at
                            for r in slack.requests
                            if r.path == "/api/chat.postMessage"
                            and r.ok
                            and r.params.get("thread_ts") == thread
                        ]
                        turn_ms.append((posted[-1] - sent) * 1000)
            rss = peak_rss_mb(ours.server.pid)  # type: ignore[union-attr]
        finally:
            bare.terminate()
            ours.stop()
        for name in ("ours", "bare"):
            print(
                f"{name:5} ack latency  p50 {pct(lat[name], 50):6.2f} ms   "
                f"p99 {pct(lat[name], 99):6.2f} ms   ({len(lat[name])} requests)"
            )
        print(f"ratio p50 ours/bare: {pct(lat['ours'], 50) / pct(lat['bare'], 50):.2f}x")
        print(
            f"ratio p99 ours/bare: {pct(lat['ours'], 99) / pct(lat['bare'], 99):.2f}x "
            "(target: at most 1.2x)"
        )
        print(
            f"answer → next question posted: p50 {statistics.median(turn_ms):.1f} ms, "
            f"p99 {pct(turn_ms, 99):.1f} ms"
        )
        print(f"bot process peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
