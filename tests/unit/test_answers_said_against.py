"""Options a user rules out ("everything except newsletters", "not budget") and answers taken
back mid-line ("weekly, no, monthly"): read as meant and said back, never inverted."""

from __future__ import annotations

import re

import pytest

from consultations.answers import AnswerError, Unclear, parse_answer
from consultations.catalog import Catalog

CURATION, SYNTHESIS, DIFFUSION = "research-curation", "strategy-synthesis", "diffusion-ip-risk"

ALL_BUT = [  # (consultation, question, typed, the options read)
    (
        CURATION,
        "sources",
        "all of them except newsletters",
        ("arxiv", "openreview", "rss", "neurips2025", "colm2025"),
    ),
    (
        CURATION,
        "sources",
        "everything but newsletters and blogs",
        ("arxiv", "openreview", "neurips2025", "colm2025"),
    ),
    (CURATION, "sources", "arxiv and openreview, excluding newsletters", ("arxiv", "openreview")),
    (
        SYNTHESIS,
        "constraints",
        "everything except latency",
        ("budget", "regulation", "data", "skills", "time"),
    ),
    (
        SYNTHESIS,
        "constraints",
        "all of the above apart from skills",
        ("budget", "regulation", "data", "latency", "time"),
    ),
]


@pytest.mark.parametrize(("slug", "key", "typed", "values"), ALL_BUT)
def test_everything_but_an_option_leaves_that_option_out_and_says_so(
    catalog: Catalog, slug: str, key: str, typed: str, values: tuple[str, ...]
) -> None:
    q = catalog.by_slug(slug).question(key)
    answer = parse_answer(q, typed)
    assert answer.choices == values
    if typed.startswith(("all", "every")):
        assert answer.note is not None and "all but" in answer.note


@pytest.mark.parametrize(
    ("slug", "key", "typed"),
    [
        (CURATION, "sources", "not newsletters"),
        (SYNTHESIS, "constraints", "not budget"),
        (CURATION, "cadence", "anything but daily"),
    ],
)
def test_an_option_only_ruled_out_is_never_picked(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    q = catalog.by_slug(slug).question(key)
    ruled_out = typed.split()[-1]
    try:
        answer = parse_answer(q, typed)
    except AnswerError:
        return  # asked again: fine
    assert all(ruled_out not in q.label_of(v).casefold() for v in answer.choices), answer


@pytest.mark.parametrize(
    ("slug", "key", "typed", "shown"),
    [
        (CURATION, "cadence", "weekly, no, monthly", "Monthly"),
        (CURATION, "cadence", "daily. no - every two weeks", "Every two weeks"),
        (CURATION, "hours", "1-2h/week, no, 3", "3 hours"),
        ("automation-frontier", "error_cost", "a refund, nope, a lawsuit", "Serious money"),
    ],
)
def test_an_answer_taken_back_with_no_is_replaced_by_what_follows_and_said(
    catalog: Catalog, slug: str, key: str, typed: str, shown: str
) -> None:
    q = catalog.by_slug(slug).question(key)
    answer = parse_answer(q, typed)
    assert answer.display(q).startswith(shown)
    assert answer.note is not None and "corrected" in answer.note


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("review", "spot checks, no legal review", "spot"),  # "no" negates, takes nothing back
        ("indemnity", "no, none of them", "none"),
    ],
)
def test_a_no_that_takes_nothing_back_is_read_as_before(
    catalog: Catalog, key: str, typed: str, value: str
) -> None:
    q = catalog.by_slug(DIFFUSION).question(key)
    assert parse_answer(q, typed).choices == (value,)


@pytest.mark.parametrize(
    ("typed", "hours"),
    [
        ("30 min a day", 3.5),  # a rate, as "15 mins per day" is
        ("an hour a day", 7.0),
        ("1h a day", 7.0),
        ("a day a week", 8.0),  # one day: still read as a day
        ("half a day a month", 0.92),
    ],
)
def test_reading_time_a_day_is_a_rate_not_a_second_figure(
    catalog: Catalog, typed: str, hours: float
) -> None:
    q = catalog.by_slug(CURATION).question("hours")
    answer = parse_answer(q, typed)
    assert answer.number == pytest.approx(hours, abs=0.01)
    assert "left out" not in (answer.note or "")


