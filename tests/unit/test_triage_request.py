"""`/neurips triage <what>`: a built-in list named almost right is offered by its name."""

from __future__ import annotations

import pytest

from consultations.desk import Desk


@pytest.mark.parametrize(
    ("typed", "offered"),
    [("neurips", "neurips2025"), ("NeurIPS 2024", "neurips2025"), ("colm", "colm2025")],
)
def test_a_built_in_list_named_almost_right_is_offered(typed: str, offered: str) -> None:
    request = Desk.triage_request(typed)
    assert request.builtin is None and request.ids == ()
    assert request.error is not None
    assert f"did you mean `/neurips triage {offered}`?" in request.error


def test_words_that_name_no_list_still_get_the_plain_refusal() -> None:
    error = Desk.triage_request("the best papers please").error
    assert error is not None and error.startswith("I found no arXiv ids or links there")
    assert "did you mean" not in error
    assert Desk.triage_request("neurips2025").builtin == "neurips2025"
