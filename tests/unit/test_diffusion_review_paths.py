"""Diffusion IP: a review answer naming one path checked and another not is rated by the
weaker path, never refused with 'just one, please'."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import load_catalog


def test_every_image_checked_but_one_team_posts_directly_is_rated_as_nobody() -> None:
    q = load_catalog().by_slug("diffusion-ip-risk").question("review")
    a = parse_answer(
        q, "art director checks everything, but the community team posts directly on Discord"
    )
    assert a.choices == ("none",)
    assert a.note is not None and "weakest" in a.note


def test_editor_checks_everything_social_posts_directly() -> None:
    q = load_catalog().by_slug("diffusion-ip-risk").question("review")
    a = parse_answer(q, "editor checks everything, but social team posts directly")
    assert a.choices == ("none",)
