"""After the roadmap, "actually add RBI compliance as a constraint" was added to the goals
("Added to goals: RBI compliance as a constraint"); a constraint named is one more pick
beside those made, and the roadmap is written again with both."""

from __future__ import annotations

from consultations import engine
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step

ANSWERS = ["CTO", "fintech, India", "35", "GPT-4o for support", "budget", "cut support cost by 30%"]


def test_a_constraint_added_after_the_report_joins_the_constraints(catalog: Catalog) -> None:
    script = catalog.by_slug("strategy-synthesis")
    d = begin(script)
    for text in ANSWERS:
        d = step(script, d.consultation, text)
    assert isinstance(d.outcome, engine.Finished)

    d = step(script, d.consultation, "actually add RBI compliance as a constraint")
    assert isinstance(d.outcome, engine.Finished) and d.changed, d.outcome
    c = d.consultation
    assert c.answers["constraints"].choices == ("budget", "regulation")
    assert c.answers["goals"].items == ("cut support cost by 30%",)
    assert d.outcome.note == (
        "Added to constraints: Regulation and compliance (now: Budget, Regulation and compliance)."
    ), d.outcome.note
    summary = d.outcome.summary or ""
    assert "constraints Budget, Regulation and compliance" in summary, summary

    d = step(script, c, "actually add budget as a constraint")
    assert not d.changed
    assert d.consultation.answers["constraints"].choices == ("budget", "regulation")
