"""A terminal user's curation profile on disk: written when Research Curation finishes in the
terminal chat, read by `neurips-advisor triage` when no --profile is given."""

from __future__ import annotations

import getpass
import json
import re
from collections.abc import Mapping
from pathlib import Path

from consultations.advisors.curation import profile_from_answers
from consultations.answers import Answer


def terminal_user(name: str | None) -> str:
    raw = name or getpass.getuser() or "me"
    return re.sub(r"[^A-Za-z0-9._@-]", "-", raw)[:64] or "me"


def profile_path(data_dir: Path, user: str) -> Path:
    return data_dir / "profiles" / f"{user}.json"


def save_profile(path: Path, answers: Mapping[str, Answer]) -> None:
    """Topics, canon, weights and sources, as `triage --profile` reads them."""
    profile = profile_from_answers(answers)
    keep = {k: profile[k] for k in ("topics", "canon", "weights", "sources")}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(keep, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
