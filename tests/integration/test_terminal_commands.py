"""`neurips-advisor roadmap` and `neurips-advisor digest`, typed as a user told of them would
type them: both were 'invalid choice' errors."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_quitting_says_how_to_run_it_again_as_it_was_started(tmp_path: Path) -> None:
    """After `make chat` (`.venv/bin/neurips-advisor`, not on PATH) the chat said to run
    `neurips-advisor chat`, which the shell could not find."""
    script = Path(sys.executable).parent / "neurips-advisor"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "ANTHROPIC_"))}
    env.update(PATH="/usr/bin:/bin", NEURIPS_DATA_DIR=str(tmp_path), NO_COLOR="1")
    r = subprocess.run(
        [str(script), "chat", "3", "--user", "ada"],
        input="",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert f"Saved. Run `{script} chat` again" in r.stdout


def test_help_shows_examples_and_where_settings_are(tmp_path: Path) -> None:
    """It printed the module's docstring (reST quotes and all) and no example."""
    r = run(tmp_path, "--help")
    assert r.returncode == 0, r.stderr
    assert "neurips-advisor chat 3" in r.stdout and 'README, "Configuration"' in r.stdout
    assert "``" not in r.stdout
    v = run(tmp_path, "--version")
    assert v.returncode == 0 and v.stdout.startswith("neurips-advisor 0.")
