"""At 'What constrains you most?' a 'no X' names X: 'no budget' was refused ('Pick one or more
of …') and 'no PII to US vendors' left out as matching no option, though both say exactly what
constrains. 'No X to speak of' still rules X out. Residency said as hosting ('EU hosting') is
compliance at the vendor reasons (it was left out)."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import load_catalog


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("no budget", ("budget",)),
        ("kein Budget", ("budget",)),
        ("no PII to US vendors, budget 300k EUR for AI next year", ("budget", "data")),
        ("no data may leave the EU", ("data",)),
        ("no cloud allowed", ("data",)),
        ("no regulation to speak of, but no time", ("time",)),
        ("FINMA, no PII outside CH, no budget to speak of", ("budget", "regulation", "data")),
        ("no real budget issues, skills", ("skills",)),
        ("budget is not an issue, time is", ("time",)),
        ("no budget, not regulation", ("budget",)),
        ("not really budget, more skills", ("skills",)),
        ("not enough time", ("time",)),
    ],
)
def test_a_constraint_said_as_missing_is_picked(typed: str, picked: tuple[str, ...]) -> None:
    q = load_catalog().by_slug("strategy-synthesis").question("constraints")
    assert parse_answer(q, typed).choices == picked


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("mostly price and EU hosting", ("price", "compliance")),
        ("EU customers want it", ("compliance",)),
        ("price, no compliance reason", ("price",)),
    ],
)
def test_hosting_in_the_eu_is_a_residency_reason(typed: str, picked: tuple[str, ...]) -> None:
    q = load_catalog().by_slug("model-convergence").question("reasons")
    answer = parse_answer(q, typed)
    assert answer.choices == picked
    assert answer.note is None
