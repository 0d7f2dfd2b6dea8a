"""Block Kit views: the Home tab and the forget confirmation."""

from __future__ import annotations

from typing import Any

from bot.slack.context import SlackContext, thread_link
from consultations import messages
from consultations.adapters.slack import blocks as kit
from consultations.state import Owner, Status


def forget_confirmation() -> list[kit.Block]:
    return [
        kit.section(
            "*Delete everything stored about you?* Every consultation, answer and "
            "report. This cannot be undone."
        ),
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "style": "danger",
                    "action_id": "forget_confirm",
                    "text": {"type": "plain_text", "text": "Delete everything"},
                    "value": "yes",
                },
                {
                    "type": "button",
                    "action_id": "forget_cancel",
                    "text": {"type": "plain_text", "text": "Keep"},
                    "value": "no",
                },
            ],
        },
    ]


def home_view(ctx: SlackContext, owner: Owner, notice: str = "") -> dict[str, Any]:
    """The Home tab: what is in progress and finished, and the eight to start (``notice``:
    mrkdwn said first, e.g. where a consultation just started from here went)."""
    catalog = ctx.app.catalog
    found = ctx.app.service.consultations(owner)
    rows: list[kit.Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "NeurIPS 2025 advisor"}},
        *([kit.section(notice)] if notice else []),
    ]
    for title, wanted in (("In progress", True), ("Finished", False)):
        mine = [
            c
            for c in found
            if (c.status is Status.ACTIVE) == wanted and c.status is not Status.CANCELLED
        ]
        lines = [
            kit.mrkdwn(messages.status_line(catalog.by_slug(c.slug), c)) + thread_link(c)
            for c in mine
        ]
        rows.append(kit.section(listed(f"*{title}*", lines)))
    rows += kit.picker_blocks(catalog)[1:]
    return {"type": "home", "blocks": rows[: kit.BLOCKS_LIMIT]}


def note_view(ctx: SlackContext, note: str) -> dict[str, Any]:
    """The Home tab when what is stored cannot be read: the ``note`` (mrkdwn) saying so, and
    the eight to start (the catalog is in memory)."""
    rows: list[kit.Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "NeurIPS 2025 advisor"}},
        kit.section(note),
        *kit.picker_blocks(ctx.app.catalog)[1:],
    ]
    return {"type": "home", "blocks": rows[: kit.BLOCKS_LIMIT]}


def listed(title: str, lines: list[str]) -> str:
    """A titled list in one section: whole lines only (a line cut at Slack's limit broke its
    link), and how many more did not fit."""
    if not lines:
        return f"{title}\n_none_"
    text = title
    for n, line in enumerate(lines):
        more = f"\n…and {len(lines) - n} more: `/neurips status` lists them all."
        if len(text) + 1 + len(line) + (len(more) if n < len(lines) - 1 else 0) > kit.SECTION_LIMIT:
            return text + more
        text += "\n" + line
    return text
