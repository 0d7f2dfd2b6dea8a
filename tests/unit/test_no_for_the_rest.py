"""'yes for invoices, no for the rest' at 'Do you keep logs of past runs?' said '“no for the
rest” matches no option, so it is left out', and the report read the other workflows as 'Some,
incomplete (not named, read cautiously)': the 'no' was taken to negate 'for'. A "no" before
"for", "to", "of" … is the answer itself."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("no for the rest", ("none",)),
        ("yes for invoices, no for the rest", ("rich", "none")),
        ("no logs", ("none",)),  # still the option that means none, read from "logs" ruled out
    ],
)
def test_no_said_of_items_is_the_answer(catalog: Catalog, typed: str, picked: tuple) -> None:  # type: ignore[type-arg]
    answer = parse_answer(catalog.by_slug("automation-frontier").question("logs"), typed)
    assert answer.choices == picked
    assert "left out" not in (answer.note or "")


def test_the_rest_read_as_no_in_the_report(catalog: Catalog) -> None:
    answers = {
        "workflows": "invoice matching, claims triage, KYC checks",
        "logs": "yes for invoices, no for the rest",
    }
    text = render_report_markdown(run(catalog, "automation-frontier", answers))
    assert "claims triage and KYC checks: No" in text


@pytest.mark.parametrize(
    "typed", ["invoices yes, claims only a person, KYC partly", "invoices yes, KYC in part"]
)
def test_an_item_said_partly_is_not_called_left_out(catalog: Catalog, typed: str) -> None:
    """'KYC partly' was said back as '“KYC partly” matches no option, so it is left out' while
    the report read it per workflow as the cautious option."""
    answer = parse_answer(catalog.by_slug("automation-frontier").question("checkable"), typed)
    assert "left out" not in (answer.note or "")
    answers = {"workflows": "invoice matching, claims triage, KYC checks", "checkable": typed}
    text = render_report_markdown(run(catalog, "automation-frontier", answers))
    assert "KYC checks: Only a person can judge" in text
