"""A pasted payload (JSON, XML, an HTML element) is no answer: a Block Kit snippet at "which
tools" was noted as three tools, '{"blocks":⁅{"type":"section"', '"text":{…' and so on."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_answers_phrasings import q

PASTED = [
    '{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"hi"}}]}',
    '[{"type": "section"}]',
    '<?xml version="1.0"?><tools/>',
    "<div>support bot</div>",
]


@pytest.mark.parametrize("typed", PASTED)
@pytest.mark.parametrize(
    ("slug", "key"), [("reasoning-telemetry", "tools"), ("reasoning-telemetry", "failures")]
)
def test_a_pasted_payload_is_refused(catalog: Catalog, slug: str, key: str, typed: str) -> None:
    with pytest.raises(AnswerError, match="looks like code or JSON, not an answer"):
        parse_answer(q(catalog, slug, key), typed)


@pytest.mark.parametrize("typed", ["[internal] postgres, search", "a < b, c > d", "{MCP} tools"])
def test_brackets_in_words_are_words(catalog: Catalog, typed: str) -> None:
    assert parse_answer(q(catalog, "reasoning-telemetry", "tools"), typed).items
