"""Diffusion IP: controls named the path nobody checks only as 'add a brand or legal review',
and a fine-tune said to be 'LoRA on ~2.000 images' was called 'small' without its size."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run, section_items

GAME_STUDIO = {
    "use": "key art for our store page and social posts",
    "vendors": "Midjourney, our own LoRA on ~2.000 images",
    "content": "characters",
    "jurisdictions": "EU, US",
    "indemnity": "not sure",
    "review": "editor checks everything, but the community team posts directly to Discord/X",
}


def test_the_path_nobody_checks_gets_its_own_check(catalog: Catalog) -> None:
    r = run(catalog, "diffusion-ip-risk", GAME_STUDIO)
    controls = section_items(r, "Internal controls")
    named = [c for c in controls if "community team" in c]
    assert named and "before the community team posts" in named[0], controls
    assert "Discord/X" in named[0]


def test_a_path_is_not_invented_when_every_image_is_checked(catalog: Catalog) -> None:
    r = run(catalog, "diffusion-ip-risk", {**GAME_STUDIO, "review": "legal signs off on all"})
    assert not any("before the" in c and "posts" in c for c in section_items(r, "Internal"))


def test_the_fine_tune_size_said_is_used_and_claimed_no_further(catalog: Catalog) -> None:
    r = run(catalog, "diffusion-ip-risk", GAME_STUDIO)
    text = render_report_markdown(r)
    own = " ".join(section_items(r, "Your own model"))
    assert "2,000 images" in own and "2,000 images" in r.summary
    # the research: the memorisation time grows linearly with the training-set size
    assert "linearly" in own and "not fine-tuning" in own
    assert "likeliest" not in text and "guarantee" not in text


def test_no_size_is_made_up_when_none_is_said(catalog: Catalog) -> None:
    r = run(catalog, "diffusion-ip-risk", {**GAME_STUDIO, "vendors": "Midjourney, our own LoRA"})
    assert "images:" not in " ".join(section_items(r, "Your own model"))
    assert "about 2,000" not in r.summary
