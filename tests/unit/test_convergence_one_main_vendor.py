"""Model convergence for a scale-up with four vendors whose lead says 'we only use one
really … the rest was price and diversity': the reasons for the others are read, and the upkeep
of the others is asked for."""

from __future__ import annotations

from consultations import engine
from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step

VENDORS = (
    "OpenAI GPT-4.1 for the checkout assistant, Anthropic Claude for code review, "
    "Gemini 2.5 Flash for bulk tagging"
)
REASONS = (
    "we only use one really, openai is the main one; the rest was price and someone wanted "
    "diversity of ideas"
)


def test_only_one_beside_reasons_for_the_others_is_left_out(catalog: Catalog) -> None:
    """Read as 'Price, Diversity of ideas, We use only one': the upkeep question was then
    skipped and the report said 'Upkeep was not asked (you named one vendor for text)'."""
    q = catalog.by_slug("model-convergence").question("reasons")
    answer = parse_answer(q, REASONS)
    assert answer.choices == ("price", "diversity"), answer.choices
    assert "only one" in (answer.note or ""), answer.note
    assert parse_answer(q, "we only use one").choices == ("single",)


def test_the_upkeep_of_the_others_is_asked(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    for text in (VENDORS, REASONS, "$80k/mo"):
        d = step(script, d.consultation, text)
    assert isinstance(d.outcome, engine.Asked), d.outcome
    assert d.outcome.question.key == "upkeep_days"


def test_only_one_beside_compliance_may_say_why_one(catalog: Catalog) -> None:
    q = catalog.by_slug("model-convergence").question("reasons")
    assert parse_answer(q, "single, compliance").choices == ("compliance", "single")


def test_words_in_brackets_explain_the_pick_before_them(catalog: Catalog) -> None:
    """'compliance mainly (GDPR, BaFin outsourcing rules), some redundancy' was noted with
    '“BaFin outsourcing rules)” matches no option, so it is left out'."""
    q = catalog.by_slug("model-convergence").question("reasons")
    answer = parse_answer(q, "compliance mainly (GDPR, BaFin outsourcing rules), some redundancy")
    assert answer.choices == ("redundancy", "compliance"), answer.choices
    assert answer.note is None, answer.note


def test_no_task_needing_varied_output_gets_no_full_diversity_plan(catalog: Catalog) -> None:
    """A bank said 'none really, we want consistent answers, not creative ones' and still got
    three bullets on widening outputs, and the assumption 'No tasks needing varied output were
    named' as if it had not answered."""
    from tests.unit.test_advisors import run, section_items

    answers = {
        "vendors": "Azure OpenAI for customer service, Aleph Alpha for credit memos",
        "reasons": "compliance mainly (GDPR, BaFin outsourcing rules), some redundancy",
        "diverse_tasks": "none really, we want consistent answers, not creative ones",
    }
    r = run(catalog, "model-convergence", answers)
    (line,) = section_items(r, "Diversity without vendor ensembles")
    assert line.startswith("None of your tasks needs varied output"), line
    assert "vary the inputs" in line, line
    assert not any("No tasks needing varied output" in a for a in r.assumptions)
    skipped = run(catalog, "model-convergence", {**answers, "diverse_tasks": "skip"})
    assert len(section_items(skipped, "Diversity without vendor ensembles")) == 3


def test_one_vendor_shows_no_upkeep_of_extra_vendors(catalog: Catalog) -> None:
    """A startup on OpenAI (Claude only as Cursor seats) read 'Upkeep of extra vendors per
    month: $0 (0 extra × 0.5 engineer-days × $800 a day)'."""
    from tests.unit.test_advisors import run

    answers = {
        "vendors": "mostly gpt-4o-mini via openai, claude sonnet in cursor for coding",
        "reasons": "claude is just better at code",
        "monthly_spend": "$400/mo, cursor seats extra",
        "upkeep_days": "half a day maybe",
    }
    r = run(catalog, "model-convergence", answers)
    assert [f.label for f in r.figures] == ["Vendors in use"], r.figures
