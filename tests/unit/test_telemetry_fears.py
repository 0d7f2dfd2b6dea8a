"""Failures feared are not failures seen: 'none in production yet, but we fear it hallucinates
medication' gave two alerts headed 'Your known failure', one of them 'none in production yet'."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run


def _alerts(catalog: Catalog, failures: str) -> list[str]:
    out = render_report_markdown(run(catalog, "reasoning-telemetry", {"failures": failures}))
    return [line for line in out.splitlines() if "failure" in line and " — " in line]


@pytest.mark.parametrize(
    ("typed", "feared"),
    [
        (
            "none in production yet, but we fear it hallucinates medication or swaps dosages",
            "it hallucinates medication or swaps dosages",
        ),
        (
            "noch keine in Produktion, aber wir fürchten, dass er Medikamente halluziniert "
            "oder Dosierungen vertauscht",
            "er Medikamente halluziniert oder Dosierungen vertauscht",
        ),
        ("nothing yet; worried about it leaking patient names", "it leaking patient names"),
        (
            "aucune pour l'instant, mais on craint qu'il invente des articles de loi",
            "il invente des articles de loi",
        ),
    ],
)
def test_a_feared_failure_is_said_to_be_feared_and_nothing_yet_is_no_failure(
    catalog: Catalog, typed: str, feared: str
) -> None:
    alerts = _alerts(catalog, typed)
    assert len(alerts) == 1, alerts
    assert f"A failure you fear — {feared}:" in alerts[0]
    assert "known failure" not in alerts[0]


def test_a_failure_seen_beside_one_feared_keeps_each_label(catalog: Catalog) -> None:
    alerts = _alerts(
        catalog, "it looped on search for an hour; we also fear it approves a refund twice"
    )
    assert any("Your known failure — it looped on search for an hour" in a for a in alerts)
    assert any("A failure you fear — it approves a refund twice" in a for a in alerts), alerts


@pytest.mark.parametrize(
    ("typed", "detector"),
    [
        ("the returns agent refunded an order twice on Black Friday", "runs twice on one record"),
        (
            "the bot told a customer a parcel was delivered when it was not",
            "states something its tool results do not say",
        ),
    ],
)
def test_a_double_action_and_a_false_claim_get_their_own_detectors(
    catalog: Catalog, typed: str, detector: str
) -> None:
    """'refunded an order twice' got the generic rule check, and 'told a customer a parcel was
    delivered when it was not' 'a detector and a weekly count': no detector at all."""
    (alert,) = _alerts(catalog, typed)
    assert detector in alert, alert
    assert "a detector and a weekly count" not in alert
