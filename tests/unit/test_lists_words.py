"""Lists as people answer them: a shrug is no vendor."""

from __future__ import annotations

from consultations import engine
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step


def test_whatever_the_devs_pick_is_no_vendor(catalog: Catalog) -> None:
    """'idk, whatever the devs pick' was noted as a vendor called 'whatever the devs pick'."""
    script = catalog.by_slug("model-convergence")
    d = step(script, begin(script).consultation, "idk, whatever the devs pick")
    assert "vendors" not in d.consultation.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "vendors"
    assert "rough guess will do" in (d.outcome.reason or "")
