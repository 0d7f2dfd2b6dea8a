"""A user's consultation as it is stored: who, which script, the answers so far, and its report."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

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

    def editable(self) -> Consultation:
        """A copy to change: its own containers, sharing the frozen answers and report."""
        return self.model_copy(
            update={
                "answers": dict(self.answers),
                "trail": list(self.trail),
                "location": dict(self.location),
            }
        )
