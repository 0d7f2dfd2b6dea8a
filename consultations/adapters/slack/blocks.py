"""Slack formatting: our Markdown to mrkdwn (questions, digests, triage) or to a ``markdown``
block (reports), escaping, and splitting to Slack's limits. Pure."""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.models.blocks import MarkdownBlock

from consultations import messages
from consultations.adapters.slack.feedback_blocks import feedback_block
from consultations.adapters.slack.markdown import MARKDOWN_LIMIT, plain, report_markdown
from consultations.catalog import Catalog
from consultations.engine import Asked
from consultations.scripts import QuestionType
from consultations.text import split_text

SECTION_LIMIT = 3000  # characters in one section block's text
BLOCKS_LIMIT = 50  # blocks in one message
TEXT_LIMIT = 4000  # the message's plain-text fallback
NOTIFY_LIMIT = 300  # how much of a report its notification text shows

_BOLD = re.compile(r"\*\*(.+?)\*\*")
Block = dict[str, Any]


def escape(text: str) -> str:
    """Slack's control characters: with <, > and & escaped, no mention or link can form."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_MARKUP = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def as_typed(text: str) -> str:
    """A message's text as its author typed it: Slack sends ``<1s`` as ``&lt;1s``, ``R&D`` as
    ``R&amp;D`` and a typed ``mistral.ai`` as ``<http://mistral.ai|mistral.ai>``. Links become
    their label (or address), mentions ``@name``; channel references stay as Slack wrote them
    (commands read their ids)."""

    def one(m: re.Match[str]) -> str:
        target, label = m[1], m[2]
        if target.startswith("#"):
            return m[0]
        if target.startswith(("@", "!")):
            name = label or target[1:].split("^")[0]
            return name if name.startswith("@") else f"@{name}"
        return label or target.removeprefix("mailto:")

    text = _MARKUP.sub(one, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


_CHANNEL = re.compile(r"<#([A-Z0-9]+)(?:\|([^<>]*))?>")
_SHORTCODES = re.compile(r"[ \t]*(?<![\w:])(?::(?!\d+:)[a-z0-9_+'-]+:)+(?![\w:])")  # :rocket:
_EMPHASIS = re.compile(r"(?<![\w*_])([*_])(?=\S)([^\n]*?\S)\1(?![\w*_])")  # *b* _i_ ("~" is
# left alone: "~5%" is about 5%, more often than a struck-out word)
_CODE = re.compile(r"```|`")
_NODS = {
    **dict.fromkeys((":+1:", ":thumbsup:", ":white_check_mark:", ":heavy_check_mark:"), "yes"),
    **dict.fromkeys((":-1:", ":thumbsdown:", ":x:"), "no"),
}


def as_answered(typed: str) -> str:
    """An answer typed in a thread (already :func:`as_typed`) as its words: a channel named
    as ``#name``, Slack's formatting marks (``*bold*``, ``_italic_``, code)
    and emoji codes (``:rocket:``) left out, so '*Claude*' is the vendor Claude."""
    text = _CHANNEL.sub(lambda m: f"#{m[2] or m[1]}", typed)
    nod = _NODS.get(re.sub(r"::skin-tone-\d:", ":", text.strip()))
    if nod:  # a thumbs-up alone is a yes
        return nod
    text = _CODE.sub("", _SHORTCODES.sub("", text))
    for _ in range(3):  # nested: *_bold italic_*
        text = _EMPHASIS.sub(r"\2", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def neutralise(text: str) -> str:
    """Untrusted text (model output, user echoes) made inert: escaped, and @here-style words
    broken so they cannot notify a channel even where Slack parses them."""
    text = escape(text)
    return re.sub(r"@(channel|here|everyone)\b", "@\u200b\\1", text, flags=re.IGNORECASE)


def mrkdwn(markdown: str) -> str:
    """Our Markdown (``**bold**``) as Slack mrkdwn (``*bold*``)."""
    return _BOLD.sub(r"*\1*", markdown)


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:SECTION_LIMIT]}}


def _slack_size(markdown: str) -> int:
    """How long a piece of our Markdown is once it is mrkdwn with untrusted text escaped."""
    return len(mrkdwn(neutralise(markdown)))


def split_markdown(markdown: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Untrusted Markdown as mrkdwn pieces of at most ``limit`` characters: split first, on
    paragraphs, lines and words, then escape each piece (no ``&amp;`` is ever cut)."""
    return [mrkdwn(neutralise(p)) for p in split_text(markdown, limit, size=_slack_size)]


