"""Reading an answer (offline, the rules alone) against parsing the same digits, same run.

    .venv/bin/python bench/answers_bench.py [--rounds 2000]

For each phrasing of the real consultation questions, times ``parse_answer`` and, as the
baseline, ``json.loads`` of the same digits (the cheapest way a program reads a number from
text). Prints µs per answer, the ratio against the baseline, and the worst phrasing.
Target: well under a millisecond per answer.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consultations import engine  # noqa: E402
from consultations.answers import AnswerError, parse_answer  # noqa: E402
from consultations.catalog import load_catalog  # noqa: E402
from consultations.scripts import ConsultationScript  # noqa: E402
from consultations.state import Owner  # noqa: E402

PHRASINGS = [  # (question key in edge-economics, what a user types)
    ("requests", "about 5M"),
    ("requests", "2.500.000"),
    ("requests", "between 2 and 3 million"),
    ("requests", "two and a half million requests a month"),
    ("requests", "1e6"),
    ("tokens", "1.200 in, 300 out"),
    ("tokens", "1,200 input tokens and 300 output tokens per request"),
    ("price", "$3 per 1M input tokens and $15 per 1M output"),
    ("price", "1.234,56 € / 2 €"),
    ("latency", "under 300 ms"),
    ("sensitivity", "customer PII under GDPR"),
    ("quality_loss", "5%"),
    ("local_cost", "$30k for the box and about 2k a month to run it"),
    ("amortisation", "three years"),
]
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2000)
    args = ap.parse_args()
    script = load_catalog().by_slug("edge-economics")
    cases = [(script.question(key), text) for key, text in PHRASINGS]
    baseline_docs = [
        "[" + ",".join(repr(float(d)) for d in _DIGITS.findall(text)) + "]" for _, text in cases
    ]

    def parse_all() -> None:
        for q, text in cases:
            with contextlib.suppress(AnswerError):
                parse_answer(q, text)

    def baseline_all() -> None:
        for doc in baseline_docs:
            json.loads(doc)

    parse_all(), baseline_all()  # warm up (regexes compiled, caches filled)
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        parse_all()
    t_parse = (time.perf_counter() - t0) / (args.rounds * len(cases))
    t0 = time.perf_counter()
    for _ in range(args.rounds):
        baseline_all()
    t_base = (time.perf_counter() - t0) / (args.rounds * len(cases))

    worst, worst_t = "", 0.0
    for q, text in cases:
        t0 = time.perf_counter()
        for _ in range(max(1, args.rounds // 4)):
            with contextlib.suppress(AnswerError):
                parse_answer(q, text)
        t = (time.perf_counter() - t0) / max(1, args.rounds // 4)
        if t > worst_t:
            worst, worst_t = text, t

    print(f"phrasings:                 {len(cases)} (edge-economics questions)")
    print(f"parse_answer:              {t_parse * 1e6:,.1f} µs per answer")
    print(f"baseline json.loads:       {t_base * 1e6:,.2f} µs per answer (the same digits)")
    print(f"ratio:                     {t_parse / t_base:,.0f}x the baseline")
    print(f"slowest phrasing:          {worst_t * 1e6:,.1f} µs  {worst!r}")
    print(f"target:                    under 1,000 µs per answer -> {t_parse * 1e6 / 1000:.2%}")
    t_turn = _engine_turn(script, args.rounds)
    print(f"engine.decide per reply:   {t_turn * 1e6:,.1f} µs (with corrections, plausibility)")


def _engine_turn(script: ConsultationScript, rounds: int) -> float:
    """A whole reply through the pure engine, at the 4th question (3 answers to correct)."""
    owner = Owner(platform="terminal", workspace="local", user="bench")
    now = datetime(2026, 11, 25, tzinfo=UTC)
    d = engine.start(script, owner, "bench01", now)
    for text in ("5M", "1200 in, 300 out", "$3 / $15"):
        d = engine.decide(script, d.consultation, engine.Reply(text), now)
    c = d.consultation
    replies = [engine.Reply(t) for t in ("under 300 ms", "change the volume to 8M", "2")]
    t0 = time.perf_counter()
    for _ in range(rounds):
        for r in replies:
            engine.decide(script, c, r, now)
    return (time.perf_counter() - t0) / (rounds * len(replies))


if __name__ == "__main__":
    main()
