"""A pharma marketing team: "our agency uses Midjourney" was named "agency uses Midjourney"
throughout the report; "Microsoft has the customer copyright commitment" was refused at the
indemnity question, and once read did not reach "DALL-E 3 through Azure OpenAI" (read as
capped); "MLR signs off everything external, internal slides nobody checks" scored "no review
before publishing +2" and asked for a review of every external image MLR already reviews."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run, section_items

ANSWERS = {
    "use": "illustrations for patient leaflets and HCP congress booths, plus internal slides",
    "vendors": "DALL-E 3 through Azure OpenAI, and our agency uses Midjourney, not sure which "
    "version",
    "content": "anatomy drawings that could look like textbook figures, no real people",
    "jurisdictions": "EU and Switzerland, some US for congresses",
    "indemnity": "Microsoft has the customer copyright commitment, the agency contract is silent",
    "review": "medical-legal-regulatory review (MLR) signs off everything external, internal "
    "slides nobody checks",
}


def _report(catalog: Catalog, **changed: str) -> Report:
    return run(catalog, "diffusion-ip-risk", {**ANSWERS, **changed})


def test_a_copyright_commitment_is_an_indemnity_and_a_silent_contract_none(
    catalog: Catalog,
) -> None:
    q = catalog.by_slug("diffusion-ip-risk").question("indemnity")
    assert parse_answer(q, "Microsoft's copyright commitment covers us").choices == ("full",)
    assert parse_answer(q, "the contract is silent on IP").choices == ("none",)


def test_the_vendor_an_agency_uses_is_named_and_microsoft_covers_azure(catalog: Catalog) -> None:
    r = _report(catalog)
    score = next(f for f in r.figures if f.label == "Risk score")
    assert "DALL-E 3 through Azure OpenAI: indemnifies you; Midjourney (via the agency): none" in (
        score.working or ""
    ), score.working
    assert "agency uses" not in r.verdict + " ".join(x.title for x in r.recommendations)


def test_an_internal_path_nobody_checks_is_not_publishing_unreviewed(catalog: Catalog) -> None:
    r = _report(catalog)
    score = next(f for f in r.figures if f.label == "Risk score")
    assert "legal or brand review before publishing −2" in (score.working or ""), score.working
    assert r.verdict.startswith("Risk: medium"), r.verdict
    controls = section_items(r, "Internal controls")
    assert any(
        c.startswith("Keep what nobody checks (internal slides nobody checks)") for c in controls
    )
    public = _report(catalog, review="MLR signs off the leaflets, the social team posts directly")
    assert "no review before publishing +2" in (
        next(f for f in public.figures if f.label == "Risk score").working or ""
    )
