"""A Teams message's text as typed: HTML markup of channel and formatted messages left out."""

from __future__ import annotations

import pytest

from consultations.adapters.teams.typed import as_typed


@pytest.mark.parametrize(
    ("sent", "typed"),
    [
        # a formatted channel message: tags were read as words ('‹strong›GPT-4o‹/strong›')
        (
            "<p><at>advisor</at> <strong>GPT-4o</strong> for chat, <em>Claude</em> for code</p>",
            "GPT-4o for chat, Claude for code",
        ),
        ("<at>advisor</at> 2<br>3", "2\n3"),
        ("<ul><li>Midjourney</li><li>Firefly</li></ul>", "Midjourney\nFirefly"),
        ("<at>Advisor</at>&nbsp;&lt;100ms", "<100ms"),
        ("ask <at>Bob</at> about it", "ask Bob about it"),
        # plain text from a one-on-one chat stays as typed
        ("<100ms and >50ms", "<100ms and >50ms"),
        ("x<b and c>d", "x<b and c>d"),
        ("consult 3", "consult 3"),
    ],
)
def test_a_teams_message_as_typed(sent: str, typed: str) -> None:
    assert as_typed(sent) == typed
