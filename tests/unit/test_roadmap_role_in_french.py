"""A role typed in French, reused from the curation consultation, was lost: 'A roadmap for you
as the team lead' for 'Responsable de la cellule IA d'une agence publique (DINUM-like); …'."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run


def test_a_long_french_role_is_cut_at_its_organisation_not_dropped(catalog: Catalog) -> None:
    role = (
        "Responsable de la cellule IA d'une agence publique (DINUM-like); choix des modèles "
        "souverains, achats publics"
    )
    r = run(catalog, "strategy-synthesis", {"role": role})
    assert r.summary.startswith("A roadmap for you as Responsable de la cellule IA,"), r.summary
