"""Research Curation finished in the terminal: its report promised that `neurips-advisor triage`
ranks papers "with this profile", but the triage command knew nothing of it (it ranked with
the default weights and no topics). Now the profile is saved, said where, and used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.integration.test_terminal_chat import chat


def test_the_terminal_curation_profile_drives_terminal_triage(tmp_path: Path) -> None:
    answers = [
        "CTO; vendor choices",
        "long context, quantisation",
        "Qwen team, Tri Dao",
        "arxiv",
        "2h",
        "50/30/20",
        "weekly",
        "https://arxiv.org/abs/2504.13837",
    ]
    done = chat(tmp_path, "5", stdin="\n".join([*answers, "digest mine"]) + "\n")
    assert done.returncode == 0, done.stderr
    assert "Noted: https://arxiv.org/abs/2504.13837." in done.stdout  # as typed, copyable
    saved = tmp_path / "profiles" / "ada.json"
    assert f"Your curation profile is saved in {saved}" in done.stdout
    assert "not in the terminal" in done.stdout  # the digest is not promised here
    assert "Digests are posted in Slack and Teams" in done.stdout  # `digest mine`: where
    profile = json.loads(saved.read_text(encoding="utf-8"))
    assert profile["topics"] == ["long context", "quantisation"]

    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "ANTHROPIC_"))}
    env.update(NEURIPS_DATA_DIR=str(tmp_path))
    ranked = subprocess.run(
        [sys.executable, "-m", "bot.cli", "triage", "colm2025", "--user", "ada", "--top", "3"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert ranked.returncode == 0, ranked.stderr
    assert f"Ranked with your curation profile ({saved})" in ranked.stderr
    assert "on your topic" in ranked.stdout
