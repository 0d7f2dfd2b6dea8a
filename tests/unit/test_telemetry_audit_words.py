"""Reasoning telemetry for a German Mittelstand firm: an audit trail needed for a certification
auditor or because the agents' offers are legally binding is one a customer or auditor can ask
for, said in German as in English."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


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
