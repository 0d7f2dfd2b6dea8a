"""Model convergence for a 5-person startup: 'just OpenAI, GPT-4o-mini for everything' is
one vendor, said once."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items


def test_a_maker_named_beside_its_model_is_not_repeated(catalog: Catalog) -> None:
    """The line read 'OpenAI (OpenAI; GPT-4o-mini for everything)' and the count 'OpenAI and
    GPT-4o-mini for everything count as one vendor, OpenAI'."""
    r = run(
        catalog,
        "model-convergence",
        {
            "vendors": "just OpenAI, GPT-4o-mini for everything",
            "reasons": "we only use one",
            "monthly_spend": "200 bucks",
            "outage_tolerance": "hours",
        },
    )
    (line,) = section_items(r, "Keep or cut")
    assert line.startswith("OpenAI (GPT-4o-mini for everything) — keep"), line
    working = r.figure("Vendors in use").working
    assert working == "GPT-4o-mini for everything counts as OpenAI", working
    two = run(catalog, "model-convergence", {"vendors": "GPT-4o for chat, GPT-4o-mini for tags"})
    assert two.figure("Vendors in use").working == (
        "GPT-4o for chat and GPT-4o-mini for tags count as one vendor, OpenAI"
    )
