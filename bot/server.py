"""The one HTTP server: Slack at /slack/events, Teams at /api/messages, and health probes."""

from __future__ import annotations

import asyncio

import redis
import structlog
from aiohttp import web

from consultations.adapters.bootstrap import App

log = structlog.get_logger(__name__)

APP_KEY = web.AppKey("neurips_app", App)
PROBE_TIMEOUT_S = 0.8  # inside Kubernetes' default 1 s probe timeout


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def readyz(request: web.Request) -> web.Response:
    """Ready when Redis and the job queue's broker answer, within the probe's timeout."""
    app = request.app[APP_KEY]

    def redis_up() -> str:
        try:
            app.redis.ping()
            return "ok"
        except redis.RedisError as e:
            return f"down: {e}"

    async def check(probe, what: str) -> str:
        try:
            return await asyncio.wait_for(asyncio.to_thread(probe), PROBE_TIMEOUT_S)
        except TimeoutError:
            return f"down: no answer within {PROBE_TIMEOUT_S} s from {what}"

    redis_state, broker_up = await asyncio.gather(
        check(redis_up, "Redis"), check(app.jobs.ready, "the broker")
    )
    checks = {
        "redis": redis_state,
        "broker": "ok" if broker_up is True else (broker_up or "down"),
    }
    ok = all(v == "ok" for v in checks.values())
    return web.json_response({"ok": ok, **checks}, status=200 if ok else 503)


def build_web_app(app: App) -> web.Application:
    web_app = web.Application(client_max_size=1024 * 1024)
    web_app[APP_KEY] = app
    web_app.router.add_get("/healthz", healthz)
    web_app.router.add_get("/readyz", readyz)
    if app.settings.slack_signing_secret is not None:
        from bot.slack.routes import add_slack_routes

        add_slack_routes(web_app, app)
    from bot.teams.routes import add_teams_routes

    add_teams_routes(web_app, app)
    return web_app
