"""`neurips-advisor triage` as people type it: `neurips` for the built-in `neurips2025` is
offered the right name, and a profile whose topics are one string is read as a list (it was
a pydantic error dump)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultations.adapters.paper_sources import load_file
from consultations.triage.profile import Profile
from consultations.triage.sources import SourceError


def test_a_short_name_of_a_built_in_data_set_is_offered_its_full_name(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"did you mean neurips2025\?"):
        list(load_file(tmp_path / "neurips"))
    with pytest.raises(SourceError) as e:
        list(load_file(tmp_path / "nope.csv"))
    assert "did you mean" not in str(e.value)


def test_topics_and_canon_as_one_string_are_several_terms() -> None:
    p = Profile.model_validate({"topics": "long context, quantisation", "canon": "Qwen team"})
    assert p.topics == ("long context", "quantisation") and p.canon == ("Qwen team",)