@pytest.mark.parametrize("typed", ["asdfgh", "qwerty", "xxxx", "jkjkjk", "sdfkjh"])
def test_a_keyboard_mash_is_asked_again_not_noted_as_the_answer(
    catalog: Catalog, typed: str
) -> None:
    q = catalog.by_slug(SYNTHESIS).question("ai_use")
    with pytest.raises(AnswerError, match="could not read"):
        parse_answer(q, typed)


@pytest.mark.parametrize(
    "typed", ["CTO", "HR", "SRE", "nothing", "RAG", "rhythm", "GPT-4o", "fmcg"]
)
def test_short_real_answers_are_still_read(catalog: Catalog, typed: str) -> None:
    q = catalog.by_slug(SYNTHESIS).question("ai_use")
    assert parse_answer(q, typed).text == typed


@pytest.mark.parametrize(
    "typed",
    [
        "cost 50 failure 30 compute 20",
        "cost 50% failure 30% compute 20%",
        "cost=50 failure=30 compute=20",
        "50 cost 30 failure 20 compute",
        "cost: 50, failure: 30, compute: 20",
    ],
)
def test_each_share_goes_to_the_word_written_beside_it_the_same_way_each_time(
    catalog: Catalog, typed: str
) -> None:
    """'cost 50 failure 30 compute 20' was read as failure 20%, compute 30%."""
    q = catalog.by_slug(CURATION).question("weights")
    assert parse_answer(q, typed).numbers == {"cost": 50, "failure": 30, "compute": 20}


@pytest.mark.parametrize(
    ("typed", "shares"),
    [
        ("mostly cost", {"cost": 60, "failure": 20, "compute": 20}),
        ("cost mostly", {"cost": 60, "failure": 20, "compute": 20}),
        ("only failure", {"cost": 0, "failure": 100, "compute": 0}),
        ("cost > failure > compute", {"cost": 50, "failure": 33, "compute": 17}),
        ("cost 0.5 failure 0.3 compute 0.2", {"cost": 50, "failure": 30, "compute": 20}),
    ],
)
def test_weights_said_by_one_name_a_ranking_or_fractions_are_read_and_said(
    catalog: Catalog, typed: str, shares: dict[str, float]
) -> None:
    q = catalog.by_slug(CURATION).question("weights")
    answer = parse_answer(q, typed)
    assert answer.numbers == shares
    assert answer.note


@pytest.mark.parametrize(
    "typed",
    ["only a senior lawyer can judge", "an underwriter has to look at each one", "the doctor"],
)
def test_a_named_profession_judging_the_outcome_is_a_person_judging(
    catalog: Catalog, typed: str
) -> None:
    q = catalog.by_slug("automation-frontier").question("checkable")
    assert parse_answer(q, typed).choices == ("human",)


@pytest.mark.parametrize(
    ("typed", "people"),
    [
        ("~2k (IT), ML team of 40", 2000),  # was 80,000: "2,000 × 40 people"
        ("two teams of 5", 10),
        ("3 scrum teams of 7", 21),
    ],
)
def test_teams_multiply_only_when_said_as_teams_of(
    catalog: Catalog, typed: str, people: float
) -> None:
    q = catalog.by_slug(SYNTHESIS).question("team_size")
    assert parse_answer(q, typed).number == people


@pytest.mark.parametrize(
    "typed", ["2h every other week", "2h every two weeks", "2h fortnightly", "2 hours biweekly"]
)
def test_time_every_other_week_is_half_of_it_a_week_and_said(catalog: Catalog, typed: str) -> None:
    q = catalog.by_slug(CURATION).question("hours")
    answer = parse_answer(q, typed)
    assert answer.number == 1
    assert answer.note is not None and "a week" in answer.note


