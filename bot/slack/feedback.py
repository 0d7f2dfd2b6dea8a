"""👍/👎 on a report: the owner's click is stored with the consultation (under their own keys),
counted per kind of consultation in the logs, and a 👎 asks one optional question in a modal:
"what was off?". Others' clicks on someone's report are not stored; they are told so."""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from slack_bolt.async_app import AsyncApp

from bot.slack.context import SlackContext, owner_of
from consultations.adapters.slack.feedback_blocks import (
    FEEDBACK_ACTION,
    NOTE_VIEW,
    parse_value,
)
from consultations.service import NotFound

log = structlog.get_logger(__name__)
NOT_YOURS = "Only the person who asked for this report can rate it."
THANKS = "Thanks for the feedback."
NOTE_LIMIT = 2000


def note_modal(cid: str, title: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": NOTE_VIEW,
        "private_metadata": cid,
        "title": {"type": "plain_text", "text": "What was off?"},
        "submit": {"type": "plain_text", "text": "Send"},
        "close": {"type": "plain_text", "text": "Skip"},
        "blocks": [
            {
                "type": "input",
                "block_id": "note",
                "optional": True,
                "label": {"type": "plain_text", "text": f"About {title}"[:2000]},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "note",
                    "multiline": True,
                    "max_length": NOTE_LIMIT,
                    "placeholder": {
                        "type": "plain_text",
                        "text": "Optional: a wrong figure, a missing option, the wrong advice…",
                    },
                },
            }
        ],
    }


def register(bolt: AsyncApp, ctx: SlackContext) -> None:
    service, feedback = ctx.app.service, ctx.app.feedback

    async def tell(body: dict[str, Any], user: str, text: str) -> None:
        channel = (body.get("channel") or {}).get("id")
        if not channel:
            return
        thread = (body.get("container") or {}).get("thread_ts")
        extra = {"thread_ts": thread} if thread else {}
        await ctx.client.chat_postEphemeral(channel=channel, user=user, text=text, **extra)

    @bolt.action(FEEDBACK_ACTION)
    async def on_feedback(ack, body, action) -> None:
        await ack()
        parsed = parse_value(action.get("value"))
        if parsed is None:
            log.warning("slack.feedback_bad_value")
            return
        vote, cid = parsed
        owner = owner_of(body, body["user"]["id"])
        try:
            c = await asyncio.to_thread(service.get, owner, cid)
        except (NotFound, ValueError):
            await tell(body, owner.user, NOT_YOURS)
            return
        changed = await asyncio.to_thread(feedback.vote, owner, cid, c.slug, vote)
        up, down = await asyncio.to_thread(feedback.counts, c.slug)
        log.info(
            "slack.report_feedback",
            cid=cid,
            slug=c.slug,
            vote=vote,
            changed=changed,
            slug_up=up,
            slug_down=down,
        )
        if vote == "down" and body.get("trigger_id"):
            title = ctx.app.catalog.by_slug(c.slug).title
            await ctx.client.views_open(trigger_id=body["trigger_id"], view=note_modal(cid, title))
            return
        await tell(body, owner.user, THANKS)

    @bolt.view(NOTE_VIEW)
    async def on_note(ack, body, view) -> None:
        await ack()
        cid = str(view.get("private_metadata") or "")
        parsed = parse_value(f"down|{cid}")
        values = (view.get("state") or {}).get("values") or {}
        text = str(((values.get("note") or {}).get("note") or {}).get("value") or "").strip()
        if parsed is None or not text:
            return  # skipped: the 👎 alone is kept
        owner = owner_of(body, body["user"]["id"])
        kept = await asyncio.to_thread(feedback.note, owner, cid, text[:NOTE_LIMIT])
        log.info("slack.report_feedback_note", cid=cid, kept=kept, chars=len(text))
