"""A 3-person design studio's image vendors as it named them: "Midjourney mostly" is Midjourney,
and the Stable Diffusion one of them runs locally is not Adobe Firefly."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run, section_items

STUDIO = {
    "use": "mood boards and client pitch visuals, sometimes final packaging art for food brands",
    "vendors": "Midjourney mostly, some Adobe Firefly, and one of us plays with stable "
    "diffusion locally",
    "content": "clients ask for 'in the style of' a known illustrator, and packaging shows logos",
    "jurisdictions": "UK and EU, one client ships to the US",
    "indemnity": "no idea honestly, we just pay the monthly subscription",
    "review": "me or whoever made it gives it a look",
}


def test_a_hedge_is_not_part_of_the_vendors_name(catalog: Catalog) -> None:
    """It read 'Read the IP clause of the Midjourney mostly contract' and 'Ask Midjourney
    mostly:'."""
    r = run(catalog, "diffusion-ip-risk", STUDIO)
    assert "mostly" not in render_report_markdown(r)
    assert "Read the IP clause of the Midjourney and Adobe Firefly contracts" in r.verdict


def test_firefly_gets_the_questionnaire_and_the_local_model_is_the_open_one(
    catalog: Catalog,
) -> None:
    """Adobe Firefly was listed under 'Open models you run yourself' (no vendor to ask, no
    indemnity) because the note beside it named Stable Diffusion run locally."""
    r = run(catalog, "diffusion-ip-risk", STUDIO)
    questionnaire = section_items(r, "Vendor questionnaire")
    assert "Adobe Firefly" in questionnaire[0], questionnaire
    opened = section_items(r, "Open models you run yourself")
    assert opened[0].startswith("Stable Diffusion (one of us plays with stable diffusion"), opened
    assert not any("Firefly" in line for line in opened), opened


def test_a_studio_of_a_few_gets_owners_it_has(catalog: Catalog) -> None:
    """'Send the questionnaire (procurement)', 'Put the controls in the publishing workflow
    (marketing operations)', '… (legal)': a studio where 'me or whoever made it' reviews has
    none of them."""
    r = run(catalog, "diffusion-ip-risk", STUDIO)
    owners = {x.owner for x in r.recommendations}
    assert not owners & {"procurement", "marketing operations", "legal"}, owners
    assert "whoever publishes the images" in owners
    bigger = {**STUDIO, "vendors": "Midjourney, Adobe Firefly", "review": "brand team spot checks"}
    big = run(catalog, "diffusion-ip-risk", {**bigger, "use": "packaging art for food brands"})
    assert "marketing operations" in {x.owner for x in big.recommendations}
