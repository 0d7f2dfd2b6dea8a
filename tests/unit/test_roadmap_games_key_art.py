"""Games studio: 'ship the Steam page with key art by April' is about images going public;
it was served by 'Record every model call in production' and its own launch steps were put off
to next year ('Not this year, no track is free')."""

from __future__ import annotations

from consultations.advisors.base import EarlierConsultation
from consultations.advisors.synthesis_goals import goal_tags
from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_roadmap_concrete_goals import served_by
from tests.unit.test_roadmap_reads_goals import goal_line
from tests.unit.test_roadmap_serving import report

GAMES_IP = {
    "use": "concept art for our next RPG, key art for Steam page and marketing",
    "vendors": "Midjourney v6 and an SDXL LoRA on ~2.000 of our images",
    "content": "2",
    "jurisdictions": "EU, US, Japan",
    "indemnity": "3",
    "review": "art director checks everything, but the community team posts directly",
}


def test_art_is_images() -> None:
    assert "images" in goal_tags("ship the Steam page with key art by April")
    assert "images" in goal_tags("cut concept art iteration time by 50%")
    assert "images" not in goal_tags("state of the art retrieval by Q3")


def test_key_art_going_public_is_served_by_the_ip_controls(catalog: Catalog) -> None:
    said = {
        "role": "Art director & co-founder",
        "industry": "video games",
        "team_size": "6",
        "ai_use": "Midjourney + SDXL LoRA for concept art, ChatGPT for dialogue drafts, "
        "nothing in the shipped game",
        "constraints": "budget, regulation",
        "goals": "ship the Steam page with key art by April; cut concept art iteration time "
        "by 50%; zero IP claims",
    }
    slug, ip = report(catalog, "diffusion-ip-risk", GAMES_IP)
    r = run(catalog, "strategy-synthesis", said, (EarlierConsultation(slug, {}, ip),))
    line = goal_line(r, "ship the Steam page with key art by April")
    assert "controls" in served_by(line), line
    assert "Record every model call" not in served_by(line), line
    for section in r.sections:  # its launch steps were put off: 'Not this year, no track …'
        assert not any("Steam page with key art by April:" in i for i in section.items), section
