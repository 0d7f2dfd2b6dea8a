"""A solo researcher's roadmap: the papers and the toolkit release are her own work, which the
plan leaves most of her year for (not 'staff it … or drop it for this year'), each measured
by what it names."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items
from tests.unit.test_roadmap_reads_goals import goal_line

SOLO = {
    "role": "independent researcher",
    "industry": "academic research, NLP evaluation",
    "team_size": "just me",
    "ai_use": "claude and gpt-4o through the APIs for running evals, about 300 dollars a month",
    "constraints": "budget, it comes out of a small grant",
    "goals": "publish 2 papers on eval contamination, keep API costs under $300 a month, "
    "get the toolkit to 1.0",
}


def test_her_own_work_is_left_room_not_dropped(catalog: Catalog) -> None:
    """'Nothing above serves “publish 2 papers …” and “get the toolkit to 1.0”: staff it
    beside this plan or drop it for this year' — to one person whose plan took 4% of her year."""
    r = run(catalog, "strategy-synthesis", SOLO)
    assert not any("drop it for this year" in s for s in section_items(r, "What to stop"))
    papers = goal_line(r, "publish 2 papers on eval contamination")
    assert "it is work beside this roadmap, which leaves 99% of your team's year for it" in papers


def test_papers_and_a_release_are_measured_by_what_they_name(catalog: Catalog) -> None:
    """Both were 'the number in the goal, against a baseline taken this month' (a baseline of
    papers; the '1.0' of a version read as a number)."""
    r = run(catalog, "strategy-synthesis", SOLO)
    papers = goal_line(r, "publish 2 papers on eval contamination")
    assert "Measure: papers published this year, against the 2 it names." in papers, papers
    release = goal_line(r, "get the toolkit to 1.0")
    assert "Measure: version 1.0 released" in release, release


def test_a_small_bill_is_capped_not_priced_against_a_server(catalog: Catalog) -> None:
    """'Price your highest-volume workload: API against local' (2 person-weeks, $8,000 of her
    time) for a $300-a-month bill no local machine could ever pay back."""
    r = run(catalog, "strategy-synthesis", SOLO)
    titles = [rec.title for rec in r.recommendations]
    assert not any(t.startswith("Price your highest-volume workload") for t in titles), titles
    (cap,) = [rec for rec in r.recommendations if rec.title.startswith("Cap the model bill")]
    assert cap.detail.startswith("At about $300 a month no local machine can pay for itself")
    assert "Effort: about 0.5 person-weeks" in cap.detail
    big = run(
        catalog,
        "strategy-synthesis",
        {**SOLO, "ai_use": "gpt-4o for support and search, about $40k a month"},
    )
    big_titles = [rec.title for rec in big.recommendations]
    assert any(t.startswith("Price your highest-volume workload") for t in big_titles)
    assert not any(t.startswith("Cap the model bill") for t in big_titles)
