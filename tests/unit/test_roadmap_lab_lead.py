"""A hospital lab lead's roadmap: "publish 3 papers" is not an image-publishing goal, "win one EU
grant" is not a paid offer to customers, "grants are tight" is a budget constraint, and the
reader is "lead of a 12-person applied ML lab" (was "the team lead")."""

from __future__ import annotations

from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_roadmap_fintech_cto import goal_line

LAB = {
    "role": "I lead a 12-person applied ML lab at a university hospital; research should "
    "inform what we prototype next",
    "industry": "university hospital / healthcare research",
    "team_size": "12",
    "ai_use": "we fine-tune small open models (Llama, Qwen) on our GPU cluster",
    "constraints": "patient data can never leave the hospital 🏥, and grants are tight",
    "goals": "get a local model good enough for discharge letters, publish 3 papers, "
    "win one EU grant",
}


def test_research_goals_are_not_read_as_images_or_revenue(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", LAB)
    titles = " ".join(rec.title for rec in r.recommendations)
    assert "image" not in titles and "customers would pay" not in titles, titles
    papers = goal_line(r, "publish 3 papers")
    assert "no item here serves it directly" in papers, papers
    grant = goal_line(r, "win one EU grant")
    assert "no item here serves it directly" in grant and "names no outcome" not in grant
    assert "Budget" in r.summary or "budget" in r.summary  # "grants are tight"
    assert r.summary.startswith("A roadmap for you as lead of a 12-person applied ML lab, in")


def test_winning_new_clients_is_still_revenue(catalog: Catalog) -> None:
    r = run(catalog, "strategy-synthesis", {**LAB, "goals": "win new clients"})
    assert "customers would pay" in goal_line(r, "win new clients")
