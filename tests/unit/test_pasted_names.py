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
