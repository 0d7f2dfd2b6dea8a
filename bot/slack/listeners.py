"""Bolt listeners: ack at once, then turn the request into a service call and post the outcome.

Every listener acks before any Redis, Celery or LLM work; the work then runs in the same
process (Bolt's async runner) with blocking calls moved to threads.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

import structlog
from celery import Celery
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.bootstrap import App
from bot.slack import blocks as kit
from consultations import engine, messages
from consultations.catalog import UnknownConsultation
from consultations.digest_service import DigestService
from consultations.service import NotFound, Turn
from consultations.state import Consultation, Owner, Status
from workers.celery_app import REPORT_TASK

log = structlog.get_logger(__name__)
NO_POST = {
    "not_in_channel",
    "channel_not_found",
    "is_archived",
    "restricted_action",
    "cannot_dm_bot",
}


@dataclass
class SlackContext:
    app: App
    celery: Celery
    client: AsyncWebClient


def owner_of(body: dict[str, Any], user: str) -> Owner:
    team = body.get("team_id") or (body.get("team") or {}).get("id") or "unknown"
    return Owner(platform="slack", workspace=team, user=user)


def thread_link(c: Consultation) -> str:
    ch, ts = c.location.get("channel"), c.location.get("thread_ts")
    if not ch or not ts:
        return "(no thread)"
    return f"<https://slack.com/archives/{ch}/p{ts.replace('.', '')}|open thread>"


class Conversation:
    """Posting the steps of one consultation into its thread."""

    def __init__(self, ctx: SlackContext) -> None:
        self.ctx = ctx
        self.service = ctx.app.service

    async def _post(self, channel: str, **kwargs: Any) -> dict[str, Any]:
        resp = await self.ctx.client.chat_postMessage(
            channel=channel, unfurl_links=False, unfurl_media=False, **kwargs
        )
        return resp.data  # type: ignore[return-value]

    async def start(self, owner: Owner, ref: str, channel: str | None) -> str | None:
        """Open a thread and ask the first question; returns an error message, or None."""
        try:
            script = self.service.catalog.find(ref)
        except UnknownConsultation as e:
            return str(e)
        text = f"<@{owner.user}> started *{script.title}* — {script.decision}"
        parent = None
        if channel:
            try:
                parent = await self._post(channel, text=text)
            except SlackApiError as e:
                if e.response.get("error") not in NO_POST:
                    raise
        if parent is None:  # the bot cannot post there: use a direct message
            dm = await self.ctx.client.conversations_open(users=owner.user)
            channel = dm["channel"]["id"]
            parent = await self._post(channel, text=text)
        assert channel is not None
        ts = parent["ts"]
        location = {"place": f"{channel}/{ts}", "channel": channel, "thread_ts": ts}
        turn = await asyncio.to_thread(self.service.start, owner, script.slug, location)
        intro = kit.section(kit.mrkdwn(messages.intro(script)))
        await self.reply(turn, lead=[intro])
        return None

    async def reply(self, turn: Turn, lead: list[kit.Block] | None = None) -> None:
        c = turn.consultation
        channel, ts = c.location["channel"], c.location["thread_ts"]
        outcome = turn.outcome
        if isinstance(outcome, engine.Asked):
            body = [*(lead or []), *kit.question_blocks(outcome, c.id)]
            await self._post(channel, thread_ts=ts, blocks=body, text=outcome.question.text)
            return
        text = kit.mrkdwn(kit.neutralise(messages.outcome(outcome)))
        if isinstance(outcome, engine.Finished) and turn.changed:
            progress = await self._post(channel, thread_ts=ts, text=text + " ⏳")
            await asyncio.to_thread(self.service.place, c, {"progress_ts": progress["ts"]})
            args = [c.owner.platform, c.owner.workspace, c.owner.user, c.id]
            await asyncio.to_thread(self.ctx.celery.send_task, REPORT_TASK, args=args)
            log.info("slack.report_enqueued", cid=c.id)
            return
        await self._post(channel, thread_ts=ts, text=text)

    async def answer(
        self, owner: Owner, cid: str, text: str, loaded: Consultation | None = None
    ) -> None:
        turn = await asyncio.to_thread(self.service.act, owner, cid, text, loaded)
        await self.reply(turn)


def register(bolt: AsyncApp, ctx: SlackContext) -> None:
    conv = Conversation(ctx)
    service = ctx.app.service
    ledger = ctx.app.ledger

    @bolt.error
    async def on_error(error, body, respond) -> None:  # type: ignore[no-untyped-def]
        log.error("slack.listener_failed", error=repr(error), kind=body.get("type"))
        if body.get("response_url"):  # tell the user rather than fail silently
            await respond(
                text="Sorry, that did not work: the advisor hit an error. "
                "Nothing was lost; please try again in a minute."
            )

    @bolt.command("/neurips")
    async def on_command(ack, body, respond, client) -> None:  # type: ignore[no-untyped-def]
        await ack()
        owner = owner_of(body, body["user_id"])
        structlog.contextvars.bind_contextvars(owner=owner.key, command=body.get("text", "")[:40])
        words = (body.get("text") or "").strip().split(maxsplit=1)
        sub = words[0].casefold() if words else "consult"
        arg = words[1] if len(words) > 1 else ""
        if sub == "consult" and not arg:
            await respond(blocks=kit.picker_blocks(service.catalog), text="Pick a consultation")
        elif sub == "consult" or sub.isdigit():
            error = await conv.start(owner, arg or sub, body.get("channel_id"))
            if error:
                await respond(text=f"{error}\n\n{kit.HELP}")
        elif sub == "status":
            await respond(text=await asyncio.to_thread(status_text, ctx, owner))
        elif sub == "resume":
            await respond(text=await resume(conv, owner))
        elif sub == "cancel":
            await respond(text=await cancel(conv, owner))
        elif sub == "triage":
            await respond(text=await triage_command(ctx, owner, arg, body.get("channel_id", "")))
        elif sub == "digest":
            await respond(text=await digest_command(ctx, owner, arg, body.get("channel_id", "")))
        elif sub == "forget":
            await respond(blocks=forget_confirmation(), text="Delete everything about you?")
        else:
            await respond(text=("" if sub == "help" else f"I don't know `{sub}`.\n") + kit.HELP)

    @bolt.event("message")
    async def on_message(body, event) -> None:  # type: ignore[no-untyped-def]
        thread = event.get("thread_ts")
        subtype = event.get("subtype")
        if subtype not in (None, "file_share") or event.get("bot_id"):
            return
        if not thread or thread == event.get("ts"):
            return
        if not event.get("user"):
            return
        owner = owner_of(body, event.get("user") or "")
        structlog.contextvars.bind_contextvars(owner=owner.key, event_id=body.get("event_id"))
        if not await asyncio.to_thread(ledger.first_time, "slack", body.get("event_id", "")):
            log.info("slack.duplicate_event")
            return
        place = f"{event['channel']}/{thread}"
        if event.get("files"):
            await triage_file(ctx, owner, place, event)
            return
        c = await asyncio.to_thread(service.at, owner, place)
        if c is None or c.status is not Status.ACTIVE:
            return  # not this user's consultation (or finished): others' threads stay theirs
        await conv.answer(owner, c.id, event.get("text") or "", loaded=c)

    @bolt.action(re.compile(r"^answer_choice_\d+$"))
    async def on_choice(ack, body, action, client) -> None:  # type: ignore[no-untyped-def]
        await ack()
        owner = owner_of(body, body["user"]["id"])
        cid, number = action["value"].split("|", 1)
        key = action.get("block_id", "::").split(":")[-1]
        try:
            c = await asyncio.to_thread(service.get, owner, cid)
        except NotFound:
            await client.chat_postEphemeral(
                channel=body["channel"]["id"],
                user=owner.user,
                text="That question belongs to someone else's consultation.",
            )
            return
        now = service.where(c)
        if not isinstance(now, engine.Asked) or now.question.key != key:
            return  # a second click on a question already answered
        await conv.answer(owner, cid, number)

    @bolt.action(re.compile(r"^start_consultation_\d+$"))
    async def on_start(ack, body, action, respond) -> None:  # type: ignore[no-untyped-def]
        await ack()
        owner = owner_of(body, body["user"]["id"])
        channel = (body.get("channel") or {}).get("id")
        error = await conv.start(owner, action["value"], channel)
        if error:
            await respond(text=error)

    @bolt.action("forget_confirm")
    async def on_forget(ack, body, respond) -> None:  # type: ignore[no-untyped-def]
        await ack()
        owner = owner_of(body, body["user"]["id"])
        n = await asyncio.to_thread(service.forget, owner)
        await asyncio.to_thread(digest_service(ctx).forget, owner)
        await respond(replace_original=True, text=f"Done: deleted {n} stored item(s) about you.")

    @bolt.action("forget_cancel")
    async def on_keep(ack, respond) -> None:  # type: ignore[no-untyped-def]
        await ack()
        await respond(replace_original=True, text="Kept: nothing was deleted.")

    @bolt.event("reaction_added")
    async def on_reaction(body, event) -> None:  # type: ignore[no-untyped-def]
        from consultations.adapters.redis_digest import DigestStore  # noqa: PLC0415
        from consultations.digest import REACTIONS  # noqa: PLC0415

        item = event.get("item") or {}
        delta = REACTIONS.get(str(event.get("reaction", "")).split("::")[0])
        if not delta or item.get("type") != "message":
            return
        if not await asyncio.to_thread(ledger.first_time, "slack", body.get("event_id", "")):
            return
        key = f"slack:{owner_of(body, 'x').workspace}:{item.get('channel')}"
        nudged = await asyncio.to_thread(
            DigestStore(ctx.app.redis).react, key, str(item.get("ts")), delta
        )
        if nudged:
            log.info("slack.digest_reaction", channel=item.get("channel"), delta=delta, q=nudged)

    @bolt.event("app_home_opened")
    async def on_home(body, event, client) -> None:  # type: ignore[no-untyped-def]
        owner = owner_of(body, event["user"])
        view = await asyncio.to_thread(home_view, ctx, owner)
        await client.views_publish(user_id=owner.user, view=view)


def status_text(ctx: SlackContext, owner: Owner) -> str:
    found = ctx.app.service.consultations(owner)
    if not found:
        return "You have no consultations yet. `/neurips consult` starts one."
    catalog = ctx.app.service.catalog
    lines = [
        kit.mrkdwn(messages.status_line(catalog.by_slug(c.slug), c)) + " · " + thread_link(c)
        for c in found
    ]
    return "*Your consultations*\n" + "\n".join(lines)


async def resume(conv: Conversation, owner: Owner) -> str:
    c = await asyncio.to_thread(conv.service.latest_active, owner)
    if c is None:
        return "Nothing in progress. `/neurips consult` starts a consultation."
    turn = Turn(conv.service.catalog.by_slug(c.slug), c, conv.service.where(c), False)
    await conv.reply(turn)
    return f"Picking up *{turn.script.title}* in its thread: {thread_link(c)}"


async def cancel(conv: Conversation, owner: Owner) -> str:
    c = await asyncio.to_thread(conv.service.latest_active, owner)
    if c is None:
        return "Nothing in progress to cancel."
    turn = await asyncio.to_thread(conv.service.act, owner, c.id, engine.Cancel())
    await conv.reply(turn)
    return f"Cancelled *{turn.script.title}*."


async def digest_command(ctx: SlackContext, owner: Owner, arg: str, here: str) -> str:
    """`/neurips digest subscribe [#channel] [day] [HH:MM] [zone] | unsubscribe | preview | now`"""
    words = arg.split()
    action = words[0].casefold() if words else "help"
    digests = digest_service(ctx)
    if action == "subscribe":
        try:
            sub = await asyncio.to_thread(digests.subscribe, owner, here, words[1:])
        except ValueError as e:
            return f"That subscription does not work: {e}"
        ranked_by = (
            "your curation profile"
            if sub.profile.canon or sub.profile.topics
            else "the default filter (consultation 5 makes your own)"
        )
        return (
            f"Subscribed <#{sub.channel}> to the research digest {sub.describe()}, "
            f"ranked by {ranked_by}."
        )
    if action == "unsubscribe":
        done = await asyncio.to_thread(digests.unsubscribe, owner, here)
        return f"Unsubscribed <#{here}>." if done else f"<#{here}> had no digest."
    if action in ("preview", "now"):
        if not await asyncio.to_thread(digests.request, owner, here, action):
            return f"<#{here}> has no digest yet: `/neurips digest subscribe` first."
        return (
            "Preparing a preview only you will see…"
            if action == "preview"
            else "Posting this channel's digest now…"
        )
    return (
        "`/neurips digest subscribe [#channel] [day] [HH:MM] [time zone]`, "
        "`/neurips digest unsubscribe`, `/neurips digest preview`, `/neurips digest now`"
    )


def digest_service(ctx: SlackContext) -> DigestService:
    from consultations.adapters.redis_digest import DigestStore  # noqa: PLC0415
    from workers.celery_app import DIGEST_POST  # noqa: PLC0415

    def enqueue(key: str, mode: str, user: str) -> None:
        ctx.celery.send_task(DIGEST_POST, args=[key, mode, "", user])

    return DigestService(DigestStore(ctx.app.redis), enqueue)


_ARXIV_ID = re.compile(r"\b(\d{4}\.\d{4,5})(?:v\d+)?\b")


async def triage_command(ctx: SlackContext, owner: Owner, arg: str, channel: str) -> str:
    """`/neurips triage <arXiv ids or links>`, or no arguments to share a file in a thread."""
    ids = list(dict.fromkeys(_ARXIV_ID.findall(arg)))[:500]
    if arg.strip() and not ids:
        return "I found no arXiv ids or links there. Try `/neurips triage 2505.06708`."
    if not ids:
        parent = await ctx.client.chat_postMessage(
            channel=channel,
            text=f"<@{owner.user}>: share a CSV or JSONL file of papers in this "
            "thread and I will triage it (columns: id, title, and abstract if you have it).",
        )
        key = f"na:{{{owner.key}}}:triage-at:{channel}/{parent['ts']}"
        await asyncio.to_thread(ctx.app.redis.set, key, "1", ex=24 * 3600)
        return "Waiting for your file in the thread."
    parent = await ctx.client.chat_postMessage(
        channel=channel, text=f"Triage for <@{owner.user}>: fetching {len(ids)} arXiv paper(s)…"
    )
    await start_triage(ctx, owner, channel, parent["ts"], ids=",".join(ids))
    return f"Triaging {len(ids)} paper(s) on a worker; results in the thread."


async def triage_file(ctx: SlackContext, owner: Owner, place: str, event: dict) -> None:  # type: ignore[type-arg]
    key = f"na:{{{owner.key}}}:triage-at:{place}"
    if not await asyncio.to_thread(ctx.app.redis.get, key):
        return  # a file in some other thread: not a triage request
    f = event["files"][0]
    channel, thread = place.split("/", 1)
    progress = await ctx.client.chat_postMessage(
        channel=channel, thread_ts=thread, text=f"Reading {f.get('name', 'the file')}…"
    )
    await start_triage(
        ctx,
        owner,
        channel,
        thread,
        progress_ts=progress["ts"],
        file_url=f.get("url_private_download") or f.get("url_private") or "",
        file_name=f.get("name") or "papers.csv",
    )


async def start_triage(
    ctx: SlackContext,
    owner: Owner,
    channel: str,
    thread_ts: str,
    progress_ts: str | None = None,
    **source: str,
) -> None:
    from consultations.adapters.redis_digest import DigestStore  # noqa: PLC0415
    from workers.triage_jobs import TRIAGE_START, Jobs  # noqa: PLC0415

    profile = await asyncio.to_thread(DigestStore(ctx.app.redis).profile, owner)
    job = await asyncio.to_thread(
        Jobs(ctx.app.redis).create,
        platform="slack",
        workspace=owner.workspace,
        user=owner.user,
        channel=channel,
        thread_ts=thread_ts,
        progress_ts=progress_ts or thread_ts,
        top="10",
        profile=profile.model_dump_json() if profile else "{}",
        **source,
    )
    await asyncio.to_thread(ctx.celery.send_task, TRIAGE_START, args=[job])
    log.info("slack.triage_enqueued", job=job)


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


def home_view(ctx: SlackContext, owner: Owner) -> dict[str, Any]:
    catalog = ctx.app.service.catalog
    found = ctx.app.service.consultations(owner)
    rows: list[kit.Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "NeurIPS 2025 advisor"}},
    ]
    for title, wanted in (("In progress", True), ("Finished", False)):
        mine = [
            c
            for c in found
            if (c.status is Status.ACTIVE) == wanted and c.status is not Status.CANCELLED
        ]
        text = "\n".join(
            kit.mrkdwn(messages.status_line(catalog.by_slug(c.slug), c)) + " · " + thread_link(c)
            for c in mine
        )
        rows.append(kit.section(f"*{title}*\n{text or '_none_'}"))
    rows += kit.picker_blocks(catalog)[1:]
    return {"type": "home", "blocks": rows[: kit.BLOCKS_LIMIT]}
