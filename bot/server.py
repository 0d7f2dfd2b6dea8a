"""The one HTTP server: Slack at /slack/events, Teams at /api/messages, and health probes."""

from __future__ import annotations

import asyncio

import redis
import structlog
from aiohttp import web

from bot import heap
from consultations.adapters.bootstrap import App

log = structlog.get_logger(__name__)

APP_KEY = web.AppKey("neurips_app", App)
PROBE_TIMEOUT_S = 0.8  # inside Kubernetes' default 1 s probe timeout


async def healthz(request: web.Request) -> web.Response:
    """Alive; with the garbage collector's pauses since start-up (``gc``)."""
    return web.json_response({"ok": True, "gc": heap.stats()})


async def readyz(request: web.Request) -> web.Response:
    """Ready when Redis and the job queue's broker answer, within the probe's timeout; the
    first check that fails answers at once (503), without waiting for the other."""
    app = request.app[APP_KEY]

    def redis_up() -> str:
        try:
            app.redis.ping()
            return "ok"
        except redis.RedisError as e:
            return f"down: {e}"

    def broker_up() -> str:
        return "ok" if app.jobs.ready() is True else "down"

    probes = {
        "redis": asyncio.ensure_future(asyncio.to_thread(redis_up)),
        "broker": asyncio.ensure_future(asyncio.to_thread(broker_up)),
    }
    checks = {name: "down: no answer within the probe's timeout" for name in probes}
    pending: set[asyncio.Future[str]] = set(probes.values())
    deadline = asyncio.get_running_loop().time() + PROBE_TIMEOUT_S
    while pending:
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            break
        done, pending = await asyncio.wait(
            pending, timeout=left, return_when=asyncio.FIRST_COMPLETED
        )
        for name, probe in probes.items():
            if probe in done:
                checks[name] = probe.result()
        if any(checks[k] != "ok" for k, p in probes.items() if p.done()):
            break  # one is down: not ready, whatever the other says
    failed_first = any(checks[k] != "ok" for k, p in probes.items() if p.done())
    for name, probe in probes.items():
        if not probe.done() and failed_first:
            checks[name] = "unknown: another check failed first"
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
