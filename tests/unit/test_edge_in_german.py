"""Edge economics answered in German (or French), as a Teams user in a German firm types it:
'Gesundheitsdaten (DSGVO)' was asked again and again ('Pick one of …'), 'keine' quality loss
and 'unter 1 Sekunde' the same."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_answers_phrasings import q

EDGE = "edge-economics"


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("Gesundheitsdaten (DSGVO)", "regulated"),
        ("Patientendaten, streng vertraulich", "regulated"),
        ("données de santé", "regulated"),
        ("personenbezogene Kundendaten", "confidential"),
        ("nur interne Daten", "internal"),
        ("öffentliche Daten", "public"),
    ],
)
def test_sensitivity_in_german(catalog: Catalog, typed: str, picked: str) -> None:
    assert parse_answer(q(catalog, EDGE, "sensitivity"), typed).choices == (picked,)


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("sofort", "realtime"),
        ("unter 1 Sekunde", "interactive"),
        ("ein paar Sekunden", "relaxed"),
        ("moins d'une seconde", "interactive"),
    ],
)
def test_latency_in_german(catalog: Catalog, typed: str, picked: str) -> None:
    assert parse_answer(q(catalog, EDGE, "latency"), typed).choices == (picked,)


@pytest.mark.parametrize("typed", ["keine", "keine, muss gleich gut sein", "aucune"])
def test_no_quality_loss_in_german(catalog: Catalog, typed: str) -> None:
    assert parse_answer(q(catalog, EDGE, "quality_loss"), typed).number == 0
