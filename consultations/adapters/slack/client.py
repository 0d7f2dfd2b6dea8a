"""Slack Web API clients, built once per process from settings: every base URL configurable
(SLACK_API_URL), retries on connection errors and on 429 with Retry-After."""

from __future__ import annotations

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


def web_client(settings: Settings) -> WebClient:
    return WebClient(
        token=_token(settings),
        base_url=settings.slack_api_url,
        timeout=TIMEOUT_S,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=3),
            RateLimitErrorRetryHandler(max_retry_count=8),
        ],
    )


def async_client(settings: Settings) -> AsyncWebClient:
    return AsyncWebClient(
        token=_token(settings),
        base_url=settings.slack_api_url,
        timeout=TIMEOUT_S,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=3),
            AsyncRateLimitErrorRetryHandler(max_retry_count=8),
        ],
    )
