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
PING_KEY = web.AppKey("neurips_ping", redis.Redis)
# /readyz answers by this deadline, whatever Redis does: half the probe's timeoutSeconds (1 s in
# deploy/k8s/advisor.yml; tests/unit/test_probe_deadline.py keeps the two apart), so the answer,
# the event loop's hand-offs and a busy node fit inside it
READY_DEADLINE_S = 0.5


async def healthz(request: web.Request) -> web.Response:
    """Alive; with the garbage collector's pauses since start-up (``gc``)."""
    return web.json_response({"ok": True, "gc": heap.stats()})


async def readyz(request: web.Request) -> web.Response:
    """Ready when Redis and the job queue's broker answer, within the probe's timeout; the
    first check that fails answers at once (503), without waiting for the other."""
    app = request.app[APP_KEY]
    ping = request.app[PING_KEY]

    def redis_up() -> str:
        try:
            ping.ping()
            return "ok"
        except redis.RedisError as e:
            return f"down: {e}"

    def broker_up() -> str:
        return "ok" if app.jobs.ready(READY_DEADLINE_S) is True else "down"

    probes = {
        "redis": asyncio.ensure_future(asyncio.to_thread(redis_up)),
        "broker": asyncio.ensure_future(asyncio.to_thread(broker_up)),
    }
    checks = {name: "down: no answer within the probe's timeout" for name in probes}
    pending: set[asyncio.Future[str]] = set(probes.values())
    deadline = asyncio.get_running_loop().time() + READY_DEADLINE_S
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
    # its own client, timing out with the deadline: a ping to a frozen Redis gives its thread
    # back soon after the probe is answered, and never waits behind the requests' connections
    web_app[PING_KEY] = redis.Redis.from_url(
        app.redis_url,
        socket_timeout=READY_DEADLINE_S,
        socket_connect_timeout=READY_DEADLINE_S,
        max_connections=4,
    )
    web_app.router.add_get("/healthz", healthz)
    web_app.router.add_get("/readyz", readyz)
    if app.settings.slack_signing_secret is not None:
        from bot.slack.routes import add_slack_routes

        add_slack_routes(web_app, app)
    from bot.teams.routes import add_teams_routes

    add_teams_routes(web_app, app)
    return web_app
