"""The 👍/👎 at the end of a report: Slack's ``feedback_buttons`` element in a
``context_actions`` block, and the one way its value is read back. Pure."""

from __future__ import annotations

import re
from typing import Any, Literal

FEEDBACK_ACTION = "report_feedback"  # the action_id the server listens for
NOTE_VIEW = "report_feedback_note"  # the callback_id of the "what was off?" modal
_VALUE = re.compile(r"^(up|down)\|([a-z0-9]{6,32})$")  # "<vote>|<consultation id>"

Vote = Literal["up", "down"]


def feedback_block(cid: str) -> dict[str, Any]:
    """Append to the report's last message: ``blocks=[*report_blocks, feedback_block(c.id)]``."""
    if not _VALUE.match(f"up|{cid}"):
        raise ValueError(f"not a consultation id: {cid[:40]!r}")
    return {
        "type": "context_actions",
        "elements": [
            {
                "type": "feedback_buttons",
                "action_id": FEEDBACK_ACTION,
                "positive_button": {
                    "text": {"type": "plain_text", "text": "👍"},
                    "accessibility_label": "This report was useful",
                    "value": f"up|{cid}",
                },
                "negative_button": {
                    "text": {"type": "plain_text", "text": "👎"},
                    "accessibility_label": "Something in this report was off",
                    "value": f"down|{cid}",
                },
            }
        ],
    }


def parse_value(value: object) -> tuple[Vote, str] | None:
    """The vote and consultation id a click carries; None for anything else (untrusted)."""
    m = _VALUE.match(value) if isinstance(value, str) else None
    if m is None:
        return None
    return ("up" if m.group(1) == "up" else "down"), m.group(2)
