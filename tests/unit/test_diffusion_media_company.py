"""A magazine's hero images from Midjourney, Firefly and its own SDXL fine-tune, contracts
unread: the steps come in the order they are due, and the rating says what it added."""

from __future__ import annotations

import pytest

from consultations.advisors.base import EarlierConsultation
from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run

MAGAZINE = {
    "use": "hero images for our online magazine and social posts, maybe print covers later",
    "vendors": "Midjourney v6, Adobe Firefly, an in-house SDXL fine-tune",
    "content": "celebrities and sometimes famous cartoon characters for satire pieces",
    "jurisdictions": "Germany, Austria, Switzerland, maybe US",
    "indemnity": "actually not sure, never read them",
    "review": "the photo desk eyeballs them",
}


def test_reading_the_contracts_this_month_comes_before_next_months_controls(
    catalog: Catalog,
) -> None:
    """'Read the IP clause of each vendor contract (0-1 month)' came fourth, after 'Put the
    controls in the publishing workflow (1-2 months)', though the verdict names it first."""
    r = run(catalog, "diffusion-ip-risk", MAGAZINE)
    horizons = [rec.horizon for rec in r.recommendations]
    assert horizons == sorted(horizons, key=lambda h: h != "0-1 month"), horizons
    assert r.recommendations[-1].title == "Put the controls in the publishing workflow"


def test_the_rating_says_it_counts_a_model_of_your_own(catalog: Catalog) -> None:
    r = run(catalog, "diffusion-ip-risk", MAGAZINE)
    assert "your own fine-tune" in r.figure("Risk score").working
    (rule,) = [a for a in r.assumptions if a.startswith("The rating adds points")]
    assert "a model of your own" in rule, rule


def test_the_roadmap_carries_every_first_month_step_of_the_ip_report(catalog: Catalog) -> None:
    """Built on this report, the roadmap's first package took its first three steps: the
    fourth ('Read the IP clause …' before, the controls after the steps were put in order)
    was in neither the roadmap nor its effort."""
    report = run(catalog, "diffusion-ip-risk", MAGAZINE)
    earlier = (EarlierConsultation("diffusion-ip-risk", {}, report),)
    r = run(catalog, "strategy-synthesis", {"team_size": "12", "goals": "no IP claims"}, earlier)
    (package,) = [rec for rec in r.recommendations if rec.title.startswith("Send the quest")]
    for step in report.recommendations:
        assert step.title.lower() in package.title.lower(), (step.title, package.title)


LONG = " and ".join(
    f"images for campaign {i} across web, print and social for our retail clients"
    for i in range(15)
)


def test_a_very_long_answer_is_quoted_briefly(catalog: Catalog) -> None:
    """A 1,200-character answer was quoted whole after 'Assessed for:' (and after 'For you
    as' in the curation report)."""
    ip = run(catalog, "diffusion-ip-risk", {**MAGAZINE, "use": LONG})
    quoted = ip.summary.split("Assessed for: ")[1]
    assert len(quoted) <= 210 and quoted.endswith("….") and quoted.startswith("images for")
    curation = run(catalog, "research-curation", {"role": LONG})
    who = curation.summary.split("For you as ")[1].split(": NeurIPS")[0]
    assert len(who) <= 210 and who.endswith("…"), who


@pytest.mark.parametrize(
    "use",
    [
        "Illustrations for articles on our satire publisher site, about 300 a month",
        "images for our news site and the morning newsletter",
        "hero images for our online magazine and social posts, maybe print covers later",
    ],
)
def test_a_publishers_image_controls_belong_to_its_picture_desk_not_marketing(
    catalog: Catalog, use: str
) -> None:
    """A satire publisher was told 'marketing operations' owns its publishing controls: a
    newsroom's images go out through its photo desk."""
    r = run(catalog, "diffusion-ip-risk", {**MAGAZINE, "use": use})
    controls = next(x for x in r.recommendations if x.title.startswith("Put the controls"))
    assert controls.owner == "photo desk (editorial)"


def test_an_ad_agencys_image_controls_stay_with_marketing_operations(catalog: Catalog) -> None:
    r = run(catalog, "diffusion-ip-risk", {**MAGAZINE, "use": "ad creatives for web campaigns"})
    controls = next(x for x in r.recommendations if x.title.startswith("Put the controls"))
    assert controls.owner == "marketing operations"


def test_a_newsroom_editor_and_an_unchecked_contract_are_read(catalog: Catalog) -> None:
    """'the editor on duty' and 'our photo editor looks at each one' at 'Who checks images
    before they are published?', and 'we have not checked' at the contract question, were
    refused with 'Pick one of: …'."""
    script = catalog.by_slug("diffusion-ip-risk")
    for said in ("the editor on duty", "our photo editor looks at each one"):
        assert parse_answer(script.question("review"), said).choices == ("legal",), said
    for said in ("we have not checked", "we haven't checked yet"):
        assert parse_answer(script.question("indemnity"), said).choices == ("unknown",), said
