"""Edge economics answered in German (or French), as a Teams user in a German firm types it:
'Gesundheitsdaten (DSGVO)' was asked again and again ('Pick one of …'), 'keine' quality loss
and 'unter 1 Sekunde' the same."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import EDGE as EDGE_ANSWERS
from tests.unit.test_answers_phrasings import q
from tests.unit.test_engine import begin, step

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


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("nachts als Stapelverarbeitung", "batch"),
        ("im Hintergrund, ein paar Stunden", "batch"),
        ("la nuit, par lots", "batch"),
        ("en temps réel", "realtime"),
        ("tout de suite", "realtime"),
        ("sous la seconde", "interactive"),
        ("pas urgent", "relaxed"),
    ],
)
def test_batch_and_french_latency(catalog: Catalog, typed: str, picked: str) -> None:
    """'nachts als Stapelverarbeitung' and 'en temps réel' were refused with 'Pick one of …'."""
    assert parse_answer(q(catalog, EDGE, "latency"), typed).choices == (picked,)


@pytest.mark.parametrize(
    ("typed", "cue"),
    [
        ("wir haben schon GPUs, Betrieb 2.000 € im Monat", "haben schon"),
        ("Hardware bereits vorhanden, 2000 € monatlich", "bereits vorhanden"),
        ("on a déjà les GPU, 2 000 € par mois", "déjà"),
    ],
)
def test_hardware_already_owned_in_german(catalog: Catalog, typed: str, cue: str) -> None:
    """'wir haben schon GPUs, Betrieb 2.000 € im Monat' was asked back for the hardware figure."""
    answer = parse_answer(q(catalog, EDGE, "local_cost"), typed)
    assert answer.numbers == {"hardware": 0, "monthly": 2000} and cue in (answer.note or "")


@pytest.mark.parametrize("yes", ["ja", "Ja, stimmt", "oui"])
def test_ja_or_oui_keeps_the_figure_asked_about(catalog: Catalog, yes: str) -> None:
    """'2.000 € im Monat' asked 'what is the hardware figure? … `yes` if it is none'; 'ja' was
    read as an answer ('I need 2 numbers here: hardware and monthly')."""
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for question in script.questions:
        if question.key == "local_cost":
            break
        d = step(script, d.consultation, EDGE_ANSWERS[question.key])
    d = step(script, d.consultation, "2.000 € im Monat")
    assert d.consultation.pending is not None
    d = step(script, d.consultation, yes)
    assert d.consultation.answers["local_cost"].numbers == {"hardware": 0.0, "monthly": 2000.0}


def test_months_in_french_are_a_time_never_the_monthly_cost(catalog: Catalog) -> None:
    """'36 mois' typed at the currency doubt after '2 000 € par mois' was recorded as monthly
    €36, the €2,000 lost; at the write-off question it was no time."""
    script = catalog.by_slug("edge-economics")
    assert parse_answer(script.question("amortisation"), "36 mois").number == 36
    assert parse_answer(script.question("amortisation"), "3 ans").number == 36
    d = begin(script)
    for question in script.questions:
        if question.key == "local_cost":
            break
        d = step(script, d.consultation, EDGE_ANSWERS[question.key])
    d = step(script, d.consultation, "nous avons déjà des GPU, 2 000 € par mois d'exploitation")
    d = step(script, d.consultation, "36 mois")
    assert "local_cost" not in d.consultation.answers  # still asked: nothing replaced
    assert d.consultation.pending is not None
    d = step(script, d.consultation, "oui")
    assert d.consultation.answers["local_cost"].numbers == {"hardware": 0.0, "monthly": 2000.0}


@pytest.mark.parametrize("typed", ["3 $ / 15 $ pro Million", "3 € / 15 € par million"])
def test_per_million_in_german_or_french_is_the_prices_unit(catalog: Catalog, typed: str) -> None:
    """'3 $ / 15 $ pro Million' was noted with '“Million” left out: retype the answer …'."""
    answer = parse_answer(catalog.by_slug("edge-economics").question("price"), typed)
    assert answer.numbers == {"input": 3.0, "output": 15.0} and answer.note is None


@pytest.mark.parametrize("typed", ["weiß nicht", "keine Ahnung", "je ne sais pas", "aucune idée"])
def test_not_knowing_in_german_or_french_asks_for_a_rough_guess(
    catalog: Catalog, typed: str
) -> None:
    """'weiß nicht' at 'How fast must an answer come back?' was answered 'Pick one of: 1. …'
    as if it were a wrong option; 'don't know' gets 'a rough guess will do'."""
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in ("5M", "1200 in, 300 out", "$3 / $15"):
        d = step(script, d.consultation, text)
    d = step(script, d.consultation, typed)
    assert not d.changed
    assert "a rough guess will do" in (d.outcome.reason or "")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "typed", ["nein, 2,50 € / 10 €", "nein, eher 2,50 € / 10 €", "non, plutôt 2,50 € / 10 €"]
)
def test_no_in_german_or_french_corrects_the_answer_before(catalog: Catalog, typed: str) -> None:
    """'nein, 2,50 € / 10 €' typed just after the prices was answered 'Pick one of: 1.
    Instantly …' (the latency question); 'no, $2.50 / $10' changed the prices."""
    script = catalog.by_slug(EDGE)
    d = begin(script)
    for text in ("5M", "1200 in, 300 out", "$3 / $15", typed):
        d = step(script, d.consultation, text)
    assert d.consultation.answers["price"].numbers == {"input": 2.5, "output": 10}
    assert "latency" not in d.consultation.answers


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("non, données publiques", "public"),  # was 'Pick one of …'
        ("nein, nur interne Daten", "internal"),
        ("données clients confidentielles", "confidential"),
    ],
)
def test_a_no_before_the_answer_is_no_correction(catalog: Catalog, typed: str, picked: str) -> None:
    script = catalog.by_slug(EDGE)
    d = begin(script)
    for text in ("5M", "1200 in, 300 out", "$3 / $15", "2", typed):
        d = step(script, d.consultation, text)
    assert d.consultation.answers["sensitivity"].choices == (picked,)
    assert d.consultation.answers["latency"].choices == ("interactive",)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        ("research-curation", "hours", "eine Stunde", 1),  # was 'I need a number here'
        ("research-curation", "hours", "deux heures par semaine", 2),
        ("edge-economics", "amortisation", "drei Jahre", 36),
        ("edge-economics", "amortisation", "un an", 12),  # was 1 month, silently
        ("edge-economics", "amortisation", "1 an", 12),  # was 1 month, silently
        ("edge-economics", "requests", "ein bis zwei Millionen", 1_500_000),
        ("model-convergence", "monthly_spend", "$5 an hour", 3_652),  # English, as before
    ],
)
def test_small_numbers_in_german_or_french_words(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == pytest.approx(value, abs=0.5)
