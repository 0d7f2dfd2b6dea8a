"""The core (engine, answers, scripts, state, service, advisors, digest, triage) type-checks."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CORE = [
    "consultations/engine.py",
    "consultations/answers",
    "consultations/replies.py",
    "consultations/scripts.py",
    "consultations/state.py",
    "consultations/report.py",
    "consultations/service.py",
    "consultations/messages.py",
    "consultations/digest.py",
    "consultations/digest_service.py",
    "consultations/advisors",
    "consultations/triage/scorer.py",
    "consultations/triage/pipeline.py",
    "consultations/triage/profile.py",
    "consultations/triage/results.py",
]


def test_the_core_is_mypy_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-error-summary", *CORE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
