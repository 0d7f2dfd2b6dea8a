"""The edge report follows from what was priced: two servers priced need no 'second server'
step, and what would change a verdict points the way the volume has to move."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import EDGE, run

BANK = {
    **EDGE,
    "requests": "2.500.000",
    "tokens": "1500 in, 400 out",
    "price": "$2.50 / $10",
    "sensitivity": "we are a bank",
    "local_cost": "2 servers at $40k each, $8k a month + $20k a year",
}


def test_two_servers_priced_are_not_told_to_add_a_second_one(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", BANK)
    titles = [rec.title for rec in r.recommendations]
    assert not any("second server" in t for t in titles), titles
    text = render_report_markdown(r)
    assert "The 2 servers you priced handle the load" in text
    assert "One local server handles the load" not in text
    assert "more than the 2 servers you priced" in text


def test_one_server_priced_for_regulated_data_still_gets_a_failover_step(
    catalog: Catalog,
) -> None:
    r = run(catalog, "edge-economics", {**BANK, "local_cost": "$40k server, $9k a month"})
    assert any("second server" in rec.title for rec in r.recommendations)
    assert "One local server handles the load" in render_report_markdown(r)


def test_two_cards_in_one_box_are_one_server(catalog: Catalog) -> None:
    """ "2x H100 box ~ 70k" was read as two servers: 'The 2 servers you priced handle the load'
    and no failover step for regulated data."""
    one_box = {**BANK, "local_cost": "2x H100 box ~ 70k, plus 2k/mo for power & ops"}
    r = run(catalog, "edge-economics", one_box)
    assert "One local server handles the load" in render_report_markdown(r)
    assert any("second server" in rec.title for rec in r.recommendations)
    two_boxes = {**BANK, "local_cost": "2 H100 boxes at 35k each, 2k a month"}
    two = run(catalog, "edge-economics", two_boxes)
    assert "The 2 servers you priced handle the load" in render_report_markdown(two)


def test_below_break_even_the_change_named_is_more_volume_not_less(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", {**EDGE, "requests": "15k", "sensitivity": "public"})
    assert r.verdict.startswith("Stay")
    assert any(c.startswith("Volume growing past the break-even") for c in r.caveats)
    assert not any("turns the answer back to the API" in c for c in r.caveats)
    assert not any(c.startswith("Peak load") for c in r.caveats)  # no server while on the API


def test_above_break_even_the_change_named_is_less_volume(catalog: Catalog) -> None:
    r = run(catalog, "edge-economics", EDGE)
    assert r.verdict.startswith("Run it locally")
    assert any("turns the answer back to the API" in c for c in r.caveats)


def test_local_costs_typed_in_euros_are_shown_in_euros(catalog: Catalog) -> None:
    """Hardware typed as '€60k' (prices in $) was shown as '$60,000 over 36 months'."""
    r = run(catalog, "edge-economics", {**EDGE, "local_cost": "60k EUR, 1.5k a month"})
    assert r.figure("Local total per month").display == "€3,167"
    assert r.figure("API total per month").display.startswith("$")
    text = render_report_markdown(r)
    assert "Hardware: €60,000 over 36 months" in text
    assert "$60,000" not in text


def test_the_case_for_local_names_only_what_holds(catalog: Catalog) -> None:
    """The summary said 'the case for it is your confidential data and .'."""
    answers = {
        **EDGE,
        "requests": "1.2M",
        "tokens": "2000 in, 300 out",
        "price": "0.15 / 0.60",
        "latency": "under 2 seconds is fine",
        "sensitivity": "mostly internal, some customer emails",
        "quality_loss": "4%",
        "local_cost": "12k €, 400 €/month",
        "amortisation": "4 years",
    }
    r = run(catalog, "edge-economics", answers)
    assert "the case for it is your confidential data." in r.summary
    assert " and ." not in r.summary


def test_the_what_if_life_is_not_the_life_already_used(catalog: Catalog) -> None:
    """Written off over 24 months, the table's last row was 'Hardware written off over 24
    months', the same figure as 'API price as today'."""
    r = run(catalog, "edge-economics", {**EDGE, "amortisation": "24 months"})
    table = next(t for t in r.tables if t.title.startswith("Break-even volume"))
    labels = [row[0] for row in table.rows]
    assert "Hardware written off over 24 months" not in labels
    assert "Hardware written off over 36 months" in labels


