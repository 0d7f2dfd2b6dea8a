"""The report's one Markdown rendering (Slack's markdown block, its stream, its canvas): standard
Markdown that shows what ours meant, with nothing in it able to link or mention. Pure."""

from __future__ import annotations

import re

from consultations.adapters.slack import blocks as kit
from consultations.adapters.slack.markdown import (
    MARKDOWN_LIMIT,
    inert_markdown,
    report_markdown,
    standard_markdown,
)

HOSTILE = (
    "<!channel> <!here|here> @everyone <@U0EVIL> <#C0EVIL|secret> <https://evil.example|x> "
    "[click](https://evil.example/x) ![img](https://evil.example/i.png) <img src=x> "
    "https://evil.example/raw www.evil.example evil.example/path mailto:a@evil.example "
    "&lt;!channel&gt; &#60;@U0EVIL&#62; &#x3c;!here&#x3e;"
)
LIVE = [
    re.compile(r"<[!@#a-z/]", re.IGNORECASE),  # Slack mentions, autolinks, HTML
    re.compile(r"(?<!\u200b)@(channel|here|everyone)\b", re.IGNORECASE),
    re.compile(r"\]\(|\[[^\]]*\]"),  # Markdown links and images
    re.compile(r"(https?|mailto):(?!\u200b)", re.IGNORECASE),  # a scheme: auto-linked
    re.compile(r"evil\.example", re.IGNORECASE),  # an address: auto-linked
    re.compile(r"&#?[0-9a-z]+;", re.IGNORECASE),  # a character reference: becomes "<" again
]


def live(text: str) -> list[str]:
    return [m.group(0) for p in LIVE for m in p.finditer(text)]


def test_hostile_text_in_a_report_can_neither_link_nor_mention() -> None:
    assert live(HOSTILE)  # the patterns do catch it raw
    assert live(report_markdown(HOSTILE)) == []
    assert live(inert_markdown(HOSTILE)) == []
    (message,) = kit.report_messages("Title", f"**Verdict: go.** You said: {HOSTILE}", "x")
    (body,) = [b for b in message if b["type"] == "markdown"]
    assert live(body["text"]) == [] and "**Verdict: go.**" in body["text"]  # markup stays
    assert live(kit.fallback_text(message).replace("&amp;", "")) == []


def test_streamed_pieces_cut_at_whitespace_are_as_inert_as_the_whole() -> None:
    pieces = re.findall(r"\S+\s*", HOSTILE)
    assert "".join(inert_markdown(p) for p in pieces) == inert_markdown(HOSTILE)


def test_our_markdown_becomes_standard_markdown_that_shows_the_same() -> None:
    ours = (
        "**Edge economics**\n**Verdict: pilot it.**\nSummary.\n\n"
        "**The numbers**\n• API: **$40,500**\n  • nested\n\n"
        "**Costs**\n```\nrow  one\nrow  two\n```\n\n"
        "1. **First** — do it\n2. **Then** — check\nAfter the list.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert standard_markdown(ours) == (
        "**Edge economics**\n\n**Verdict: pilot it.**\n\nSummary.\n\n"
        "**The numbers**\n- API: **$40,500**\n  - nested\n\n"
        "**Costs**\n```\nrow  one\nrow  two\n```\n\n"
        "1. **First** — do it\n2. **Then** — check\n\nAfter the list.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |"
    )


def test_a_long_report_is_one_markdown_block_per_message_within_slacks_limit() -> None:
    paragraphs = [f"Paragraph {n}: " + " ".join(f"w{n}x{i}" for i in range(300)) for n in range(20)]
    messages = kit.report_messages("Title", "\n\n".join(paragraphs), "the advisor")
    assert len(messages) >= 3  # about 40,000 characters
    assert messages[0][0]["type"] == "header" and all(
        m[0]["type"] == "markdown" for m in messages[1:]
    )
    for m in messages:
        assert sum(len(b["text"]) for b in m if b["type"] == "markdown") <= MARKDOWN_LIMIT
    text = "\n\n".join(b["text"] for m in messages for b in m if b["type"] == "markdown")
    assert text.split() == "\n\n".join(paragraphs).split()  # nothing lost, nothing repeated


