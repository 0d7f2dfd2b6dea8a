"""The automation plan's steps fit the team the answers describe: a solo consultant was told
to 'run beside the people doing the work', and a team with no ML engineers to 'train a
goal-conditioned policy' with no one to hire or partner with for it."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import run

SOLO = {
    "workflows": "client report drafting, invoice matching",
    "why_shelved": "too many variations; I'm a solo consultant",
    "checkable": "outcomes can be checked automatically",
    "logs": "some",
    "error_cost": "some money",
    "value": "€6k a month",
}
NO_ML = {
    "workflows": "warehouse slotting, inbound dispatch",
    "why_shelved": "too many variations. Skills: no ML engineers",
    "checkable": "we can simulate them",
    "logs": "yes, many runs",
    "error_cost": "some money",
    "value": "$50k a month",
}


def text(r: Report) -> str:
    return " ".join(f"{x.title} ({x.owner}) {x.detail}" for x in r.recommendations)


def test_a_solo_consultant_runs_the_prototype_beside_their_own_work(catalog: Catalog) -> None:
    r = run(catalog, "automation-frontier", SOLO)
    assert r.verdict.startswith("Prototype"), r.verdict
    shadow = next(x for x in r.recommendations if x.title.startswith("Prototype in shadow"))
    assert "beside the people doing the work" not in text(r), text(r)
    assert "beside your own work" in shadow.detail, shadow.detail
    assert "a person approves" not in shadow.detail and "you approve" in shadow.detail
    assert {x.owner for x in r.recommendations} == {"you"}


def test_a_team_without_ml_engineers_hires_or_partners_before_the_ml_work(
    catalog: Catalog,
) -> None:
    r = run(catalog, "automation-frontier", NO_ML)
    titles = [x.title for x in r.recommendations]
    hire = next(i for i, t in enumerate(titles) if t.startswith("Hire or partner"))
    ml = [i for i, x in enumerate(r.recommendations) if "policy" in x.detail or "ML" in x.owner]
    assert ml and hire < min(ml), titles
    assert "no ML engineers" in r.recommendations[hire].detail
    assert not any(x.owner == "ML engineer" for x in r.recommendations), text(r)


def test_a_team_with_ml_engineers_gets_no_hiring_step(catalog: Catalog) -> None:
    r = run(catalog, "automation-frontier", {**NO_ML, "why_shelved": "too many variations"})
    assert not any(x.title.startswith("Hire or partner") for x in r.recommendations)
    assert "beside the people doing the work" in text(r)


def test_a_solo_roadmap_rolls_the_prototype_out_against_their_own_work(
    catalog: Catalog,
) -> None:
    """The roadmap of a one-person business said 'each once the last matched people; the team
    owning the work takes it over' and 'Success: … matching people on the checked outcomes'."""
    from tests.unit.test_roadmap_serving import report, roadmap

    r = roadmap(
        catalog,
        "just me",
        "budget",
        "cut invoice handling time by 30%",
        report(catalog, "automation-frontier", {**SOLO, "value": "€40k a month"}),
    )
    roll = next(x for x in r.recommendations if x.title.startswith("Roll out in stages"))
    words = text(r)
    for team_words in ("matched people", "the team owning", "matching people", "as well as people"):
        assert team_words not in words, (team_words, words)
    assert "matched your own results" in roll.detail, roll.detail


def test_a_policy_is_trained_by_whoever_is_brought_in_for_it(catalog: Catalog) -> None:
    """On your own with no ML skills: the prototype that trains a goal-conditioned policy was
    yours, and 'your team keeps the success check' spoke of a team you do not have."""
    alone = {**NO_ML, "why_shelved": "too many variations; I'm on my own, no ML skills"}
    r = run(catalog, "automation-frontier", alone)
    shadow = next(x for x in r.recommendations if x.title.startswith("Prototype in shadow"))
    assert "goal-conditioned policy" in shadow.detail
    assert shadow.owner == "ML partner or hire"
    assert "your team" not in text(r), text(r)
    assert "you keep the success check" in text(r)