def test_a_hybrid_for_patient_data_does_not_fall_back_to_the_api(catalog: Catalog) -> None:
    """A hospital near the break-even read 'keep the API as fallback' above a plan saying its
    sensitive requests cannot fall back to the API."""
    r = run(
        catalog,
        "edge-economics",
        {
            "requests": "300k per month",
            "tokens": "4000 in, 800 out",
            "price": "$2.50 / $10",
            "latency": "a few seconds",
            "sensitivity": "regulated",
            "quality_loss": "2%",
            "local_cost": "$120,000 hardware, $5,000/month ops",
            "amortisation": "48 months",
        },
    )
    assert r.verdict.startswith("Hybrid: pilot local inference on part of the traffic, sensitive")
    assert "keep the API as fallback" not in r.verdict
    assert "cannot fall back to the API" in render_report_markdown(r)


def test_no_hardware_to_buy_is_not_said_to_be_owned_or_written_off(catalog: Catalog) -> None:
    """A model shipped to players' consoles: 'no hardware to buy (you already have it)', and a
    what-if row for writing off $0 over 24 months."""
    r = run(catalog, "edge-economics", {**EDGE, "local_cost": "$0 hardware, $5,000 a month"})
    assert r.figure("Hardware payback").working == "no hardware to buy"
    table = next(t for t in r.tables if t.title.startswith("Break-even volume"))
    assert not any(row[0].startswith("Hardware written off") for row in table.rows)


def test_no_quality_loss_is_said_in_words(catalog: Catalog) -> None:
    """'0%, it must be as good' read 'the pilot passes if the local model stays within your 0%
    of them' and 'Your 0% tolerance is tighter than…'."""
    text = render_report_markdown(run(catalog, "edge-economics", {**EDGE, "quality_loss": "0%"}))
    assert "your 0%" not in text and "Your 0%" not in text
    assert "You accept no quality loss against today's model" in text
    assert "pilot passes only if the local model's answers are as good as those" in text


def test_hardware_already_owned_has_no_write_off_assumed(catalog: Catalog) -> None:
    """GPUs already owned (its write-off question not asked): the report still assumed 'No
    hardware life given: written off over 36 months' and showed '$0 over 36 months'."""
    owned = {**BANK, "local_cost": "we already own the GPUs, power is about 400 a month"}
    text = render_report_markdown(run(catalog, "edge-economics", {**owned, "amortisation": "skip"}))
    assert "written off over 36 months" not in text and "$0 over 36 months" not in text
    assert "Hardware per month: **$0** (none to buy)" in text
    bought = render_report_markdown(
        run(catalog, "edge-economics", {**BANK, "amortisation": "skip"})
    )
    assert "No hardware life given: written off over 36 months." in bought


def test_gpu_servers_counted_with_a_word_between_are_the_servers_priced(
    catalog: Catalog,
) -> None:
    """ "4 GPU servers at 40k each" was costed as 160k of hardware, yet the plan said 'One local
    server handles the load' and 'Add a second server before sensitive traffic moves'."""
    four = {**BANK, "local_cost": "actually it's 4 GPU servers at 40k each, plus 6k a month ops"}
    r = run(catalog, "edge-economics", four)
    text = render_report_markdown(r)
    assert "€160,000" in text or "$160,000" in text
    assert "The 4 servers you priced handle the load" in text
    assert "sensitive ones to another of the servers you priced" in text
    assert "the second server" not in text
    assert not any("second server" in rec.title for rec in r.recommendations)


SOLO = {  # a consultant's client work: a few hundred dollars of API, a laptop already owned
    "requests": "about 10-20k",
    "tokens": "1.500 in, 400 out",
    "price": "$2.50 / $10",
    "latency": "a few seconds is fine",
    "sensitivity": "client contracts, confidential",
    "quality_loss": "maybe 10%",
    "local_cost": "I would use my MacBook, already have it, maybe 20 a month for power",
    "amortisation": "skip",
}


def test_a_laptop_already_owned_and_a_small_bill_get_a_plan_of_that_size(
    catalog: Catalog,
) -> None:
    """A consultant with a $116-a-month API bill and a MacBook was told to pilot 'on one server'
    with a platform team, then 'Add a second server before sensitive traffic moves' — a purchase
    the $20-a-month local cost above it never priced."""
    r = run(catalog, "edge-economics", SOLO)
    assert r.figure("API total per month").display == "$116"
    titles = [rec.title for rec in r.recommendations]
    assert not any("second server" in t for t in titles), titles
    assert any(t.endswith("on the hardware you already have") for t in titles), titles
    assert {rec.owner for rec in r.recommendations} == {"you or your developer"}
    text = render_report_markdown(r)
    assert "sensitive ones wait for the local machine" in text
    assert "One local server handles the load" not in text
    assert "The hardware you already have handles the load" in text
    assert "before moving traffic" in text and "before ordering" not in text


