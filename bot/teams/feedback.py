"""👍/👎 in Teams: the click (a ``message/submitAction`` invoke naming the rated message).

On a report it is stored with the consultation in the same feedback store as Slack's, counted
per kind of consultation in the logs; the text of Teams' feedback form on a 👎 is kept as the
note ("what was off?"). On an item of the user's own digest it teaches their taste and tilts
their digest's weights, in the same digest store as Slack's reactions. A payload that does not
validate is answered 400 and changes nothing; a click on a message that is not the clicker's
report or digest item is not stored, and they are told so."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Literal

import structlog
from botbuilder.core import InvokeResponse, TurnContext
from msrest.serialization import Model
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.teams.identity import owner_of, place_of
from consultations.adapters.redis_feedback import NOTE_LIMIT, RedisFeedback
from consultations.adapters.teams import cards
from consultations.adapters.teams.references import ReferenceStore
from consultations.digest_service import DigestService
from consultations.service import ConsultationService, NotFound

log = structlog.get_logger(__name__)
SUBMIT_ACTION = "message/submitAction"
NOT_YOURS = "Only the person who asked for this report (or whose digest this is) can rate it."


class Reaction(BaseModel):
    model_config = ConfigDict(extra="ignore")

    reaction: Literal["like", "dislike"]
    feedback: str | dict[str, Any] = ""  # the form's answers: a JSON string {"feedbackText": …}

    def text(self) -> str:
        form = self.feedback
        if isinstance(form, str):
            form = json.loads(form) if form.strip() else {}  # ValueError: not the form's JSON
        if not isinstance(form, dict):
            raise ValueError("the feedback is not a form's answers")
        text = form.get("feedbackText") or ""
        if not isinstance(text, str):
            raise ValueError("feedbackText is not text")
        return text.strip()


class FeedbackClick(BaseModel):
    model_config = ConfigDict(extra="ignore")

    actionName: Literal["feedback"]  # noqa: N815 — Teams' field names
    actionValue: Reaction  # noqa: N815


class ErrorBody(Model):  # what the adapter can serialize into an invoke response
    _attribute_map = {
        "status_code": {"key": "statusCode", "type": "int"},
        "type": {"key": "type", "type": "str"},
        "value": {"key": "value", "type": "object"},
    }

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__()
        self.status_code = status_code
        self.type = "application/vnd.microsoft.error"
        self.value = {"code": "BadRequest", "message": message}


def bad(message: str) -> InvokeResponse:
    log.warning("teams.feedback_bad_payload", reason=message[:200])
    return InvokeResponse(status=400, body=ErrorBody(400, message))


class FeedbackInvoke(BaseModel):
    value: FeedbackClick
    replyToId: str = Field(min_length=1, max_length=256)  # noqa: N815 — the rated message


async def on_submit_action(
    tc: TurnContext,
    service: ConsultationService,
    feedback: RedisFeedback,
    references: ReferenceStore,
    digests: DigestService,
) -> InvokeResponse:
    activity = tc.activity
    try:
        invoke = FeedbackInvoke.model_validate(
            {"value": activity.value, "replyToId": activity.reply_to_id or ""}
        )
        click, message = invoke.value, invoke.replyToId
        note = click.actionValue.text()
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(map(str, err['loc'])) or 'value'}: {err['msg']}" for err in e.errors()
        )
        return bad(f"not a feedback click ({problems})")
    except ValueError as e:
        return bad(f"the feedback form's answers could not be read ({e})")
    owner = owner_of(activity)
    cid = await asyncio.to_thread(references.message, owner, message)
    try:
        c = await asyncio.to_thread(service.get, owner, cid) if cid else None
    except (NotFound, ValueError):
        c = None
    vote: Literal["up", "down"] = "up" if click.actionValue.reaction == "like" else "down"
    if c is None:
        delta = 1 if vote == "up" else -1
        nudged = await asyncio.to_thread(digests.react, owner, place_of(activity), message, delta)
        if nudged:  # an item of this user's digest: their taste, that digest's weights
            log.info("teams.digest_feedback", vote=vote, questions=",".join(nudged))
            return InvokeResponse(status=200)
        log.info("teams.feedback_not_theirs", reply_to=message[:64])
        await tc.send_activity(cards.text(NOT_YOURS))
        return InvokeResponse(status=200)
    changed = await asyncio.to_thread(feedback.vote, owner, c.id, c.slug, vote)
    up, down = await asyncio.to_thread(feedback.counts, c.slug)
    log.info(
        "teams.report_feedback",
        cid=c.id,
        slug=c.slug,
        vote=vote,
        changed=changed,
        slug_up=up,
        slug_down=down,
    )
    if vote == "down" and note:
        kept = await asyncio.to_thread(feedback.note, owner, c.id, note[:NOTE_LIMIT])
        log.info("teams.report_feedback_note", cid=c.id, kept=kept, chars=len(note))
    return InvokeResponse(status=200)
