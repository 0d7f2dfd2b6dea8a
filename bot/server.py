"""The one HTTP server: Slack at /slack/events, Teams at /api/messages, and health probes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import redis
import structlog
from aiohttp import web
from celery import Celery

from bot.bootstrap import App

log = structlog.get_logger(__name__)

APP_KEY = web.AppKey("neurips_app", App)
CELERY_KEY = web.AppKey("neurips_celery", Celery)


@dataclass
class ServerParts:
    app: App
    celery: Celery


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def readyz(request: web.Request) -> web.Response:
    """Ready when Redis and the Celery broker answer."""
    app = request.app[APP_KEY]
    celery = request.app[CELERY_KEY]
    checks: dict[str, str] = {}

    def probe() -> None:
        try:
            app.redis.ping()
            checks["redis"] = "ok"
        except redis.RedisError as e:
            checks["redis"] = f"down: {e}"
        try:
            with celery.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
            checks["broker"] = "ok"
        except Exception as e:  # noqa: BLE001 — any failure means not ready
            checks["broker"] = f"down: {e}"

    await asyncio.to_thread(probe)
    ok = all(v == "ok" for v in checks.values())
    return web.json_response({"ok": ok, **checks}, status=200 if ok else 503)


def build_web_app(parts: ServerParts) -> web.Application:
    web_app = web.Application(client_max_size=1024 * 1024)
    web_app[APP_KEY] = parts.app
    web_app[CELERY_KEY] = parts.celery
    web_app.router.add_get("/healthz", healthz)
    web_app.router.add_get("/readyz", readyz)
    if parts.app.settings.slack_signing_secret is not None:
        from bot.slack.routes import add_slack_routes  # noqa: PLC0415

        add_slack_routes(web_app, parts)
    try:
        from bot.teams.routes import add_teams_routes  # noqa: PLC0415
    except ImportError:
        pass
    else:
        add_teams_routes(web_app, parts)
    return web_app
