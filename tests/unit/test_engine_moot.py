"""Questions an earlier answer settles are not asked (``moot`` in a script): one vendor named,
"Why do you use more than one?" was asked anyway and had to be answered "We use only one"."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from consultations import engine, messages
from consultations.advisors import advise
from consultations.advisors.base import AdvisorInput
from consultations.catalog import Catalog
from consultations.moot import settled_answer
from consultations.scripts import ConsultationScript
from consultations.state import Consultation, Status
from tests.unit.test_engine import begin, step


def walk(script: ConsultationScript, lines: list[str]) -> engine.Decision:
    d = begin(script)
    for line in lines:
        d = step(script, d.consultation, line)
    return d


def asked(d: engine.Decision) -> engine.Asked:
    assert isinstance(d.outcome, engine.Asked), d.outcome
    return d.outcome


def test_one_vendor_named_skips_why_several_and_says_so(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    d = walk(script, ["OpenAI GPT-4o for everything"])
    a = asked(d)
    assert (a.question.key, a.number, a.total) == ("monthly_spend", 3, 6)
    assert a.settled and a.settled.startswith(
        "Question 2 (reasons) is not asked: you named one vendor, so it reads “We use only one”"
    )
    c = d.consultation
    assert c.answers["reasons"].choices == ("single",)
    assert c.answers["reasons"].note == "not asked: you named one vendor"
    assert c.trail == ["vendors"]  # `back` from here goes to question 1
    shown = messages.outcome(a)  # the same words in the terminal, Slack and Teams
    assert "Question 2 (reasons) is not asked" in shown
    assert shown.index("Question 2") < shown.index("**3/6")

    d = step(script, c, "$3k a month")  # one vendor: no extra one to keep up either
    a = asked(d)
    assert (a.question.key, a.number) == ("diverse_tasks", 5)
    assert a.settled and a.settled.startswith("Question 4 (upkeep) is not asked")
    assert "Question 2" not in a.settled  # said once, when the count passed it
    assert d.consultation.answers["upkeep_days"].number == 0


def test_the_report_reads_right_for_one_vendor_with_nothing_assumed(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    d = walk(script, ["OpenAI GPT-4o for everything", "$3k a month", "skip", "hours"])
    assert isinstance(d.outcome, engine.Finished)
    assert "We use only one" in (d.outcome.summary or "")
    report = advise(AdvisorInput(script, d.consultation.answers, catalog.context))
    assert report.summary.startswith("You run 1 vendor. ")
    assert "as a reason for more than one" not in report.summary
    assert not any("No upkeep given" in x for x in report.assumptions)


def test_several_vendors_are_asked_why(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    a = asked(walk(script, ["GPT-4o for chat, Claude for code"]))
    assert (a.question.key, a.number, a.settled) == ("reasons", 2, None)
    a = asked(walk(script, ["GPT-4o for chat, Claude for code", "price", "$3k"]))
    assert (a.question.key, a.number) == ("upkeep_days", 4)


def test_naming_a_second_vendor_later_asks_why_after_all(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    at_three = walk(script, ["OpenAI for everything"]).consultation
    at_five = step(script, at_three, "$3k").consultation
    for was, change in [
        (at_five, "change 1 to OpenAI for chat, Claude for code"),
        (at_three, "oh and we also use Claude for code"),  # more of the list, at the spend
    ]:
        d = step(script, was, change)
        a = asked(d)
        assert (a.question.key, a.number) == ("reasons", 2), change
        assert a.settled == "Question 2 (reasons) applies now, so I will ask it."
        c = d.consultation
        assert "reasons" not in c.answers and "upkeep_days" not in c.answers
        a = asked(step(script, c, "price"))  # then the upkeep, which one vendor settled
        assert a.question.key == ("upkeep_days" if was is at_five else "monthly_spend")
        assert a.settled is None
        back = step(script, d.consultation, "undo")  # one vendor again, settled again
        assert back.consultation.answers == was.answers
        assert asked(back).number == engine._number(script, was)


def test_edit_1_in_a_finished_consultation_asks_why_when_two_vendors(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    done = walk(script, ["OpenAI for everything", "$3k", "skip", "hours"]).consultation
    assert done.status is Status.COMPLETED
    d = step(script, step(script, done, "edit 1").consultation, "OpenAI, Mistral")
    assert asked(d).question.key == "reasons"
    d = step(script, step(script, d.consultation, "price").consultation, "2 days")
    assert isinstance(d.outcome, engine.Finished) and d.outcome.settled is None
    assert d.consultation.answers["reasons"].choices == ("price",)


def test_back_goes_to_the_question_asked_before(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    at_three = walk(script, ["OpenAI for everything"]).consultation
    d = step(script, at_three, "back")
    a = asked(d)
    assert (a.question.key, a.number, a.settled) == ("vendors", 1, None)
    assert d.consultation.answers == {}  # the settled answer went with the one settling it
    a = asked(step(script, d.consultation, "undo"))
    assert a.number == 3 and a.settled and "Question 2 (reasons) is not asked" in a.settled
    at_five = walk(script, ["OpenAI for everything", "$3k"]).consultation
    a = asked(step(script, at_five, "back"))
    assert (a.question.key, a.number) == ("monthly_spend", 3)  # not the settled upkeep


def test_an_answer_the_user_gave_is_kept(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    at_three = walk(script, ["OpenAI for everything"]).consultation
    d = step(script, step(script, at_three, "edit 2").consultation, "single, compliance")
    assert d.consultation.answers["reasons"].choices == ("compliance", "single")
    assert asked(d).number == 3  # still one vendor: the upkeep stays settled
    d = step(script, d.consultation, "back")  # back to the question they just answered
    assert (asked(d).question.key, asked(d).number) == ("reasons", 2)

    two = walk(script, ["OpenAI, Claude", "price"]).consultation
    d = step(script, two, "edit 1")
    d = step(script, d.consultation, "just OpenAI")
    assert d.consultation.answers["reasons"].choices == ("price",)  # not replaced
    a = asked(d)
    assert a.settled == (
        "Your answer to question 2 (reasons) stands: Price (it would not be asked now: you "
        "named one vendor; `edit 2` changes it)."
    )


def test_restart_clears_settled_answers_and_undo_brings_them_back(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    at_five = walk(script, ["OpenAI for everything", "$3k"]).consultation
    d = step(script, at_five, "restart")
    assert d.consultation.answers == {} and asked(d).number == 1
    d = step(script, d.consultation, "undo")
    assert d.consultation.answers == at_five.answers and asked(d).number == 5


def test_a_record_saved_before_settled_questions_resumes(catalog: Catalog) -> None:
    """As the earlier release stored it: one vendor, waiting at question 2."""
    script = catalog.by_slug("model-convergence")
    stored = json.dumps(
        {
            "id": "c0ffee00",
            "owner": {"platform": "slack", "workspace": "T1", "user": "U1"},
            "slug": "model-convergence",
            "status": "active",
            "answers": {
                "vendors": {"key": "vendors", "raw": "OpenAI", "items": ["OpenAI"]},
            },
            "trail": ["vendors"],
            "version": 3,
            "created_at": "2026-11-20T09:00:00Z",
            "updated_at": "2026-11-20T09:01:00Z",
            "location": {"channel": "C1", "thread": "1700000000.000100"},
        }
    )
    c = Consultation.model_validate_json(stored)
    d = step(script, c, "status")  # it is asked what it was asked when it was saved
    assert not d.changed and asked(d).question.key == "reasons"
    d = step(script, c, "we use only one")
    a = asked(d)
    assert (a.question.key, a.number, a.settled) == ("monthly_spend", 3, None)
    a = asked(step(script, d.consultation, "$3k"))
    assert a.number == 5 and a.settled and "Question 4 (upkeep) is not asked" in a.settled


def test_no_hardware_to_buy_leaves_out_its_write_off(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    first = ["5M", "1200 in, 300 out", "$3 / $15", "1", "1", "5%"]
    d = walk(script, [*first, "$30k hardware, $2k a month"])
    assert asked(d).question.key == "amortisation"
    d = walk(script, [*first, "we already own the GPUs, $2k a month"])
    assert isinstance(d.outcome, engine.Finished)
    assert d.outcome.settled == (
        "Question 8 (amortisation) is not asked: there is no hardware to write off "
        "(`edit 8` changes it)."
    )
    assert d.consultation.answers["amortisation"].skipped
    done = d.consultation  # a change elsewhere does not say it again
    d = step(script, done, "change the volume to 8M")
    assert isinstance(d.outcome, engine.Finished) and d.outcome.settled is None
    d = step(script, done, "change the local cost to $20k hardware, $2k a month")
    assert asked(d).question.key == "amortisation"  # hardware after all: its life matters


def test_every_settled_answer_reads_by_its_question(catalog: Catalog) -> None:
    settled = [(s.slug, q.key) for s in catalog.scripts for q in s.questions if q.moot]
    assert settled == [
        ("model-convergence", "reasons"),
        ("model-convergence", "upkeep_days"),
        ("edge-economics", "amortisation"),
    ]
    for slug, key in settled:
        q = catalog.by_slug(slug).question(key)
        assert settled_answer(q).note == f"not asked: {q.moot.because}"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("moot", "error"),
    [
        ({"after": "later", "items": 1, "because": "you said so"}, "no earlier question"),
        ({"after": "first", "chose": ["a"], "because": "you said so"}, "options"),
        ({"after": "first", "items": 1, "chose": ["a"], "because": "x" * 9}, "exactly one"),
        ({"after": "first", "items": 1, "answer": None, "because": "you said so"}, "optional"),
    ],
)
def test_a_rule_that_cannot_work_is_refused_when_the_script_loads(
    catalog: Catalog, moot: dict[str, object], error: str
) -> None:
    raw = catalog.by_slug("model-convergence").model_dump()
    raw["questions"][0]["key"] = "first"
    raw["questions"][1]["moot"] = moot
    raw["questions"][1]["optional"] = False
    with pytest.raises(ValidationError, match=error):
        ConsultationScript.model_validate(raw)


def test_a_doubt_pending_when_an_earlier_question_reopens_is_dropped(catalog: Catalog) -> None:
    """'$3' at the spend question asked 'Is that right?'; then '&A' added a second vendor and
    question 2 was asked again, while the stored doubt still belonged to the spend question (a
    'yes' would have answered question 2 with $3)."""
    script = catalog.by_slug("model-convergence")
    d = walk(script, ["OpenAI", "$3 / $15"])
    assert d.consultation.pending is not None and d.consultation.pending.key == "monthly_spend"
    d = step(script, d.consultation, "&A")
    assert asked(d).question.key == "reasons"
    assert d.consultation.pending is None
    assert "monthly_spend" not in d.consultation.answers


def test_digits_alone_are_no_vendor(catalog: Catalog) -> None:
    """'2.500.000' typed at 'Which models and vendors…?' was noted as a vendor named so."""
    script = catalog.by_slug("model-convergence")
    d = walk(script, ["2.500.000"])
    assert asked(d).question.key == "vendors"
    assert "I read a figure, but this question asks for models and vendors" in (
        asked(d).reason or ""
    )
    assert d.consultation.answers == {}
