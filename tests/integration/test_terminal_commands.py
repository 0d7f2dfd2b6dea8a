"""`neurips-advisor roadmap` and `neurips-advisor digest`, typed as a user told of them would
type them: both were 'invalid choice' errors."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.integration.test_terminal_chat import cli


def run(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return cli(tmp_path, *args, stdin=stdin)


def test_roadmap_opens_the_strategy_synthesis(tmp_path: Path) -> None:
    r = run(tmp_path, "roadmap", "--user", "ada", stdin="CTO\n")
    assert r.returncode == 0, r.stderr
    assert "2026 AI Strategy Synthesis" in r.stdout and "Noted: CTO." in r.stdout


def test_digest_says_where_digests_are_and_what_works_here(tmp_path: Path) -> None:
    r = run(tmp_path, "digest")
    assert r.returncode == 0, r.stderr
    assert "posted in Slack and Teams" in r.stdout and "neurips-advisor triage" in r.stdout
