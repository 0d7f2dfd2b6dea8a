"""Installable by any workspace: Bolt's OAuth flow at /slack/install and /slack/oauth_redirect,
installations in Redis, each request answered with its own workspace's token, and the
installation (and the workspace's data) deleted when the app is uninstalled.

Single-token mode (only SLACK_BOT_TOKEN) uses none of this.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings

from consultations.adapters.bootstrap import App
from consultations.adapters.slack.client import (
    TIMEOUT_S,
    PooledAsyncWebClient,
    async_retries,
    headers,
)
from consultations.adapters.slack.installations import Installations

log = structlog.get_logger(__name__)
_token: contextvars.ContextVar[str | None] = contextvars.ContextVar("slack_token", default=None)


class WorkspaceClient(PooledAsyncWebClient):
    """The one client every listener holds (``SlackContext.client``): its token is the token
    Bolt authorized the current request with, so each workspace is answered with its own,
    over one pooled session."""

    _fixed: str | None = None

    @property
    def token(self) -> str | None:
        return _token.get() or self._fixed

    @token.setter
    def token(self, value: str | None) -> None:
        self._fixed = value


def workspace_client(app: App) -> WorkspaceClient:
    return WorkspaceClient(
        token=None,
        base_url=app.settings.slack_api_url,
        timeout=TIMEOUT_S,
        headers=headers(),
        retry_handlers=async_retries(),
    )


async def use_workspace_token(context: AsyncBoltContext, next: Callable[[], Awaitable[Any]]) -> Any:
    """Global middleware (after Bolt's authorization): the request's token for our client.
    Bolt's ``next()`` only marks the chain to go on; the listeners run later in this same
    task (each request has its own task, so its own copy of the context), hence no reset."""
    use_token(context.bot_token or context.user_token)
    return await next()


def use_token(token: str | None) -> None:
    """The token ``WorkspaceClient`` answers with in this task (and the tasks it starts)."""
    _token.set(token)


def oauth_settings(app: App) -> AsyncOAuthSettings:
    s = app.settings
    assert s.slack_client_id is not None and s.slack_client_secret is not None
    installations: Installations = app.installations
    return AsyncOAuthSettings(
        client_id=s.slack_client_id,
        client_secret=s.slack_client_secret.get_secret_value(),
        scopes=[x.strip() for x in s.slack_scopes.split(",") if x.strip()],
        user_scopes=[],
        redirect_uri=s.slack_redirect_uri,
        authorization_url=s.slack_authorize_url,
        installation_store=installations.store,
        state_store=installations.states,
        install_page_rendering_enabled=False,  # /slack/install redirects straight to Slack
    )


def register(bolt: AsyncApp, app: App) -> None:
    """Uninstalls and revoked tokens remove what they must."""
    installations = app.installations

    @bolt.event("app_uninstalled")
    async def on_uninstalled(body: dict[str, Any]) -> None:
        team = str(body.get("team_id") or "")
        enterprise = body.get("enterprise_id")
        try:
            n = await asyncio.to_thread(installations.forget_workspace, team, enterprise)
        except ValueError:
            log.warning("slack.uninstall_bad_team", team=team[:40])
            return
        log.info("slack.app_uninstalled", team=team, keys=n)

    @bolt.event("tokens_revoked")
    async def on_revoked(body: dict[str, Any], event: dict[str, Any]) -> None:
        team, enterprise = str(body.get("team_id") or ""), body.get("enterprise_id")
        tokens = event.get("tokens") or {}
        store = installations.store
        try:
            for user in tokens.get("oauth") or []:
                await store.async_delete_installation(
                    enterprise_id=enterprise, team_id=team, user_id=str(user)
                )
            if tokens.get("bot"):
                await store.async_delete_bot(enterprise_id=enterprise, team_id=team)
        except ValueError:
            log.warning("slack.revoke_bad_team", team=team[:40])
            return
        log.info("slack.tokens_revoked", team=team, bot=bool(tokens.get("bot")))


def add_oauth_routes(web_app: web.Application, bolt: AsyncApp) -> None:
    flow = bolt.oauth_flow
    assert flow is not None

    async def install(request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        return await to_aiohttp_response(await flow.handle_installation(bolt_request))

    async def redirect(request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        return await to_aiohttp_response(await flow.handle_callback(bolt_request))

    web_app.router.add_get(flow.install_path, install)
    web_app.router.add_get(flow.redirect_uri_path, redirect)
