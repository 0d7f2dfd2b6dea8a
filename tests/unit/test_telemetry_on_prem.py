"""A team that said everything stays on its own servers is not told to send traces to a
managed (someone else's) backend: it is told to run the trace store itself."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run

TELEMETRY = "reasoning-telemetry"


@pytest.mark.parametrize(
    "said",
    [
        {"stack": "just logs, all on-prem", "audit": "regulated"},
        {"stack": "logs", "audit": "regulator, we are a hospital, nothing leaves our servers"},
        {"stack": "logs on our own servers, everything self-hosted"},
        {"stack": "logs", "blind_spots": "me; we are air-gapped so no cloud tools"},
    ],
)
def test_on_prem_answers_get_a_self_hosted_trace_store(catalog: Catalog, said: dict) -> None:
    """'all on-prem' was answered with 'OpenTelemetry traces sent to a managed backend'."""
    shown = render_report_markdown(run(catalog, TELEMETRY, said))
    assert "managed backend" not in shown
    assert "self-hosted trace store" in shown
    assert "on your own servers" in shown


def test_without_on_prem_words_a_managed_backend_is_still_suggested(catalog: Catalog) -> None:
    shown = render_report_markdown(run(catalog, TELEMETRY, {"stack": "logs", "audit": "none"}))
    assert "managed backend" in shown and "self-hosted trace store" not in shown
