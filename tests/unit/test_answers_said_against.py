"""Options a user rules out ("everything except newsletters", "not budget") and answers taken
back mid-line ("weekly, no, monthly"): read as meant and said back, never inverted."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog

CURATION, SYNTHESIS, DIFFUSION = "research-curation", "strategy-synthesis", "diffusion-ip-risk"

ALL_BUT = [  # (consultation, question, typed, the options read)
    (
        CURATION,
        "sources",
        "all of them except newsletters",
        ("arxiv", "openreview", "rss", "neurips2025", "colm2025"),
    ),
    (
        CURATION,
        "sources",
        "everything but newsletters and blogs",
        ("arxiv", "openreview", "neurips2025", "colm2025"),
    ),
    (CURATION, "sources", "arxiv and openreview, excluding newsletters", ("arxiv", "openreview")),
    (SYNTHESIS, "constraints", "everything except latency", ("budget", "regulation", "data", "skills")),
    (
        SYNTHESIS,
        "constraints",
        "all of the above apart from skills",
        ("budget", "regulation", "data", "latency"),
    ),
]


@pytest.mark.parametrize(("slug", "key", "typed", "values"), ALL_BUT)
def test_everything_but_an_option_leaves_that_option_out_and_says_so(
    catalog: Catalog, slug: str, key: str, typed: str, values: tuple[str, ...]
) -> None:
    q = catalog.by_slug(slug).question(key)
    answer = parse_answer(q, typed)
    assert answer.choices == values
    if typed.startswith(("all", "every")):
        assert answer.note is not None and "all but" in answer.note


@pytest.mark.parametrize(
    ("slug", "key", "typed"),
    [
        (CURATION, "sources", "not newsletters"),
        (SYNTHESIS, "constraints", "not budget"),
        (CURATION, "cadence", "anything but daily"),
    ],
)
def test_an_option_only_ruled_out_is_never_picked(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    q = catalog.by_slug(slug).question(key)
    ruled_out = typed.split()[-1]
    try:
        answer = parse_answer(q, typed)
    except AnswerError:
        return  # asked again: fine
    assert all(ruled_out not in q.label_of(v).casefold() for v in answer.choices), answer
