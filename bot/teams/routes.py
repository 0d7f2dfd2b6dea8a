"""Mounting the Teams bot at POST /api/messages on the aiohttp server."""

from __future__ import annotations

import structlog
from aiohttp import web
from botbuilder.core import TurnContext
from msrest.exceptions import HttpOperationError

from bot.outage import caused_by, store_away
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
# Teams refused our reply (a 502 from the connector…): what was sent had been taken and saved,
# so "try again" would apply it a second time, to the next question
REPLY_REFUSED = (
    "Sorry, Teams did not take my reply just now. What you sent was received and kept; "
    "type `resume` to see the current question again."
)


def reply_refused(error: BaseException) -> bool:
    """The failure is the Bot Connector refusing one of our activities."""
    return caused_by(error, HttpOperationError)


async def tell_turn_failure(context: TurnContext, error: Exception) -> None:
    """A turn failed: logged, and told in the chat — a store outage as such, and a reply Teams
    refused as one, each with what to do."""
    log.error("teams.turn_failed", error=repr(error))
    if store_away(error):
        await context.send_activity(STORE_AWAY)
    else:
        await context.send_activity(REPLY_REFUSED if reply_refused(error) else SORRY)


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
