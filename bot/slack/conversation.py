"""Posting the steps of one consultation into its Slack thread."""

from __future__ import annotations

import asyncio
from typing import Any

import structlog
from slack_sdk.errors import SlackApiError

from bot.slack.context import SURFACE, SlackContext
from consultations import engine, messages
from consultations.adapters.slack import blocks as kit
from consultations.adapters.slack.client import NO_POST, PooledAsyncWebClient
from consultations.scripts import ConsultationScript
from consultations.service import Turn
from consultations.state import Consultation, Owner

log = structlog.get_logger(__name__)


PROGRESS = "⏳ Writing your report: it appears just below when it is ready."
MOVED = (
    "I cannot post in this channel, so {what} is in our direct messages instead{link}. "
    "To have me here, add the app to the channel."
)


def moved(asked: str | None, turn: Turn) -> str | None:
    """Said where a consultation was asked for when its thread had to open in a direct
    message instead (the bot cannot post in that channel); None when it is where asked."""
    c = turn.consultation
    if not asked or c.location.get("channel") in (None, asked):
        return None
    return MOVED.format(what=f"**{turn.script.title}**", link=SURFACE.link(c))


class Conversation:
    def __init__(self, ctx: SlackContext) -> None:
        self.ctx = ctx
        self.service = ctx.app.service

    async def post(self, channel: str, **kwargs: Any) -> dict[str, Any]:
        # chat.postMessage as slack_sdk's chat_postMessage sends it, without its per-call
        # work (our blocks are dicts already): the same request, retries and errors
        payload = {"channel": channel, "unfurl_links": False, "unfurl_media": False}
        payload.update((k, v) for k, v in kwargs.items() if v is not None)
        client = self.ctx.client
        if isinstance(client, PooledAsyncWebClient):
            return await client.post_json("chat.postMessage", payload)
        resp = await client.api_call("chat.postMessage", json=payload)
        return resp.data  # type: ignore[return-value]

    async def open_thread(self, owner: Owner, channel: str | None, text: str) -> tuple[str, str]:
        """Post a thread's first message in the channel, else in a direct message with the
        user (the bot cannot post everywhere); the channel and ts it was posted at."""
        parent = None
        if channel:
            try:
                parent = await self.post(channel, text=text)
            except SlackApiError as e:
                if e.response.get("error") not in NO_POST:
                    raise
        if parent is None:  # the bot cannot post there: use a direct message
            dm = await self.ctx.client.conversations_open(users=owner.user)
            channel = dm["channel"]["id"]
            parent = await self.post(channel, text=text)
        assert channel is not None
        return channel, parent["ts"]

    async def withdraw(self, channel: str, ts: str) -> None:
        """Take back a thread's first message whose consultation or job could not be saved
        (Redis away): no thread is left in the channel that nothing will ever answer in, and
        the user's second try does not show two. The failure itself is told by the caller."""
        try:
            await self.ctx.client.chat_delete(channel=channel, ts=ts)
        except Exception as e:  # noqa: BLE001 — only a stray message is left
            log.warning("slack.withdraw_failed", error=repr(e))

    async def start(self, owner: Owner, script: ConsultationScript, channel: str | None) -> Turn:
        """Open a thread and ask the first question; the turn that asked it."""
        text = f"<@{owner.user}> started *{script.title}* — {script.decision}"
        channel, ts = await self.open_thread(owner, channel, text)
        location = {"place": f"{channel}/{ts}", "channel": channel, "thread_ts": ts}
        try:
            turn = await asyncio.to_thread(self.service.start, owner, script.slug, location)
        except Exception:
            await self.withdraw(channel, ts)
            raise
        if not channel.startswith("D"):  # a channel's thread: others there may write in it
            await asyncio.to_thread(self.ctx.app.holders.save, location["place"], owner)
        await self.reply(turn, lead=await self.intro(owner, turn))
        return turn

    async def intro(
        self, owner: Owner, turn: Turn, paused: Consultation | None = None
    ) -> list[kit.Block]:
        """The consultation's intro, and where the same one is already in progress, or which
        one this thread held (``paused``), if any."""
        lead = [kit.section(kit.mrkdwn(messages.intro(turn.script)))]
        desk = self.ctx.app.desk
        c = turn.consultation
        also = await asyncio.to_thread(desk.also_in_progress, owner, c, SURFACE, paused)
        if also:
            lead.append(kit.section(f"ℹ️ {kit.mrkdwn(also)}"))
        return lead

    async def reply(self, turn: Turn, lead: list[kit.Block] | None = None) -> None:
        c = turn.consultation
        channel, ts = c.location["channel"], c.location["thread_ts"]
        outcome = turn.outcome
        if isinstance(outcome, engine.Asked):
            body = [*(lead or []), *kit.question_blocks(outcome, c.id)]
            await self.post(channel, thread_ts=ts, blocks=body, text=outcome.question.text)
            return
        text = kit.mrkdwn(kit.neutralise(messages.outcome(outcome)))
        if isinstance(outcome, engine.Finished) and turn.changed:
            # what was noted of the last answer and the summary stay; the service has asked
            # the workers for the report, and they update the message of its own below
            await self.post(channel, thread_ts=ts, text=text)
            progress = await self.post(channel, thread_ts=ts, text=PROGRESS)
            await asyncio.to_thread(self.service.place, c, {"progress_ts": progress["ts"]})
            return
        await self.post(channel, thread_ts=ts, text=text)

    async def answer(
        self, owner: Owner, cid: str, text: str, loaded: Consultation | None = None
    ) -> None:
        turn = await asyncio.to_thread(self.service.act, owner, cid, text, loaded)
        await self.reply(turn)
