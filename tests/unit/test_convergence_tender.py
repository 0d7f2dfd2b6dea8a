"""Vendors bound by a tender: a public agency's 'Vergaberecht: wir mussten drei Anbieter
ausschreiben' (procurement law made us tender three vendors) was told to cut two of them, with
nothing about the contracts that bind it until the next tender."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from tests.unit.test_advisors import run


@pytest.mark.parametrize(
    "reasons",
    [
        "Vergaberecht: wir mussten drei Anbieter ausschreiben, und Datenschutz",
        "public procurement rules, we had to award a framework to several suppliers",
        "marchés publics : appel d'offres multi-attributaires",
    ],
)
def test_vendors_bound_by_a_tender_are_cut_at_the_next_tender(
    catalog: Catalog, reasons: str
) -> None:
    r = run(catalog, "model-convergence", {"reasons": reasons})
    tender = [rec for rec in r.recommendations if "tender" in rec.title]
    assert tender and tender[0].horizon == "next tender", [x.title for x in r.recommendations]
    assert any("procurement" in c.casefold() and "contract" in c for c in r.caveats), r.caveats


def test_without_a_tender_the_renewal_stays(catalog: Catalog) -> None:
    r = run(catalog, "model-convergence", {"reasons": "price"})
    assert any(rec.title == "Rewrite the renewal around hedging" for rec in r.recommendations)
    assert not any("tender" in c for c in r.caveats)
