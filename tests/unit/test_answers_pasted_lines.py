"""Answers pasted as several lines, the way people copy them from a spreadsheet or a note:
one amount per vendor a line, a numbered list, a figure on a line of its own."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import Catalog


def test_amounts_one_vendor_a_line_are_added_up(catalog: Catalog) -> None:
    """Was $8,000, '“$3,500”, “1.2k” left out': the third had no dollar sign of its own."""
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    answer = parse_answer(
        spend, "OpenAI: $8,000\nAnthropic: $3,500\nMistral (self-hosted): ~1.2k for the box"
    )
    assert answer.number == 12_700 and answer.currency == "USD"
    assert "$8,000 + $3,500 + 1.2k added up" in (answer.note or "")


def test_a_numbered_list_a_line_each_keeps_its_items_whole(catalog: Catalog) -> None:
    """Was '1; PDF chunker for contracts; 2; summariser for call transcripts; 3; also embed
    tickets': each number a pipeline of its own."""
    pipelines = catalog.by_slug("attention-readiness").question("pipelines")
    answer = parse_answer(
        pipelines,
        "1. PDF chunker for contracts\n2. summariser for call transcripts\n"
        "3. we also embed tickets",
    )
    assert answer.items == (
        "PDF chunker for contracts",
        "summariser for call transcripts",
        "also embed tickets",
    )


def test_a_line_saying_what_is_paid_is_no_vendor(catalog: Catalog) -> None:
    """'we pay ~12k/mo total' on its own line was listed as a vendor."""
    vendors = catalog.by_slug("model-convergence").question("vendors")
    answer = parse_answer(
        vendors, "GPT-4o for support chat\n\nClaude for code review\nwe pay ~12k/mo total"
    )
    assert answer.items == ("GPT-4o for support chat", "Claude for code review")
    assert "we pay ~12k/mo total" in (answer.note or "")


def test_zloty_is_a_currency(catalog: Catalog) -> None:
    """'5000 zł' was 5,000 with no currency, shown later in US dollars."""
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    assert parse_answer(spend, "5000 zł").currency == "PLN"
    assert parse_answer(spend, "PLN 5.000").currency == "PLN"
