"""A roadmap step that joins two ('…, then …') says its second half as a sentence: 'Then: Beside
the people doing the work, a person approving every action …' told no one what to do."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run

LOGISTICS = {
    "role": "Head of Ops at a logistics firm",
    "industry": "logistics",
    "team_size": "6 developers",
    "ai_use": "ChatGPT Team for everyone, a small copilot in our TMS for freight documents",
    "constraints": "budget, data residency and privacy",
    "goals": "capture freight documents automatically by Q2; answer customer emails half "
    "automatically; cut cost per shipment by 10%",
}


def test_each_then_clause_says_what_to_do(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", LOGISTICS)
    thens = [
        rec.detail.split(" Then: ", 1)[1] for rec in r.recommendations if " Then: " in rec.detail
    ]
    assert any(t.startswith("Run it beside the people doing the work") for t in thens), thens
    assert any(t.startswith("Fix them in the order the map ranks them") for t in thens), thens
    assert not any(t.startswith(("Beside", "In the order", "Whichever")) for t in thens), thens
