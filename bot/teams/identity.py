"""Who and where, from a Bot Framework activity (ids made safe for our keys)."""

from __future__ import annotations

import hashlib
import re

from botbuilder.schema import Activity

from consultations.state import Owner

_SAFE = re.compile(r"^[A-Za-z0-9._:@-]{1,128}$")


def safe_id(raw: str | None, fallback: str = "unknown") -> str:
    raw = (raw or "").strip() or fallback
    return raw if _SAFE.match(raw) else "h-" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def owner_of(activity: Activity) -> Owner:
    channel_data = activity.channel_data or {}
    tenant = (
        (channel_data.get("tenant") or {}).get("id") if isinstance(channel_data, dict) else None
    ) or getattr(activity.conversation, "tenant_id", None)
    user = activity.from_property
    uid = (getattr(user, "aad_object_id", None) or getattr(user, "id", None)) if user else None
    return Owner(platform="teams", workspace=safe_id(tenant, "default"), user=safe_id(uid))


def place_of(activity: Activity) -> str:
    """A 1:1 chat, or one reply chain of a channel (its id carries ;messageid=…)."""
    return safe_id(activity.conversation.id if activity.conversation else None)
