"""What every Slack listener shares: the app's parts, the async Web API client, who and where."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from consultations.adapters.bootstrap import App
from consultations.adapters.slack import blocks as kit
from consultations.desk import Surface
from consultations.state import Consultation, Owner


@dataclass
class SlackContext:
    app: App
    client: AsyncWebClient


def owner_of(body: dict[str, Any], user: str) -> Owner:
    team = body.get("team_id") or (body.get("team") or {}).get("id") or "unknown"
    return Owner(platform="slack", workspace=team, user=user)


def mentioned(body: dict[str, Any], text: str) -> str | None:
    """``text`` without its leading mention of this app ("<@UBOT> 5M": "5M"), as people
    address a bot in a channel (and must in Teams); None when it does not begin with one."""
    bots = {a.get("user_id") for a in body.get("authorizations") or [] if a.get("is_bot")}
    m = _MENTION.match(text)
    return text[m.end() :] if m and m[1] in bots else None


_MENTION = re.compile(r"\s*<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>[\s,:;.!-]*")


def thread_link(c: Consultation) -> str:
    ch, ts = c.location.get("channel"), c.location.get("thread_ts")
    if not ch or not ts:
        return " · (no thread)"
    return f" · <https://slack.com/archives/{ch}/p{ts.replace('.', '')}|open thread>"


def channel_ref(channel: str) -> str:
    """A channel id as Slack's link; a name (typed where commands are not escaped) as #name."""
    return f"<#{channel}>" if _CHANNEL_ID.fullmatch(channel) else f"#{kit.escape(channel)}"


_CHANNEL_ID = re.compile(r"[CGD][A-Z0-9]+")  # names are lower case
SURFACE = Surface(
    prefix="/neurips ",
    link=thread_link,
    channel=channel_ref,
    direct=lambda ch: ch.startswith("D"),
)
