"""Slack installations in Redis: one per workspace the app is installed in (OAuth), plus the
short-lived OAuth ``state`` values, and the token lookup workers post with.

One Redis hash per workspace, ``na:slack:install:<client id>:<enterprise>-<team>``, holds the
bot (``bot``), the latest installation (``installer``) and each installing user's
(``installer:<user>``) as the JSON Slack's own file store writes. The same object is the
``InstallationStore`` (workers, sync) and the ``AsyncInstallationStore`` (Bolt, async; the
blocking calls run in a thread). Bolt looks the workspace up before it acks each request: while
Redis is away (an error, or no answer within ``LOOKUP_S``) it gets the installation this
process last read, so the request is acked and its failure told to the user, not answered 500
(which Slack sends again later). Single-token mode (``SLACK_BOT_TOKEN``) needs no installation:
``Installations.bot_token`` falls back to that token.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import re
import secrets
import threading
from collections.abc import Callable
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
LOOKUP_S = 0.5  # Bolt's lookups before the ack: two of them stay well inside Slack's 3 s
REMEMBERED = 10_000  # lookups kept for Redis's absence (a few hundred bytes each)


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
        self._last: dict[tuple[Any, ...], Bot | Installation | None] = {}  # Bolt's lookups
        self._last_lock = threading.Lock()  # deletes run in threads

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
        self._forget(team_id)
        self._r.hdel(self._key(enterprise_id, team_id), "bot")

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        self._forget(team_id)
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
        self._forget(team_id)
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
        found = await self._looked_up(
            ("bot", enterprise_id, team_id, bool(is_enterprise_install)),
            lambda: self.find_bot(
                enterprise_id=enterprise_id,
                team_id=team_id,
                is_enterprise_install=is_enterprise_install,
            ),
        )
        return found if isinstance(found, Bot) else None

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        found = await self._looked_up(
            ("installation", enterprise_id, team_id, user_id, bool(is_enterprise_install)),
            lambda: self.find_installation(
                enterprise_id=enterprise_id,
                team_id=team_id,
                user_id=user_id,
                is_enterprise_install=is_enterprise_install,
            ),
        )
        return found if isinstance(found, Installation) else None

    async def _looked_up(
        self, key: tuple[Any, ...], find: Callable[[], Bot | Installation | None]
    ) -> Bot | Installation | None:
        """``find`` in Redis, remembered; while Redis is away, what was found last (a copy:
        Bolt edits what it is given)."""
        try:
            found = await asyncio.wait_for(asyncio.to_thread(find), LOOKUP_S)
        except (redis.RedisError, TimeoutError) as e:
            kind, enterprise, team, *_ = key
            workspace = self._last.get(("installation", enterprise, team, None, key[-1]))
            if key in self._last:
                found = copy.deepcopy(self._last[key])
            elif kind == "bot" and isinstance(workspace, Installation) and workspace.bot_token:
                found = workspace.to_bot()  # the bot of the workspace's installation
            elif kind == "installation" and key[3] is not None:
                found = None  # a user's own: none needed, the workspace's bot token acts
            else:
                raise
            log.warning("slack.installation_remembered", team=team, error=repr(e)[:200])
            return found
        with self._last_lock:
            if len(self._last) >= REMEMBERED and key not in self._last:
                self._last.pop(next(iter(self._last)))  # the oldest lookup
            self._last[key] = copy.deepcopy(found)
        return found

    def _forget(self, team_id: str | None) -> None:
        """An uninstall or a revoked token: nothing of that workspace is served from memory."""
        with self._last_lock:
            for key in [k for k in self._last if k[2] == team_id]:
                del self._last[key]

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
