"""Things a user names or pastes, said back as named: a title is ranked, a description is asked
for by title, "our own SD 1.5 LoRA" is "the SD 1.5 LoRA"."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run


def test_a_paper_described_rather_than_titled_is_not_scored_as_a_title(catalog: Catalog) -> None:
    """'the Qwen gated attention paper' was scored 29/100, 'weak on all three'."""
    pasted = "the Qwen gated attention paper; 4-bit quantization for on-device LLMs"
    r = run(catalog, "research-curation", {"to_triage": pasted})
    first = next(s for s in r.sections if s.title.startswith("First triage")).items
    described = next(x for x in first if x.startswith("the Qwen gated attention paper"))
    assert "/100" not in described and "paste its title" in described
    assert any(x.startswith("4-bit quantization") and "/100" in x for x in first)


def test_our_own_model_is_named_without_our_own(catalog: Catalog) -> None:
    answers = {"vendors": "Midjourney, DALL·E 3 & our own SD 1.5 LoRA"}
    r = run(catalog, "diffusion-ip-risk", answers)
    assert "(the SD 1.5 LoRA)" in r.summary and "own SD" not in r.summary


def test_reading_time_under_an_hour_is_said_in_minutes(catalog: Catalog) -> None:
    r = run(catalog, "research-curation", {"hours": "15 minutes a week tops", "cadence": "monthly"})
    shown = r.figure("Reading time the digest asks for").display
    assert shown.endswith("against your 15 minutes a week")
    assert r.figure("Papers per digest").working.startswith("15 minutes a week ÷")


def test_a_heavy_image_publisher_is_told_what_reviewing_every_image_takes(
    catalog: Catalog,
) -> None:
    answers = {
        "use": "we generate ~40k product & lifestyle images a month that go straight into "
        "personalised emails and the app, no human in the loop",
        "vendors": "Midjourney",
        "content": "brands & logos, sometimes celebrities",
        "jurisdictions": "EU, UK and the US",
        "indemnity": "capped",
        "review": "nobody",
    }
    r = run(catalog, "diffusion-ip-risk", answers)
    load = r.figure("Review load at your volume")
    assert load.value == 40_000
    assert "333 reviewer-hours a month" in load.display
    internal = run(
        catalog, "diffusion-ip-risk", {**answers, "use": "40k mood boards a month, internal only"}
    )
    assert all(f.label != "Review load at your volume" for f in internal.figures)


def test_the_risk_score_says_no_review_where_no_one_reviews(catalog: Catalog) -> None:
    r = run(catalog, "diffusion-ip-risk", {"use": "ads", "review": "nobody"})
    assert "no review before publishing +2" in (r.figure("Risk score").working or "")
