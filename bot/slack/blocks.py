"""Slack formatting: our Markdown to mrkdwn, escaping, and splitting to Slack's limits. Pure."""

from __future__ import annotations

import re
from typing import Any

from consultations import messages
from consultations.catalog import Catalog
from consultations.engine import Asked
from consultations.scripts import QuestionType

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


def split_text(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Split on paragraphs, then lines, then hard; a code fence cut in two is reopened."""
    chunks: list[str] = []
    current = ""
    for para in text.split("\n\n"):
        pieces = [para] if len(para) <= limit else _split_long(para, limit)
        for piece in pieces:
            candidate = f"{current}\n\n{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = piece
    if current:
        chunks.append(current)
    return _balance_fences(chunks, limit)


def _split_long(para: str, limit: int) -> list[str]:
    out, current = [], ""
    for line in para.split("\n"):
        while len(line) > limit - 8:
            out.append(line[: limit - 8])
            line = line[limit - 8 :]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit - 8:
            current = candidate
        else:
            out.append(current)
            current = line
    if current:
        out.append(current)
    return out


def _balance_fences(chunks: list[str], limit: int) -> list[str]:
    fixed, carry = [], False
    for chunk in chunks:
        text = ("```\n" + chunk) if carry else chunk
        if text.count("```") % 2 == 1:
            text += "\n```"
            carry = True
        else:
            carry = False
        fixed.append(text)
    return fixed


def report_messages(title: str, body_markdown: str, author: str) -> list[list[Block]]:
    """The report as one or more messages of at most 50 blocks each."""
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": f"Report by {escape(author)}"}],
        },
    ]
    blocks += [section(t) for t in split_text(mrkdwn(neutralise(body_markdown)))]
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


HELP = (
    "*neurips-advisor* turns NeurIPS 2025 research into decisions.\n"
    "• `/neurips consult` — pick one of eight consultations (or `/neurips consult 3`, "
    "`/neurips consult edge-economics`)\n"
    "• Answer in the thread; type `back`, `skip`, `restart` or `cancel` there\n"
    "• `/neurips status` — your consultations and where each stands\n"
    "• `/neurips resume` — continue the latest one\n"
    "• `/neurips cancel` — cancel the latest one in progress\n"
    "• `/neurips triage <arXiv ids or links>` — rank papers by cost, failure and compute "
    "(no arguments: share a CSV or JSONL file in the thread)\n"
    "• `/neurips digest subscribe [#channel] [day] [HH:MM] [time zone]` — a weekly research "
    "digest (also `unsubscribe`, `preview`, `now`)\n"
    "• `/neurips forget` — delete everything stored about you"
)
