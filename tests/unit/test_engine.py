"""The pure engine over the real eight scripts: one question at a time, to a finished report."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from consultations import engine
from consultations.advisors import advise
from consultations.advisors.base import AdvisorInput
from consultations.answers import Answer, parse_answer
from consultations.catalog import Catalog, UnknownConsultation
from consultations.scripts import ConsultationScript, Question, QuestionType
from consultations.state import Consultation, Owner, Status

OWNER = Owner(platform="terminal", workspace="local", user="ada")
NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
SLUGS = [
    "model-convergence",
    "attention-readiness",
    "edge-economics",
    "reasoning-telemetry",
    "research-curation",
    "automation-frontier",
    "diffusion-ip-risk",
    "strategy-synthesis",
]


def typical(q: Question) -> str:
    if q.type is QuestionType.CHOICE:
        return "1"
    assert q.example, f"{q.key} has no example"
    return q.example.split(" or ")[0]


def begin(script: ConsultationScript) -> engine.Decision:
    return engine.start(script, OWNER, "c0ffee00", NOW)


def step(script: ConsultationScript, c: Consultation, text: str) -> engine.Decision:
    return engine.decide(script, c, engine.command_from_text(text), NOW)


def test_the_eight_consultations_in_order(catalog: Catalog) -> None:
    assert [s.slug for s in catalog.scripts] == SLUGS
    assert catalog.find("3").slug == "edge-economics"
    assert catalog.find("Edge-Economics").slug == "edge-economics"
    assert catalog.find("strategy").slug == "strategy-synthesis"
    assert catalog.find("attention readiness").slug == "attention-readiness"  # as typed
    assert catalog.find("diffusion ip risk").slug == "diffusion-ip-risk"
    assert catalog.find("the edge one").slug == "edge-economics"  # words only it has
    assert catalog.find("three").slug == catalog.find("3rd").slug == "edge-economics"
    with pytest.raises(UnknownConsultation, match="name: model-convergence, strategy-synthesis$"):
        catalog.find("the strategy one please")  # two have it: only those two are offered
    with pytest.raises(UnknownConsultation, match="Choose 1-8"):
        catalog.find("9")


@pytest.mark.parametrize("slug", SLUGS)
def test_each_consultation_walks_to_a_finished_report(catalog: Catalog, slug: str) -> None:
    script = catalog.by_slug(slug)
    d = begin(script)
    total = len(script.questions)
    for i, q in enumerate(script.questions, 1):
        assert isinstance(d.outcome, engine.Asked), d.outcome
        assert (d.outcome.question.key, d.outcome.number, d.outcome.total) == (q.key, i, total)
        d = step(script, d.consultation, typical(q))
        assert d.changed, f"{q.key}: example {typical(q)!r} was refused: {d.outcome}"
    assert isinstance(d.outcome, engine.Finished)
    assert d.consultation.status is Status.COMPLETED
    report = advise(AdvisorInput(script, d.consultation.answers, catalog.context))
    assert report.slug == slug and report.verdict
    assert report.recommendations and report.caveats
    assert set(report.shifts) <= set(range(1, 7)) and report.shifts


def test_an_answer_that_does_not_parse_is_asked_again_and_nothing_is_lost(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    d = step(script, begin(script).consultation, "about 5M")
    before = d.consultation
    number_q = next(
        q for q in script.questions if q.type is QuestionType.NUMBER and q.key not in before.answers
    )
    assert d.outcome.question.key == number_q.key  # type: ignore[union-attr]
    again = step(script, before, "no idea, lots")
    assert not again.changed
    assert isinstance(again.outcome, engine.Asked) and again.outcome.reason
    assert again.outcome.question.key == number_q.key
    assert again.consultation.answers == before.answers


def test_back_returns_to_the_previous_question_and_shows_the_old_answer(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    first = script.questions[0]
    d = step(script, begin(script).consultation, "about 5M")
    d = step(script, d.consultation, "back")
    assert isinstance(d.outcome, engine.Asked)
    assert d.outcome.question.key == first.key and d.outcome.number == 1
    assert "5,000,000" in (d.outcome.note or "")
    assert d.consultation.answers == {}
    d = step(script, d.consultation, "back")
    assert not d.changed and "first question" in (d.outcome.reason or "")  # type: ignore[union-attr]


def test_skip_only_where_the_question_allows_it(catalog: Catalog) -> None:
    for script in catalog.scripts:
        d = begin(script)
        for q in script.questions:
            if q.optional:
                skipped = step(script, d.consultation, "skip")
                assert skipped.changed and skipped.consultation.answers[q.key].skipped
            else:
                refused = step(script, d.consultation, "skip")
                assert not refused.changed and "needed" in refused.outcome.reason  # type: ignore[union-attr]
            d = step(script, d.consultation, typical(q))


def test_a_skipped_answer_is_an_assumption_in_the_report(catalog: Catalog) -> None:
    for script in catalog.scripts:
        d = begin(script)
        for q in script.questions:
            d = step(script, d.consultation, "skip" if q.optional else typical(q))
        assert isinstance(d.outcome, engine.Finished), script.slug
        report = advise(AdvisorInput(script, d.consultation.answers, catalog.context))
        if any(q.optional for q in script.questions):
            assert report.assumptions, f"{script.slug} hides what it assumed"


def test_restart_and_cancel(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    d = step(script, d.consultation, typical(script.questions[0]))
    d = step(script, d.consultation, "restart")
    assert d.consultation.answers == {} and d.outcome.number == 1  # type: ignore[union-attr]
    assert d.outcome.note == (  # type: ignore[union-attr]
        "Starting over: 1 answer cleared (type `undo` to bring them back)."
    )
    twice = step(script, d.consultation, "restart")
    assert twice.outcome.note == "Starting over."  # type: ignore[union-attr]
    undone = step(script, twice.consultation, "undo")  # the first restart's answer, back
    assert undone.outcome.note == "Brought back your 1 answer."  # type: ignore[union-attr]
    assert undone.outcome.number == 2  # type: ignore[union-attr]
    d = step(script, d.consultation, "cancel")
    assert isinstance(d.outcome, engine.Cancelled) and d.consultation.status is Status.CANCELLED
    late = step(script, d.consultation, typical(script.questions[0]))
    assert not late.changed and isinstance(late.outcome, engine.Refused)


def test_a_finished_consultation_refuses_more_answers(catalog: Catalog) -> None:
    script = catalog.by_slug("diffusion-ip-risk")
    d = begin(script)
    for q in script.questions:
        d = step(script, d.consultation, typical(q))
    again = step(script, d.consultation, "one more thing")
    assert not again.changed and isinstance(again.outcome, engine.Refused)


def test_strategy_synthesis_reuses_earlier_answers_instead_of_asking(catalog: Catalog) -> None:
    script = catalog.by_slug("strategy-synthesis")
    reusing = [q for q in script.questions if q.reuse]
    assert reusing, "strategy synthesis should reuse earlier answers"
    earlier: dict[str, Answer] = {}
    for q in reusing:
        slug, key = q.reuse[0].split(".")
        source_q = catalog.by_slug(slug).question(key)
        earlier[q.reuse[0]] = parse_answer(source_q, typical(source_q))
    d = engine.start(script, OWNER, "c0ffee01", NOW, earlier=earlier)
    assert {q.key for q in reusing} <= set(d.consultation.answers)
    assert "earlier consultations" in (d.outcome.note or "")  # type: ignore[union-attr]
    if isinstance(d.outcome, engine.Asked):
        assert d.outcome.question.key not in {q.key for q in reusing}


def test_control_words(catalog: Catalog) -> None:
    assert engine.command_from_text(" Back ") == engine.Back()
    assert engine.command_from_text("skip.") == engine.Skip()
    typed = engine.command_from_text("go back to the start")  # no question is called "start"
    script = catalog.by_slug("edge-economics")
    assert engine.resolve(script, typed) == engine.Reply("go back to the start")


@pytest.mark.parametrize("typed", ["go back", "Go back.", "previous question", "undo that"])
def test_going_back_in_everyday_words_goes_back(catalog: Catalog, typed: str) -> None:
    """'go back' at the tokens question was read as an answer: 'I need 2 numbers here'."""
    script = catalog.by_slug("edge-economics")
    d = step(script, begin(script).consultation, "5M")
    d = step(script, d.consultation, typed)
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "requests"


@pytest.mark.parametrize("typed", ["skip it", "skip this one", "skip for now"])
def test_skipping_in_everyday_words_skips(catalog: Catalog, typed: str) -> None:
    script = catalog.by_slug("edge-economics")
    c = begin(script).consultation
    for text in ["5M", "1000 in 200 out", "$3 / $15", "2", "2", "5%", "$30k, $2k a month"]:
        c = step(script, c, text).consultation
    d = step(script, c, typed)  # the write-off period is optional
    assert d.consultation.answers["amortisation"].skipped


@pytest.mark.parametrize("typed", ["help", "Help!", "?", "help me"])
def test_help_at_a_question_says_how_to_answer_and_stores_nothing(
    catalog: Catalog, typed: str
) -> None:
    """'help' typed at 'Which models and vendors do you use?' was stored as the vendor list
    ('Noted: help.')."""
    script = catalog.by_slug("model-convergence")
    c = begin(script).consultation
    d = step(script, c, typed)
    assert not d.changed and d.consultation.answers == {}
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 1
    assert d.outcome.reason and d.outcome.reason.startswith("Answer the question below")
    assert "`back`" in d.outcome.reason and "`edit N`" in d.outcome.reason
    d = step(script, step(script, c, "OpenAI for chat, Claude for code").consultation, "help")
    assert d.outcome.reason and d.outcome.reason.startswith("Pick one or more below")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("go back to question 2", "tokens"),
        ("back to 1", "requests"),
        ("edit the price", "price"),
        ("go back to the volume", "requests"),
    ],
)
def test_going_back_to_a_question_by_number_or_name(catalog: Catalog, typed: str, key: str) -> None:
    """'go back to question 2' and 'edit the price' were read as answers to the current one."""
    script = catalog.by_slug("edge-economics")
    c = begin(script).consultation
    for text in ["5M", "1000 in 200 out", "$2 / $8"]:
        c = step(script, c, text).consultation
    d = step(script, c, typed)
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == key
    assert "Your answer was" in (d.outcome.note or "")


def test_a_correction_in_edit_words_still_corrects(catalog: Catalog) -> None:
    script = catalog.by_slug("edge-economics")
    c = begin(script).consultation
    for text in ["5M", "1000 in 200 out", "$2 / $8", "2"]:
        c = step(script, c, text).consultation
    d = step(script, c, "change the latency to batch")
    assert d.consultation.answers["latency"].choices == ("batch",)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("what counts as a request?", "A request is one call to the model"),
        ("why do you need this?", "Why I ask: Volume decides"),
    ],
)
def test_a_question_about_the_question_says_what_it_counts(
    catalog: Catalog, typed: str, said: str
) -> None:
    """'what counts as a request?' was answered only with why it is asked."""
    script = catalog.by_slug("edge-economics")
    d = step(script, begin(script).consultation, typed)
    assert isinstance(d.outcome, engine.Asked) and said in (d.outcome.reason or "")
    assert not d.changed
