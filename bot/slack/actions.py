"""Buttons: a choice answered, a consultation picked, forgetting confirmed or kept."""

from __future__ import annotations

import asyncio
import re

from slack_bolt.async_app import AsyncApp

from bot.slack import views
from bot.slack.assistant import marker
from bot.slack.context import SlackContext, owner_of, thread_link
from bot.slack.conversation import Conversation, moved
from bot.slack.threads import someone_elses
from consultations import engine, messages
from consultations.adapters.slack import blocks as kit
from consultations.service import NotFound


def register(bolt: AsyncApp, ctx: SlackContext, conv: Conversation) -> None:
    service, desk = ctx.app.service, ctx.app.desk

    @bolt.action(re.compile(r"^answer_choice_\d+$"))
    async def on_choice(ack, body, action, client) -> None:
        await ack()
        owner = owner_of(body, body["user"]["id"])
        cid, number = str(action.get("value", "|")).split("|", 1)
        key = action.get("block_id", "::").split(":")[-1]
        channel = body["channel"]["id"]
        thread = (body.get("container") or {}).get("thread_ts")
        here = {"thread_ts": thread} if thread else {}  # told where the button was pressed
        try:
            c = await asyncio.to_thread(service.get, owner, cid)
        except (NotFound, ValueError):
            whose = thread and await asyncio.to_thread(
                someone_elses, ctx, owner, f"{channel}/{thread}", once=False
            )
            await client.chat_postEphemeral(
                channel=channel,
                user=owner.user,
                text=whose or kit.mrkdwn(messages.press_unknown("/neurips ")),
                **here,
            )
            return
        now = service.where(c)
        if not isinstance(now, engine.Asked) or now.question.key != key:
            # a second click, or a button of an earlier question: told to the presser alone
            await client.chat_postEphemeral(
                channel=channel,
                user=owner.user,
                **here,
                text=kit.mrkdwn(
                    messages.stale_press(
                        desk.catalog.by_slug(c.slug), c, key, "/neurips ", "in its thread"
                    )
                ),
            )
            return
        await conv.answer(owner, cid, number, loaded=c)

    @bolt.action(re.compile(r"^start_consultation_\d+$"))
    async def on_start(ack, body, action, respond) -> None:
        await ack()
        owner = owner_of(body, body["user"]["id"])
        channel = (body.get("channel") or {}).get("id")
        script = desk.find(str(action.get("value", "")))
        if isinstance(script, str):
            await respond(text=script)
            return
        turn = await conv.start(owner, script, channel)
        if told := moved(channel, turn):
            await respond(text=kit.mrkdwn(told))
        elif (body.get("view") or {}).get("type") == "home":  # the tab shows where it went
            started = f"✅ Started *{script.title}*: its first question is in our messages"
            view = await asyncio.to_thread(
                views.home_view, ctx, owner, started + thread_link(turn.consultation)
            )
            await ctx.client.views_publish(user_id=owner.user, view=view)

    @bolt.action("forget_confirm")
    async def on_forget(ack, body, respond) -> None:
        await ack()
        owner = owner_of(body, body["user"]["id"])
        container = body.get("container") or {}
        agent = marker(owner, str(container.get("channel_id")), str(container.get("thread_ts")))
        kept = await asyncio.to_thread(ctx.app.redis.ttl, agent)
        n = await asyncio.to_thread(desk.forget, owner)
        if kept > 0:  # confirmed in the agent thread: it stays one (nothing else is kept)
            await asyncio.to_thread(ctx.app.redis.set, agent, "1", ex=kept)
        await respond(replace_original=True, text=f"Done: deleted {n} stored item(s) about you.")

    @bolt.action("forget_cancel")
    async def on_keep(ack, respond) -> None:
        await ack()
        await respond(replace_original=True, text="Kept: nothing was deleted.")
