"""A mixed indemnity answer ("Azure covers us, Midjourney doesn't") is read vendor by vendor:
never refused with "Just one, please", never read as the safe "indemnified"."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run

IP = "diffusion-ip-risk"


@pytest.mark.parametrize(
    "typed",
    [
        "Adobe covers us, midjourney doesnt",  # one vendor: not "indemnified"
        "Adobe indemnifies us, Midjourney doesn't",  # the apostrophe as typed
        "Adobe covers us, midjourney doesn’t",  # a phone's apostrophe
        "Adobe indemnifies us but not Midjourney",
        "Adobe yes, Midjourney no",  # was read silently as "No indemnity" for both
    ],
)
def test_a_mixed_indemnity_is_read_as_partial_and_said_back(catalog: Catalog, typed: str) -> None:
    question = catalog.by_slug(IP).question("indemnity")
    a = parse_answer(question, typed)
    assert a.choices == ("capped",)
    assert a.note is not None and "for some" in a.note and "each as you said" in a.note


def test_the_report_names_the_uncovered_vendor_and_rates_its_exposure(catalog: Catalog) -> None:
    answers = {
        "use": "ad creatives for web campaigns",
        "vendors": "Midjourney, Azure OpenAI DALL-E",
        "content": "brands",
        "jurisdictions": "EU, US",
        "review": "spot checks",
    }
    mixed = run(catalog, IP, {**answers, "indemnity": "Azure covers us, Midjourney doesn't"})
    none = run(catalog, IP, {**answers, "indemnity": "no indemnity"})
    assert mixed.figures[0].value == none.figures[0].value  # Midjourney's images are exposed
    assert "Midjourney: none" in mixed.figures[0].display + mixed.figures[0].working
    steps = {r.title: r.detail for r in mixed.recommendations}
    renegotiate = steps["Renegotiate indemnity with Midjourney at renewal"]
    assert "make Azure OpenAI DALL-E (which indemnifies you) the default" in renegotiate
    assert "Read the IP clause" not in render_report_markdown(mixed)


def test_a_vendor_the_mixed_answer_leaves_out_gets_its_clause_read(catalog: Catalog) -> None:
    r = run(
        catalog,
        IP,
        {
            "vendors": "Midjourney, Adobe Firefly, Stability API",
            "indemnity": "Firefly covers us, Midjourney doesn't",
        },
    )
    titles = [rec.title for rec in r.recommendations]
    assert "Read the IP clause of the Stability API contract" in titles
    assert "Renegotiate indemnity with Midjourney at renewal" in titles


AGENCY = {
    "use": "ad creatives for clients",
    "vendors": "Midjourney, our own SDXL LoRA trained on client brand assets",
    "content": "characters, brands",
    "jurisdictions": "US, UK, Germany, Japan",
    "indemnity": "no idea",
    "review": "nobody",
}


def test_a_vendor_beside_our_own_described_model_is_still_a_vendor(catalog: Catalog) -> None:
    """'Midjourney, our own SDXL LoRA trained on client brand assets' was read as one item,
    'Midjourney (our own …)': Midjourney got no questionnaire and no contract step."""
    r = run(catalog, IP, AGENCY)
    send = next(x for x in r.recommendations if x.title == "Send the questionnaire")
    assert "To Midjourney;" in send.detail
    assert "Your own model (the SDXL LoRA trained on client brand assets)" in r.summary
    assert "Read the IP clause of the Midjourney contract" in r.verdict  # not known: read it first


@pytest.mark.parametrize(("typed", "read"), [("yes", "full"), ("yes, capped at 1M", "capped")])
def test_a_plain_yes_is_an_indemnity(catalog: Catalog, typed: str, read: str) -> None:
    a = parse_answer(catalog.by_slug(IP).question("indemnity"), typed)
    assert a.choices == (read,) and a.note is None


def test_yes_for_one_vendor_and_no_for_the_other_is_read_per_vendor(catalog: Catalog) -> None:
    r = run(
        catalog,
        IP,
        {"vendors": "Adobe Firefly, Midjourney", "indemnity": "Firefly yes, Midjourney no"},
    )
    assert "Adobe Firefly: indemnifies you; Midjourney: none" in r.figures[0].working
    titles = [rec.title for rec in r.recommendations]
    assert "Renegotiate indemnity with Midjourney at renewal" in titles
