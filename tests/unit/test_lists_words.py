"""Lists as people answer them: a shrug is no vendor."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_engine import begin, step


def test_whatever_the_devs_pick_is_no_vendor(catalog: Catalog) -> None:
    """'idk, whatever the devs pick' was noted as a vendor called 'whatever the devs pick'."""
    script = catalog.by_slug("model-convergence")
    d = step(script, begin(script).consultation, "idk, whatever the devs pick")
    assert "vendors" not in d.consultation.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "vendors"
    assert "rough guess will do" in (d.outcome.reason or "")


def test_a_fine_tuned_model_described_in_a_sentence_is_a_vendor(catalog: Catalog) -> None:
    """'…, and a fine-tuned Llama on our own GPUs for PII stuff' was a comment on Anthropic,
    and the verdict kept Anthropic for the work compliance binds."""

    answers = {
        "vendors": "Azure OpenAI (GPT-4o, GPT-4o-mini), Anthropic via Bedrock, and a "
        "fine-tuned Llama on our own GPUs for PII stuff",
        "reasons": "mostly redundancy; the llama is for privacy",
        "monthly_spend": "roughly €18-22k/month",
        "upkeep_days": "1 FTE total across all of them",
        "diverse_tasks": "skip",
        "outage_tolerance": "15 min",
    }
    r = run(catalog, "model-convergence", answers)
    assert r.verdict.startswith("Restructure: keep fine-tuned Llama on our own GPUs")
    assert "Anthropic via Bedrock (" not in r.verdict
    assert r.figure("Vendors in use").value == 3
    upkeep = r.figure("Upkeep of extra vendors per month")
    assert upkeep.value == 22 * 800  # in total, as said: not 22 days for each extra vendor
    assert "in total, as you said" in (upkeep.working or "")


def test_none_then_an_item_keeps_the_item(catalog: Catalog) -> None:
    """'none really, maybe brainstorming' dropped 'brainstorming' with the 'none'."""
    from consultations.answers import parse_answer

    q = catalog.by_slug("model-convergence").question("diverse_tasks")
    assert parse_answer(q, "none really, maybe brainstorming").items == ("brainstorming",)
    assert parse_answer(q, "ad copy, sometimes").items == ("ad copy",)  # not 'sometimes'
    tools = catalog.by_slug("reasoning-telemetry").question("tools")
    assert parse_answer(tools, "none, it just answers from the prompt").skipped


def test_we_just_use_is_not_part_of_a_vendors_name(catalog: Catalog) -> None:
    """'we just use openai, gpt-4o-mini for everything' was said back as 'OpenAI (we just use
    openai; gpt-4o-mini for everything)'."""
    from consultations.answers import parse_answer

    q = catalog.by_slug("model-convergence").question("vendors")
    assert parse_answer(q, "we just use openai, gpt-4o-mini for everything").items == (
        "openai",
        "gpt-4o-mini for everything",
    )
    assert parse_answer(q, "I only use chatgpt").items == ("chatgpt",)


def test_german_workflow_names_are_three_workflows_scored_as_their_english_names(
    catalog: Catalog,
) -> None:
    """'Schadensfälle, Rechnungsprüfung und Kundenanfragen' was two workflows (the second
    'Rechnungsprüfung und Kundenanfragen'), and German names scored below the same workflows
    in English (0.85 against 0.90): the report's word lists knew English only."""
    workflows = catalog.by_slug("automation-frontier").question("workflows")
    german = "Schadensfälle, Rechnungsprüfung und Kundenanfragen"
    assert parse_answer(workflows, german).items == (
        "Schadensfälle",
        "Rechnungsprüfung",
        "Kundenanfragen",
    )
    vendors = catalog.by_slug("model-convergence").question("vendors")
    said = parse_answer(vendors, "GPT-4o für den Support und Claude für Code-Reviews").items
    assert said == ("GPT-4o für den Support", "Claude für Code-Reviews")
    french = "sinistres, contrôle des factures et demandes clients"
    assert len(parse_answer(workflows, french).items or ()) == 3
    english = "claims handling, invoice checking, customer inquiries"
    answers = {"checkable": "2", "logs": "1", "error_cost": "2", "why_shelved": "models"}
    scores = [
        sorted(
            row[1]
            for row in run(catalog, "automation-frontier", {**answers, "workflows": w})
            .tables[0]
            .rows
        )
        for w in (german, english)
    ]
    assert scores[0] == scores[1] == ["0.90", "0.90", "0.90"]


