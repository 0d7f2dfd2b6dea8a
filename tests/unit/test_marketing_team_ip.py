"""An in-house marketing team's IP consultation: "Firefly is indemnified, MJ and Canva not" is
said back as mixed and each vendor is read (MJ as Midjourney, sharing Canva's "not"); a long
answer that ends with a full stop is said back with one."""

from __future__ import annotations

from consultations import engine
from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_engine import begin, step

USE = (
    "We want generated images for seasonal key visuals, social posts and newsletter "
    "headers. Nothing medical."
)


def test_some_vendors_indemnified_and_others_not_is_said_back_as_mixed(catalog: Catalog) -> None:
    q = catalog.by_slug("diffusion-ip-risk").question("indemnity")
    a = parse_answer(q, "Firefly is indemnified, MJ and Canva not")
    assert a.choices == ("capped",)  # was "The vendor indemnifies us"
    assert a.note is not None and "for some" in a.note


def test_mj_is_midjourney_and_shares_the_not_said_of_canva(catalog: Catalog) -> None:
    r = run(
        catalog,
        "diffusion-ip-risk",
        {
            "vendors": "Midjourney, Firefly, Canva",
            "indemnity": "Firefly is indemnified, MJ and Canva not",
        },
    )
    score = next(f for f in r.figures if f.label.startswith("Risk score"))
    assert "Midjourney: none" in score.working, score.working
    assert "Canva: none" in score.working and "Firefly: indemnifies you" in score.working


def test_an_answer_ending_in_a_full_stop_is_said_back_with_one(catalog: Catalog) -> None:
    script = catalog.by_slug("diffusion-ip-risk")
    d = step(script, begin(script).consultation, USE)
    assert isinstance(d.outcome, engine.Asked) and d.outcome.note is not None
    assert d.outcome.note.endswith("Nothing medical.") and ".." not in d.outcome.note
    r = run(catalog, "diffusion-ip-risk", {"use": USE})
    assert ".." not in r.summary
