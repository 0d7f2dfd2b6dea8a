"""A user's consultation as it is stored: who, which script, the answers so far, and its report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from consultations.answers import Answer
from consultations.report import Report

_ID = r"^[A-Za-z0-9._:@-]{1,128}$"


class Owner(BaseModel):
    """Whose consultation: the platform, the workspace (Slack team, Teams tenant) and the user."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    platform: str = Field(pattern=r"^(slack|teams|terminal)$")
    workspace: str = Field(pattern=_ID)
    user: str = Field(pattern=_ID)

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.workspace}:{self.user}"


class Status(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Delivery(StrEnum):
    NONE = "none"  # not finished yet
    PENDING = "pending"  # finished; a report job is queued
    DELIVERED = "delivered"  # the report was posted
    FAILED = "failed"


class Pending(BaseModel):
    """A reading waiting for the user: confirm one (``yes``), pick one (``1``/``2``), or retype."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    readings: tuple[Answer, ...] = Field(min_length=1, max_length=4)
    prompt: str = Field(max_length=2000)


class Delivered(BaseModel):
    """A posted report, kept by a `restart` so that `undo` restores it as it was, rather than
    write and post it again."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    report: Report
    narrative: str | None = None
    narrated_by: str | None = None
    delivery_note: str | None = None


class Undo(BaseModel):
    """The answers as they stood before a `restart` or a change to an earlier answer, kept until
    the next change, so that `undo` brings them back."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    answers: dict[str, Answer]
    trail: tuple[str, ...] = ()
    restart: bool = False  # then `back` brings them back too (there is nothing before it)
    delivered: Delivered | None = None  # a finished consultation's report, when restarted


class Consultation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]{6,32}$")
    owner: Owner
    slug: str
    status: Status = Status.ACTIVE
    answers: dict[str, Answer] = Field(default_factory=dict)
    trail: list[str] = Field(default_factory=list, description="Question keys in answer order.")
    version: int = Field(default=0, ge=0, description="Bumped by the store on every save.")
    created_at: datetime
    updated_at: datetime
    location: dict[str, str] = Field(
        default_factory=dict, description="Where it lives: channel and thread, or a Teams chat."
    )
    report: Report | None = None
    narrative: str | None = None
    narrated_by: str | None = None
    delivery: Delivery = Delivery.NONE
    delivery_note: str | None = None
    pending: Pending | None = None
    editing: str | None = Field(default=None, description="A question reopened by `edit N`.")
    undo: Undo | None = Field(default=None, description="What `undo` brings back.")

    def editable(self) -> Consultation:
        """A copy to change: its own containers, sharing the frozen answers and report."""
        return self.model_copy(
            update={
                "answers": dict(self.answers),
                "trail": list(self.trail),
                "location": dict(self.location),
            }
        )


# --- the stored record's schema ----------------------------------------------------------------
#
# Schema 1: records written before the schema was recorded (no ``s`` field beside the document).
#   Their reports could hold a figure whose value JSON could not carry (an infinite payback
#   was written as null), which made the whole record unreadable.
# Schema 2: the store refuses to write a record it cannot read back, and records the schema.
# Schema 3: the same fields; the store may write the record compact (a finished one, with its
#   report), which a release that predates it cannot read: the bump makes that release leave
#   such a record alone rather than set it aside.
# Schema 4: the same fields; a compact record may be deflated with the texts reports share
#   (marker z2), which a release of schema 3 cannot read: the bump makes it leave such a record
#   alone.

SCHEMA_VERSION = 4


def migrate(doc: dict[str, Any], schema: int) -> dict[str, Any]:
    """Bring a stored document of an older ``schema`` up to :data:`SCHEMA_VERSION`. Pure."""
    for step in range(schema, SCHEMA_VERSION):
        doc = _MIGRATIONS[step](doc)
    return doc


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """A report that does not validate is dropped; the answers and the narrative are kept.

    The narrative is what the user was shown; the structured report can be written again
    from the answers, so losing it costs nothing the user saw, and keeps their answers.
    """
    report = doc.get("report")
    if report is not None:
        try:
            Report.model_validate(report)
        except ValidationError:
            doc = {**doc, "report": None}
    return doc


def _same_fields(doc: dict[str, Any]) -> dict[str, Any]:
    return doc  # the fields did not change, only how the store may write them


_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2,
    2: _same_fields,
    3: _same_fields,
}


class UnreadableRecord(ValueError):
    """A consultation that would not read back as it was saved; the store did not write it."""


@dataclass(frozen=True)
class SetAside:
    """A stored consultation that could not be read, moved aside (kept for diagnosis)."""

    cid: str
    slug: str | None  # when it could still be made out of the damaged record
    reason: str
    at: datetime
