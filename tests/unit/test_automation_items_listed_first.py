"""Items listed before the words that answer for them: 'bed allocation and OR scheduling: we
have a simulator …' gave bed allocation 'Only a person can judge (your words for it match no
option: read as your whole answer)' and only OR scheduling the simulator."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run

HOSPITAL = {
    "workflows": "discharge letters (Arztbriefe), bed allocation across the 6 sites, OR scheduling",
    "why_shelved": "1, 4",
    "checkable": "bed allocation and OR scheduling: we have a simulator from a 2022 project; "
    "discharge letters only a doctor can judge",
    "logs": "1",
    "error_cost": "3",
    "value": "€90,000 a month",
}


def test_items_named_together_share_the_words_after_them(catalog: Catalog) -> None:
    rows = {w: a for w, _, a in run(catalog, "automation-frontier", HOSPITAL).tables[0].rows}
    assert rows["bed allocation across the 6 sites"].startswith("goal-conditioned RL"), rows
    assert rows["OR scheduling"].startswith("goal-conditioned RL"), rows
    assert rows["discharge letters"].startswith("an assistant"), rows
