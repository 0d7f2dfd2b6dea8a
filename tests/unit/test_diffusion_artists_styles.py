"""'artists sometimes prompt "in the style of" famous illustrators' was read as real people's
likenesses ('famous'): an illustrator's style is artwork, not a face."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import load_catalog


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        (
            'our own characters mostly, but artists sometimes prompt "in the style of" famous '
            "illustrators; also fan-favourite franchise look-alikes are a risk",
            ("characters",),
        ),
        ("famous people and celebrities", ("likenesses",)),
        ("famous footballers' faces", ("likenesses",)),
    ],
)
def test_a_famous_illustrators_style_is_artwork(typed: str, picked: tuple[str, ...]) -> None:
    q = load_catalog().by_slug("diffusion-ip-risk").question("content")
    assert parse_answer(q, typed).choices == picked
