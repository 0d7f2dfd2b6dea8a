"""The deploy manifests' probe timeouts and the server's own deadline agree: /readyz answers
(503 when Redis hangs) with a clear margin inside the time Kubernetes waits for it."""

from __future__ import annotations

import re
from pathlib import Path

from bot.server import READY_DEADLINE_S

MANIFEST = Path(__file__).resolve().parents[2] / "deploy" / "k8s" / "advisor.yml"
K8S_DEFAULT_TIMEOUT_S = 1.0  # what Kubernetes waits when a probe names no timeoutSeconds


def probe(name: str) -> dict[str, str]:
    """The flow mapping of ``name`` (``readinessProbe``…) in the bot's container."""
    found = re.search(rf"^\s*{name}:\s*(\{{.*\}})\s*$", MANIFEST.read_text(), re.MULTILINE)
    assert found, f"{name} not found in {MANIFEST}"
    return dict(re.findall(r"(\w+):\s*([\w/.]+)", found.group(1)))


def test_readyz_deadline_is_well_inside_the_readiness_probes_timeout() -> None:
    readiness = probe("readinessProbe")
    assert readiness["path"] == "/readyz"
    timeout_s = float(readiness.get("timeoutSeconds", K8S_DEFAULT_TIMEOUT_S))
    # half of it left for the HTTP round trip, the event loop and a busy node
    assert timeout_s / 2 >= READY_DEADLINE_S


def test_liveness_probe_names_its_timeout_too() -> None:
    assert probe("livenessProbe")["path"] == "/healthz"
    assert float(probe("livenessProbe")["timeoutSeconds"]) >= 1
