"""An insurer names its shelved workflows in German and answers in English about "the Regress
stuff" and "Gutachter assignment": those name Regressprüfung and Gutachtersteuerung (the first
word of a compound), so each workflow is scored on what was said about it."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
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


@pytest.mark.parametrize(
    ("key", "said", "picked"),
    [
        ("why_shelved", "zu viele Sonderfälle", ("variability",)),
        ("why_shelved", "Modelle waren nicht gut genug", ("models",)),
        ("checkable", "prüfbar gegen Zahlungseingänge", ("verify",)),
        ("checkable", "nur ein Mensch kann das beurteilen", ("human",)),
        ("logs", "teilweise", ("some",)),
        ("logs", "nein", ("none",)),
        ("error_cost", "Bußgeld der BaFin", ("high",)),
        ("error_cost", "ein verärgerter Kunde", ("medium",)),
    ],
)
def test_the_automation_choices_in_german(
    catalog: Catalog, key: str, said: str, picked: tuple[str, ...]
) -> None:
    """Every one of these was 'Pick one of …' for a German-speaking insurer."""
    q = catalog.by_slug("automation-frontier").question(key)
    assert parse_answer(q, said).choices == picked


def test_workflows_told_apart_by_und_keep_each_its_answer(catalog: Catalog) -> None:
    """'Rechnungsprüfung gegen das ERP und Reklamationen nur ein Mensch': the report cut the
    answer at 'and' but not at 'und', so both workflows were read as one clause."""
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "Rechnungsprüfung, Reklamationen",
            "checkable": "Rechnungsprüfung gegen das ERP und Reklamationen nur ein Mensch",
        },
    )
    out = render_report_markdown(r)
    assert (
        "Rechnungsprüfung: Outcomes can be checked automatically; Reklamationen: Only a person"
        in out
    ), out