def test_the_notification_text_is_the_title_and_the_verdict_in_plain_text() -> None:
    """The note in italics above the verdict would take the notification's few words."""
    body = "_Offline analysis._\n\n**Verdict: go.**\n\nSummary _here_."
    (message,) = kit.report_messages("Edge economics", body, "offline analysis")
    assert kit.fallback_text(message) == "Edge economics: Verdict: go. Summary here."
    why = "_Claude's figures did not add up; this is the offline analysis._"
    (message,) = kit.report_messages("Edge economics", f"{why}\n\n{body}", "offline analysis")
    assert kit.fallback_text(message).startswith(  # a notice is news: it is told first
        "Edge economics: Claude's figures did not add up; this is the offline analysis."
    )


def test_the_title_is_shown_once_in_the_header_not_again_in_the_body() -> None:
    body = "_Offline analysis._\n\n**Edge economics**\n\n**Verdict: pilot it.**"
    (message,) = kit.report_messages("Edge economics", body, "offline analysis")
    assert message[0]["text"]["text"] == "Edge economics"
    markdown = "".join(b["text"] for b in message if b["type"] == "markdown")
    assert "Edge economics" not in markdown
    assert markdown.startswith("**Verdict: pilot it.**")  # the verdict first


def test_the_note_naming_who_wrote_it_is_the_credit_under_the_title_not_said_twice() -> None:
    """Before: 'Report by offline analysis', then '_Offline analysis: written by the built-in
    advisor…_' as the body's first line, the verdict only after it."""
    note = "_Offline analysis: written by the built-in advisor, without an AI model._"
    (message,) = kit.report_messages("Edge", f"{note}\n\n**Verdict: go.**", "offline analysis")
    credit = message[1]["elements"][0]["text"]
    assert credit == note and message[2]["text"] == "**Verdict: go.**"
    for other, author in (  # a note by someone else, or a notice naming the author, stays
        ("_Figures as of <today> & R&D._\n\n**Verdict: go.**", "Claude"),
        ("_Claude's figures did not add up; this is the offline analysis._", "offline analysis"),
    ):
        (message,) = kit.report_messages("Edge", other, author)
        assert message[1]["elements"][0]["text"] == f"Report by {author}"
        assert message[2]["text"].startswith(other[:12])


def test_an_answer_keeps_its_words_and_loses_slacks_marks() -> None:
    said = {
        ":openai: GPT-4o for chat :rocket:, *Claude* for code": "GPT-4o for chat, Claude for code",
        "ads for <#C99|marketing>": "ads for #marketing",
        ":+1::skin-tone-3:": "yes",
        ":thumbsdown:": "no",
        "```contract chunker```": "contract chunker",
        # left as typed: approximations, products, times, arithmetic, names with underscores
        "~5%, maybe ~8%": "~5%, maybe ~8%",
        "9:30:00 and 2*3*4": "9:30:00 and 2*3*4",
        "gpt_4o_mini and snake_case": "gpt_4o_mini and snake_case",
        "5 * 3 and 4 * 2": "5 * 3 and 4 * 2",
    }
    assert {typed: kit.as_answered(kit.as_typed(typed)) for typed in said} == said


def test_under_the_report_the_reader_is_told_answers_can_still_change_then_asked_for_a_vote() -> (
    None
):
    """The terminal says 'What if? Type `edit N`…' under its report; Slack said nothing, though
    a correction typed in the thread rewrites the report there too."""
    body = "_Offline analysis._\n\n**Verdict: go.**"
    (message,) = kit.closed(kit.report_messages("Edge economics", body, "x"), "c0ffee00")
    what_if, vote = message[-2:]
    assert what_if["type"] == "context" and "`edit N`" in what_if["elements"][0]["text"]
    assert "written again" in what_if["elements"][0]["text"]
    assert vote["type"] == "context_actions"  # 👍/👎 last
    full = [[kit.section(str(n)) for n in range(kit.BLOCKS_LIMIT - 1)]]
    first, closing = kit.closed(full, "c0ffee00")  # no room: a message of their own
    assert first == full[0] and [b["type"] for b in closing] == ["context", "context_actions"]
