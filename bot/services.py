"""The long-running commands: ``serve``, ``socket`` and ``worker``."""

from __future__ import annotations

import argparse
import asyncio
import sys

import structlog

from bot.settings import Settings

log = structlog.get_logger(__name__)


class SettingsError(ValueError):
    pass


def check_chat_settings(settings: Settings, *, socket: bool = False) -> None:
    """Fail at startup, clearly, rather than on the first request."""
    token, secret = settings.slack_bot_token, settings.slack_signing_secret
    if token is not None and not token.get_secret_value().startswith("xoxb-"):
        raise SettingsError("SLACK_BOT_TOKEN should be a bot token starting with xoxb-")
    if socket:
        if token is None or settings.slack_app_token is None:
            raise SettingsError("Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN (xapp-...)")
        if not settings.slack_app_token.get_secret_value().startswith("xapp-"):
            raise SettingsError("SLACK_APP_TOKEN should be an app-level token starting with xapp-")
        return
    if (token is None) != (secret is None):
        raise SettingsError("SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET must be set together")
    teams = bool(settings.microsoft_app_id) or settings.neurips_env == "dev"
    if token is None and not teams:
        raise SettingsError(
            "Nothing to serve: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for Slack, "
            "and/or MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD for Teams"
        )


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        check_chat_settings(settings, socket=args.command == "socket")
    except SettingsError as e:
        if args.command not in ("worker", "beat"):
            print(f"neurips-advisor {args.command}: {e}", file=sys.stderr)
            return 2
    if args.command == "worker":
        return _worker(args, settings)
    if args.command == "beat":
        return _beat(settings)
    from bot.bootstrap import bootstrap  # noqa: PLC0415
    from bot.server import ServerParts, build_web_app  # noqa: PLC0415
    from workers.celery_app import make_celery  # noqa: PLC0415

    app = bootstrap(settings)
    parts = ServerParts(app=app, celery=make_celery(settings, app.redis_url))
    try:
        if args.command == "socket":
            return asyncio.run(_socket(parts))
        from aiohttp import web  # noqa: PLC0415

        port = args.port or settings.port
        log.info("server.start", port=port)
        web.run_app(
            build_web_app(parts),
            host="0.0.0.0",
            port=port,
            print=None,
            access_log=None,
            handle_signals=True,
        )
        return 0
    finally:
        app.close()


async def _socket(parts) -> int:  # type: ignore[no-untyped-def]
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler  # noqa: PLC0415

    from bot.slack.routes import build_bolt_app  # noqa: PLC0415

    token = parts.app.settings.slack_app_token.get_secret_value()
    await AsyncSocketModeHandler(build_bolt_app(parts), token).start_async()
    return 0


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from bot.bootstrap import connect_redis  # noqa: PLC0415
    from workers.celery_app import QUEUE, make_celery  # noqa: PLC0415

    url, embedded = connect_redis(settings)
    celery = make_celery(settings, url)
    try:
        celery.worker_main(
            [
                "worker",
                "--loglevel=INFO",
                "-Q",
                QUEUE,
                f"--pool={args.pool}",
                f"--concurrency={args.concurrency}",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ]
        )
    finally:
        if embedded is not None:
            embedded.stop()
    return 0


def _beat(settings: Settings) -> int:
    from bot.bootstrap import connect_redis  # noqa: PLC0415
    from workers.celery_app import make_celery  # noqa: PLC0415

    url, embedded = connect_redis(settings)
    celery = make_celery(settings, url)
    schedule = settings.neurips_data_dir / "celerybeat-schedule"
    schedule.parent.mkdir(parents=True, exist_ok=True)
    try:
        celery.start(["beat", "--loglevel=INFO", "-s", str(schedule)])
    finally:
        if embedded is not None:
            embedded.stop()
    return 0
