"""A correction that takes back a figure said earlier ("actually 8M not 6"), typed at a question
not answered yet, changes the answer that said it — not the question asked, however well its
figure would fit there ("8M" also reads as 8 months at the write-off)."""

from __future__ import annotations

import pytest

from consultations.catalog import Catalog
from consultations.engine import Asked
from tests.unit.test_engine import begin, step

EARLIER = ["6M", "1200 in, 300 out", "$3 / $15", "2", "3", "5%", "$30,000 hardware, $2,000 a month"]


def _played(catalog: Catalog, last: str):  # type: ignore[no-untyped-def]
    script = catalog.by_slug("edge-economics")
    c = begin(script).consultation
    for text in [*EARLIER, last]:
        decision = step(script, c, text)
        c = decision.consultation
    return decision, c


@pytest.mark.parametrize("typed", ["actually 8M not 6", "sorry, 8M not 6M"])
def test_the_volume_taken_back_at_the_write_off_changes_the_volume(
    catalog: Catalog, typed: str
) -> None:
    decision, c = _played(catalog, typed)
    assert c.answers["requests"].number == 8_000_000  # was 6M kept, and 8 months written off
    assert "amortisation" not in c.answers
    assert isinstance(decision.outcome, Asked)  # the write-off is still asked
    assert "Changed volume" in (decision.outcome.note or "")


def test_a_share_taken_back_changes_the_share(catalog: Catalog) -> None:
    _, c = _played(catalog, "actually 3%, not 5")
    assert c.answers["quality_loss"].number == 3
    assert "amortisation" not in c.answers


def test_a_figure_said_nowhere_before_is_this_answer(catalog: Catalog) -> None:
    _, c = _played(catalog, "36 months, not 24")
    assert c.answers["amortisation"].number == 36
    assert c.answers["requests"].number == 6_000_000


def test_a_figure_two_answers_said_goes_to_the_one_it_fits(catalog: Catalog) -> None:
    """After the report, 'actually 4M not 3' — '3' said at the volume ('…, eher 3') and at the
    write-off ('3 years') — was 'names no answer; as amortisation … 4 months looks unlikely'."""
    script = catalog.by_slug("edge-economics")
    c = begin(script).consultation
    answers = [
        "so 2,5 Mio Anfragen im Monat, eher 3",
        "800 rein, 200 raus",
        "$0.50 / $1.50",
        "1",
        "3",
        "2%",
        "$2,000 hardware, $50 a month",
        "3 years",
        "actually 4M not 3",
    ]
    for text in answers:
        c = step(script, c, text).consultation
    assert c.answers["requests"].number == 4_000_000
    assert c.answers["amortisation"].number == 36