@pytest.mark.parametrize(
    ("slug", "key", "typed", "items"),
    [
        (
            CURATION,
            "topics",
            "long context & RAG eval and agent reliability",
            ("long context", "RAG eval", "agent reliability"),
        ),
        (
            "automation-frontier",
            "workflows",
            "invoice exception handling & 3-way PO matching",
            ("invoice exception handling", "3-way PO matching"),
        ),
        (DIFFUSION, "jurisdictions", "EU & UK, plus US later", ("EU", "UK", "US later")),
        (
            CURATION,
            "topics",
            "M&A due diligence, R&D tooling",
            ("M&A due diligence", "R&D tooling"),
        ),
    ],
)
def test_an_ampersand_between_items_separates_them(
    catalog: Catalog, slug: str, key: str, typed: str, items: tuple[str, ...]
) -> None:
    q = catalog.by_slug(slug).question(key)
    assert parse_answer(q, typed).items == items


def test_a_vendor_and_our_own_model_joined_by_and_are_two(catalog: Catalog) -> None:
    q = catalog.by_slug(DIFFUSION).question("vendors")
    typed = "Midjourney (v6), DALL·E 3 & our own SD 1.5 LoRA"
    assert parse_answer(q, typed).items == ("Midjourney (v6)", "DALL·E 3", "our own SD 1.5 LoRA")


@pytest.mark.parametrize(
    "typed",
    ["whatever matters for a fintech", "anything relevant to insurance", "whatever", "you pick"],
)
def test_topics_left_to_us_are_asked_for_not_taken_as_a_topic(catalog: Catalog, typed: str) -> None:
    q = catalog.by_slug(CURATION).question("topics")
    with pytest.raises(AnswerError, match="Name each one"):
        parse_answer(q, typed)


@pytest.mark.parametrize("typed", ["Midjourney doesn't", "not covered", "the contract does not"])
def test_a_vendor_that_does_not_indemnify_is_no_indemnity(catalog: Catalog, typed: str) -> None:
    q = catalog.by_slug(DIFFUSION).question("indemnity")
    assert parse_answer(q, typed).choices == ("none",)  # was "A capped or partial indemnity"


@pytest.mark.parametrize("typed", ["we don't know", "don't know", "no idea"])
def test_not_knowing_the_indemnity_is_never_read_as_none(catalog: Catalog, typed: str) -> None:
    q = catalog.by_slug(DIFFUSION).question("indemnity")
    assert parse_answer(q, typed).choices == ("unknown",)


@pytest.mark.parametrize(
    "typed",
    [
        "our legal team signs off every campaign, social posts go out directly",
        "legal checks all print ads; nobody checks the app banners",
    ],
)
def test_a_review_for_some_images_and_none_for_others_is_rated_by_the_weaker_path(
    catalog: Catalog, typed: str
) -> None:
    """Was read as 'Legal or brand review of every image', then asked 'Just one, please';
    the images that go out unchecked are where a claim gets through."""
    q = catalog.by_slug(DIFFUSION).question("review")
    assert parse_answer(q, typed).choices == ("none",)


@pytest.mark.parametrize(
    ("typed", "values"),
    [
        ("budget, no wait, regulation", ("regulation",)),
        ("regulation, actually also budget", ("budget", "regulation")),
    ],
)
def test_a_several_option_answer_taken_back_keeps_what_follows(
    catalog: Catalog, typed: str, values: tuple[str, ...]
) -> None:
    q = catalog.by_slug(SYNTHESIS).question("constraints")
    assert parse_answer(q, typed).choices == values


@pytest.mark.parametrize(
    ("typed", "people"), [("2.000", 2000), ("2.000 people in IT", 2000), ("1.200", 1200)]
)
def test_thousands_written_with_a_dot_and_three_zeros_are_thousands(
    catalog: Catalog, typed: str, people: float
) -> None:
    """'2.000 people' was asked about as 2 or 2,000; nobody writes 2 people as 2.000."""
    q = catalog.by_slug(SYNTHESIS).question("team_size")
    assert parse_answer(q, typed).number == people
    with pytest.raises(Unclear):  # a figure that is not whole thousands is still asked
        parse_answer(catalog.by_slug("attention-readiness").question("upkeep_hours"), "1.500")


