"""Mounting the Bolt app on the aiohttp server at POST /slack/events (and, when installable by
any workspace, GET /slack/install and /slack/oauth_redirect)."""

from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack import oauth
from bot.slack.context import SlackContext
from bot.slack.conversation import Conversation
from bot.slack.hot import HotRoute
from bot.slack.listeners import register
from consultations.adapters.bootstrap import App
from consultations.adapters.slack.client import async_client, close_client

# Bolt reads SLACK_BOT_TOKEN from the environment itself and warns, at every start, that the
# client we give it (pooled, with SLACK_API_URL) wins over it: it is meant to
_TOKEN_SKIPPED = warning_client_prioritized_and_token_skipped()
logging.getLogger("slack_bolt.AsyncApp").addFilter(lambda r: r.getMessage() != _TOKEN_SKIPPED)


def build_bolt_app(app: App) -> AsyncApp:
    return slack_parts(app)[0]


def slack_parts(app: App) -> tuple[AsyncApp, SlackContext, Conversation]:
    """The Bolt app with every listener, and what the listeners share."""
    s = app.settings
    # HTTP needs the signing secret (`serve` refuses to start without it); Socket Mode, whose
    # events come over the app token's websocket, does not: Bolt then verifies nothing
    secret = s.slack_signing_secret.get_secret_value() if s.slack_signing_secret else ""
    client: AsyncWebClient
    if s.slack_oauth:  # any workspace: each request carries its installation's token
        client = oauth.workspace_client(app)
        bolt = AsyncApp(
            client=client,
            signing_secret=secret,
            oauth_settings=oauth.oauth_settings(app),
            ignoring_self_events_enabled=True,
        )
        bolt.middleware(oauth.use_workspace_token)
        oauth.register(bolt, app)
    else:
        assert s.slack_bot_token is not None
        client = async_client(s)
        bolt = AsyncApp(
            client=client,
            signing_secret=secret,
            ignoring_self_events_enabled=True,
        )
    ctx = SlackContext(app=app, client=client)
    conv = register(bolt, ctx)
    return bolt, ctx, conv


def add_slack_routes(web_app: web.Application, app: App) -> None:
    bolt, ctx, conv = slack_parts(app)
    hot = HotRoute(bolt, ctx, conv)

    async def slack_events(request: web.Request) -> web.Response:
        fast = await hot.handle(request, await request.read())
        if fast is not None:
            return fast
        bolt_request = await to_bolt_request(request)  # the body read above is kept
        bolt_response = await bolt.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    web_app.router.add_post("/slack/events", slack_events)

    async def close(_: web.Application) -> None:
        await close_client(ctx.client)

    web_app.on_cleanup.append(close)
    if bolt.oauth_flow is not None:
        oauth.add_oauth_routes(web_app, bolt)
