"""`neurips-advisor chat 7 | head`: the reader leaves early; the program stops without a
traceback (it printed 'BrokenPipeError: [Errno 32] Broken pipe' over the terminal)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "ANTHROPIC_"))}
    env.update(NEURIPS_DATA_DIR=str(tmp_path), NEURIPS_LLM="auto", NO_COLOR="1")
    answers = "\n".join(["ad creatives", "Midjourney", "celebrities", "EU", "no idea", "nobody"])
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "chat", "7", "--user", "ada"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write((answers + "\n").encode())
    proc.stdin.close()
    assert proc.stdout.readline()  # `head -1`: one line read, then the pipe is closed
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
