"""Mounting the Bolt app on the aiohttp server at POST /slack/events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.listeners import SlackContext, register

if TYPE_CHECKING:
    from bot.server import ServerParts


def build_bolt_app(parts: ServerParts) -> AsyncApp:
    s = parts.app.settings
    assert s.slack_bot_token is not None and s.slack_signing_secret is not None
    client = AsyncWebClient(
        token=s.slack_bot_token.get_secret_value(),
        base_url=s.slack_api_url,
        timeout=30,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=3),
            AsyncRateLimitErrorRetryHandler(max_retry_count=8),
        ],
    )
    bolt = AsyncApp(
        client=client,
        signing_secret=s.slack_signing_secret.get_secret_value(),
        ignoring_self_events_enabled=True,
    )
    register(bolt, SlackContext(app=parts.app, celery=parts.celery, client=client))
    return bolt


def add_slack_routes(web_app: web.Application, parts: ServerParts) -> None:
    bolt = build_bolt_app(parts)

    async def slack_events(request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        bolt_response = await bolt.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    web_app.router.add_post("/slack/events", slack_events)
