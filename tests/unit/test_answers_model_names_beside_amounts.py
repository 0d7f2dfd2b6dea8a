"""Model names typed beside amounts: "mistral 1.2k" is 1,200 for Mistral, "mistral 7b" is a
model's size, never seven billion dollars; amounts each after a model's name are added up."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("openai 9k, mistral 1.2k", 10_200, "9k + 1.2k added up"),  # was 9,000, “.2k” left out
        ("gpt-4o 8k, claude 3.5 4k", 12_000, "8k + 4k added up"),  # was 8,000, “4k” left out
        ("mistral 7b self-hosted, ~2k/month", 2_000, None),  # was 7,000,000,000
        ("mixtral 8x7b on prem, about 3k a month", 3_000, None),
        ("claude 3k", 3_000, None),
        ("llama 3 70b on our box, openai 5k", 5_000, None),
    ],
)
def test_amounts_beside_model_names_are_read_as_typed(
    catalog: Catalog, typed: str, value: float, said: str | None
) -> None:
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert answer.number == value
    assert (said in (answer.note or "")) if said else "left out" not in (answer.note or "")


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        ("attention-readiness", "context_window", "claude sonnet 4, 200k", 200_000),  # was 4
        ("attention-readiness", "context_window", "mistral large 2 (128k)", 128_000),  # was 2
        ("attention-readiness", "context_window", "claude opus 4.1 200k", 200_000),  # was 4.1
        ("attention-readiness", "context_window", "mistral 2/6 128k", 128_000),  # was 6,128,000
        ("model-convergence", "monthly_spend", "mistral medium 3 about 2k", 2_000),  # was 3
        ("model-convergence", "monthly_spend", "claude sonnet 4 ~8k, gpt-4.1 3k", 11_000),
        ("model-convergence", "upkeep_days", "mistral 2/6 takes 3 days", 3),  # was 6
    ],
)
def test_a_model_named_with_its_tier_or_release_is_no_figure(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    """ "claude sonnet 4", "mistral large 2", "mistral 2/6": the version is part of the name."""
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == value
    assert "left out" not in (answer.note or "")


@pytest.mark.parametrize("typed", ["claude sonnet 4", "mistral 2/6", "mistral large 2"])
def test_a_model_name_alone_is_asked_for_the_figure(catalog: Catalog, typed: str) -> None:
    window = catalog.by_slug("attention-readiness").question("context_window")
    with pytest.raises(AnswerError):
        parse_answer(window, typed)