@pytest.mark.parametrize(
    ("typed", "a_month"),
    [
        ("1,5 Mio. € im Jahr", 125_000),  # was €1,500,000 a month: twelve times too much
        ("1,5 Mio € pro Jahr", 125_000),
        ("120.000 € jährlich", 10_000),
        ("40.000 € monatlich", 40_000),
        ("1,2 M€ par an", 100_000),
    ],
)
def test_a_period_said_in_german_or_french_is_a_rate(
    catalog: Catalog, typed: str, a_month: float
) -> None:
    q = catalog.by_slug("automation-frontier").question("value")
    assert parse_answer(q, typed).number == pytest.approx(a_month)


@pytest.mark.parametrize("typed", ["500k one-off savings", "a one-time 200k", "200k in total"])
def test_a_one_off_amount_for_a_monthly_value_is_asked_about(catalog: Catalog, typed: str) -> None:
    """'500k one-off savings' was read as 500,000 a month."""
    q = catalog.by_slug("automation-frontier").question("value")
    with pytest.raises(AnswerError, match="a month"):
        parse_answer(q, typed)


@pytest.mark.parametrize("typed", ["$50k", "the budget is 50k", "50k budget", "€2,000 a month"])
def test_money_typed_where_a_count_is_asked_is_named_not_counted(
    catalog: Catalog, typed: str
) -> None:
    """'$50k' at 'how many requests a month' was 50,000 requests, silently."""
    q = catalog.by_slug("edge-economics").question("requests")
    with pytest.raises(AnswerError, match=r"as money, but I need the number of requests"):
        parse_answer(q, typed)
    assert parse_answer(q, "2 million calls, costs 8k").number == 2_000_000
    shares = catalog.by_slug("research-curation").question("weights")
    assert parse_answer(shares, "cost 50 failure 30 compute 20").numbers == {
        "cost": 50.0,
        "failure": 30.0,
        "compute": 20.0,
    }


@pytest.mark.parametrize(
    ("slug", "key", "typed", "said"),
    [
        ("research-curation", "hours", "$40", "“$40” as money, but I need hours here"),
        ("edge-economics", "amortisation", "$40k", "“$40k” as money, but I need months or years"),
        ("edge-economics", "quality_loss", "25.000 € for hardware", "“25.000 €” as money, but I"),
        (
            "edge-economics",
            "requests",
            "$50k",
            "“$50k” as money, but I need the number of requests",
        ),
        ("edge-economics", "tokens", "$3 / $15", "“$3” as money, but I need the number of tokens"),
        ("model-convergence", "upkeep_days", "$5k", "“$5k” as money, but I need the number of eng"),
    ],
)
def test_money_where_money_is_not_asked_is_refused_the_same_way_at_every_kind(
    catalog: Catalog, slug: str, key: str, typed: str, said: str
) -> None:
    """At hours, months and percent questions '$40' was 'I read 40, but I need hours here'
    (the dollar dropped, no word of money); counts and tokens said it another way."""
    q = catalog.by_slug(slug).question(key)
    with pytest.raises(AnswerError, match=re.escape(f"I read {said}")):
        parse_answer(q, typed)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        ("research-curation", "hours", "4 hours, costs about $40", 4),
        ("edge-economics", "quality_loss", "5%, it saves us $2k", 5),
        ("attention-readiness", "upkeep_hours", "10 hours, about $5k", 10),
        ("research-curation", "hours", "my reading budget is 5 hours", 5),
        ("edge-economics", "amortisation", "the budget is 36 months", 36),
    ],
)
def test_money_beside_the_figure_asked_for_is_left_out_at_every_kind(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    """'4 hours, costs about $40' was refused ('I read 40, but I need hours here') although the
    hours were there; a budget of hours or months is no money."""
    q = catalog.by_slug(slug).question(key)
    assert parse_answer(q, typed).number == value


def test_a_cost_beside_a_count_is_not_offered_as_the_count(catalog: Catalog) -> None:
    """'2 million calls, costs 8k' said '“8k” left out: type it if that is the one to use'."""
    q = catalog.by_slug("edge-economics").question("requests")
    answer = parse_answer(q, "2 million calls, costs 8k")
    assert answer.number == 2_000_000 and "8k" not in (answer.note or "")
