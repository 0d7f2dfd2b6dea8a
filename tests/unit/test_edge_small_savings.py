"""Edge economics for a five-person startup: autocomplete on the laptops the developers already
have, and a small API bill. Nothing to pay locally has no break-even volume, and a saving of a
few dollars a month is no reason on its own to build a pilot."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run

LAPTOPS = {
    "requests": "maybe 30-50k requests/month, growing fast",
    "tokens": "500 in 200 out i guess",
    "price": "$1 in / $5 out",
    "latency": "should feel instant, it is autocomplete",
    "sensitivity": "not really sensitive, its public code mostly",
    "quality_loss": "10% is fine",
    "local_cost": "we would run it on the devs macbooks, they already have M3 Max, zero cost",
}


def test_nothing_to_pay_locally_has_no_break_even_volume(catalog: Catalog) -> None:
    """The report said 'Local pays for itself from about 0 requests a month, none of today's
    volume', a what-if table of 'about 0' rows, and 'Volume below the break-even (about 0
    requests a month) turns the answer back to the API'."""
    r = run(catalog, "edge-economics", LAPTOPS)
    text = render_report_markdown(r)
    assert "about 0 requests" not in text and "about 0\n" not in text, text
    assert "none of today's volume" not in text
    assert "cheaper at any volume" in r.summary, r.summary
    assert not any(t.title.startswith("Break-even volume") for t in r.tables)
    assert r.chart is not None and r.chart.marker_x is None
    assert "the break-even moves with it" not in text  # there is none to move
    assert "Your local costs had no currency" not in text  # none to pay needs none


def test_a_small_saving_is_not_the_reason_to_go_local(catalog: Catalog) -> None:
    """Local saved $60 a month and the verdict read 'Run it locally — a pilot first.' as if
    the money decided it; the answers said the case is speed (autocomplete)."""
    r = run(catalog, "edge-economics", LAPTOPS)
    assert r.verdict.startswith("Run it locally for your under-100 ms answers, not for the money")
    text = render_report_markdown(r)
    assert "Local saves only $60 a month" in text, text


def test_a_small_saving_without_another_reason_says_so(catalog: Catalog) -> None:
    answers = {
        **LAPTOPS,
        "price": "$3 / $15",
        "latency": "a few seconds is fine",
        "local_cost": "a $2,000 mac mini, $10 a month power",
        "amortisation": "36 months",
    }
    r = run(catalog, "edge-economics", answers)
    assert r.verdict == (
        "Run it locally only if the pilot costs little — it saves just $114 a month."
    ), r.verdict


def test_rented_servers_priced_each_a_month_are_all_counted(catalog: Catalog) -> None:
    """'4x L40S on Hetzner at 1.200 EUR/month each, no upfront' was €1,200 a month: one
    server's rent, not four."""
    from consultations.answers import parse_answer

    q = catalog.by_slug("edge-economics").question("local_cost")
    for typed in (
        "rent: 4x L40S on Hetzner at 1.200 EUR/month each, no upfront",
        "no upfront, 4 servers rented at €1,200 a month per server",
    ):
        a = parse_answer(q, typed)
        assert a.numbers is not None and a.numbers["monthly"] == 4_800, (typed, a.numbers)
        assert a.numbers["hardware"] == 0


def test_what_would_change_a_stay_verdict_points_toward_local(catalog: Catalog) -> None:
    """'Stay on the API for now' listed 'An API price cut: rerun …' and 'A quality gap above
    your 3.5% tolerance …' as what would change it: neither moves a verdict that stays."""
    answers = {
        "requests": "3M a month, ~200 rps at peak",
        "tokens": "2k / 500",
        "price": "0.15 / 0.60",
        "latency": "batch, overnight is fine",
        "sensitivity": "internal",
        "quality_loss": "2-5%",
        "local_cost": "rent: 4x L40S on Hetzner at 1.200 EUR/month each, no upfront",
    }
    r = run(catalog, "edge-economics", answers)
    assert r.verdict.startswith("Stay"), r.verdict
    text = " ".join(r.caveats)
    assert "price cut" not in text and "quality gap" not in text, r.caveats
    assert "An API price rise: rerun with the new price" in text, r.caveats
