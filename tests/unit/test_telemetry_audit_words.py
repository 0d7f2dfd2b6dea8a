"""Reasoning telemetry for a German Mittelstand firm: an audit trail needed for a certification
auditor or because the agents' offers are legally binding is one a customer or auditor can ask
for, said in German as in English."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items


@pytest.mark.parametrize(
    "typed",
    [
        "ja, wegen ISO 9001 und weil Angebote rechtlich bindend sind",  # was asked back
        "yes, ISO 9001 certification",
        "ja, gesetzlich vorgeschrieben",
        "ja, der Wirtschaftsprüfer will das sehen",
        "yes, our offers are legally binding",
    ],
)
def test_an_external_audit_or_a_legal_duty_is_a_trail_others_can_ask_for(
    catalog: Catalog, typed: str
) -> None:
    q = catalog.by_slug("reasoning-telemetry").question("audit")
    assert parse_answer(q, typed).choices == ("regulated",)


@pytest.mark.parametrize(
    ("typed", "failure"),
    [
        (
            "Der Angebots-Agent hat einmal einen falschen Rabatt (40% statt 4%) ins Angebot "
            "geschrieben, keiner konnte nachvollziehen warum",
            "Der Angebots-Agent hat einmal einen falschen Rabatt (40% statt 4%) ins Angebot "
            "geschrieben",
        ),
        (
            "the quote agent once wrote a 40% discount instead of 4%, nobody could figure out why",
            "the quote agent once wrote a 40% discount instead of 4%",
        ),
    ],
)
def test_that_nobody_could_say_why_is_no_failure_of_its_own(
    catalog: Catalog, typed: str, failure: str
) -> None:
    """'…, keiner konnte nachvollziehen warum' got its own line: 'Your known failure — keiner
    konnte nachvollziehen warum: a detector and a weekly count.'"""
    r = run(catalog, "reasoning-telemetry", {"failures": typed})
    known = [t for t in section_items(r, "Dashboards") if t.startswith("Your known failure")]
    assert len(known) == 1, known
    assert known[0].startswith(f"Your known failure — {failure}:"), known


def test_acting_on_a_lapsed_record_is_watched_by_its_status(catalog: Catalog) -> None:
    """'it once approved a claim for a policy that had lapsed' got the generic rule check, not
    the check on the record's latest status that a lapsed or expired policy needs."""
    r = run(
        catalog,
        "reasoning-telemetry",
        {"failures": "it once approved a claim for a policy that had lapsed, this cost us 12k"},
    )
    (line,) = [t for t in section_items(r, "Dashboards") if t.startswith("Your known failure")]
    assert "whose latest status" in line, line
