"""Tools people pay for by the seat ("Claude in Cursor", "Copilot") named in a list of model
vendors: a subscription per user in an app, not an API whose price per token matters. Pure."""

from __future__ import annotations

import re

_APPS = (  # coding tools paid per user; a chat plan ("ChatGPT Team") is left as named
    r"cursor|windsurf|(?:github\s+)?copilot|codeium|tabnine|jetbrains ai|notion ai"
)

_SEAT = re.compile(
    rf"^\s*(?:(?:ms|microsoft)\s+)?(?:{_APPS})\b|\b(?:in|via|through|inside)\s+(?:{_APPS})\b", re.I
)


def seats_said(items: tuple[str, ...]) -> str | None:
    """What is said back when some items are tool seats, or None."""
    seats = [i for i in items if is_seat(i)]
    if not seats:
        return None
    named = ", ".join(f"“{s}”" for s in seats)
    one = len(seats) == 1
    return (
        f"{named} {'reads' if one else 'read'} as {'a tool seat' if one else 'tool seats'}"
        ", paid per user in an app, not an API whose token price matters; say so if "
        f"{'it is' if one else 'one is'} an API you call"
    )


def is_seat(item: str) -> bool:
    return _SEAT.search(item) is not None