def test_a_low_average_load_is_said_in_a_unit_that_shows_it(catalog: Catalog) -> None:
    """8,000 requests a month showed 'Average load: 0.00 requests a second', as if there were
    no traffic at all."""
    r = run(catalog, "edge-economics", {**EDGE, "requests": "roughly 8.000 a month"})
    assert r.figure("Average load").display == "11.0 requests an hour"
    text = render_report_markdown(r)
    assert "0.00 requests a second" not in text
    assert "(average 11.0 requests an hour" in text
    busy = run(catalog, "edge-economics", EDGE)  # 5M a month: a second is the right unit
    assert busy.figure("Average load").display == "1.90 requests a second"
    quiet = run(catalog, "edge-economics", {**EDGE, "requests": "100k"})
    assert quiet.figure("Average load").display == "2.3 requests a minute"


def test_a_small_bill_for_regulated_data_keeps_its_failover_step(catalog: Catalog) -> None:
    """The small-bill plan (no standby machine) is for confidential work of a person or two;
    regulated data that cannot fall back to the API keeps its second server."""
    r = run(catalog, "edge-economics", {**SOLO, "sensitivity": "patient data, HIPAA"})
    assert any("second server" in rec.title for rec in r.recommendations)


APP = {  # a mobile keyboard's autocomplete, run on the users' phones
    "requests": "3M",
    "tokens": "300 in 100 out",
    "price": "$0.15 / $0.60",
    "latency": "autocomplete, as you type",
    "sensitivity": "internal",
    "quality_loss": "10",
    "local_cost": "it would run on the users phones, no hardware for us, maybe 500 a month for "
    "model hosting and updates",
}


def test_a_model_on_the_users_phones_is_not_piloted_on_a_server(catalog: Catalog) -> None:
    """On-device inference was told 'Pilot a quantised 7B-class model on one server', to watch
    'peak load (average 1.16 requests a second)', and 'One local server handles the load'; and
    with local costing more, to 'keep the contract month to month until the savings are
    proven'."""
    r = run(catalog, "edge-economics", APP)
    titles = [rec.title for rec in r.recommendations]
    assert any(t.endswith("on your users' devices (test handsets first)") for t in titles), titles
    text = render_report_markdown(r)
    assert "one server" not in text and "local server" not in text, text
    assert "peak load" not in text.casefold()
    assert "latency on the slowest device you support" in text
    assert "Each user's device serves its own requests" in text
    assert "until the savings are proven" not in text  # local costs more here


def test_a_premium_in_two_currencies_is_said_as_the_two_amounts(catalog: Catalog) -> None:
    """'$3/$15' and 'a Mac Studio for 4.000 €': the verdict read 'local costs 84 (USD less EUR,
    unconverted) a month more than the API'."""
    r = run(
        catalog,
        "edge-economics",
        {
            **SOLO,
            "requests": "2k",
            "tokens": "3000 in, 800 out",
            "price": "$3/$15",
            "local_cost": "a Mac Studio for 4.000 €, power maybe 15 € a month",
            "amortisation": "3 years",
        },
    )
    assert "USD less EUR" not in r.verdict, r.verdict
    assert r.verdict.endswith(
        "at today's volume local costs €126 a month against the API's $42 (two currencies, "
        "not converted)."
    ), r.verdict


def test_the_second_server_step_says_what_it_adds_to_the_local_cost(catalog: Catalog) -> None:
    """'Add a second server before sensitive traffic moves' was a purchase priced nowhere in a
    plan priced to the dollar; the step now says what it adds if it costs what the first did."""
    r = run(catalog, "edge-economics", {**BANK, "local_cost": "$36k server, $9k a month"})
    step = next(rec for rec in r.recommendations if "second server" in rec.title)
    assert "$36,000 more up front ($1,000 a month over 36 months)" in step.detail, step.detail
    assert "local then about $11,000 a month, still below the API's" in step.detail, step.detail


