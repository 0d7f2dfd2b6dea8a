"""Events that are not answers: reactions on digest items, the Home tab, and errors after
the ack (told to the user where they wrote, never only logged)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import structlog
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from bot.outage import store_away
from bot.slack import views
from bot.slack.asides import outside_thread
from bot.slack.context import SlackContext, mentioned, owner_of
from consultations.digest import REACTIONS

log = structlog.get_logger(__name__)
ACK_SEEN_S = 0.05
SORRY = "Sorry, that did not work: the advisor hit an error. Nothing was lost; please try again"
SORRY_ANSWER = (
    "Sorry, I could not save that answer (the advisor's storage did not respond). "
    "Please send it again in a minute."
)
STORE_AWAY = (  # a command or a button while Redis is away: said plainly, with what to do
    "Sorry, that could not be done: the advisor's storage is not responding right now, "
    "so nothing was saved or changed. Please {again} in a minute."
)
STORE_AWAY_HOME = (
    "⚠️ Your consultations cannot be shown right now: the advisor's storage is not "
    "responding. Nothing was lost; open this tab again in a minute."
)
SORRY_OUTSIDE = (  # written in the channel, not in a thread: perhaps an answer meant for one
    "Sorry, I could not check that message: the advisor's storage is not responding right "
    "now. If it was an answer to a consultation, send it again in its thread in a minute."
)
OUTSIDE_EVERY_S = 60.0  # told at most once a minute per person and channel: channel talk
_told_outside: dict[tuple[str, str], float] = {}  # goes on while the store is away
SORRY_REPLY = (  # the answer was saved before Slack refused the reply: sending it again is wrong
    "Sorry, Slack did not take my reply just now. What you sent was received; "
    "`/neurips resume` asks the current question again."
)


async def tell_failure(
    ctx: SlackContext, error: Exception, body: dict[str, Any], respond: Any = None
) -> None:
    """A listener failed after the ack: logged, and told to the user where they wrote."""
    log.error("slack.listener_failed", error=repr(error), kind=body.get("type"))
    event = body.get("event") or {}
    away = store_away(error)
    again = "send the command again" if body.get("command") else "press the button again"
    try:
        if respond is not None and body.get("response_url"):
            await respond(text=STORE_AWAY.format(again=again) if away else SORRY + " in a minute.")
        elif home := home_of(body):
            note = STORE_AWAY_HOME if away else f"⚠️ {SORRY} in a minute."
            if away and body.get("type") == "block_actions":
                note = "⚠️ " + STORE_AWAY.format(again=again)
            await ctx.client.views_publish(user_id=home, view=views.note_view(ctx, note))
        elif event.get("type") == "message" and event.get("thread_ts") and event.get("user"):
            text = SORRY_REPLY if isinstance(error, SlackApiError) else SORRY_ANSWER
            await ctx.client.chat_postMessage(
                channel=event["channel"], thread_ts=event["thread_ts"], text=text
            )
        elif (
            event.get("type") == "message"
            and event.get("channel_type") == "im"
            and (event.get("user") and event.get("ts") and event.get("subtype") is None)
        ):  # the Messages tab outside any thread: answered in a thread of its own
            await ctx.client.chat_postMessage(
                channel=event["channel"], thread_ts=event["ts"], text=SORRY_ANSWER
            )
        elif outside_thread(event) and mentioned(body, str(event.get("text") or "")) is not None:
            # a command addressed to the app in the channel ("@advisor consult 3")
            text = STORE_AWAY.format(again="send it again") if away else SORRY + " in a minute."
            await ctx.client.chat_postEphemeral(
                channel=event["channel"], user=event["user"], text=text
            )
        elif away and outside_thread(event) and first_outside(event):
            await ctx.client.chat_postEphemeral(
                channel=event["channel"], user=event["user"], text=SORRY_OUTSIDE
            )
    except Exception as e:  # noqa: BLE001 — Slack itself failing: only the log is left
        log.error("slack.error_report_failed", error=repr(e))


def first_outside(event: dict[str, Any], now: float | None = None) -> bool:
    """Whether this person in this channel was not told in the last minute (in memory: the
    store is away)."""
    now = time.monotonic() if now is None else now
    key = (str(event.get("channel")), str(event.get("user")))
    if now - _told_outside.get(key, -OUTSIDE_EVERY_S) < OUTSIDE_EVERY_S:
        return False
    for k in [k for k, at in _told_outside.items() if now - at >= OUTSIDE_EVERY_S]:
        del _told_outside[k]
    _told_outside[key] = now
    return True


def home_of(body: dict[str, Any]) -> str | None:
    """The user whose Home tab the failed request came from (opened, or a button on it)."""
    event = body.get("event") or {}
    if event.get("type") == "app_home_opened" and event.get("tab", "home") == "home":
        return str(event.get("user") or "") or None
    if body.get("type") == "block_actions" and (body.get("view") or {}).get("type") == "home":
        return str((body.get("user") or {}).get("id") or "") or None
    return None


def register(bolt: AsyncApp, ctx: SlackContext) -> None:
    digests, ledger = ctx.app.digests, ctx.app.ledger

    @bolt.error
    async def on_error(error: Exception, body: dict[str, Any], respond: Any) -> None:
        # Bolt polls for the ack every 10 ms and, once this handler returns, forgets an ack it
        # has not seen yet: a failure faster than that would turn the ack into a 404 after 3 s
        await asyncio.sleep(ACK_SEEN_S)
        await tell_failure(ctx, error, body, respond)

    @bolt.event("reaction_added")
    async def on_reaction(body, event) -> None:
        item = event.get("item") or {}
        delta = REACTIONS.get(str(event.get("reaction", "")).split("::")[0])
        if not delta or item.get("type") != "message":
            return
        owner = owner_of(body, str(event.get("user") or "unknown"))
        if not await asyncio.to_thread(ledger.first_time, "slack", body.get("event_id", ""), owner):
            return
        channel, ts = str(item.get("channel")), str(item.get("ts"))
        nudged = await asyncio.to_thread(digests.react, owner, channel, ts, delta)
        if nudged:
            log.info("slack.digest_reaction", channel=channel, delta=delta, q=nudged)

    @bolt.event("app_home_opened")
    async def on_home(body, event, client) -> None:
        owner = owner_of(body, event["user"])
        view = await asyncio.to_thread(views.home_view, ctx, owner)
        await client.views_publish(user_id=owner.user, view=view)
