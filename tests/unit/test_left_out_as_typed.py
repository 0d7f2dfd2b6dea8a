"""'brainstorming, ad copy variants, a few hours is fine' was said back as '“few hours is fine”
is not one of them, so it is left out': the user's words lost their article. What is left out
is quoted as typed."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("key", "typed", "said"),
    [
        (
            "diverse_tasks",
            "brainstorming, ad copy variants, a few hours is fine",
            "“a few hours is fine” is not one of them",
        ),
        ("vendors", "GPT-4o, Claude, a Gemini pilot we dropped", "“a Gemini pilot we dropped”"),
    ],
)
def test_an_item_left_out_is_quoted_as_typed(
    catalog: Catalog, key: str, typed: str, said: str
) -> None:
    a = parse_answer(catalog.by_slug("model-convergence").question(key), typed)
    assert a.note and said in a.note, a.note
    assert len(a.items or ()) == 2
