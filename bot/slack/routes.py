"""Mounting the Bolt app on the aiohttp server at POST /slack/events."""

from __future__ import annotations

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

from bot.slack.context import SlackContext
from bot.slack.listeners import register
from consultations.adapters.bootstrap import App
from consultations.adapters.slack.client import async_client


def build_bolt_app(app: App) -> AsyncApp:
    s = app.settings
    assert s.slack_bot_token is not None and s.slack_signing_secret is not None
    client = async_client(s)
    bolt = AsyncApp(
        client=client,
        signing_secret=s.slack_signing_secret.get_secret_value(),
        ignoring_self_events_enabled=True,
    )
    register(bolt, SlackContext(app=app, client=client))
    return bolt


def add_slack_routes(web_app: web.Application, app: App) -> None:
    bolt = build_bolt_app(app)

    async def slack_events(request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        bolt_response = await bolt.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    web_app.router.add_post("/slack/events", slack_events)
