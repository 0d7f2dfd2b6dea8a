"""Diffusion IP risk answered in French (or German), as a Teams user in a French or German firm
types it: 'des personnages et des visages de célébrités', 'on ne sait pas' and 'personne' were
each refused with 'Pick one of …' (the options knew English words only)."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_answers_phrasings import q

IP = "diffusion-ip-risk"


@pytest.mark.parametrize(
    ("key", "typed", "picked"),
    [
        ("content", "des personnages et des visages de célébrités", ("characters", "likenesses")),
        ("content", "des logos et des marques", ("brands",)),
        ("content", "Marken und Logos", ("brands",)),
        ("content", "Comicfiguren", ("characters",)),
        ("content", "Gesichter von Prominenten", ("likenesses",)),
        ("content", "rien de tout ça, des photos de produits", ("none",)),
        ("content", "nichts davon", ("none",)),
        ("content", "contenu médical", ("regulated",)),
        ("indemnity", "on ne sait pas", ("unknown",)),
        ("indemnity", "aucune idée", ("unknown",)),
        ("indemnity", "keine Freistellung", ("none",)),
        ("indemnity", "aucune indemnisation", ("none",)),
        ("indemnity", "oui, Adobe nous indemnise", ("full",)),
        ("indemnity", "plafonnée", ("capped",)),
        ("indemnity", "nein", ("none",)),
        ("review", "personne", ("none",)),
        ("review", "niemand", ("none",)),
        ("review", "Stichproben", ("spot",)),
        ("review", "parfois, par échantillon", ("spot",)),
        ("review", "le service juridique valide chaque image", ("legal",)),
        ("review", "die Rechtsabteilung prüft jedes Bild", ("legal",)),
    ],
)
def test_choices_in_french_and_german(
    catalog: Catalog, key: str, typed: str, picked: tuple[str, ...]
) -> None:
    assert parse_answer(q(catalog, IP, key), typed).choices == picked
