"""Slack installations in Redis: one per workspace the app is installed in (OAuth), plus the
short-lived OAuth ``state`` values, and the token lookup workers post with.

One Redis hash per workspace, ``na:slack:install:<client id>:<enterprise>-<team>``, holds the
bot (``bot``), the latest installation (``installer``) and each installing user's
(``installer:<user>``) as the JSON Slack's own file store writes. The same object is the
``InstallationStore`` (workers, sync) and the ``AsyncInstallationStore`` (Bolt, async; the
blocking calls run in a thread). Single-token mode (``SLACK_BOT_TOKEN``) needs no installation:
``Installations.bot_token`` falls back to that token.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import secrets
from typing import Any

import redis
import structlog
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.installation_store import InstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.state_store.state_store import OAuthStateStore

from consultations.adapters.redis_digest import SUBS
from consultations.adapters.redis_keys import unlink_matching
from consultations.adapters.settings import Settings
from consultations.adapters.slack.client import web_client

log = structlog.get_logger(__name__)
_ID = re.compile(r"^[A-Z0-9]{1,32}$")  # Slack team/enterprise ids: T0123ABC, E0123ABC
NONE = "none"


def _part(value: str | None) -> str:
    if value is None or value == "":
        return NONE
    if not _ID.match(value):
        raise ValueError(f"not a Slack workspace id: {value[:40]!r}")
    return value


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


class RedisInstallationStore(InstallationStore, AsyncInstallationStore):
    def __init__(self, client: redis.Redis, client_id: str, prefix: str = "na:slack") -> None:
        self._r = client
        self.client_id = client_id
        self._prefix = prefix
        self._logger = logging.getLogger(__name__)

    @property
    def logger(self) -> logging.Logger:
        return self._logger

    def _key(self, enterprise_id: str | None, team_id: str | None) -> str:
        return f"{self._prefix}:install:{self.client_id}:{_part(enterprise_id)}-{_part(team_id)}"

    # --- sync (workers) ------------------------------------------------------------------------

    def save(self, installation: Installation) -> None:
        key = self._key(installation.enterprise_id, installation.team_id)
        doc = json.dumps(installation.__dict__)
        user = installation.user_id or NONE
        self._r.hset(key, mapping={"installer": doc, f"installer:{user}": doc})
        self.save_bot(installation.to_bot())
        log.info("slack.installed", team=installation.team_id, user=installation.user_id)

    def save_bot(self, bot: Bot) -> None:
        if bot.bot_token is None:
            return
        self._r.hset(self._key(bot.enterprise_id, bot.team_id), "bot", json.dumps(bot.__dict__))

    def find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        team = None if is_enterprise_install else team_id
        raw = self._r.hget(self._key(enterprise_id, team), "bot")
        return Bot(**json.loads(raw)) if raw else None

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        team = None if is_enterprise_install else team_id
        field = "installer" if user_id is None else f"installer:{user_id}"
        raw = self._r.hget(self._key(enterprise_id, team), field)
        if not raw:
            return None
        found = Installation(**json.loads(raw))
        # the bot record is the one truth about the bot token: a revoked bot is no token here
        bot = self.find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        found.bot_id = bot.bot_id if bot else None
        found.bot_user_id = bot.bot_user_id if bot else None
        found.bot_token = bot.bot_token if bot else None
        found.bot_scopes = bot.bot_scopes if bot else []
        found.bot_refresh_token = bot.bot_refresh_token if bot else None
        found.bot_token_expires_at = bot.bot_token_expires_at if bot else None
        if found.bot_token is None and found.user_token is None:
            return None  # nothing left to act with
        return found

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self._r.hdel(self._key(enterprise_id, team_id), "bot")

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        key = self._key(enterprise_id, team_id)
        if user_id is not None:
            self._r.hdel(key, f"installer:{user_id}")
            latest = self._r.hget(key, "installer")
            if latest and json.loads(latest).get("user_id") == user_id:
                self._r.hdel(key, "installer")
            return
        fields = [f for f in self._r.hkeys(key) if _text(f).startswith("installer")]
        if fields:
            self._r.hdel(key, *fields)

    def delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self._r.delete(self._key(enterprise_id, team_id))

    # --- async (Bolt) --------------------------------------------------------------------------

    async def async_save(self, installation: Installation) -> None:
        await asyncio.to_thread(self.save, installation)

    async def async_save_bot(self, bot: Bot) -> None:
        await asyncio.to_thread(self.save_bot, bot)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        return await asyncio.to_thread(
            self.find_bot,
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        return await asyncio.to_thread(
            self.find_installation,
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            is_enterprise_install=is_enterprise_install,
        )

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await asyncio.to_thread(self.delete_bot, enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        await asyncio.to_thread(
            self.delete_installation, enterprise_id=enterprise_id, team_id=team_id, user_id=user_id
        )

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await asyncio.to_thread(self.delete_all, enterprise_id=enterprise_id, team_id=team_id)


class RedisOAuthStateStore(OAuthStateStore, AsyncOAuthStateStore):
    """The OAuth ``state`` values: issued on /slack/install, each usable once, for 10 minutes."""

    def __init__(self, client: redis.Redis, expiration_seconds: int = 600) -> None:
        self._r = client
        self._ttl = expiration_seconds
        self._logger = logging.getLogger(__name__)

    @property
    def logger(self) -> logging.Logger:
        return self._logger

    def issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(24)
        self._r.set(f"na:slack:oauth-state:{state}", "1", ex=self._ttl)
        return state

    def consume(self, state: str) -> bool:
        if not state or len(state) > 100:
            return False
        return bool(self._r.delete(f"na:slack:oauth-state:{state}"))

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        return await asyncio.to_thread(self.issue)

    async def async_consume(self, state: str) -> bool:
        return await asyncio.to_thread(self.consume, state)


class Installations:
    """What the rest of the app asks: a workspace's bot token, a client posting with it, and
    forgetting a workspace that uninstalled the app."""

    def __init__(self, settings: Settings, client: redis.Redis) -> None:
        self.settings = settings
        self._r = client
        self.store = RedisInstallationStore(client, settings.slack_client_id or "single")
        self.states = RedisOAuthStateStore(client)

    def bot_token(self, team_id: str, enterprise_id: str | None = None) -> str | None:
        """The token to post into ``team_id`` with: installable by any workspace (OAuth), that
        workspace's installation, or None when the app is not installed there; else
        SLACK_BOT_TOKEN (single-token mode)."""
        if self.settings.slack_oauth:
            bot = self.store.find_bot(enterprise_id=enterprise_id, team_id=team_id)
            return bot.bot_token if bot is not None else None
        single = self.settings.slack_bot_token
        return single.get_secret_value() if single is not None else None

    def web_client(self, team_id: str) -> WebClient:
        """A Web API client for one workspace (SLACK_API_URL, retries); raises LookupError
        when the app has no token there."""
        token = self.bot_token(team_id)
        if token is None:
            raise LookupError(f"the app is not installed in Slack workspace {team_id}")
        return web_client(self.settings, token)

    def forget_workspace(self, team_id: str, enterprise_id: str | None = None) -> int:
        """The app was uninstalled: its installation, every user's keys in that workspace and the
        workspace's digest subscriptions go. Returns how many keys were deleted."""
        team = _part(team_id)
        self.store.delete_all(enterprise_id=enterprise_id, team_id=team_id)
        deleted = self._unlink(f"na:{{slack:{team}:*")  # every user's keys
        deleted += self._unlink(f"na:digest:*:slack:{team}:*")  # channel ledgers, nudges
        mine = f"slack:{team}:"
        subs = [k for k in self._r.hkeys(SUBS) if _text(k).startswith(mine)]
        if subs:
            deleted += self._r.hdel(SUBS, *subs)
        log.info("slack.workspace_forgotten", team=team, keys=deleted)
        return deleted

    def _unlink(self, pattern: str) -> int:
        return unlink_matching(self._r, pattern)