def test_emoji_alone_is_no_answer_and_slashes_or_plus_list_names(catalog: Catalog) -> None:
    """'🚀🚀🚀' was stored as a role and '🤖' as a vendor; 'gpt4 + claude' and 'GPT-4o / Claude
    / Gemini' were one vendor each, so the verdict weighed one vendor."""
    role = catalog.by_slug("strategy-synthesis").question("role")
    vendors = catalog.by_slug("model-convergence").question("vendors")
    with pytest.raises(AnswerError, match="a few words, please"):
        parse_answer(role, "🚀🚀🚀")
    with pytest.raises(AnswerError, match="a few words, please"):
        parse_answer(vendors, "🤖")
    assert parse_answer(vendors, "🤖 GPT-4o").items == ("🤖 GPT-4o",)
    assert parse_answer(vendors, "gpt4 + claude").items == ("gpt4", "claude")
    assert parse_answer(vendors, "GPT-4o / Claude / Gemini").items == ("GPT-4o", "Claude", "Gemini")
    assert parse_answer(vendors, "GPT-4o (chat/Q&A), Claude").items == (
        "GPT-4o (chat/Q&A)",
        "Claude",
    )
    workflows = catalog.by_slug("automation-frontier").question("workflows")
    assert parse_answer(workflows, "input/output checks").items == ("input/output checks",)


@pytest.mark.parametrize("use", ["Produktfotos für den Online-Shop", "Werbekampagne auf Instagram"])
def test_a_german_public_use_counts_as_public(catalog: Catalog, use: str) -> None:
    """'Produktfotos für den Online-Shop' was read as internal use: the rating left out 'public
    or commercial use' (the words were English only)."""
    public = run(catalog, "diffusion-ip-risk", {"use": use})
    internal = run(catalog, "diffusion-ip-risk", {"use": "interne Entwürfe"})
    said = [f.working or "" for f in public.figures]
    assert any("public or commercial use +1" in w for w in said), said
    assert not any("public or commercial use" in (f.working or "") for f in internal.figures)


@pytest.mark.parametrize(
    ("slug", "typed", "read"),
    [
        ("model-convergence", "gpt4o/claude/gemini", ("gpt4o", "claude", "gemini")),
        ("model-convergence", "openai/anthropic", ("openai", "anthropic")),
        ("diffusion-ip-risk", "dall-e/midjourney", ("dall-e", "midjourney")),
    ],
)
def test_vendors_joined_by_a_bare_slash_are_each_a_vendor(
    catalog: Catalog, slug: str, typed: str, read: tuple[str, ...]
) -> None:
    """'gpt4o/claude/gemini' was one vendor, kept or cut as one."""
    assert parse_answer(catalog.by_slug(slug).question("vendors"), typed).items == read


def test_a_slash_between_places_names_two(catalog: Catalog) -> None:
    q = catalog.by_slug("diffusion-ip-risk").question("jurisdictions")  # was one, "EU/US"
    assert parse_answer(q, "EU/US").items == ("EU", "US")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "GPT-4o for NPC dialogue, Claude 3.5 Sonnet for quest writing + lore, ElevenLabs",
            (
                "GPT-4o for NPC dialogue",
                "Claude 3.5 Sonnet for quest writing and lore",
                "ElevenLabs",
            ),
        ),
        ("GPT-4o for chat + Claude for code", ("GPT-4o for chat", "Claude for code")),
        ("deepmind + ai2", ("deepmind", "ai2")),
    ],
)
def test_a_plus_between_tasks_joins_tasks_not_vendors(
    catalog: Catalog, typed: str, read: tuple[str, ...]
) -> None:
    """A games studio's 'Claude 3.5 Sonnet for quest writing + lore' made 'lore' a vendor: six
    vendors counted for five, and '5 extra × 4 engineer-days' in the upkeep."""
    q = catalog.by_slug("model-convergence").question("vendors")
    assert parse_answer(q, typed).items == read
    r = run(catalog, "model-convergence", {"vendors": typed})
    if typed.startswith("GPT-4o for NPC"):
        assert r.figure("Vendors in use").value == 3


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "we chunk product descriptions into Pinecone, then at query time we pull top-20 "
            "chunks for the search box. We also have a nightly review summariser.",
            (
                "chunk product descriptions into Pinecone, then at query time we pull top-20 "
                "chunks for the search box",
                "nightly review summariser",
            ),
        ),
        (
            "So basically we have this thing where product pages get chunked, and a review "
            "summariser. Finally there is a freshness layer that re-indexes prices",
            (
                "product pages get chunked",
                "review summariser",
                "freshness layer that re-indexes prices",
            ),
        ),
    ],
)
def test_a_pasted_description_lists_its_pipelines(
    catalog: Catalog, typed: str, read: tuple[str, ...]
) -> None:
    """A pasted paragraph made '… then at query time we pull top-20 chunks …' a pipeline of its
    own (4 pipelines for 3, each with an even share of calls and upkeep) and named another
    'So basically we have this thing where product descriptions …'."""
    q = catalog.by_slug("attention-readiness").question("pipelines")
    assert parse_answer(q, typed).items == read


@pytest.mark.parametrize(
    ("slug", "key"), [("model-convergence", "vendors"), ("reasoning-telemetry", "agents")]
)
def test_a_lone_y_is_a_nod_not_a_vendor(catalog: Catalog, slug: str, key: str) -> None:
    """'y' typed after the intro (a yes to start) was 'Noted: y.', one vendor named 'y', and
    question 2 was skipped as 'We use only one'."""
    with pytest.raises(AnswerError, match="a few words, please"):
        parse_answer(catalog.by_slug(slug).question(key), "y")
