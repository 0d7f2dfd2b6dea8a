"""The hot route without Bolt's dispatch: a person's plain message in a channel thread (an
answer, most of what the server receives), or in the channel itself (perhaps an answer meant
for a thread: see :mod:`bot.slack.asides`), is verified, filtered, acked and handed to the same
handler Bolt would call (:func:`bot.slack.threads.on_thread_message`). Bolt's request and
context objects, its middleware chain and its matching against every listener cost about a
fifth of the server's CPU per answer.

What Bolt does for this route is done here too, in the same order: the signature and the
timestamp's age are checked (a bad one is refused with Bolt's 401 and changes nothing); the
workspace is authorized (one token: Bolt's own cached ``auth.test``; any workspace: the
installation's bot token, which the listener's client then uses); the bot's own messages and
other bots' are ignored; the event is de-duplicated by its id in the same Redis script that
finds the thread's consultation, so Slack's retries (``X-Slack-Retry-Num``) are answered 200
and do nothing; the ack goes out before the work starts, and a failure after it is told in the
thread. Anything else — commands, actions, other events, files, direct messages (the agent
DM), Enterprise Grid installs, rotating tokens, a workspace not yet authorized by Bolt —
returns ``None`` and goes to Bolt.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.authorization.async_single_team_authorization import (
    AsyncSingleTeamAuthorization,
)
from slack_sdk.signature import SignatureVerifier

from bot.slack import oauth
from bot.slack.asides import outside_thread
from bot.slack.context import SlackContext
from bot.slack.conversation import Conversation
from bot.slack.events import tell_failure
from bot.slack.threads import answerable, on_thread_message

REFUSED = {"error": "invalid request"}  # what Bolt answers a request that fails verification


class HotRoute:
    def __init__(self, bolt: AsyncApp, ctx: SlackContext, conv: Conversation) -> None:
        secret = ctx.app.settings.slack_signing_secret
        assert secret is not None
        self.ctx, self.conv = ctx, conv
        self.verifier = SignatureVerifier(secret.get_secret_value())
        self.oauth = ctx.app.settings.slack_oauth
        middleware = getattr(bolt, "_async_middleware_list", [])
        self.single = next(
            (m for m in middleware if isinstance(m, AsyncSingleTeamAuthorization)), None
        )
        self.running: set[asyncio.Task[None]] = set()

    async def handle(self, request: web.Request, raw: bytes) -> web.Response | None:
        """The response, or None when the request is Bolt's to handle."""
        if request.content_type != "application/json" or b'"message"' not in raw:
            return None
        h = request.headers
        ts, signature = h.get("X-Slack-Request-Timestamp"), h.get("X-Slack-Signature")
        if not self.verifier.is_valid(raw, ts, signature):  # its age too (5 minutes)
            return web.json_response(REFUSED, status=401)
        try:
            body = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(body, dict) or body.get("type") != "event_callback":
            return None
        event = body.get("event")
        if (
            not isinstance(event, dict)
            or event.get("type") != "message"
            or event.get("subtype") is not None
            or event.get("files")
            or event.get("channel_type") == "im"  # the agent DM's threads are Bolt's
            or body.get("enterprise_id")
            or body.get("is_enterprise_install")
        ):
            return None
        if not answerable(event) and not outside_thread(event):
            return web.Response(status=200)  # a bot's message, or a thread's first one
        who = await self._authorize(body)
        if who is None:
            return None
        token, bot_user = who
        if event.get("user") == bot_user:  # our own
            return web.Response(status=200)
        task = asyncio.create_task(self._answer(body, event, token))
        self.running.add(task)
        task.add_done_callback(self.running.discard)
        return web.Response(status=200)  # the ack: the work runs after it

    async def _authorize(self, body: dict[str, Any]) -> tuple[str | None, str | None] | None:
        """(the token to answer with, or None for the client's own; the bot's user id), or
        None: not known here (Bolt authorizes, and answers what it must)."""
        if not self.oauth:
            auth = self.single.auth_test_result if self.single is not None else None
            return (None, auth.get("user_id")) if auth else None
        team = body.get("team_id")
        if not isinstance(team, str) or not team:
            return None
        store = self.ctx.app.installations.store
        bot = await store.async_find_bot(enterprise_id=None, team_id=team)
        if bot is None or not bot.bot_token or bot.bot_refresh_token:
            return None
        return bot.bot_token, bot.bot_user_id

    async def _answer(self, body: dict[str, Any], event: dict[str, Any], token: str | None) -> None:
        if token is not None:
            oauth.use_token(token)  # this task's copy of the context: the listener's client
        try:
            await on_thread_message(self.ctx, self.conv, body, event)
        except Exception as e:  # noqa: BLE001 — told in the thread, as Bolt's error handler does
            await tell_failure(self.ctx, e, body)
