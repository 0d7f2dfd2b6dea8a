"""A report's tables fit a laptop-sized chat window: no line of a code block wider than 60
characters (Slack, Teams and the terminal show the same rendering), and no word lost."""

from __future__ import annotations

import re

import pytest

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run

BANK = {
    "reasoning-telemetry": {
        "agents": "claims triage agent, underwriting assistant, KYC document checker",
        "tools": "MCP servers for Jira and GitHub, SQL queries against the policy warehouse, "
        "sanctions screening API, web search",
        "audit": "3",
        "runs_per_day": "350k runs a day",
    },
    "edge-economics": {
        "requests": "about 40M",
        "tokens": "2500 in, 600 out",
        "price": "$2.50 / $10",
        "local_cost": "$400,000 hardware, $35,000 a month",
    },
    "automation-frontier": {
        "workflows": "invoice exception handling, KYC periodic reviews, claims subrogation",
    },
}


def code_blocks(markdown: str) -> list[str]:
    return re.findall(r"```\n(.*?)\n```", markdown, flags=re.DOTALL)


@pytest.mark.parametrize("slug", sorted(BANK))
def test_a_large_companys_tables_are_at_most_sixty_characters_wide(
    catalog: Catalog, slug: str
) -> None:
    report = run(catalog, slug, BANK[slug])
    assert report.tables
    text = render_report_markdown(report)
    for block in code_blocks(text):
        assert max(len(line) for line in block.split("\n")) <= 60, block
    for table, block in zip(report.tables, code_blocks(text), strict=True):
        words = [w for row in (table.columns, *table.rows) for cell in row for w in cell.split()]
        assert sorted(block.replace("-", " ").split()) == sorted(
            w for w in " ".join(words).replace("-", " ").split()
        )  # every word of every cell, none lost and none added


def test_a_narrow_table_is_left_as_it_was(catalog: Catalog) -> None:
    report = run(catalog, "automation-frontier", {"workflows": "billing"})
    (block,) = code_blocks(render_report_markdown(report))
    lines = block.split("\n")
    assert len(lines) == 2 + len(report.tables[0].rows)  # header, rule, one line a row


def test_the_edge_cost_table_does_not_repeat_the_working_listed_just_above_it(
    catalog: Catalog,
) -> None:
    report = run(catalog, "edge-economics", BANK["edge-economics"])
    text = render_report_markdown(report)
    working = report.figure("API input cost per month").working
    assert working is not None and text.count(working) == 1  # in the numbers, not the table
    (table,) = [t for t in report.tables if t.title == "Monthly cost"]
    assert [r[0] for r in table.rows][:3] == ["API input", "API output", "API total"]


def test_the_break_even_table_needs_no_wrapping(catalog: Catalog) -> None:
    """Its cells said 'about 910,600 requests a month' and wrapped, each row over three lines;
    the unit is in the column's name now, so every row is one line."""
    r = run(catalog, "edge-economics", BANK["edge-economics"])
    table = next(t for t in r.tables if t.title == "Break-even volume if things change")
    assert table.columns[1] == "requests a month"
    block = next(b for b in code_blocks(render_report_markdown(r)) if "API price halved" in b)
    rows = block.splitlines()[2:]
    assert len(rows) == 4 and all(row.split("  ")[-1].strip().startswith("about ") for row in rows)


def test_a_long_german_workflow_name_wraps_between_words_not_inside_one(catalog: Catalog) -> None:
    """ "Reklamationsbearbeitung mit Lieferantenrückfragen" was cut to "Reklamationsbearbeitun"
    and "g mit" in the automation shortlist."""
    workflows = "Reklamationsbearbeitung mit Lieferantenrückfragen, Angebotserstellung"
    report = run(catalog, "automation-frontier", {"workflows": workflows})
    (block,) = code_blocks(render_report_markdown(report))
    assert max(len(line) for line in block.split("\n")) <= 60, block
    words = block.split()
    for word in ("Reklamationsbearbeitung", "Lieferantenrückfragen", "Angebotserstellung"):
        assert word in words, block
