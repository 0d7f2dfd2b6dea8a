"""Roadmap: a role typed at 'Which industry are you in?' is asked again, not kept as the
industry ('A roadmap for you as Head of Digital, in Chief Medical Information Officer')."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.answers.model import AnswerError
from consultations.catalog import load_catalog


def _industry():  # type: ignore[no-untyped-def]
    return load_catalog().by_slug("strategy-synthesis").question("industry")


@pytest.mark.parametrize(
    "typed", ["Chief Medical Information Officer", "VP Engineering", "I'm the CTO", "head of data"]
)
def test_a_role_alone_is_asked_again_as_an_industry(typed: str) -> None:
    with pytest.raises(AnswerError, match="reads like a role"):
        parse_answer(_industry(), typed)


@pytest.mark.parametrize(
    "typed",
    [
        "healthcare",
        "CTO at a bank",
        "CTO at Siemens",
        "CFO in retail",
        "head of digital at a hospital group",
        "engineering services",
        "management consulting",
        "hospital group, public",
        "secteur public",
    ],
)
def test_an_industry_is_kept(typed: str) -> None:
    assert parse_answer(_industry(), typed).text == typed
