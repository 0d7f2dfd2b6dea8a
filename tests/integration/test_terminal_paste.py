"""A list pasted into the terminal (several lines at once) is one answer, as in Slack: the
lines after the first were read as answers to the next questions, or lost after the report."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path


def _read_until(fd: int, marker: str, seen: list[str], timeout: float = 60) -> str:
    end = time.monotonic() + timeout
    while marker not in "".join(seen):
        left = end - time.monotonic()
        assert left > 0, f"{marker!r} never came; got: {''.join(seen)[-2000:]}"
        if select.select([fd], [], [], left)[0]:
            try:
                seen.append(os.read(fd, 65536).decode(errors="replace"))
            except OSError:  # the program ended
                break
    return "".join(seen)


def test_a_pasted_list_of_goals_is_one_answer(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "ANTHROPIC_"))}
    env.update(NEURIPS_DATA_DIR=str(tmp_path), NEURIPS_LLM="auto", NO_COLOR="1")
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "chat", "strategy-synthesis", "--user", "ada"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    seen: list[str] = []
    try:
        for n, answer in enumerate(["CTO", "retail banking", "2,000", "a chatbot", "regulation"]):
            _read_until(master, f"{n + 1}/6", seen)
            os.write(master, f"{answer}\n".encode())
        _read_until(master, "6/6", seen)
        pasted = "cut KYC onboarding time by 40%\nreduce call centre volume by 15%\n"
        os.write(master, pasted.encode())  # at once, as a paste arrives
        out = _read_until(master, "What to do", seen)
        assert "cut KYC onboarding time by 40%; reduce call centre volume by 15%" in out
        assert "This consultation is finished" not in out
        os.write(master, b"quit\n")
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
