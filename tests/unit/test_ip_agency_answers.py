"""An agency's IP answers: its clients' logos belong to the clients (with or without the
apostrophe), "idk" / "keine Ahnung" about indemnity is "we do not know", and a client who
approves every image is a review of every image."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


def test_a_clients_logos_are_someone_elses_brand_with_or_without_apostrophe(
    catalog: Catalog,
) -> None:
    q = catalog.by_slug("diffusion-ip-risk").question("content")
    for said in ("our clients' logos", "our clients logos"):
        assert parse_answer(q, said).choices == ("brands",), said
    a = parse_answer(q, "mostly our clients logos and sometimes celeb lookalikes lol")
    assert a.choices == ("brands", "likenesses")
    assert parse_answer(q, "our own brand").choices == ("none",)  # still ours


@pytest.mark.parametrize("said", ["idk", "keine Ahnung", "we never read them tbh", "dunno"])
def test_not_knowing_the_indemnity_in_everyday_words(catalog: Catalog, said: str) -> None:
    q = catalog.by_slug("diffusion-ip-risk").question("indemnity")
    assert parse_answer(q, said).choices == ("unknown",)


@pytest.mark.parametrize("said", ["the client approves everything", "Rechtsabteilung prüft alles"])
def test_every_image_approved_is_a_review_of_every_image(catalog: Catalog, said: str) -> None:
    q = catalog.by_slug("diffusion-ip-risk").question("review")
    assert parse_answer(q, said).choices == ("legal",)
