"""Slack Web API clients, built once per process from settings: every base URL configurable
(SLACK_API_URL), retries on connection errors and on 429 with Retry-After. The async client
(the server's) keeps one pooled HTTP session, so posts reuse open connections."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from consultations.adapters.settings import Settings

TIMEOUT_S = 30


def _token(settings: Settings) -> str:
    if settings.slack_bot_token is None:
        raise ValueError("SLACK_BOT_TOKEN is not set")
    return settings.slack_bot_token.get_secret_value()


def web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A client posting with ``token`` (default: SLACK_BOT_TOKEN)."""
    return WebClient(
        token=token or _token(settings),
        base_url=settings.slack_api_url,
        timeout=TIMEOUT_S,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=3),
            RateLimitErrorRetryHandler(max_retry_count=8),
        ],
    )


class PooledAsyncWebClient(AsyncWebClient):
    """slack_sdk opens (and closes) an aiohttp session per call unless it is given one; this
    client opens one on its first call, in the running loop, and keeps it."""

    async def _request(self, *, http_verb: str, api_url: str, req_args: dict) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        if self.session is None or self.session.closed or self.session._loop is not loop:
            self.session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout),
                connector=aiohttp.TCPConnector(limit=64, keepalive_timeout=30),
            )
        return await super()._request(http_verb=http_verb, api_url=api_url, req_args=req_args)


def async_client(settings: Settings) -> AsyncWebClient:
    return PooledAsyncWebClient(
        token=_token(settings),
        base_url=settings.slack_api_url,
        timeout=TIMEOUT_S,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=3),
            AsyncRateLimitErrorRetryHandler(max_retry_count=8),
        ],
    )
