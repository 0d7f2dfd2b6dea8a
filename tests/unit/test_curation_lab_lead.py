"""A research lab lead curates papers: the report names its reader by role ("for you as lead of
a 12-person applied ML lab"), not by the sentence they typed ("for you as I lead …")."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run

LAB = (
    "I lead a 12-person applied ML lab at a university hospital; research should inform "
    "what we prototype next + which grants we write"
)


@pytest.mark.parametrize(
    ("role", "reads"),
    [
        (LAB, "For you as lead of a 12-person applied ML lab at a university hospital:"),
        ("I'm the CTO; vendor choices", "For you as CTO:"),
        ("Head of Research; what we fund", "For you as Head of Research:"),
        (  # was "For you as independent researcher, I decide what to build next …:"
            "independent researcher, I decide what to build next for my small open-source eval "
            "toolkit and what to write about",
            "For you as independent researcher:",
        ),
    ],
)
def test_the_report_names_the_reader_by_role(catalog: Catalog, role: str, reads: str) -> None:
    r = run(catalog, "research-curation", {"role": role})
    assert r.summary.startswith(reads), r.summary


def test_the_roadmap_names_its_reader_by_role_too(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", {"role": "I'm the CTO, also the DPO"})
    assert r.summary.startswith("A roadmap for you as CTO, in "), r.summary


def test_a_pasted_award_paper_is_judged_on_what_the_research_context_says_of_it(
    catalog: Catalog,
) -> None:
    """'Gated Attention for Large Language Models' scored 29/100, 'no question outright', for
    a reader whose topics include long context and whose canon is the Qwen team."""
    r = run(
        catalog,
        "research-curation",
        {
            "role": LAB,
            "topics": "long-context, medical imaging, quantisation",
            "canon": "Qwen team, AI2, Tri Dao",
            "to_triage": "Gated Attention for Large Language Models, Artificial Hivemind, "
            "LoRA Fine-tuning for Lazy People",
        },
    )
    first = next(s for s in r.sections if s.title.startswith("First triage")).items
    gated = next(x for x in first if x.startswith("Gated Attention"))
    assert "from your canon (Qwen team)" in gated and "long-context" in gated, gated
    assert "shift 1, attention got better" in gated
    assert first[0] == gated  # ranked above a title the context says nothing about
    lora = next(x for x in first if x.startswith("LoRA"))
    assert "award paper" not in lora


def test_a_pasted_award_paper_names_its_shift_as_every_report_does(catalog: Catalog) -> None:
    """The RLVR paper was 'judged on what shift 3, rL for reasoning appears to reshape
    sampling, says of it'."""
    r = run(
        catalog,
        "research-curation",
        {
            "role": LAB,
            "to_triage": "Does Reinforcement Learning Really Incentivize Reasoning Capacity in "
            "LLMs Beyond the Base Model?",
        },
    )
    (first,) = next(s for s in r.sections if s.title.startswith("First triage")).items
    assert "shift 3, RL for reasoning appears to reshape sampling, says of it" in first, first


def test_an_emoji_beside_the_role_is_not_part_of_it(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", {"role": "CTO 🚀"})
    assert r.summary.startswith("A roadmap for you as CTO, in "), r.summary


@pytest.mark.parametrize("said", ["whatever you think", "you pick", "the usual"])
def test_a_source_left_to_the_bot_is_said_to_be_its_pick(catalog: Catalog, said: str) -> None:
    """'whatever you think' became arXiv with nothing said: it read as the user's own choice."""
    q = catalog.by_slug("research-curation").question("sources")
    a = parse_answer(q, said)
    assert a.choices == ("arxiv",) and a.note == "you left it to me: arXiv"


@pytest.mark.parametrize(
    ("said", "cadence"),
    [("jeden Montag", "weekly"), ("monatlich", "monthly"), ("alle zwei Wochen", "biweekly")],
)
def test_a_cadence_in_german(catalog: Catalog, said: str, cadence: str) -> None:
    q = catalog.by_slug("research-curation").question("cadence")
    assert parse_answer(q, said).choices == (cadence,)


def test_fillers_in_a_list_are_not_topics_or_labs(catalog: Catalog) -> None:
    """'you know the usual stuff' was a topic and 'idk' a lab in the canon."""
    script = catalog.by_slug("research-curation")
    topics = parse_answer(script.question("topics"), "LLMs, agents, you know the usual stuff")
    assert topics.items == ("LLMs", "agents")
    assert parse_answer(script.question("canon"), "Qwen team, idk").items == ("Qwen team",)
    assert parse_answer(script.question("canon"), "idk").skipped  # optional: left out
