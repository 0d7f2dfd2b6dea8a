"""Research curation: 'HAL' (the French open archive) typed as a source was dropped with
'“HAL” matches no option, so it is left out'; a source we do not know is the user's own."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog, load_catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run, section_items


def test_a_source_we_do_not_know_is_kept_as_the_users_own(catalog: Catalog) -> None:
    r = run(catalog, "research-curation", {"sources": "arXiv, HAL"})
    profile = " ".join(section_items(r, "Your curation profile"))
    assert "HAL" in profile
    assert "Sources the digest reads: arXiv" in profile
    assert "HAL" in render_report_markdown(r)


def test_the_answer_says_it_is_kept_not_left_out(catalog: Catalog) -> None:
    q = catalog.by_slug("research-curation").question("sources")
    a = parse_answer(q, "HAL, OpenReview")
    assert a.choices == ("openreview",)
    assert a.note is not None and "HAL" in a.note and "left out" not in a.note, a.note


def test_known_sources_only_add_nothing_of_their_own(catalog: Catalog) -> None:
    r = run(catalog, "research-curation", {"sources": "arXiv, OpenReview"})
    assert not any("your own" in i for i in section_items(r, "Your curation profile"))


def test_a_source_of_ones_own_alone_is_kept_not_refused(catalog: Catalog) -> None:
    q = catalog.by_slug("research-curation").question("sources")
    for typed in ("HAL", "Papers with Code", "HAL, twitter"):
        a = parse_answer(q, typed)
        assert a.choices == (), typed
        assert a.note is not None and "kept as your" in a.note, a.note
        assert a.display(q) == "none of the options", a.display(q)
    r = run(catalog, "research-curation", {"sources": "HAL"})
    profile = " ".join(section_items(r, "Your curation profile"))
    assert "Sources the digest reads: arXiv" in profile, profile
    assert "Not read by the digest: HAL (your own)" in profile, profile
    assert "No source it can fetch given: the digest reads arXiv." in r.assumptions


def test_a_hedge_or_keyboard_mash_alone_is_still_asked_again(catalog: Catalog) -> None:
    q = catalog.by_slug("research-curation").question("sources")
    for typed in ("idk", "asdf", "same", "I read stuff my colleagues send me on slack mostly"):
        with pytest.raises(AnswerError):
            parse_answer(q, typed)


@pytest.mark.parametrize("typed", ["n/a", "none", "nothing really", "keine"])
def test_none_at_the_optional_sources_skips_them(typed: str) -> None:
    """'n/a' at the optional sources question showed the option list again; no option there
    says "none", so it is the question skipped (the digest then reads arXiv, and says so)."""
    q = load_catalog().by_slug("research-curation").question("sources")
    assert parse_answer(q, typed).skipped
