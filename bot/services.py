"""The long-running chat commands: ``serve`` (HTTP: Slack, Teams, probes) and ``socket``."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

import structlog

from bot import heap
from consultations.adapters.bootstrap import App, bootstrap
from consultations.adapters.settings import Settings, SettingsError

log = structlog.get_logger(__name__)


def check_chat_settings(settings: Settings, *, socket: bool = False) -> None:
    """Fail at startup, clearly, rather than on the first request. (Each token's kind is
    checked where the settings are read.)"""
    token, secret = settings.slack_bot_token, settings.slack_signing_secret
    if socket:
        if token is None or settings.slack_app_token is None:
            raise SettingsError("Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN (xapp-...)")
        return
    if settings.slack_client_id and settings.slack_client_secret is None:
        raise SettingsError("SLACK_CLIENT_ID needs SLACK_CLIENT_SECRET (any workspace)")
    slack = token is not None or settings.slack_oauth
    if slack != (secret is not None):
        raise SettingsError(
            "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET must be set together (one workspace); "
            "or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET (any workspace)"
        )
    if settings.microsoft_app_id:  # Teams asked for: half of it is an error, not a warning
        from consultations.adapters.teams.auth import TeamsSettingsError, check

        try:
            check(settings)
        except TeamsSettingsError as e:
            raise SettingsError(str(e)) from None
    teams = bool(settings.microsoft_app_id) or settings.neurips_env == "dev"
    if not slack and not teams:
        raise SettingsError(
            "Nothing to serve: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for Slack, "
            "and/or MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD for Teams"
        )


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        check_chat_settings(settings, socket=args.command == "socket")
    except SettingsError as e:
        print(f"neurips-advisor {args.command}: {e}", file=sys.stderr)
        return 2
    from bot.server import build_web_app

    app = bootstrap(settings)
    try:
        if args.command == "socket":
            heap.settle()
            return asyncio.run(_socket(app))
        from aiohttp import web

        port = args.port or settings.port
        log.info("server.start", port=port)
        web_app = build_web_app(app)
        heap.settle()
        web.run_app(
            web_app,
            host="0.0.0.0",
            port=port,
            print=None,
            access_log=None,
            backlog=LISTEN_BACKLOG,
            handle_signals=True,
            loop=_event_loop(),
        )
        return 0
    finally:
        app.close()


LISTEN_BACKLOG = 1024  # aiohttp's 128 drops a burst of Slack's connections: 1 s SYN retries


def _event_loop() -> asyncio.AbstractEventLoop:
    """uvloop's where it runs (not on Windows): less CPU per request than asyncio's own."""
    if sys.platform == "win32":
        return asyncio.new_event_loop()
    import uvloop

    return uvloop.new_event_loop()


async def _socket(app: App) -> int:
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    from bot.slack.routes import build_bolt_app

    assert app.settings.slack_app_token is not None
    token = app.settings.slack_app_token.get_secret_value()
    handler = AsyncSocketModeHandler(build_bolt_app(app), token)
    stopping = asyncio.Event()
    if sys.platform != "win32":  # `kill <pid>` stops it as Ctrl-C does: the embedded Redis too
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopping.set)
    running = asyncio.create_task(handler.start_async())  # connects, then sleeps for ever
    stopped = asyncio.create_task(stopping.wait())
    await asyncio.wait((running, stopped), return_when=asyncio.FIRST_COMPLETED)
    if running.done():  # it failed to connect: said as before
        stopped.cancel()
        await running
        return 0
    log.info("socket.stopping", signal="SIGTERM")
    running.cancel()
    await handler.close_async()
    return 0
