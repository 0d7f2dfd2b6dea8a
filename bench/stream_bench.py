"""Streamed reports: last answer → first words visible, against last answer → whole report
posted as today (not streamed), side by side in one run.

    .venv/bin/python bench/stream_bench.py [--rounds 2] [--tokens-per-s 50] [--words 600]

Our real server and worker processes, a real Redis, the local Slack API server and the local
Messages API server streaming Claude's text at ``--tokens-per-s`` (about four characters a
token; 50/s is a realistic rate for a Sonnet-class model). Each round runs one whole
consultation with Slack streaming on, and one with Slack refusing the stream: the worker then
posts the report whole once Claude has finished, as it did before streaming (today's path).
Prints, per mode, the median of: last answer → first words of the report visible in the
thread, and last answer → whole report posted; then the ratio.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consultations.adapters.embedded_redis import EmbeddedRedis  # noqa: E402
from consultations.catalog import load_catalog  # noqa: E402
from tests.fakes.anthropic_api import FakeAnthropic  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402
from tests.integration.stack import Stack  # noqa: E402
from tests.integration.test_slack import answer_and_wait, start  # noqa: E402
from tests.unit.test_engine import typical  # noqa: E402

OPENING = (
    "**Verdict: run it locally — a pilot first.** About $40.5k a month on the API against "
    "about $2,833 locally; break-even near 350,000 requests, at 5,000,000 a month today.\n\n"
)
FILLER = (
    "The case rests on the volume you gave and on the research shift toward smaller models "
    "that hold their accuracy when quantised, so the pilot should measure that on your own "
    "traffic before anything is retired. "
)


def narrative(words: int) -> str:
    body = OPENING
    while len(body.split()) < words:
        body += f"- {FILLER}\n"
    return body


def report_times(
    stack: Stack, slack: FakeSlack, user: str, channel: str, streaming: bool
) -> tuple[float, float]:
    """(last answer → first words visible, last answer → whole report posted), seconds."""
    slack.refuse.pop("chat.startStream", None)
    if not streaming:
        slack.refuse["chat.startStream"] = "not_allowed"
    questions = load_catalog().by_slug("edge-economics").questions
    thread = start(stack, slack, user, "3", channel=channel)
    for q in questions[:-1]:
        answer_and_wait(stack, slack, user, channel, thread, typical(q))
    t0 = time.monotonic()
    stack.message(user, channel, thread, typical(questions[-1]), f"Ev{user}last")

    def report_post() -> float | None:
        return next(
            (
                r.at
                for r in list(slack.requests)
                if r.path == "/api/chat.postMessage"
                and getattr(r, "ok", False)
                and r.params.get("thread_ts") == thread  # type: ignore[attr-defined]
                and (r.params.get("blocks") or [{}])[0].get("type") == "header"  # type: ignore[attr-defined]
            ),
            None,
        )

    whole = slack.wait_for(report_post, timeout=300)
    shown = slack.streamed(channel, thread)
    first = shown[0]["calls"][0][1] if shown else whole
    return first - t0, whole - t0


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--tokens-per-s", type=float, default=50.0)
    ap.add_argument("--words", type=int, default=600)
    args = ap.parse_args()
    text = narrative(args.words)
    with (
        tempfile.TemporaryDirectory() as tmp,
        EmbeddedRedis(Path(tmp) / "redis") as redis_srv,
        FakeSlack() as slack,
        FakeAnthropic(("ok", text), tokens_per_s=args.tokens_per_s) as claude,
    ):
        stack = Stack(
            redis_srv.url,
            0,
            slack.url,
            Path(tmp) / "stack",
            NEURIPS_LLM="anthropic",
            ANTHROPIC_API_KEY="sk-bench",
            ANTHROPIC_BASE_URL=claude.url,
            NEURIPS_LOG_FORMAT="json",
        )
        stack.start_server()
        stack.start_worker()
        results: dict[str, list[tuple[float, float]]] = {"streamed": [], "today": []}
        try:
            for n in range(args.rounds):  # interleaved, so drift hits both alike
                results["streamed"].append(report_times(stack, slack, f"US{n}", f"CS{n}", True))
                results["today"].append(report_times(stack, slack, f"UT{n}", f"CT{n}", False))
        finally:
            stack.stop()
    print(
        f"narrative: {len(text.split())} words, {len(text):,} characters, streamed by the "
        f"local model server at {args.tokens_per_s:g} tokens/s; {args.rounds} round(s)"
    )
    med = {k: tuple(statistics.median(x[i] for x in v) for i in (0, 1)) for k, v in results.items()}
    for mode, (first, whole) in med.items():
        print(
            f"{mode:>9}: last answer → first words visible {first:6.2f} s · "
            f"→ whole report posted {whole:6.2f} s"
        )
    ratio = med["today"][1] / med["streamed"][0]
    print(
        f"first words visible (streamed) vs whole report posted (today): "
        f"{med['streamed'][0]:.2f} s vs {med['today'][1]:.2f} s — {ratio:.1f}x sooner"
    )


if __name__ == "__main__":
    main()
