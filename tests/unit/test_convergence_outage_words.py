"""Model convergence for a hospital: a system that 'needs to be up' needs instant failover,
and an answer giving two tolerances for two systems is asked back, not read as the laxer."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    "typed", ["must always be up", "it needs to be up 24/7", "zero downtime", "instant failover"]
)
def test_always_up_is_instant_failover(catalog: Catalog, typed: str) -> None:
    """'must always be up' was refused ('Pick one of: …')."""
    q = catalog.by_slug("model-convergence").question("outage_tolerance")
    assert parse_answer(q, typed).choices == ("instant",)


@pytest.mark.parametrize(
    "typed",
    [
        "we can wait a day for admin stuff, clinical needs to be up",
        "minutes for chat, but payments need instant failover",
    ],
)
def test_two_tolerances_for_two_systems_are_asked_back(catalog: Catalog, typed: str) -> None:
    """Both were read as the laxer one ('We can wait hours', 'A few minutes …'): the report then
    planned a documented fallback for a clinical system that must stay up."""
    q = catalog.by_slug("model-convergence").question("outage_tolerance")
    with pytest.raises(AnswerError) as e:
        parse_answer(q, typed)
    assert "instant failover" in str(e.value), str(e.value)


@pytest.mark.parametrize(
    "typed", ["we can wait, its an internal tool", "no rush", "das kann warten", "on peut attendre"]
)
def test_we_can_wait_is_hours(catalog: Catalog, typed: str) -> None:
    """'we can wait, its an internal tool' was refused ('Pick one of: …')."""
    q = catalog.by_slug("model-convergence").question("outage_tolerance")
    assert parse_answer(q, typed).choices == ("hours",)


def test_cannot_wait_stays_instant(catalog: Catalog) -> None:
    q = catalog.by_slug("model-convergence").question("outage_tolerance")
    assert parse_answer(q, "we can't wait").choices == ("instant",)


def test_a_clause_each_for_two_waits_is_asked_which_holds(catalog: Catalog) -> None:
    """An Indian fintech: 'UPI support can't go down, OCR can wait a few hours' was read as
    'We can wait hours' (more of its words matched), so the payments bot lost its failover."""
    q = catalog.by_slug("model-convergence").question("outage_tolerance")
    with pytest.raises(AnswerError, match="which one holds overall: `1` We need instant failover"):
        parse_answer(q, "UPI support can't go down, OCR can wait a few hours")
    assert parse_answer(q, "we can wait hours, it's internal").choices == ("hours",)
