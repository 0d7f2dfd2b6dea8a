"""Answers read right but said back oddly, or read wrong: each case is how a tester typed it,
and what the user now sees instead."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import EDGE as EDGE_ANSWERS
from tests.unit.test_advisors import run

SYNTHESIS = "strategy-synthesis"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("me and 3 devs", "you and 3 devs"),  # was "you and 3 devs more"
        ("me and three devs", "you and three devs"),  # was "you and and three devs more"
        ("me and two", "you and two more"),
    ],
)
def test_me_and_my_devs_is_said_back_as_typed(catalog: Catalog, typed: str, said: str) -> None:
    team = catalog.by_slug(SYNTHESIS).question("team_size")
    a = parse_answer(team, typed)
    assert a.note == said
    assert a.number == (4 if "devs" in typed else 3)


@pytest.mark.parametrize(
    ("typed", "number", "said"),
    [
        ("so 6 entwickler, 1 data person", 7, "6 entwickler + 1 data person added up"),
        ("6 devs, 1 data person", 7, "6 devs + 1 data person added up"),
        (
            "4 engineers, 2 data scientists and a PM",
            7,
            "4 engineers + 2 data scientists + a PM added up",
        ),
        ("one PM and 5 engineers", 6, "one PM + 5 engineers added up"),  # was 5, said nothing
    ],
)
def test_a_team_listed_by_role_is_one_headcount_added_up(
    catalog: Catalog, typed: str, number: int, said: str
) -> None:
    """These were 6, 6, 4 and 5 people: the first figure, the others left out."""
    team = catalog.by_slug(SYNTHESIS).question("team_size")
    a = parse_answer(team, typed)
    assert (a.number, a.note) == (number, said)


@pytest.mark.parametrize(
    ("typed", "number"),
    [("5 devs, 2 of them senior", 5), ("150 people total, ~60 in eng", 60)],
)
def test_a_part_of_the_team_is_not_added(catalog: Catalog, typed: str, number: int) -> None:
    team = catalog.by_slug(SYNTHESIS).question("team_size")
    assert parse_answer(team, typed).number == number


EDGE = "edge-economics"


@pytest.mark.parametrize(
    ("typed", "vendor"),
    [
        ("bei openai so 2,50 / 10 pro million", "OpenAI"),
        ("gpt-4o 2.50 / 10", "OpenAI"),
        ("claude on bedrock 3/15", "AWS Bedrock"),
        ("azure openai 2.5 / 10", "Azure OpenAI"),
    ],
)
def test_api_prices_at_a_dollar_vendor_are_read_as_dollars(
    catalog: Catalog, typed: str, vendor: str
) -> None:
    """These had no currency, so the report took the local costs' (often euros) or its own."""
    price = catalog.by_slug(EDGE).question("price")
    a = parse_answer(price, typed)
    assert a.currency == "USD"
    assert a.note == f"read as US dollars, the currency {vendor} prices its API in"


@pytest.mark.parametrize(
    ("typed", "currency"), [("2.50 / 10", None), ("€2,50 / 10 bei openai", "EUR")]
)
def test_api_prices_keep_the_currency_typed_or_none(
    catalog: Catalog, typed: str, currency: str | None
) -> None:
    price = catalog.by_slug(EDGE).question("price")
    a = parse_answer(price, typed)
    assert (a.currency, a.note) == (currency, None)


def test_the_edge_report_says_the_dollars_came_from_the_vendor(catalog: Catalog) -> None:
    """With euros typed for the local costs, the report said "Your API prices had no currency:
    read as EUR, like your local costs" and compared OpenAI's dollars as euros."""
    price = "bei openai so 2,50 / 10 pro million"
    r = run(catalog, EDGE, dict(EDGE_ANSWERS, price=price, local_cost="8000 EUR, 300 EUR a month"))
    assert (
        "API prices in USD (no currency typed: OpenAI prices its API in US dollars) and local "
        "costs in EUR: convert one side" in " ".join(r.assumptions)
    )
    r = run(catalog, EDGE, dict(EDGE_ANSWERS, price=price, local_cost="8000, 300 a month"))
    assert any(
        a.startswith(
            "Your local costs had no currency: read as USD, like your API prices (no currency "
            "typed: OpenAI prices its API in US dollars)."
        )
        for a in r.assumptions
    )
    r = run(catalog, EDGE, dict(EDGE_ANSWERS, price="$2.50 / $10", local_cost="8000 EUR, 300 EUR"))
    assert "no currency typed" not in " ".join(r.assumptions)  # typed in dollars: nothing to say


AUTOMATION = "automation-frontier"


@pytest.mark.parametrize("typed", ["some", "partly", "some of them", "Some.", "teilweise"])
def test_some_at_checkable_asks_which_workflows(catalog: Catalog, typed: str) -> None:
    """These got a bare "Pick one or more of: …", as if the answer said nothing."""
    checkable = catalog.by_slug(AUTOMATION).question("checkable")
    with pytest.raises(AnswerError) as refused:
        parse_answer(checkable, typed)
    assert str(refused.value) == (
        "Which of them can be checked? Say it per workflow, for example: invoices can be "
        "checked, claims only a person."
    )
    said = parse_answer(checkable, "invoices can be checked, claims only a person")
    assert said.choices == ("verify", "human")  # the example given reads as asked


def test_some_at_a_question_with_its_own_some_option_is_that_option(catalog: Catalog) -> None:
    logs = catalog.by_slug(AUTOMATION).question("logs")
    assert parse_answer(logs, "some").choices == ("some",)
