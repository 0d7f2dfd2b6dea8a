"""The failures a team lists are each watched for, however they list them: short English words
("loops, timeouts, hallucinations"), German ("Schleifen bei der Websuche, …"), or with a remark
after one ("…, which is bad"); a retention period said in German is the one the report keeps."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run

TELEMETRY = "reasoning-telemetry"
TOOLS = "Jira über MCP, GitHub, interne SQL-Datenbank, Websuche"


def _report(catalog: Catalog, failures: str, audit: str = "2") -> str:
    answers = {"tools": TOOLS, "failures": failures, "audit": audit}
    return render_report_markdown(run(catalog, TELEMETRY, answers))


@pytest.mark.parametrize(
    ("failures", "watched"),
    [
        (
            "loops, timeouts, hallucinations",
            ["loops: the loop alert", "timeouts: p95 latency", "hallucinations: grade a weekly"],
        ),
        (
            "Schleifen bei der Websuche, falsche Tickets geschlossen, halluzinierte SQL-Queries",
            [
                "Schleifen bei der Websuche: the loop alert",
                "falsche Tickets geschlossen: an alert when the record",
                "halluzinierte SQL-Queries: grade a weekly sample",
            ],
        ),
    ],
)
def test_each_listed_failure_gets_its_own_detector(
    catalog: Catalog, failures: str, watched: list[str]
) -> None:
    text = _report(catalog, failures)
    for line in watched:
        assert f"Your known failure — {line}" in text
    assert "a detector and a weekly count" not in text  # none left without a detector


def test_a_german_loop_names_the_tool_it_loops_on(catalog: Catalog) -> None:
    text = _report(catalog, "Schleifen bei der Websuche, falsche Tickets geschlossen")
    assert "Loops: Websuche (or any tool)" in text


def test_a_remark_after_a_failure_is_no_failure(catalog: Catalog) -> None:
    text = _report(catalog, "it loops sometimes, which is bad")
    assert "which is bad" not in text


def test_a_retention_said_in_german_is_kept(catalog: Catalog) -> None:
    text = _report(catalog, "loops", audit="ja, BaFin-Prüfung, 10 Jahre Aufbewahrung")
    assert "for 10 years, as you said" in text
