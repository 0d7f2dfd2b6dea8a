"""Mounting the Teams bot at POST /api/messages on the aiohttp server."""

from __future__ import annotations

import structlog
from aiohttp import web
from botbuilder.core import TurnContext

from bot.outage import store_away
from bot.teams.bot import ConsultationBot, TeamsParts
from consultations.adapters.bootstrap import App
from consultations.adapters.teams.auth import TeamsSettingsError, build_adapter, check
from consultations.adapters.teams.personal import PersonalChats
from consultations.adapters.teams.references import ReferenceStore

log = structlog.get_logger(__name__)


STORE_AWAY = (  # what was sent is not saved: the connector will not send it again, the user must
    "Sorry, I could not save that: the advisor's storage is not responding right now, so "
    "nothing was saved or changed. Please send it again in a minute."
)
SORRY = "Sorry, the advisor hit an error. Nothing was lost; please try again in a minute."


async def tell_turn_failure(context: TurnContext, error: Exception) -> None:
    """A turn failed: logged, and told in the chat — a store outage as such, with what to do."""
    log.error("teams.turn_failed", error=repr(error))
    await context.send_activity(STORE_AWAY if store_away(error) else SORRY)


def add_teams_routes(web_app: web.Application, app: App) -> None:
    settings = app.settings
    try:
        check(settings)
    except TeamsSettingsError as e:
        log.warning("teams.disabled", reason=str(e))  # /api/messages stays unmounted (404)
        return
    if not settings.microsoft_app_id:
        log.warning("teams.anonymous", reason="NEURIPS_ENV=dev: requests are not authenticated")
    adapter = build_adapter(settings)
    bot = ConsultationBot(
        TeamsParts(
            desk=app.desk,
            ledger=app.ledger,
            references=ReferenceStore(app.redis, settings.state_ttl_seconds),
            feedback=app.feedback,
            chats=PersonalChats(app.redis),
            holders=app.holders,
            app_id=settings.microsoft_app_id,
        )
    )

    adapter.on_turn_error = tell_turn_failure

    async def messages(request: web.Request) -> web.Response:
        response = await adapter.process(request, bot)  # 401 for any authentication failure
        return response or web.Response(status=201)

    web_app.router.add_post("/api/messages", messages)
