"""Option numbers typed first, then a comment: the numbers count. '1 and 3, also the 2023
models hallucinated HS codes' was read as 'Models were not good enough' alone."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import load_catalog


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        (
            "1 and 3, also the 2023 models hallucinated HS codes",
            ("variability", "models", "data"),
        ),
        ("1, 5 - and honestly I am alone, no time to build", ("variability", "cost")),
        ("2; the rest is fine", ("models",)),
    ],
)
def test_numbers_before_a_comment_are_kept(typed: str, picked: tuple[str, ...]) -> None:
    q = load_catalog().by_slug("automation-frontier").question("why_shelved")
    assert set(parse_answer(q, typed).choices or ()) == set(picked)


def test_a_range_at_a_single_choice_is_not_an_option_number() -> None:
    q = load_catalog().by_slug("edge-economics").question("latency")
    assert parse_answer(q, "1 - 2 seconds is fine").choices != ("realtime",)
