"""An answer to another question typed at a choice: "3 days a month" or "openai and claude" at
"Why do you use more than one?" got the whole list of options back. Now the advisor says which
question the words answer, and asks this one again."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.answers import AnswerError, parse_answer
from consultations.answers.elsewhere import answered_elsewhere
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step

CONVERGENCE = "model-convergence"


@pytest.mark.parametrize(
    ("typed", "other"),
    [
        ("3 days a month", "question 4 (upkeep)"),
        ("$12k a month", "question 3 (spend)"),
        ("openai and claude", "question 1 (vendors)"),
    ],
)
def test_an_answer_to_another_question_is_named_at_a_choice(
    catalog: Catalog, typed: str, other: str
) -> None:
    script = catalog.by_slug(CONVERGENCE)
    d = begin(script)
    d = step(script, d.consultation, "gpt-4o for support, claude for code")
    d = step(script, d.consultation, typed)
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "reasons"
    assert d.outcome.reason is not None
    assert f"looks like the answer to {other}" in d.outcome.reason
    assert "reasons" not in d.consultation.answers


def test_an_option_is_still_read(catalog: Catalog) -> None:
    """'price' picks Price: only words that pick no option are looked at elsewhere."""
    script = catalog.by_slug(CONVERGENCE)
    d = begin(script)
    d = step(script, d.consultation, "gpt-4o for support, claude for code")
    d = step(script, d.consultation, "price")
    assert d.consultation.answers["reasons"].choices == ("price",)


def test_a_time_is_no_headcount(catalog: Catalog) -> None:
    """'3 days' at 'What constrains you most?' is no team size: the options are offered again,
    naming no other question; '40 people' is the team size."""
    script = catalog.by_slug("strategy-synthesis")
    constraints = script.question("constraints")
    assert answered_elsewhere(constraints, "3 days", script.questions) is None
    said = answered_elsewhere(constraints, "40 people", script.questions)
    assert said is not None and "question 3 (team size)" in said


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("the second", "minutes"),  # was "We need instant failover": "second" read as a time
        ("the second one", "minutes"),
        ("2nd", "minutes"),  # was refused
        ("the first one", "instant"),
        ("the last one", "hours"),
        ("third option", "hours"),
    ],
)
def test_an_option_named_by_its_place_is_that_option(
    catalog: Catalog, typed: str, picked: str
) -> None:
    outage = catalog.by_slug("model-convergence").question("outage_tolerance")
    assert parse_answer(outage, typed).choices == (picked,)


@pytest.mark.parametrize("typed", ["bi-weekly", "bi weekly", "biweekly"])
def test_bi_weekly_is_every_two_weeks(catalog: Catalog, typed: str) -> None:
    """ "bi-weekly" picked "Weekly" (its last word), with nothing said."""
    cadence = catalog.by_slug("research-curation").question("cadence")
    assert parse_answer(cadence, typed).choices == ("biweekly",)


@pytest.mark.parametrize(
    ("slug", "key", "typed"),
    [  # each was "No" (or "Nobody"), the yes dropped
        ("reasoning-telemetry", "audit", "yes for finance, no for the rest"),
        ("reasoning-telemetry", "audit", "yes and no"),
        ("diffusion-ip-risk", "review", "no and yes"),
    ],
)
def test_yes_and_no_at_one_choice_asks_which_holds(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    with pytest.raises(AnswerError, match="^You said yes and no; which holds: `"):
        parse_answer(catalog.by_slug(slug).question(key), typed)


def test_a_plain_no_is_still_no(catalog: Catalog) -> None:
    audit = catalog.by_slug("reasoning-telemetry").question("audit")
    assert parse_answer(audit, "not really").choices == ("none",)


@pytest.mark.parametrize("typed", ["not yet but soon", "not yet, planned for next year"])
def test_no_audit_yet_but_soon_asks_which_it_will_be(catalog: Catalog, typed: str) -> None:
    """'not yet but soon' was read as "No", the coming need dropped."""
    audit = catalog.by_slug("reasoning-telemetry").question("audit")
    with pytest.raises(AnswerError) as asked:
        parse_answer(audit, typed)
    said = str(asked.value)
    assert "`2` For internal review or `3` Yes, a regulator or customer can ask?" in said
    assert said.endswith("Or `1` No if nothing is planned.")
    assert parse_answer(audit, "no, not soon").choices == ("none",)


@pytest.mark.parametrize("typed", ["yes and no", "kind of", "jein"])
def test_logs_yes_and_no_is_read_as_some_and_said(catalog: Catalog, typed: str) -> None:
    """'yes and no' at "Do you keep logs …?" was "Yes, many runs with outcomes", the no dropped."""
    logs = catalog.by_slug("automation-frontier").question("logs")
    a = parse_answer(logs, typed)
    assert a.choices == ("some",)
    assert a.note == f"“{typed}” read as Some, incomplete"
