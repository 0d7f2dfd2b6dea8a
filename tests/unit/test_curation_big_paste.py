"""A CTO pastes 45 accepted titles at 'Any papers or links you want triaged right away?':
20 were ranked and the other 25 vanished without a word."""

from __future__ import annotations

import re
from importlib import resources

from consultations.catalog import Catalog
from tests.unit.test_advisors import run


def _titles(n: int) -> list[str]:
    data = resources.files("consultations.triage") / "data" / "neurips2025_accepted_titles.csv"
    rows = data.read_text(encoding="utf-8").splitlines()[1:]
    titles = [row.split(",", 1)[1].strip('"') for row in rows]
    return [t for t in titles if not re.search(r"[,;]| and ", t)][:n]  # one title, one item


def test_every_pasted_title_is_ranked_and_the_rest_counted(catalog: Catalog) -> None:
    pasted = _titles(45)
    r = run(catalog, "research-curation", {"to_triage": "; ".join(pasted)})
    (triage,) = [s for s in r.sections if s.title.startswith("First triage")]
    shown = [line for line in triage.items if "/100." in line]
    assert len(shown) == 20
    assert triage.items[20].startswith("25 more papers ranked lower, from "), triage.items[20]
    few = run(catalog, "research-curation", {"to_triage": "; ".join(pasted[:3])})
    (small,) = [s for s in few.sections if s.title.startswith("First triage")]
    assert not any("ranked lower" in line for line in small.items)
