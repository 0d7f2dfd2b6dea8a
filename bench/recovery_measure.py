"""Kill → delivered, and Redis outages, measured with real processes and the SHIPPED defaults.

Nothing is overridden (no lease, sweep or visibility setting): a server and a worker on their own
Redis, talking to local fakes of Slack, the Anthropic API, arXiv and the Bot Framework
connector. Each case SIGKILLs the worker's whole process group at one moment of a job, starts a
new worker at once, and prints how many seconds after the kill the job's last part reached the
chat, and whether each part is there once:

  report   Claude is writing the report (nothing shown yet)        Slack
  stream   the report's narrative is streaming into the thread    Slack
  digest   Slack took a digest item, its answer held back          Slack
  triage   Slack took the triage result, its answer held back      Slack
  teams    the narrative is streaming into a Teams personal chat   Teams

and, with Redis stopped (SIGTERM) and frozen (SIGSTOP) for 15 s mid-consultation: the Slack
ack of an answer sent then, /readyz's 503 and how long it took, when the user was told in the
thread, and that every question is asked once after.

    .venv/bin/python bench/recovery_measure.py              # every case (~7 minutes)
    .venv/bin/python bench/recovery_measure.py stream teams # some

The promise it checks: a job's parts are all in the chat within 120 s of its worker dying.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.slack.events import SORRY_ANSWER  # noqa: E402
from consultations.adapters.embedded_redis import EmbeddedRedis, free_port  # noqa: E402
from consultations.catalog import load_catalog  # noqa: E402
from consultations.text import delink  # noqa: E402
from tests.fakes.anthropic_api import FakeAnthropic  # noqa: E402
from tests.fakes.bot_connector import FakeConnector  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402
from tests.integration import test_teams as teams  # noqa: E402
from tests.integration.stack import Stack, claude_env, reap  # noqa: E402
from tests.integration.test_exactly_once import digest_posts, subscribe_and_post_now  # noqa: E402
from tests.integration.test_recovery import answer_all, reports, start  # noqa: E402
from tests.integration.test_triage_sources import Recorded200  # noqa: E402
from tests.unit.test_engine import typical  # noqa: E402

BOUND_S = 120.0
CATALOG = load_catalog()
NARRATIVE = teams.NARRATIVE
Row = tuple[str, float, bool, str]  # case, kill → delivered s, each part once, what was counted


def killed_then(stack: Stack, done: Callable[[], object]) -> float:
    """Kill every worker, start one, wait for ``done``; seconds from the kill."""
    for w in list(stack.workers):
        if w.poll() is None:
            stack.kill(w)
    killed = time.monotonic()
    stack.start_worker(f"after-{time.monotonic_ns()}")
    deadline = killed + BOUND_S + 60
    while not done():
        if time.monotonic() > deadline:
            return float("inf")
        time.sleep(0.1)
    return time.monotonic() - killed


def slack_report(work: Path, case: str) -> Row:
    """``report``: Claude hangs 20 s writing (nothing shown); ``stream``: Claude pauses mid-way,
    its first words already streamed into the thread."""
    first = ("slow", 20.0) if case == "report" else ("ok", NARRATIVE)
    with (
        EmbeddedRedis(work / "redis", port=free_port()) as own,
        FakeSlack() as slack,
        FakeAnthropic(first, ("ok", NARRATIVE), tokens_per_s=40) as claude,
    ):
        s = Stack(own.url, 0, slack.url, work / "stack", **claude_env(claude.url))
        try:
            s.start("worker")
            release = claude.pause_after(200) if case == "stream" else None
            thread = start(s, slack, "U1", "7", "CR")
            answer_all(s, slack, CATALOG, "diffusion-ip-risk", "U1", "CR", thread)
            if release is None:
                slack.wait_for(lambda: claude.messages, timeout=60)
            else:
                slack.wait_for(lambda: claude.paused.is_set(), timeout=60)
                slack.wait_for(lambda: slack.streamed("CR", thread), timeout=20)
            seconds = killed_then(s, lambda: reports(slack, "CR", thread))
            if release is not None:
                release.set()
            time.sleep(3)  # a duplicate would be out by now
            posts = [str(p.get("blocks") or p.get("text")) for p in slack.thread("CR", thread)]
            ready = [u for u in slack.calls("chat.update") if u["channel"] == "CR"]
            cut = [p for p in posts if "cut off" in p]
            once = (
                len(reports(slack, "CR", thread)) == 1
                and len(posts) == len(set(posts))
                and len(ready) == 1
                and len(cut) <= 1
            )
            what = (
                f"report {len(reports(slack, 'CR', thread))}, streams "
                f"{len(slack.streamed('CR', thread))}, cut-off notes {len(cut)}, "
                f"'ready' {len(ready)}"
            )
            return case, seconds, once, what
        finally:
            s.stop()
            reap()


def slack_digest(work: Path) -> Row:
    with (
        EmbeddedRedis(work / "redis", port=free_port()) as own,
        FakeSlack() as slack,
    ):
        s = Stack(own.url, 0, slack.url, work / "stack")
        try:
            s.start("worker")

            def second_item(p: dict) -> bool:  # type: ignore[type-arg]
                return p.get("channel") == "CD" and bool(p.get("thread_ts"))

            slack.hold("chat.postMessage", second_item, 30)
            subscribe_and_post_now(s, slack, "U2", "CD")
            slack.wait_for(lambda: any(m == "chat.postMessage" for m, _ in slack.held), 90)
            seconds = killed_then(s, lambda: len(digest_posts(slack, "CD")[1]) >= 5)
            time.sleep(3)
            heads, items = digest_posts(slack, "CD")
            once = len(heads) == 1 and len(items) == len({p["text"] for p in items}) == 5
            return "digest", seconds, once, f"header {len(heads)}, items {len(items)} (5 unique)"
        finally:
            s.stop()
            reap()


def slack_triage(work: Path) -> Row:
    with (
        EmbeddedRedis(work / "redis", port=free_port()) as own,
        FakeSlack() as slack,
        Recorded200() as arxiv,
    ):
        s = Stack(own.url, 0, slack.url, work / "stack", ARXIV_API_URL=f"{arxiv.url}/api/query")
        try:
            s.start("worker")

            def result(p: dict) -> bool:  # type: ignore[type-arg]
                return p.get("channel") == "CT" and "Top 2 of 2" in str(p.get("text"))

            slack.hold("chat.postMessage", result, 30)
            s.command("triage 2505.06708 2501.00001", "U3", "CT")
            slack.wait_for(lambda: any(m == "chat.postMessage" for m, _ in slack.held), 90)

            def finished() -> list[dict]:  # type: ignore[type-arg]
                return [
                    u
                    for u in slack.calls("chat.update")
                    if u["channel"] == "CT" and "✅" in u["text"]
                ]

            seconds = killed_then(s, finished)
            time.sleep(3)
            results = [p for p in slack.calls("chat.postMessage") if result(p)]
            once = len(results) == 1 and len(finished()) == 1
            return "triage", seconds, once, f"results {len(results)}, done {len(finished())}"
        finally:
            s.stop()
            reap()


def teams_stream(work: Path) -> Row:
    with (
        EmbeddedRedis(work / "redis", port=free_port()) as own,
        FakeConnector() as connector,
        FakeAnthropic(("ok", NARRATIVE), tokens_per_s=40) as claude,
    ):
        s = Stack(
            own.url, 0, connector.url, work / "stack", NEURIPS_ENV="dev", **claude_env(claude.url)
        )
        conv = "a:bench-teams"
        try:
            s.start("worker")
            teams.consult(s, connector, CATALOG, conv, "aad-bench", last=False)
            release = claude.pause_after(200)
            teams.consult_last(s, connector, CATALOG, conv, "aad-bench")
            connector.wait_for(lambda: claude.paused.is_set(), timeout=60)
            connector.wait_for(lambda: connector.streams_in(conv), timeout=20)
            seconds = killed_then(s, lambda: teams.reports(connector, conv))
            release.set()
            time.sleep(3)
            texts = connector.texts(conv)
            shown = delink(NARRATIVE)
            narratives = sum(shown in t for t in texts)
            finals = [x.final for x in connector.streams_in(conv)]
            once = narratives == 1 and len(teams.reports(connector, conv)) == 1
            once = once and len(texts) == len(set(texts))
            what = f"narrative {narratives}, streams ended {sum(f is not None for f in finals)}"
            what += f" of {len(finals)}, cut-off notes {sum('cut off' in t for t in texts)}"
            return "teams", seconds, once, what
        finally:
            s.stop()
            reap()


def outage(work: Path, how: str) -> str:
    """Redis stopped (``stop``) or frozen (``freeze``) for 15 s after question 2 was asked."""
    own = EmbeddedRedis(work / "redis", port=free_port())
    own.start()
    with FakeSlack() as slack:
        s = Stack(own.url, 0, slack.url, work / "stack")
        questions = CATALOG.by_slug("edge-economics").questions
        try:
            s.start("worker")
            thread = start(s, slack, "U4", "3", "CO")
            s.message("U4", "CO", thread, typical(questions[0]), "EvO1")
            slack.wait_for(lambda: "2/8" in str(slack.thread("CO", thread)[-1]))
            if how == "stop":
                own.stop()
            else:
                os.kill(own.pid or 0, signal.SIGSTOP)
            away = time.monotonic()
            r = s.message("U4", "CO", thread, typical(questions[1]), "EvO2")
            ack = time.monotonic() - away
            began = time.monotonic()
            ready = s.http.get("/readyz")
            probe = time.monotonic() - began
            slack.wait_for(
                lambda: [p for p in slack.thread("CO", thread) if p.get("text") == SORRY_ANSWER],
                timeout=15,
            )
            told = time.monotonic() - away
            time.sleep(max(0.0, 15 - (time.monotonic() - away)))
            if how == "stop":
                own.start()
            else:
                os.kill(own.pid or 0, signal.SIGCONT)
            back = time.monotonic()
            slack.wait_for(lambda: s.http.get("/readyz").status_code == 200, timeout=30)
            ready_again = time.monotonic() - back
            for n, q in enumerate(questions[1:]):
                before = len(slack.thread("CO", thread))
                s.message("U4", "CO", thread, typical(q), f"EvO{n + 3}")
                slack.wait_for(lambda before=before: len(slack.thread("CO", thread)) > before)
            slack.wait_for(lambda: reports(slack, "CO", thread), timeout=60)
            asked = Counter(
                m.group(0)
                for p in slack.thread("CO", thread)
                for m in [re.search(r"\b[1-8]/8\b", str(p.get("blocks") or ""))]
                if m
            )
            once = asked == {f"{n}/8": 1 for n in range(1, 9)}
            once = once and len(reports(slack, "CO", thread)) == 1
            return (
                f"redis {'stopped' if how == 'stop' else 'frozen'} 15 s: ack {r.status_code} in "
                f"{ack * 1000:.0f} ms, /readyz {ready.status_code} in {probe * 1000:.0f} ms, "
                f"told in thread after {told:.1f} s, /readyz 200 again {ready_again:.1f} s "
                f"after it was back, each question once and one report: {once}"
            )
        finally:
            if how == "freeze" and own.pid:
                os.kill(own.pid, signal.SIGCONT)
            s.stop()
            reap()
            own.stop()


def main(cases: list[str]) -> int:
    everything = ["report", "stream", "digest", "triage", "teams", "stopped", "frozen"]
    cases = cases or everything
    rows: list[Row] = []
    notes: list[str] = []
    for case in cases:
        work = Path(tempfile.mkdtemp(prefix=f"recovery-{case}-"))
        if case in ("report", "stream"):
            rows.append(slack_report(work, case))
        elif case == "digest":
            rows.append(slack_digest(work))
        elif case == "triage":
            rows.append(slack_triage(work))
        elif case == "teams":
            rows.append(teams_stream(work))
        elif case in ("stopped", "frozen"):
            notes.append(outage(work, "stop" if case == "stopped" else "freeze"))
        else:
            raise SystemExit(f"unknown case {case}; one of {', '.join(everything)}")
        print(rows[-1] if case not in ("stopped", "frozen") else notes[-1], flush=True)
    print("\ncase     kill→delivered  each part once  counted")
    for case, seconds, once, what in rows:
        print(f"{case:<8} {seconds:>10.1f} s   {str(once):<14}  {what}")
    for note in notes:
        print(note)
    bad = [r for r in rows if not r[2] or r[1] >= BOUND_S]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
