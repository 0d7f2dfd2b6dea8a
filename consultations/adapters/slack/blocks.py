"""Slack formatting: our Markdown to mrkdwn, escaping, and splitting to Slack's limits. Pure."""

from __future__ import annotations

import re
from typing import Any

from consultations import messages
from consultations.catalog import Catalog
from consultations.engine import Asked
from consultations.scripts import QuestionType
from consultations.text import split_text

SECTION_LIMIT = 3000  # characters in one section block's text
BLOCKS_LIMIT = 50  # blocks in one message
TEXT_LIMIT = 4000  # the message's plain-text fallback

_BOLD = re.compile(r"\*\*(.+?)\*\*")
Block = dict[str, Any]


def escape(text: str) -> str:
    """Slack's control characters: with <, > and & escaped, no mention or link can form."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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


def report_messages(title: str, body_markdown: str, author: str) -> list[list[Block]]:
    """The report as one or more messages of at most 50 blocks each."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": f"Report by {escape(author)}"}],
        },
    ]
    blocks += [section(t) for t in split_markdown(body_markdown)]
    return [blocks[i : i + BLOCKS_LIMIT] for i in range(0, len(blocks), BLOCKS_LIMIT)]


def fallback_text(blocks: list[Block]) -> str:
    for b in blocks:
        if b["type"] == "section":
            return b["text"]["text"][:TEXT_LIMIT]
    return "neurips-advisor"


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
