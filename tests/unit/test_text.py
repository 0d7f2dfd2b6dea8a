"""Splitting to platform limits and quoting user text back, shared by Slack and Teams."""

from __future__ import annotations

import re

from consultations.adapters.slack.blocks import SECTION_LIMIT, split_markdown
from consultations.text import delink, inert, split_text, visible


def test_escaping_after_splitting_never_cuts_an_entity() -> None:
    text = "R&D " * 2000  # 8,000 characters that escape to 16,000
    pieces = split_markdown(text)
    assert all(len(p) <= SECTION_LIMIT for p in pieces)
    joined = "".join(pieces)
    assert "&amp;" in joined and not re.search(r"&(?!amp;|lt;|gt;)", joined)  # no "&am" + "p;"
    assert joined.count("&amp;") == 2000


def test_split_on_word_boundaries_within_a_long_line() -> None:
    words = [f"word{i}" for i in range(3000)]
    pieces = split_text(" ".join(words), 500)
    assert all(len(p) <= 500 for p in pieces)
    assert [w for p in pieces for w in p.split()] == words  # nothing cut, nothing lost


def test_paragraphs_stay_whole_when_they_fit_and_a_cut_fence_is_reopened() -> None:
    text = "intro\n\n```\n" + "\n".join(f"line {i}" for i in range(400)) + "\n```\n\noutro"
    pieces = split_text(text, 1000)
    assert pieces[0].startswith("intro") and pieces[-1].endswith("outro")
    assert all(p.count("```") % 2 == 0 for p in pieces)
    assert all(len(p) <= 1000 for p in pieces)


def test_a_single_unbroken_word_is_cut_hard() -> None:
    pieces = split_text("x" * 2500, 1000)
    assert "".join(pieces) == "x" * 2500 and all(len(p) <= 1000 for p in pieces)


def test_inert_quotes_cannot_mention_link_or_break_markup() -> None:
    hostile = "<!channel> <@U123> <https://evil.example|click> [x](https://evil.example) `code`"
    quoted = inert(hostile, 500)
    assert not any(ch in quoted for ch in "<>[]`")
    assert "https://" not in quoted
    assert inert("@channel and @here") == "@\u200bchannel and @\u200bhere"  # no broadcast
    assert inert("y" * 300, 50) == "y" * 49 + "…"


def test_an_ampersand_is_kept_unless_it_could_start_an_entity() -> None:
    """'M&A' and 'invoices & KYC' are echoed as typed (was a full-width '＆'); '&lt;' and
    '&#60;' cannot be decoded into markup anywhere they are shown."""
    assert inert("M&A due diligence & R&D") == "M&A due diligence & R&D"
    quoted = inert("&lt;!channel&gt; &#60;img&#62;")
    assert "&lt;" not in quoted and "&#60;" not in quoted


def test_a_scheme_word_followed_by_a_space_is_prose_not_a_link() -> None:
    assert delink("Public data: nothing forces it") == "Public data: nothing forces it"
    assert "data:\u200b" in delink("see data:text/html,<b>x</b>")
    assert "javascript:\u200b" in delink("javascript:alert(1)")


def test_quoted_text_loses_invisible_characters_and_keeps_every_visible_one() -> None:
    # a right-to-left override, a zero-width space, a soft hyphen, a C1 control and a bell
    # could hide or reorder what a quote says; accents, €, emoji, CJK, newlines and tabs stay
    typed = "Zoë pays 2 000 €\u202e a month\u200b 🙂\u00ad\n\tGPU\u0085 費用\x07"
    assert visible(typed) == "Zoë pays 2 000 € a month 🙂\n\tGPU 費用"
    assert visible("déjà vu — 5 €") == "déjà vu — 5 €"  # nothing to drop: the text as typed
    assert visible("tab\there\nnext\x1b[31m") == "tab\there\nnext[31m"
    assert inert("a\u2066b\u2069 c") == "ab c"