def test_a_tight_tolerance_is_weighed_once(catalog: Catalog) -> None:
    """A bank accepting 3% read two bullets on it: 'You accept 3% quality loss … The 5-10% that
    4-bit quantisation can cost …' and then 'Your 3% tolerance is tighter than the 5-10% loss
    4-bit models can show …'."""
    r = run(catalog, "edge-economics", {**BANK, "quality_loss": "max 3%"})
    items = next(s for s in r.sections if s.title.startswith("Why now")).items
    about = [t for t in items if "3%" in t]
    assert len(about) == 1, about
    assert sum(t.count("5-10%") for t in items) == 1, items
    assert "pilot 8-bit weights or a larger model" in about[0], about
    assert "unmeasured until the pilot measures it on your tasks" in about[0], about


def test_a_tolerance_inside_the_4bit_range_pilots_what_the_plan_pilots(catalog: Catalog) -> None:
    """At 7.5% the why-now line said '… more than your tolerance: pilot 8-bit weights or a
    larger model' while the plan piloted 'a quantised 7B-class model'."""
    r = run(catalog, "edge-economics", {**BANK, "quality_loss": "so 5-10 %"})
    text = render_report_markdown(r)
    assert "pilot 8-bit weights" not in text, text
    assert any("quantised 7B-class model" in rec.title for rec in r.recommendations)


def test_a_break_even_across_two_currencies_says_it_is_unconverted(catalog: Catalog) -> None:
    """API prices in dollars, a Mac Studio in euros: 'Break-even volume: about 222,200 requests
    a month (€222 ÷ $0.001 per request)' and a payback of '€8,000 ÷ ($200 − €0)' divided euros
    by dollars without a word."""
    answers = {
        **BANK,
        "price": "0,40 / 1,60 USD",
        "local_cost": "Mac Studio für 8.000 €, 0 € im Monat",
        "amortisation": "3 Jahre",
    }
    r = run(catalog, "edge-economics", answers)
    for label in ("Break-even volume", "Hardware payback"):
        working = r.figure(label).working or ""
        assert "EUR and USD taken one for one (convert first)" in working, (label, working)


def test_a_rate_typed_per_second_comes_back_as_the_same_rate(catalog: Catalog) -> None:
    """'2 requests a second' was read as 5,259,600 a month (a month of 30.44 days) and the
    report said the average load was 2.03 requests a second (a month of 30 days): one month,
    one length, everywhere."""
    r = run(catalog, "edge-economics", {**EDGE, "requests": "2 requests a second"})
    assert r.figure("Average load").display == "2.00 requests a second"
    assert "2,629,800 seconds a month" in (r.figure("Average load").working or "")
    assert any("30.44 days" in a for a in r.assumptions), r.assumptions
    daily = run(catalog, "edge-economics", {**EDGE, "requests": "86,400 a day"})
    assert daily.figure("Average load").display == "1.00 requests a second"


def test_a_count_times_a_price_is_the_product(catalog: Catalog) -> None:
    """'2x H100 boxes, 2 × $35k, plus $1.5k/month colo' was $2 of hardware (the count read as
    dollars, '35k left out'); '2 servers × $35k' was $35k; '$35k x 2' said '“2” left out'."""
    from consultations.answers import parse_answer

    q = catalog.by_slug("edge-economics").question("local_cost")
    for typed in (
        "2x H100 boxes, 2 × $35k, plus $1.5k/month colo",
        "2 servers × $35k, $1.5k/month",
        "2 * 35k, 1.5k/month",
        "$35k x 2, $1.5k a month",
    ):
        a = parse_answer(q, typed)
        assert a.numbers == {"hardware": 70_000, "monthly": 1_500}, typed
        assert a.note and "left out" not in a.note and "× " in a.note, (typed, a.note)


def test_a_machine_already_owned_with_no_figure_is_read(catalog: Catalog) -> None:
    """A solo consultant's 'my MacBook Pro M3, already have it, no extra cost' was refused
    ('I need 2 numbers here: hardware and monthly'); 'already have it' alone too, with no word
    about what was read."""
    import pytest

    from consultations.answers import AnswerError, parse_answer

    q = catalog.by_slug("edge-economics").question("local_cost")
    a = parse_answer(q, "my MacBook Pro M3, already have it, no extra cost")
    assert a.numbers == {"hardware": 0, "monthly": 0}
    assert a.note and "already have" in a.note
    with pytest.raises(AnswerError, match="hardware as none .*already have.*a month"):
        parse_answer(q, "already have it")
