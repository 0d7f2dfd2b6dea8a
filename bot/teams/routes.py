"""Mounting the Teams bot at POST /api/messages on the aiohttp server."""

from __future__ import annotations

from typing import TYPE_CHECKING

import structlog
from aiohttp import web

from bot.teams.auth import TeamsSettingsError, build_adapter, check
from bot.teams.bot import ConsultationBot, TeamsParts
from bot.teams.references import ReferenceStore
from consultations.adapters.redis_digest import DigestStore
from consultations.digest_service import DigestService
from workers.celery_app import DIGEST_POST

if TYPE_CHECKING:
    from bot.server import ServerParts

log = structlog.get_logger(__name__)


def add_teams_routes(web_app: web.Application, parts: ServerParts) -> None:
    settings = parts.app.settings
    try:
        check(settings)
    except TeamsSettingsError as e:
        log.warning("teams.disabled", reason=str(e))  # /api/messages stays unmounted (404)
        return
    if not settings.microsoft_app_id:
        log.warning("teams.anonymous", reason="NEURIPS_ENV=dev: requests are not authenticated")
    adapter = build_adapter(settings)
    app = parts.app

    def enqueue(key: str, mode: str, user: str) -> None:
        parts.celery.send_task(DIGEST_POST, args=[key, mode, "", user])

    bot = ConsultationBot(
        TeamsParts(
            service=app.service,
            ledger=app.ledger,
            celery=parts.celery,
            references=ReferenceStore(app.redis, settings.state_ttl_seconds),
            digests=DigestService(DigestStore(app.redis), enqueue),
        )
    )

    async def on_error(context, error: Exception) -> None:  # type: ignore[no-untyped-def]
        log.error("teams.turn_failed", error=repr(error))
        await context.send_activity(
            "Sorry, the advisor hit an error. Nothing was lost; please try again in a minute."
        )

    adapter.on_turn_error = on_error

    async def messages(request: web.Request) -> web.Response:
        response = await adapter.process(request, bot)  # 401 for any authentication failure
        return response or web.Response(status=201)

    web_app.router.add_post("/api/messages", messages)
