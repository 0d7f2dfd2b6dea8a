"""An insurer names its shelved workflows in German and answers in English about "the Regress
stuff" and "Gutachter assignment": those name Regressprüfung and Gutachtersteuerung (the first
word of a compound), so each workflow is scored on what was said about it."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run

CLAIMS = {
    "workflows": "Regressprüfung bei Kfz-Schäden, Betrugserkennung bei Kleinschäden, "
    "Gutachtersteuerung",
    "why_shelved": "too many edge cases and the models hallucinated",
    "checkable": "we can backtest fraud against past cases, Gutachter assignment only a "
    "senior can judge",
    "logs": "yes ~8 years of claims data, but the Regress stuff is patchy",
    "error_cost": "a wrong fraud flag = angry customer, a missed Regress = 10-50k€",
    "value": "€ 120.000 pro Monat",
}


def test_the_first_word_of_a_german_compound_names_that_workflow(catalog: Catalog) -> None:
    r = run(catalog, "automation-frontier", CLAIMS)
    read = next(s for s in r.sections if s.title.startswith("How your answers were read"))
    checkable = next(x for x in read.items if x.startswith("Can the outcome"))
    assert "Gutachtersteuerung: Only a person can judge" in checkable, checkable
    logs = next(x for x in read.items if x.startswith("Do you keep logs"))
    assert "Regressprüfung bei Kfz-Schäden: Some, incomplete;" in logs, logs
    assert "Gutachtersteuerung: Some" not in logs  # the Regress caveat is not everyone's
    assert r.verdict.startswith("Prototype "), r.verdict  # not "Not yet" for all three
