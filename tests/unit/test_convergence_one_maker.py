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


def test_one_text_vendor_among_three_does_not_show_their_upkeep_as_nothing(
    catalog: Catalog,
) -> None:
    """'we only use one for text' with Claude, Midjourney and OpenAI embeddings left the upkeep
    question unasked (one vendor, nothing extra to keep up) and the report showed 'Upkeep of
    extra vendors per month: €0 (2 extra × 0 engineer-days × €800 a day)'."""
    from consultations.advisors import advise
    from consultations.advisors.base import AdvisorInput
    from consultations.answers import parse_answer
    from consultations.moot import settled_answer

    script = catalog.by_slug("model-convergence")
    typed = {
        "vendors": "Claude for everything, plus Midjourney for marketing images and OpenAI "
        "embeddings for search",
        "reasons": "we only use one for text",
        "monthly_spend": "€4.000",
        "diverse_tasks": "ad visuals, taglines",
        "outage_tolerance": "minutes",
    }
    answers = {k: parse_answer(script.question(k), v) for k, v in typed.items()}
    answers["upkeep_days"] = settled_answer(script.question("upkeep_days"))  # as the chat does
    r = advise(AdvisorInput(script, answers, catalog.context))
    labels = [f.label for f in r.figures]
    assert not any(label.startswith("Upkeep") for label in labels), labels
    assert any(
        "Upkeep was not asked (you named one vendor for text)" in a for a in r.assumptions
    ), r.assumptions
