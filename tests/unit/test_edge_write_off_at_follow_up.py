"""'sur 5 ans' typed at 'I read 30,000 as the hardware; what is it a month?' was refused ('I read
“5 ans” as a time, but I need an amount of money here'): it answers the next question, the
write-off. It is said so and kept for that question; the monthly part is asked again."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from consultations.scripts import ConsultationScript
from tests.unit.test_engine import begin, step

BEFORE = ["5M", "1200 in, 300 out", "$3 / $15", "within a second", "internal", "5%"]


def _at_the_monthly_part(script: ConsultationScript) -> engine.Decision:
    d = begin(script)
    for text in [*BEFORE, "30k hardware"]:
        d = step(script, d.consultation, text)
    assert d.consultation.pending is not None  # "… what is it a month?"
    return d


def test_the_write_off_typed_at_the_monthly_part_is_kept_for_its_question(
    catalog: Catalog,
) -> None:
    script = catalog.by_slug("edge-economics")
    d = step(script, _at_the_monthly_part(script).consultation, "sur 5 ans")
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "local_cost"
    assert d.outcome.note and "question 8" in d.outcome.note and "60 months" in d.outcome.note
    assert d.outcome.confirm and "a month" in d.outcome.confirm  # the monthly part, still asked
    assert d.consultation.answers["amortisation"].number == 60
    d = step(script, d.consultation, "2k a month")
    assert d.consultation.answers["local_cost"].numbers == {"hardware": 30_000, "monthly": 2_000}
    assert not isinstance(d.outcome, engine.Asked)  # all eight answered: the report


def test_an_amount_at_the_monthly_part_is_still_the_monthly_part(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = step(script, _at_the_monthly_part(script).consultation, "2k")
    assert d.consultation.answers["local_cost"].numbers == {"hardware": 30_000, "monthly": 2_000}
    assert "amortisation" not in d.consultation.answers


def test_the_write_off_typed_first_at_the_local_cost_is_kept_for_its_question(
    catalog: Catalog,
) -> None:
    """ "sur 5 ans" as the first reply to the local cost was refused ("I read “5 ans” as a
    time …"), and the write-off was asked again after the cost."""
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in BEFORE:
        d = step(script, d.consultation, text)
    d = step(script, d.consultation, "sur 5 ans")
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "local_cost"
    assert d.outcome.note and "question 8" in d.outcome.note and "60 months" in d.outcome.note
    assert d.consultation.answers["amortisation"].number == 60
    d = step(script, d.consultation, "30k hardware, 2k a month")
    assert d.consultation.answers["local_cost"].numbers == {"hardware": 30_000, "monthly": 2_000}
    assert not isinstance(d.outcome, engine.Asked)  # all eight answered: the report


def test_a_figure_no_later_question_takes_is_still_refused(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in BEFORE:
        d = step(script, d.consultation, text)
    again = step(script, d.consultation, "40 pages")
    assert not again.changed and "amortisation" not in again.consultation.answers


def test_none_at_the_monthly_part_keeps_the_hardware(catalog: Catalog) -> None:
    """'none' (or 'n/a', 'nothing') at 'I read 30,000 as the hardware; what is it a month?'
    was read as a fresh answer: 'I read 0 as the hardware; what is it a month?' — the $30,000
    gone, and the write-off typed next ('36') taken as the hardware."""
    script = catalog.by_slug("edge-economics")
    for none in ("none", "n/a", "nothing"):
        d = step(script, _at_the_monthly_part(script).consultation, none)
        assert d.consultation.answers["local_cost"].numbers == {"hardware": 30_000, "monthly": 0}
        assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "amortisation"


def test_the_part_asked_for_is_the_one_a_figure_fills(catalog: Catalog) -> None:
    """'n/a' at the local cost is read as hardware 0 and 'what is it a month?' is asked; '500'
    typed then was taken as the hardware ($500, monthly 0), as hardware 0 looked doubtful."""
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in [*BEFORE, "n/a"]:
        d = step(script, d.consultation, text)
    assert d.consultation.pending is not None and "a month?" in d.consultation.pending.prompt
    d = step(script, d.consultation, "500")
    assert d.consultation.answers["local_cost"].numbers == {"hardware": 0, "monthly": 500}


def test_running_cost_paid_by_someone_else_is_none(catalog: Catalog) -> None:
    """A university lab: 'we already have a donated A100 box, electricity is paid by the
    university' was refused ('I read the hardware as none …; what is it a month?')."""
    q = catalog.by_slug("edge-economics").question("local_cost")
    a = parse_answer(q, "we already have a donated A100 box, electricity is paid by the university")
    assert a.numbers == {"hardware": 0, "monthly": 0}


def test_the_hardware_named_stays_in_the_example_asked_back(catalog: Catalog) -> None:
    """'we already have a donated A100 box' was asked back with the example 'we already have a
    donated  box, 20 a month' (the A100 masked out of the user's own words); 'we already own
    two RTX 4090 rigs' with 'I need 1 numbers here: monthly'."""
    q = catalog.by_slug("edge-economics").question("local_cost")
    with pytest.raises(AnswerError, match="“we already have a donated A100 box, 20 a month”"):
        parse_answer(q, "we already have a donated A100 box")
    with pytest.raises(AnswerError, match="^I need the monthly figure, for example"):
        parse_answer(q, "we already own two RTX 4090 rigs")
