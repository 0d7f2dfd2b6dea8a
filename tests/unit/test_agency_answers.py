"""A 3-person agency reassesses its shelved workflows, typing the way people type: a figure
corrected mid-answer, "the tools werent good enough", "a designer has to eyeball" it."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run


def test_change_that_mid_answer_takes_the_figure_after_it(catalog: Catalog) -> None:
    q = catalog.by_slug("automation-frontier").question("value")
    a = parse_answer(q, "maybe 2-3k € a month, change that: 3.500 €")
    assert a.number == 3500 and a.currency == "EUR"
    assert a.note is not None and "corrected from €2,500" in a.note


def test_tools_that_werent_good_enough_are_models_that_were_not(catalog: Catalog) -> None:
    q = catalog.by_slug("automation-frontier").question("why_shelved")
    a = parse_answer(q, "no time honestly, and the tools werent good enough")
    assert a.choices is not None and set(a.choices) == {"models", "cost"}


def test_a_designer_eyeballing_a_workflow_means_only_a_person_can_judge_it(
    catalog: Catalog,
) -> None:
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "client reporting, invoice chasing, resizing ad creatives",
            "checkable": "reports can be checked against GA4 numbers, resizing a designer "
            "has to eyeball",
        },
    )
    read = next(s for s in r.sections if s.title.startswith("How your answers were read"))
    line = next(x for x in read.items if x.startswith("Can the outcome"))
    assert "resizing ad creatives: Only a person can judge" in line, line
    assert "client reporting: Outcomes can be checked automatically" in line


def test_an_item_taken_back_in_the_same_answer_is_left_out(catalog: Catalog) -> None:
    """'…, contract review, actually drop contract review' kept three workflows, the third
    being 'actually drop contract review'."""
    q = catalog.by_slug("automation-frontier").question("workflows")
    a = parse_answer(q, "invoice matching, contract review, actually drop contract review")
    assert a.items == ("invoice matching",)
    assert a.note == "left out “contract review” as you said"
    assert parse_answer(q, "invoice matching, dunning, scratch the last one").items == (
        "invoice matching",
    )
    kept = parse_answer(q, "delete old backups, invoice matching")  # names nothing listed
    assert kept.items == ("delete old backups", "invoice matching")
