"""German thousands on money: "40 TEUR/Monat" and "40 T€" are €40,000 (Tausend Euro), never 40."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run


@pytest.mark.parametrize(
    "typed",
    ["40 TEUR/Monat", "40 T€", "40 Tsd. €", "40 TEUR", "ca. 40 T EUR im Monat", "40T€"],
)
def test_tausend_euro_is_read_as_thousands_of_euros(catalog: Catalog, typed: str) -> None:
    q = catalog.by_slug("model-convergence").question("monthly_spend")
    a = parse_answer(q, typed)
    assert a.number == 40_000
    assert a.currency == "EUR"
    assert "€40,000" in a.display(q)


def test_tausend_euro_in_parts_reads_both_parts(catalog: Catalog) -> None:
    q = catalog.by_slug("edge-economics").question("local_cost")
    a = parse_answer(q, "30 T€ hardware, 2 TEUR/Monat")
    assert a.numbers == {"hardware": 30_000, "monthly": 2_000}
    assert a.currency == "EUR"


def test_a_bare_t_is_no_thousand(catalog: Catalog) -> None:
    q = catalog.by_slug("edge-economics").question("requests")
    assert parse_answer(q, "40 T").number != 40_000
    with pytest.raises(AnswerError, match="file size"):  # "2 TB": a size, not 2,000 requests
        parse_answer(q, "2 TB")


def test_a_roadmap_goal_in_teur_prices_the_plan_in_euros(catalog: Catalog) -> None:
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "role": "Head of IT",
            "industry": "machine building",
            "team_size": "40",
            "constraints": "budget",
            "goals": "cut API spend to 10 TEUR/month",
        },
    )
    assert "It costs about €" in r.summary and "$" not in r.summary


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value", "said"),
    [  # each was 'I need a number here'
        ("strategy-synthesis", "team_size", "une quinzaine", 15, "“une quinzaine” read as 15"),
        ("strategy-synthesis", "team_size", "ein Dutzend", 12, None),
        ("strategy-synthesis", "team_size", "zwei Dutzend Leute", 24, None),
        ("strategy-synthesis", "team_size", "une vingtaine de développeurs", 20, "read as 20"),
        ("edge-economics", "quality_loss", "fünf Prozent", 5, None),
        ("edge-economics", "quality_loss", "cinq pour cent", 5, None),
    ],
)
def test_german_and_french_number_words_are_read(
    catalog: Catalog, slug: str, key: str, typed: str, value: float, said: str | None
) -> None:
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == value
    assert said is None or said in (answer.note or "")


@pytest.mark.parametrize(
    "typed",
    [
        "50% Kosten, 30% Ausfälle, Rest Compute",  # was 'I need 3 numbers here'
        "coûts 50 %, pannes 30 %, calcul 20 %",
        "Kosten 50, Fehler 30, Rechenleistung 20",
    ],
)
def test_weights_named_in_german_or_french_are_read(catalog: Catalog, typed: str) -> None:
    weights = catalog.by_slug("research-curation").question("weights")
    assert parse_answer(weights, typed).numbers == {"cost": 50, "failure": 30, "compute": 20}


@pytest.mark.parametrize(
    ("typed", "value"),
    [("douze mille euros", 12_000), ("deux mille euros", 2_000), ("12 mille €", 12_000)],
)
def test_french_thousands_are_thousands(catalog: Catalog, typed: str, value: float) -> None:
    """'douze mille euros' at the spend was €12, with nothing said."""
    spend = catalog.by_slug("model-convergence").question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert (answer.number, answer.currency) == (value, "EUR")
