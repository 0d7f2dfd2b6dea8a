"""Every setting the service reads is documented in the README, and deploy/ sets only settings
the service reads (a misspelt name there would be ignored without a word)."""

from __future__ import annotations

import re

from consultations.adapters.settings import Settings
from tests.conftest import ROOT

READ = {name.upper() for name in Settings.model_fields}
NOT_OURS = {"PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"}  # Python's own, in the Dockerfile
DEPLOY = [ROOT / "deploy" / "compose.yml", ROOT / "deploy" / "k8s" / "advisor.yml"]


def test_every_setting_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    assert not sorted(n for n in READ if f"`{n}`" not in readme)


def test_deploy_sets_only_settings_the_service_reads() -> None:
    named: set[str] = set()
    for path in DEPLOY:  # keys of environment maps, the Secret and the ConfigMap
        text = re.sub(r"#.*", "", path.read_text())  # commented-out optional ones included
        named |= set(re.findall(r"^\s+([A-Z][A-Z0-9_]+):", text, re.M))
        named |= set(re.findall(r"#\s*([A-Z][A-Z0-9_]+):", path.read_text()))
    example = (ROOT / "deploy" / "env.example").read_text()
    named |= set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", example, re.M))
    docker = (ROOT / "deploy" / "Dockerfile").read_text()
    named |= set(re.findall(r"\b([A-Z][A-Z0-9_]+)=", docker))
    assert "REDIS_URL" in named and "SLACK_SIGNING_SECRET" in named  # the patterns read them
    assert not sorted(named - READ - NOT_OURS)


def test_deploy_leaves_no_optional_secret_set_but_empty() -> None:
    """An empty ANTHROPIC_API_KEY is refused at startup (it used to mean offline, silently)."""
    for path in DEPLOY:
        text = path.read_text()
        assert not re.search(r"^\s+ANTHROPIC_API_KEY:\s*(\"\"|\$\{)", text, re.M), path
