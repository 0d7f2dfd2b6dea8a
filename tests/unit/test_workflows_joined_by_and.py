"""Two workflows joined by one "and" are two workflows; a phrase that shares a word across
"and" stays one item."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run


def items(catalog: Catalog, slug: str, key: str, text: str) -> tuple[str, ...]:
    return parse_answer(catalog.by_slug(slug).question(key), text).items or ()


def test_invoice_matching_and_contract_review_are_two_workflows(catalog: Catalog) -> None:
    """'invoice matching and contract review' was one workflow, scored once, with one
    approach for both."""
    assert items(
        catalog, "automation-frontier", "workflows", "invoice matching and contract review"
    ) == (
        "invoice matching",
        "contract review",
    )
    r = run(
        catalog,
        "automation-frontier",
        {"workflows": "invoice matching and contract review"},
    )
    (table,) = r.tables
    assert sorted(row[0] for row in table.rows) == ["contract review", "invoice matching"]


def test_a_law_firms_list_ending_in_two_ands_names_four(catalog: Catalog) -> None:
    """'contract review for M&A due diligence, NDA triage and invoice matching and contract
    review' was read as three, one of them 'NDA triage and invoice matching'."""
    assert items(
        catalog,
        "automation-frontier",
        "workflows",
        "contract review for M&A due diligence, NDA triage and invoice matching and contract "
        "review",
    ) == (
        "contract review for M&A due diligence",
        "NDA triage",
        "invoice matching",
        "contract review",
    )


def test_two_workflows_each_with_its_own_for_are_two(catalog: Catalog) -> None:
    """A logistics company's 'customs declarations for EU imports and dispatch planning for our
    120 trucks' was one workflow: one score (0.60), one approach for both, and 'Prototype
    customs declarations for EU imports and dispatch planning for our 120 trucks now'."""
    assert items(
        catalog,
        "automation-frontier",
        "workflows",
        "customs declarations for EU imports and dispatch planning for our 120 trucks",
    ) == ("customs declarations for EU imports", "dispatch planning for our 120 trucks")


@pytest.mark.parametrize(
    "text",
    [
        "sales and marketing docs",
        "RAG over our help docs and release notes",
        "we tried invoice matching and it failed",
        "RAG over help docs and release notes",
        "chunk contracts and embed them",
        "terms and conditions review",
        "claims intake and triage",
    ],
)
def test_one_thing_said_with_and_stays_one(catalog: Catalog, text: str) -> None:
    assert items(catalog, "attention-readiness", "pipelines", text) == (text,)


def test_an_acronym_names_its_workflow(catalog: Catalog) -> None:
    """A law firm's '~2.000 past reviewed NDAs with redlines, nothing for DD' said NDA triage
    was 'not named, read cautiously': a word of three letters never named a workflow."""
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "NDA triage, invoice matching",
            "logs": "we have ~2.000 past NDAs with redlines, nothing for invoices",
        },
    )
    out = render_report_markdown(r)
    assert "NDA triage: No (not named" not in out
    # and the ~2,000 past NDAs are many logged (was "No (your words for it match no option")
    assert "NDA triage: Yes, many runs with outcomes; invoice matching: No" in out


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "accounts payable and receivable reconciliation",
            ("accounts payable reconciliation", "accounts receivable reconciliation"),
        ),
        (  # was "accounts payable", "receivable reconciliation", "NDA review"
            "accounts payable and receivable reconciliation, NDA review",
            ("accounts payable reconciliation", "accounts receivable reconciliation", "NDA review"),
        ),
        ("contract renewal and legal review", ("contract renewal", "legal review")),  # as before
    ],
)
def test_two_words_alike_share_the_words_around_them(
    catalog: Catalog, typed: str, read: tuple[str, ...]
) -> None:
    """'accounts payable and receivable reconciliation' was two workflows, 'accounts payable'
    (no reconciliation) and 'receivable reconciliation' (no accounts)."""
    assert items(catalog, "automation-frontier", "workflows", typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Rechnungsprüfung und Vertragsprüfung", ("Rechnungsprüfung", "Vertragsprüfung")),
        ("Tourenplanung und Disposition", ("Tourenplanung", "Disposition")),
        (
            "rapprochement bancaire et tri des factures",
            ("rapprochement bancaire", "tri des factures"),
        ),
        ("Kreditoren- und Debitorenabgleich", ("Kreditoren- und Debitorenabgleich",)),
        ("Forschung und Entwicklung", ("Forschung und Entwicklung",)),
    ],
)
def test_two_workflows_joined_by_und_or_et(
    catalog: Catalog, typed: str, read: tuple[str, ...]
) -> None:
    """'Rechnungsprüfung und Vertragsprüfung' was one workflow, scored once."""
    assert items(catalog, "automation-frontier", "workflows", typed) == read
