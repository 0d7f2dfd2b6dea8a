"""A list pasted into the terminal (several lines at once) is one answer, as in Slack: the
lines after the first were read as answers to the next questions, or lost after the report.
Typed one per line, a list ends at an empty line, as the question says."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from bot.terminal import MORE_PROMPT


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


def _waiting(fd: int, marker: str, seen: list[str], prompt: str = "> ") -> str:
    """What was written until the program waits at ``prompt``, ``marker`` said before it."""
    end = time.monotonic() + 60
    while not (marker in (text := "".join(seen)) and text.endswith(prompt)):
        left = end - time.monotonic()
        assert left > 0, f"no {prompt!r} after {marker!r}; got: {text[-2000:]}"
        if select.select([fd], [], [], left)[0]:
            seen.append(os.read(fd, 65536).decode(errors="replace"))
    return text


def _at_the_goals(tmp_path: Path) -> tuple[subprocess.Popen[bytes], int, list[str]]:
    """Consultation 8 at a terminal (a pseudo-terminal), at its last question: the goals."""
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
    for n, answer in enumerate(["CTO", "retail banking", "2,000", "a chatbot", "regulation"]):
        _read_until(master, f"{n + 1}/6", seen)
        os.write(master, f"{answer}\n".encode())
    _read_until(master, "6/6", seen)
    return proc, master, seen


def _leave(proc: subprocess.Popen[bytes], master: int) -> None:
    try:
        os.write(master, b"quit\n")
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)


def test_a_pasted_list_of_goals_is_one_answer(tmp_path: Path) -> None:
    proc, master, seen = _at_the_goals(tmp_path)
    try:
        pasted = "cut KYC onboarding time by 40%\nreduce call centre volume by 15%\n"
        os.write(master, pasted.encode())  # at once, as a paste arrives
        out = _read_until(master, "What to do", seen)
        assert "cut KYC onboarding time by 40%; reduce call centre volume by 15%" in out
        assert "This consultation is finished" not in out
    finally:
        _leave(proc, master)


def test_goals_typed_one_per_line_are_one_answer_until_an_empty_line(tmp_path: Path) -> None:
    """Goals typed one per line, each with Enter: the first was the whole answer and the report
    was written; the next goal landed on the finished consultation."""
    proc, master, seen = _at_the_goals(tmp_path)
    try:
        shown = _waiting(master, "6/6", seen)
        assert "One per line, then Enter on an empty line to finish" in shown  # said, not docs
        seen.clear()
        os.write(master, b"back\n")  # a control word typed first acts at once
        _waiting(master, "Back one. Your answer was: Regulation", seen)
        seen.clear()
        os.write(master, b"regulation\n")
        _waiting(master, "6/6", seen)
        for goal in ["cut KYC onboarding time by 40%", "launch a support bot"]:
            seen.clear()
            os.write(master, f"{goal}\n".encode())  # typed: a prompt for the next one comes
            out = _waiting(master, "", seen, MORE_PROMPT)
            assert "Writing your report" not in out
        os.write(master, b"\n")  # the empty line finishes the list
        out = _read_until(master, "What to do", seen)
        assert "cut KYC onboarding time by 40%; launch a support bot" in out
        assert "This consultation is finished" not in out
    finally:
        _leave(proc, master)
