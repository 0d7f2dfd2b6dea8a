"""A German team answering the telemetry consultation as it talks: "ca. 12.000 Läufe pro Woche",
"wir haben so 3 Agenten im Einsatz, …", "5000 Nutzer". Read as the same words in English are."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog

TELEMETRY = "reasoning-telemetry"


@pytest.mark.parametrize(
    ("typed", "per_day"),
    [
        ("ca. 12.000 Läufe pro Woche", 1714),  # was 12,000 a day: the week was not seen
        ("12.000 Läufe wöchentlich", 1714),
        ("5k Durchläufe im Monat", 164),
        ("about 12k runs a week", 1714),
    ],
)
def test_a_weekly_count_in_german_is_restated_per_day(
    catalog: Catalog, typed: str, per_day: int
) -> None:
    answer = parse_answer(catalog.by_slug(TELEMETRY).question("runs_per_day"), typed)
    assert answer.number == per_day
    assert "a day" in str(answer.note)  # said back, so a misreading shows


@pytest.mark.parametrize("typed", ["ca. 12.000 Läufe pro Woche", "12.000 Anfragen am Tag"])
def test_a_count_typed_at_the_tools_question_is_refused_not_stored_as_a_tool(
    catalog: Catalog, typed: str
) -> None:
    with pytest.raises(AnswerError, match="figure has its own question"):
        parse_answer(catalog.by_slug(TELEMETRY).question("tools"), typed)


def test_users_in_german_are_not_runs(catalog: Catalog) -> None:
    with pytest.raises(AnswerError, match="number of Nutzer"):
        parse_answer(catalog.by_slug(TELEMETRY).question("runs_per_day"), "5000 Nutzer")


@pytest.mark.parametrize(
    "typed",
    [
        "we have 3 agents: support, code review and a research agent",
        "wir haben so 3 agents im einsatz, support, code review und ein research agent",
        "Wir haben 3 Agenten im Einsatz: support, code review und research agent",
    ],
)
def test_the_words_that_introduce_the_agents_are_no_agent(catalog: Catalog, typed: str) -> None:
    answer = parse_answer(catalog.by_slug(TELEMETRY).question("agents"), typed)
    assert [i.casefold() for i in answer.items or ()] == [
        "support",
        "code review",
        "research agent",
    ]