# a first paragraph in italics that says who wrote the report ("_Offline analysis: written by …_")
_CREDIT_NOTE = re.compile(r"\A_([^_\n]{1,300})_[ \t]*(?:\n\n+|\Z)")


def report_messages(title: str, body_markdown: str, author: str) -> list[list[Block]]:
    """The report as one or more messages: a title, who wrote it, then the body (untrusted:
    made inert; its title line left out, the header shows it) in one ``markdown`` block per
    message, a new message only past Slack's 12,000 characters of Markdown in one message.
    A note opening the body with the author's name is shown as the credit under the title,
    so the body opens with the verdict and the credit is not said twice."""
    markdown = report_markdown(body_markdown, title)
    credit = f"Report by {escape(author)}"
    note = _CREDIT_NOTE.match(markdown)
    if note and author.strip() and note[1].casefold().startswith(author.strip().casefold()):
        credit, markdown = neutralise(f"_{note[1]}_"), markdown[note.end() :]
    body = [markdown_block(p) for p in split_text(markdown, MARKDOWN_LIMIT)]
    head: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": credit}]},
    ]
    return [[*head, *body[:1]], *([b] for b in body[1:])]


def closed(report: list[list[Block]], cid: str) -> list[list[Block]]:
    """The report's messages with what a reader can do next under the last one: change an
    answer (as the terminal says under its report) and 👍/👎; in a message of their own when
    the last one has no room left."""
    what_if = {"type": "context", "elements": [{"type": "mrkdwn", "text": messages.WHAT_IF}]}
    closing = [what_if, feedback_block(cid)]
    if len(report[-1]) + len(closing) <= BLOCKS_LIMIT:
        return [*report[:-1], [*report[-1], *closing]]
    return [*report, closing]


def markdown_block(text: str) -> Block:
    """Slack's ``markdown`` block: standard Markdown, at most 12,000 characters (the SDK's
    model checks it here, before Slack would refuse the message)."""
    return MarkdownBlock(text=text).to_dict()


def fallback_text(blocks: list[Block]) -> str:
    """The message's ``text``, what a notification shows: the title and the report's opening
    as plain text (Slack reads ``text`` as mrkdwn: escaped)."""
    title = next((b["text"]["text"] for b in blocks if b["type"] == "header"), "")
    for b in blocks:
        if b["type"] == "markdown":
            opening = plain(b["text"])
            if len(opening) > NOTIFY_LIMIT:
                opening = opening[: NOTIFY_LIMIT - 1] + "…"
            return neutralise(f"{title}: {opening}" if title else opening)[:TEXT_LIMIT]
    return neutralise(title) or "neurips-advisor"


def question_blocks(asked: Asked, cid: str) -> list[Block]:
    """A question, with buttons when it is a choice (pressing one answers with its number)."""
    blocks = [section(mrkdwn(neutralise(messages.question(asked))))]
    q = asked.question
    if q.type is QuestionType.CHOICE and not q.multiple:
        blocks.append(
            {
                "type": "actions",
                "block_id": f"answer:{cid}:{q.key}",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": label[:75]},
                        "action_id": f"answer_choice_{number}",
                        "value": f"{cid}|{number}",
                    }
                    for number, label in messages.choice_labels(q)
                ][:25],
            }
        )
    return blocks


def picker_blocks(catalog: Catalog) -> list[Block]:
    """The eight consultations as buttons."""
    blocks: list[Block] = [section("*Which consultation?* Each asks one question at a time.")]
    for s in catalog.scripts:
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f"*{s.number}. {s.title}*\n{s.decision}"},
                "accessory": {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Start"},
                    "action_id": f"start_consultation_{s.number}",
                    "value": s.slug,
                },
            }
        )
    return blocks
