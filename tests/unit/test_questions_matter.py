"""Every question earns its place: changing one answer to another sensible one changes the report.

From a persona's answers, each question is answered differently, one at a time: every other
choice of a choice question, a number halved and doubled, another list or text. The report must
change in what a reader acts on: the verdict, a figure, a table, a section, a recommendation or
a caveat (not only the echo of the answer in the assumptions).
"""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog, load_catalog
from consultations.report import Report
from consultations.scripts import QuestionType
from tests.personas import BANK, PERSONAS, STARTUP, Persona, history, report_for

# another sensible answer for the questions that are not choices
OTHER: dict[str, dict[str, list[str]]] = {
    "model-convergence": {
        "vendors": ["GPT-4o for chat, Claude for code", "Claude for everything"],
        "monthly_spend": ["$400", "$40k"],
        "upkeep_days": ["10 days"],
        "diverse_tasks": ["brainstorming campaign ideas"],
    },
    "attention-readiness": {
        "pipelines": ["meeting-notes map-reduce summariser", "permission-aware vector search"],
        "doc_tokens": ["400k", "5k"],
        "context_window": ["32k", "1M"],
        "calls": ["2k a month"],
        "input_price": ["$0.10"],
        "upkeep_hours": ["400 hours"],
        "incidents": ["a clause split across two chunks was missed in a contract review"],
    },
    "edge-economics": {
        "requests": ["20k", "20M"],
        "tokens": ["4000 in, 1000 out", "100 in, 20 out"],
        "price": ["$0.15 / $0.60", "$15 / $75"],
        "quality_loss": ["1%", "10%"],
        "local_cost": ["$200,000 hardware, $20,000 a month", "$2,000 hardware, $100 a month"],
        "amortisation": ["12 months", "60 months"],
    },
    "reasoning-telemetry": {
        "agents": ["refund agent, code-review bot, research assistant"],
        "tools": ["Stripe API, Zendesk MCP server"],
        "failures": ["a refund approved on the wrong order"],
        "runs_per_day": ["500k", "50"],
        "blind_spots": ["support leads; they cannot see which tool was chosen"],
    },
    "research-curation": {
        "role": ["Head of ML research; what to pilot next"],
        "topics": ["diffusion, copyright"],
        "canon": ["Tri Dao, Qwen team"],
        "hours": ["6 hours", "30 minutes"],
        "weights": ["10% cost, 10% failure, 80% compute"],
        "to_triage": ["Gated Attention for Large Language Models"],
    },
    "automation-frontier": {
        "workflows": ["warehouse slotting, route planning"],
        "value": ["$500 a month", "$200k a month"],
    },
    "diffusion-ip-risk": {
        "use": ["product packaging for retail", "blog illustrations for our website"],
        "vendors": ["Midjourney, our own SDXL fine-tune"],
        "jurisdictions": ["EU, US, Japan, Brazil"],
    },
    "strategy-synthesis": {
        "role": ["VP Engineering"],
        "industry": ["insurance"],
        "team_size": ["1", "120"],
        "ai_use": ["a support chatbot on one vendor"],
        "goals": ["cut costs by 20%", "launch an agent pilot; cut model spend by 30%"],
    },
}
ACTED_ON = ("verdict", "summary", "figures", "tables", "sections", "recommendations", "caveats")


def acted_on(r: Report) -> tuple[object, ...]:
    return tuple(getattr(r, f) for f in ACTED_ON)


def alternatives(catalog: Catalog, persona: Persona, slug: str) -> list[tuple[str, str]]:
    script = catalog.by_slug(slug)
    out = []
    for q in script.questions:
        if q.type is QuestionType.CHOICE:
            given = parse_answer(q, persona.answers[slug][q.key]).choices or ()
            out.extend(
                (q.key, str(n)) for n, c in enumerate(q.choices, 1) if (c.value,) != tuple(given)
            )
        else:
            out.extend((q.key, text) for text in OTHER[slug][q.key])
    return out


def base_for(slug: str) -> Persona:
    """The startup, save where its answers make a question moot: one vendor has no extra vendor
    whose upkeep could matter, so model convergence starts from the bank's two."""
    return (
        BANK
        if slug in ("research-curation", "automation-frontier", "model-convergence")
        else STARTUP
    )


CASES = [
    (slug, key, text)
    for slug in OTHER
    for key, text in alternatives(load_catalog(), base_for(slug), slug)
]


@pytest.mark.parametrize(("slug", "key", "text"), CASES)
def test_each_answer_changes_what_the_report_says(
    catalog: Catalog, slug: str, key: str, text: str
) -> None:
    persona = base_for(slug)
    earlier = history(catalog, persona) if slug == "strategy-synthesis" else ()
    base = report_for(catalog, persona, slug, earlier)
    changed = report_for(catalog, persona, slug, earlier, overrides={key: text})
    if acted_on(changed) == acted_on(base):
        parsed = catalog.by_slug(slug).question(key)
        pytest.fail(f"{slug}.{key} = {text!r} ({parsed.text}) changes nothing a reader acts on")


def test_every_question_is_covered(catalog: Catalog) -> None:
    for slug in OTHER:
        keys = {k for k, _ in alternatives(catalog, base_for(slug), slug)}
        assert keys == {q.key for q in catalog.by_slug(slug).questions}, slug
    assert {p.name for p in PERSONAS} >= {"bank", "startup"}
