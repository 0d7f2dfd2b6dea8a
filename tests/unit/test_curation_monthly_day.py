"""'first monday of the month' at the cadence was read as weekly ("Digest: weekly, 4 papers,
on Mondays"); a monthly digest named a weekday it does not keep: the digest posts monthly
ones on the 1st."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items


@pytest.mark.parametrize(
    ("typed", "cadence"),
    [
        ("first monday of the month", "monthly"),
        ("last friday of each month", "monthly"),
        ("every other monday", "biweekly"),
        ("twice a month", "biweekly"),
        ("mondays", "weekly"),
    ],
)
def test_a_weekday_of_the_month_is_monthly(catalog: Catalog, typed: str, cadence: str) -> None:
    q = catalog.by_slug("research-curation").question("cadence")
    assert parse_answer(q, typed).choices == (cadence,)


def test_a_monthly_digest_says_the_day_it_comes(catalog: Catalog) -> None:
    r = run(catalog, "research-curation", {"cadence": "first monday of the month", "hours": "1"})
    digest = next(i for i in section_items(r, "Your curation profile") if i.startswith("Digest"))
    assert digest == (
        "Digest: monthly, 17 papers, on the 1st of every month "
        "(not on a Monday: a monthly digest keeps the 1st)"
    ), digest
    r = run(catalog, "research-curation", {"cadence": "fridays", "hours": "1"})
    digest = next(i for i in section_items(r, "Your curation profile") if i.startswith("Digest"))
    assert digest == "Digest: weekly, 4 papers, on Fridays", digest
