"""Five contrasting users, each with the answers they would type to every consultation.

The answers are text as a person would type it, read by the real parser against the real
catalog; ``report_for`` runs the real advisor. Properties each persona's reports must have
live in tests/unit/test_personas.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from consultations.advisors import advise
from consultations.advisors.base import AdvisorInput, EarlierConsultation
from consultations.answers import Answer, parse_answer
from consultations.catalog import Catalog
from consultations.report import Report

SKIP = "skip"


@dataclass(frozen=True)
class Persona:
    name: str
    about: str
    answers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


BANK = Persona(
    name="bank",
    about="An EU bank's AI platform team: 300 engineers, 60M requests a month, two vendors "
    "chosen for data residency, strict audit, 1% error tolerance, instant failover.",
    answers={
        "model-convergence": {
            "vendors": "GPT-4o on Azure EU for customer letters, Mistral Large hosted in France "
            "for internal search",
            "reasons": "compliance and redundancy",
            "monthly_spend": "€180k a month",
            "upkeep_days": "6 days",
            "diverse_tasks": SKIP,
            "outage_tolerance": "instant failover",
        },
        "attention-readiness": {
            "pipelines": "loan-contract chunker with permission-aware vector search, "
            "regulatory filings map-reduce summariser",
            "workarounds": "access control, context length",
            "doc_tokens": "120k",
            "context_window": "1M",
            "calls": "2M a month",
            "input_price": "€2.50",
            "upkeep_hours": "160 hours",
            "incidents": "a covenant split across two chunks was missed in a loan review",
        },
        "edge-economics": {
            "requests": "60M",
            "tokens": "900 in, 250 out",
            "price": "$2.50 / $10",
            "latency": "within a second",
            "sensitivity": "regulated",
            "quality_loss": "1%",
            "local_cost": "$250,000 hardware, $40,000 a month",
            "amortisation": "36 months",
        },
        "reasoning-telemetry": {
            "agents": "credit-memo drafting agent, KYC document checker",
            "tools": "core-banking SQL, document store search, MCP server for the case system",
            "failures": "a credit memo citing the wrong customer's income",
            "stack": "opentelemetry",
            "audit": "regulator",
            "runs_per_day": "150k",
            "blind_spots": "the model-risk team; they cannot replay why a memo reached its "
            "recommendation",
        },
        "research-curation": {
            "role": "Head of AI platform; vendor choices and model-risk policy",
            "topics": "long context, model evaluation, quantisation",
            "canon": "Allen Institute for AI, Qwen team",
            "sources": "arxiv, openreview",
            "hours": "3 hours",
            "weights": "30% cost, 50% failure, 20% compute",
            "cadence": "weekly",
            "to_triage": SKIP,
        },
        "automation-frontier": {
            "workflows": "trade reconciliation exceptions, KYC document review",
            "why_shelved": "errors, edge cases",
            "checkable": "outcomes can be checked automatically",
            "logs": "yes, many runs with outcomes",
            "error_cost": "serious",
            "value": "€120k a month",
        },
        "diffusion-ip-risk": {
            "use": "illustrations for customer brochures",
            "vendors": "Adobe Firefly",
            "content": "brands",
            "jurisdictions": "EU",
            "indemnity": "indemnified",
            "review": "legal review of every image",
        },
        "strategy-synthesis": {
            "role": "Head of AI platform",
            "industry": "retail banking in the EU",
            "team_size": "300 engineers",
            "ai_use": "GPT-4o and Mistral for customer letters and internal search, a KYC agent "
            "pilot",
            "constraints": "regulation, data residency",
            "goals": "cut loan-review time by 30%; pass the model-risk audit with every agent "
            "decision traceable",
        },
    },
)

STARTUP = Persona(
    name="startup",
    about="A 6-person startup: one product on one vendor (Claude Sonnet), $4k a month of API, "
    "answers needed instantly.",
    answers={
        "model-convergence": {
            "vendors": "Claude Sonnet for our product's answers",
            "reasons": "we only use one",
            "monthly_spend": "$4k",
            "upkeep_days": "0",
            "diverse_tasks": SKIP,
            "outage_tolerance": "a few minutes",
        },
        "attention-readiness": {
            "pipelines": "document chunker",
            "workarounds": "cost, latency",
            "doc_tokens": "60k",
            "context_window": "200k",
            "calls": "200k a month",
            "input_price": "$3",
            "upkeep_hours": "10 hours",
            "incidents": SKIP,
        },
        "edge-economics": {
            "requests": "200k",
            "tokens": "1200 in, 300 out",
            "price": "$3 / $15",
            "latency": "instant",
            "sensitivity": "internal",
            "quality_loss": "5%",
            "local_cost": "$8,000 hardware, $600 a month",
            "amortisation": "24 months",
        },
        "reasoning-telemetry": {
            "agents": "our product's research assistant",
            "tools": "web search, our Postgres",
            "failures": "it loops on web search",
            "stack": "logs",
            "audit": "no",
            "runs_per_day": "5k",
            "blind_spots": SKIP,
        },
        "research-curation": {
            "role": "CTO; what to build next and which model to use",
            "topics": "long context, agents",
            "canon": SKIP,
            "sources": "arxiv",
            "hours": "1 hour",
            "weights": "60% cost, 30% failure, 10% compute",
            "cadence": "daily",
            "to_triage": SKIP,
        },
        "automation-frontier": {
            "workflows": "customer onboarding calls, sales-lead qualification",
            "why_shelved": "models were not good enough",
            "checkable": "only a person can judge",
            "logs": "no",
            "error_cost": "moderate",
            "value": "$5k a month",
        },
        "diffusion-ip-risk": {
            "use": "internal mood boards",
            "vendors": "DALL-E",
            "content": "none",
            "jurisdictions": "US",
            "indemnity": "not sure",
            "review": "spot checks",
        },
        "strategy-synthesis": {
            "role": "CTO",
            "industry": "B2B software",
            "team_size": "6",
            "ai_use": "one product on Claude Sonnet",
            "constraints": "budget, latency",
            "goals": "reach $50,000 MRR, keep answers under a second",
        },
    },
)

AGENCY = Persona(
    name="agency",
    about="A media agency publishing thousands of generated images a week: Midjourney plus an "
    "in-house SDXL fine-tune, GPT-4o for copy, no indemnity, spot checks.",
    answers={
        "model-convergence": {
            "vendors": "Midjourney for campaign images, GPT-4o for copy",
            "reasons": "diversity",
            "monthly_spend": "$9k",
            "upkeep_days": "3 days",
            "diverse_tasks": "campaign ideas, ad copy variants",
            "outage_tolerance": "hours",
        },
        "attention-readiness": {
            "pipelines": "brief summariser that splits client decks into slides",
            "workarounds": "context length",
            "doc_tokens": "30k",
            "context_window": "128k",
            "calls": "3k a month",
            "input_price": "$2.50",
            "upkeep_hours": "8 hours",
            "incidents": SKIP,
        },
        "edge-economics": {
            "requests": "400k",
            "tokens": "800 in, 400 out",
            "price": "$2.50 / $10",
            "latency": "batch",
            "sensitivity": "confidential",
            "quality_loss": "10%",
            "local_cost": "$12,000 hardware, $800 a month",
            "amortisation": "36 months",
        },
        "reasoning-telemetry": {
            "agents": "copy-variant generator",
            "tools": "asset library search",
            "failures": "off-brand copy shipped to a client",
            "stack": "langfuse",
            "audit": "internal",
            "runs_per_day": "2k",
            "blind_spots": "account managers; they cannot see which brief produced a variant",
        },
        "research-curation": {
            "role": "Creative technology director; which image tools to license",
            "topics": "diffusion, image generation, copyright",
            "canon": SKIP,
            "sources": "blogs, newsletters",
            "hours": "2 hours",
            "weights": "20% cost, 60% failure, 20% compute",
            "cadence": "weekly",
            "to_triage": SKIP,
        },
        "automation-frontier": {
            "workflows": "resizing and cropping images for 40 ad formats, client brief intake",
            "why_shelved": "edge cases",
            "checkable": "outcomes can be checked automatically",
            "logs": "some",
            "error_cost": "low",
            "value": "$15k a month",
        },
        "diffusion-ip-risk": {
            "use": "ad campaigns and social posts for clients, thousands of images a week",
            "vendors": "Midjourney, our in-house SDXL fine-tune",
            "content": "characters, brands, likenesses",
            "jurisdictions": "EU, US, UK",
            "indemnity": "none",
            "review": "spot checks",
        },
        "strategy-synthesis": {
            "role": "Creative technology director",
            "industry": "media and advertising",
            "team_size": "25",
            "ai_use": "Midjourney and an in-house SDXL fine-tune for images, GPT-4o for copy",
            "constraints": "budget, skills",
            "goals": "publish 5,000 generated images a week; cut production cost per campaign "
            "by 20%",
        },
    },
)

SOLO = Persona(
    name="solo",
    about="A solo developer with a side project: 30,000 requests a month, one vendor.",
    answers={
        "model-convergence": {
            "vendors": "Claude Haiku",
            "reasons": "single vendor",
            "monthly_spend": "$80",
            "upkeep_days": "0",
            "diverse_tasks": SKIP,
            "outage_tolerance": "hours",
        },
        "edge-economics": {
            "requests": "30,000",
            "tokens": "1200 in, 300 out",
            "price": "$3 / $15",
            "latency": "a few seconds",
            "sensitivity": "public",
            "quality_loss": "10%",
            "local_cost": "$3,000 hardware, $300 a month",
            "amortisation": SKIP,
        },
        "strategy-synthesis": {
            "role": "indie developer",
            "industry": "consumer apps",
            "team_size": "1",
            "ai_use": "a writing assistant on Claude Haiku",
            "constraints": "budget",
            "goals": "pay for the API from subscriptions",
        },
    },
)

ENTERPRISE = Persona(
    name="enterprise",
    about="An enterprise at 50M requests a month, mostly overnight batch work.",
    answers={
        "model-convergence": {
            "vendors": "GPT-4o for support chat, Claude for code review, Gemini for summaries",
            "reasons": "price and redundancy",
            "monthly_spend": "$400k",
            "upkeep_days": "5 days",
            "diverse_tasks": SKIP,
            "outage_tolerance": "minutes",
        },
        "edge-economics": {
            "requests": "50M",
            "tokens": "1500 in, 400 out",
            "price": "$3 / $15",
            "latency": "batch",
            "sensitivity": "internal",
            "quality_loss": "5%",
            "local_cost": "$400,000 hardware, $60,000 a month",
            "amortisation": "36 months",
        },
        "strategy-synthesis": {
            "role": "CTO",
            "industry": "insurance",
            "team_size": "120 engineers",
            "ai_use": "GPT-4o, Claude and Gemini across support, code review and summaries",
            "constraints": "budget, skills",
            "goals": "cut claims handling time by 30%, launch an agent pilot",
        },
    },
)

LEGALTECH = Persona(
    name="legaltech",
    about="A five-person contract-review startup on 14 months of runway: three API vendors, "
    "a local pilot that pays, a shelved redlining workflow, and goals on API spend and SOC 2.",
    answers={
        "model-convergence": {
            "vendors": "gpt-4o for our contract summariser, claude 3.5 sonnet for clause "
            "extraction, and mistral small for tagging (cheap)",
            "reasons": "mostly price tbh, and claude is better at extraction",
            "monthly_spend": "around $2.5k/month",
            "upkeep_days": "maybe 2 days each",
            "diverse_tasks": "none really",
            "outage_tolerance": "an hour or two is ok, we're tiny",
        },
        "edge-economics": {
            "requests": "40-60k a month",
            "tokens": "about 3000 in, 400 out",
            "price": "gpt-4o: $2.50 in / $10 out",
            "latency": "couple of seconds is fine",
            "sensitivity": "very - client contracts, some under NDA",
            "quality_loss": "5% maybe",
            "local_cost": "a mac studio ~4k, basically nothing to run",
            "amortisation": "3 years",
        },
        "automation-frontier": {
            "workflows": "redlining contracts automatically, and auto-negotiating NDAs with "
            "counterparties",
            "why_shelved": "too variable, every contract is different; and the models made "
            "stuff up in 2024",
            "checkable": "partly - we can check redlines against the client's playbook, "
            "negotiation not really",
            "logs": "yes, ~2 years of redlines in our DMS with the final signed versions",
            "error_cost": "a bad clause slipping through could cost a client 100k+",
            "value": "maybe 15k/mo in lawyer time saved",
        },
        "strategy-synthesis": {
            "role": "CTO & co-founder",
            "industry": "legal tech (contract review SaaS for law firms)",
            "team_size": "5 of us incl. me",
            "ai_use": "contract summaries + clause extraction via APIs",
            "constraints": "money and people - we're 5 and have ~14 months runway",
            "goals": "cut API spend by half, ship automated redlining to 3 pilot customers, "
            "stay SOC2-ready",
        },
    },
)

DISTRIBUTOR = Persona(
    name="distributor",
    about="A 300-person wholesale distributor: a support chatbot on GPT-4o that pays to run "
    "locally, three shelved workflows with a digital twin for slotting, and goals on support "
    "cost, slotting and latency.",
    answers={
        "edge-economics": {
            "requests": "2,4 Mio. Anfragen/Monat",
            "tokens": "in ~1.800 tokens, out ~350",
            "price": "€2,50 input / €10 output per 1M",
            "latency": "snappy - it's in the support widget",
            "sensitivity": "customer PII, no health data",
            "quality_loss": "3-5 %",
            "local_cost": "2x L40S servers at €14.500 each, plus ~€1.200/month colo",
            "amortisation": "4 years",
        },
        "automation-frontier": {
            "workflows": "tier-2 support escalations; warehouse slotting (we tried in 2023, "
            "failed); supplier invoice matching",
            "why_shelved": "edge cases everywhere, and the data was a mess",
            "checkable": "slotting can be simulated (we have a digital twin), invoices can be "
            "checked against POs, escalations only a human can judge",
            "logs": "some, incomplete",
            "error_cost": "for slotting a bad layout costs maybe 20k in lost picks, for invoices "
            "a wrong payment, escalations an angry customer",
            "value": "slotting ~€60k/month",
        },
        "strategy-synthesis": {
            "role": "VP Engineering",
            "industry": "B2B e-commerce / wholesale distribution",
            "team_size": "300",
            "ai_use": "support chatbot on GPT-4o via API, copilot for devs, some invoice OCR",
            "constraints": "budget + latency in the support widget",
            "goals": "cut support cost per ticket by 25%, prototype slotting optimisation, keep "
            "p95 under 1s",
        },
    },
)

PERSONAS = (BANK, STARTUP, AGENCY, SOLO, ENTERPRISE, LEGALTECH, DISTRIBUTOR)


def answers_for(catalog: Catalog, persona: Persona, slug: str) -> dict[str, Answer]:
    """The persona's typed answers, read by the real parser; every required question answered."""
    script = catalog.by_slug(slug)
    typed = persona.answers[slug]
    answers: dict[str, Answer] = {}
    for q in script.questions:
        if q.key not in typed:
            raise KeyError(f"persona {persona.name} does not answer {slug}.{q.key}")
        text = typed[q.key]
        answers[q.key] = (
            Answer(key=q.key, raw="", skipped=True) if text == SKIP else parse_answer(q, text)
        )
    return answers


def report_for(
    catalog: Catalog,
    persona: Persona,
    slug: str,
    earlier: tuple[EarlierConsultation, ...] = (),
    overrides: Mapping[str, str] | None = None,
) -> Report:
    script = catalog.by_slug(slug)
    answers = answers_for(catalog, persona, slug)
    for key, text in (overrides or {}).items():
        q = script.question(key)
        answers[key] = (
            Answer(key=key, raw="", skipped=True) if text == SKIP else parse_answer(q, text)
        )
    return advise(AdvisorInput(script, answers, catalog.context, earlier))


def history(catalog: Catalog, persona: Persona) -> tuple[EarlierConsultation, ...]:
    """The persona's finished consultations before strategy synthesis, as the service keeps them."""
    out = []
    for slug in persona.answers:
        if slug == "strategy-synthesis":
            continue
        answers = answers_for(catalog, persona, slug)
        report = report_for(catalog, persona, slug)
        out.append(EarlierConsultation(slug=slug, answers=answers, report=report))
    return tuple(out)
