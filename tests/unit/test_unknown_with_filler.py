"""'lol idk' at the first question of attention readiness became a pipeline named 'lol idk',
and every answer after it landed one question late."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step


@pytest.mark.parametrize("typed", ["lol idk", "haha no idea", "hmm, not sure", "well I dunno"])
def test_i_dont_know_after_a_filler_word_is_not_an_answer(catalog: Catalog, typed: str) -> None:
    script = catalog.by_slug("attention-readiness")
    d = step(script, begin(script).consultation, typed)
    assert "pipelines" not in d.consultation.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "pipelines"
    assert "rough guess will do" in (d.outcome.reason or "")
