"""'None really, maybe marketing copy' in German and French: the none is left out and the maybe
dropped, as in English — not 'keine eigentlich' and 'vielleicht Marketing-Texte' as two tasks
that the report then plans varied output for."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("typed", "items", "none"),
    [
        ("keine eigentlich, vielleicht Marketing-Texte", ("Marketing-Texte",), "keine eigentlich"),
        ("aucune vraiment, peut-être les slogans", ("les slogans",), "aucune vraiment"),
        ("none really, maybe marketing copy", ("marketing copy",), "none really"),
    ],
)
def test_none_really_then_a_maybe(
    catalog: Catalog, typed: str, items: tuple[str, ...], none: str
) -> None:
    q = catalog.by_slug("model-convergence").question("diverse_tasks")
    a = parse_answer(q, typed)
    assert a.items == items
    assert a.note == f"“{none}” is not one of them, so it is left out"


def test_none_really_alone_is_skipped(catalog: Catalog) -> None:
    q = catalog.by_slug("model-convergence").question("diverse_tasks")
    assert parse_answer(q, "keine eigentlich").skipped
    assert parse_answer(q, "aucune vraiment").skipped
