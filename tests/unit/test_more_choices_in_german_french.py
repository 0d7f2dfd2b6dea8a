"""The other consultations' options answered in German or French, as Teams users in German and
French firms type them: each of these was refused with 'Pick one of …' (or 'Yes — which one')."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_answers_phrasings import q


@pytest.mark.parametrize(
    ("slug", "key", "typed", "picked"),
    [
        ("model-convergence", "reasons", "wir nutzen nur einen", ("single",)),
        ("model-convergence", "reasons", "on n'en utilise qu'un seul", ("single",)),
        ("model-convergence", "reasons", "der Preis", ("price",)),
        ("model-convergence", "reasons", "le prix", ("price",)),
        ("model-convergence", "reasons", "Ausfallsicherheit", ("redundancy",)),
        ("model-convergence", "reasons", "conformité", ("compliance",)),
        ("model-convergence", "reasons", "pour des raisons historiques", ("unsettled",)),
        ("model-convergence", "outage_tolerance", "quelques heures", ("hours",)),
        ("model-convergence", "outage_tolerance", "immédiatement", ("instant",)),
        ("attention-readiness", "workarounds", "Kontextlänge", ("context-length",)),
        ("attention-readiness", "workarounds", "Zugriffsrechte", ("access-control",)),
        ("attention-readiness", "workarounds", "droits d'accès", ("access-control",)),
        ("attention-readiness", "workarounds", "Aktualität der Daten", ("freshness",)),
        ("attention-readiness", "workarounds", "fraîcheur des données", ("freshness",)),
        ("reasoning-telemetry", "stack", "nur Anwendungslogs", ("logs",)),
        ("reasoning-telemetry", "audit", "nein", ("none",)),
        ("reasoning-telemetry", "audit", "ja, die Aufsichtsbehörde kann fragen", ("regulated",)),
        ("reasoning-telemetry", "audit", "oui, le régulateur peut demander", ("regulated",)),
        ("research-curation", "cadence", "tous les jours", ("daily",)),
    ],
)
def test_options_in_german_and_french(
    catalog: Catalog, slug: str, key: str, typed: str, picked: tuple[str, ...]
) -> None:
    assert parse_answer(q(catalog, slug, key), typed).choices == picked


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("Adobe stellt uns frei, Midjourney nicht", "capped"),  # was "The vendor indemnifies us"
        ("Adobe nous couvre, Midjourney pas", "capped"),  # was 'Pick one of …'
        ("nicht begrenzt, volle Freistellung", "full"),  # was capped
    ],
)
def test_an_indemnity_for_one_vendor_and_not_another_in_german_or_french(
    catalog: Catalog, typed: str, picked: str
) -> None:
    q = catalog.by_slug("diffusion-ip-risk").question("indemnity")
    assert parse_answer(q, typed).choices == (picked,)


def test_not_public_in_german_is_never_public(catalog: Catalog) -> None:
    """'nicht öffentlich' was read as Public."""
    q = catalog.by_slug("edge-economics").question("sensitivity")
    assert parse_answer(q, "nicht öffentlich, Kundendaten").choices == ("confidential",)
    with pytest.raises(AnswerError):
        parse_answer(q, "nicht öffentlich")


@pytest.mark.parametrize(
    ("typed", "picked"),
    [("une fois par mois", "monthly"), ("une fois par semaine", "weekly"), ("le lundi", "weekly")],
)
def test_the_digest_rhythm_in_french(catalog: Catalog, typed: str, picked: str) -> None:
    """'une fois par mois' was asked again: 'Pick one of: 1. Weekly …'."""
    q = catalog.by_slug("research-curation").question("cadence")
    assert parse_answer(q, typed).choices == (picked,)


@pytest.mark.parametrize("typed", ["arxiv und twitter", "arxiv et twitter", "arxiv sowie twitter"])
def test_a_pick_joined_in_german_or_french_that_picks_nothing_is_said(
    catalog: Catalog, typed: str
) -> None:
    """'arxiv und twitter' was arXiv with nothing said of twitter ('and' said it)."""
    sources = catalog.by_slug("research-curation").question("sources")
    answer = parse_answer(sources, typed)
    assert answer.choices == ("arxiv",)
    assert answer.note == "“twitter” matches no option, so it is kept as your own"


def test_conferences_in_german_are_openreview(catalog: Catalog) -> None:
    sources = catalog.by_slug("research-curation").question("sources")
    assert parse_answer(sources, "arXiv und Konferenzen").choices == ("arxiv", "openreview")
