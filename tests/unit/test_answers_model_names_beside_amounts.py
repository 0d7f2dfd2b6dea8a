"""Model names typed beside amounts: "mistral 1.2k" is 1,200 for Mistral, "mistral 7b" is a
model's size, never seven billion dollars; amounts each after a model's name are added up."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
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
