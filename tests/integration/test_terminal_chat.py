"""The terminal chat as a user runs it: a subprocess, answers on standard input, twice.

No REDIS_URL: the program starts its own Redis under NEURIPS_DATA_DIR (the embedded default),
so the second run resumes from what the first one saved to disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from consultations.catalog import Catalog
from tests.unit.test_engine import typical


def chat(data_dir: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "ANTHROPIC_"))}
    env.update(NEURIPS_DATA_DIR=str(data_dir), NEURIPS_LLM="auto", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", *args, "--user", "ada"],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_a_consultation_is_resumed_after_the_program_exits(
    tmp_path: Path, catalog: Catalog
) -> None:
    script = catalog.by_slug("edge-economics")
    answers = [typical(q) for q in script.questions]
    first = chat(tmp_path, "3", stdin="\n".join(["about 5M", "lots", answers[1]]) + "\n")
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "Edge Deployment Economics" in out
    assert f"1/{len(script.questions)}" in out and f"3/{len(script.questions)}" in out
    assert "5,000,000" in out  # the number was read back
    assert out.count(f"2/{len(script.questions)}") == 2  # "lots" got the question again
    assert "Saved" in out

    second = chat(tmp_path, stdin="back\n" + "\n".join(answers[1:]) + "\n")
    assert second.returncode == 0, second.stderr
    out = second.stdout
    assert "Resuming" in out and "2 of" in out
    assert "Offline analysis" in out or "offline analysis" in out
    assert "$40,500" in out or "40,500" in out  # the example's API cost, computed exactly

    third = chat(tmp_path, stdin="")  # nothing in progress now: it offers the eight
    assert "Which consultation?" in third.stdout


def test_unknown_consultation_is_a_clear_error(tmp_path: Path) -> None:
    result = chat(tmp_path, "9", stdin="")
    assert result.returncode == 2
    assert "No consultation called '9'" in result.stdout


def test_skip_and_restart_in_the_terminal(tmp_path: Path, catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    required = next(q for q in script.questions if not q.optional)
    result = chat(
        tmp_path, "model-convergence", stdin=f"skip\n{typical(required)}\nrestart\nquit\n"
    )
    assert result.returncode == 0, result.stderr
    assert "cannot be skipped" in result.stdout if script.questions[0] is required else True
    assert "Starting over" in result.stdout
