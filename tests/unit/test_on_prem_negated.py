"""'we're not on-prem' is not on-prem; and an on-prem team asks its vendors whether the
product runs on its own servers, not how they redact data leaving a cloud tenant."""

from __future__ import annotations

import pytest

from consultations.answers.hosted import said_in_house as said_on_prem
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run

TELEMETRY = "reasoning-telemetry"


@pytest.mark.parametrize(
    "typed",
    [
        "we're not on-prem",
        "nothing on-prem yet",
        "logs in Datadog, no self-hosted anything",
        "we don't self-host",
        "not air-gapped, all in AWS",
        "on-prem is not an option for us",
    ],
)
def test_negated_on_prem_is_not_on_prem(typed: str) -> None:
    assert not said_on_prem(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "all on-prem",
        "no cloud, all on-prem",
        "our data must not leave our own servers",
        "nothing leaves our servers",
        "not in the cloud but self-hosted",
        "no data leaves our own servers",
        "data never leaves our own servers",
    ],
)
def test_on_prem_still_read(typed: str) -> None:
    assert said_on_prem(typed)


def test_a_team_not_on_prem_is_offered_a_managed_backend(catalog: Catalog) -> None:
    shown = render_report_markdown(run(catalog, TELEMETRY, {"stack": "logs, we're not on-prem"}))
    assert "managed backend" in shown and "self-hosted trace store" not in shown


def test_on_prem_vendors_are_asked_to_run_on_our_servers(catalog: Catalog) -> None:
    shown = render_report_markdown(
        run(catalog, TELEMETRY, {"stack": "just logs, all on-prem", "audit": "none"})
    )
    assert "before traces leave our tenant" not in shown
    assert "Can your product run entirely on our own servers" in shown


def test_cloud_teams_are_still_asked_about_redaction(catalog: Catalog) -> None:
    shown = render_report_markdown(run(catalog, TELEMETRY, {"stack": "logs", "audit": "none"}))
    assert "How do you redact personal data before traces leave our tenant?" in shown
