"""What every Slack listener shares: the app's parts, the async Web API client, who and where."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from consultations.adapters.bootstrap import App
from consultations.desk import Surface
from consultations.state import Consultation, Owner


@dataclass
class SlackContext:
    app: App
    client: AsyncWebClient


def owner_of(body: dict[str, Any], user: str) -> Owner:
    team = body.get("team_id") or (body.get("team") or {}).get("id") or "unknown"
    return Owner(platform="slack", workspace=team, user=user)


def thread_link(c: Consultation) -> str:
    ch, ts = c.location.get("channel"), c.location.get("thread_ts")
    if not ch or not ts:
        return " · (no thread)"
    return f" · <https://slack.com/archives/{ch}/p{ts.replace('.', '')}|open thread>"


SURFACE = Surface(prefix="/neurips ", link=thread_link, channel=lambda ch: f"<#{ch}>")
