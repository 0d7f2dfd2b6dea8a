"""Answers that were read silently wrong, or asked again for no reason: each case is how a
user typed it, and what they now see."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, Unclear, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run
from tests.unit.test_corrections import EDGE_ANSWERS, walk

CONVERGENCE, ATTENTION, EDGE = "model-convergence", "attention-readiness", "edge-economics"
SYNTHESIS = "strategy-synthesis"


def test_staff_at_a_monthly_rate_asks_whether_the_rate_is_each(catalog: Catalog) -> None:
    """'2 engineers at $10k a month' was $10,000 with nothing said."""
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    with pytest.raises(Unclear) as asked:
        parse_answer(spend, "2 engineers at $10k a month")
    assert [a.number for a in asked.value.readings] == [10_000, 20_000]
    assert "2 engineers × $10,000 each" in str(asked.value)


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("2 engineers at $10k a month each", 20_000, "2 engineers × $10,000 each"),
        ("2 engineers at $10k a month in total", 10_000, "$10,000 in total for the 2 engineers"),
        ("3 devs @ 8k", None, "3 devs × 8,000 each"),  # was refused: "I read 3 devs"
    ],
)
def test_staff_said_each_or_in_total_is_read_so_and_said_back(
    catalog: Catalog, typed: str, value: float | None, said: str
) -> None:
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    try:
        a = parse_answer(spend, typed)
    except Unclear as asked:
        assert value is None and said in str(asked)
        return
    assert a.number == value and said in (a.note or "")


def test_a_total_for_all_vendors_is_not_a_figure_per_vendor(catalog: Catalog) -> None:
    """'maybe 2 days total for all 3' was 2 days per vendor with '“3” left out'."""
    upkeep = catalog.by_slug(CONVERGENCE).question("upkeep_days")
    a = parse_answer(upkeep, "maybe 2 days total for all 3")
    assert a.number == 2
    assert a.note == "in total for all 3, not per vendor"
    assert "total" in (parse_answer(upkeep, "2 days in total").note or "")
    assert parse_answer(upkeep, "2 days").note is None


@pytest.mark.parametrize("count", ["thirteen", "fifteen"])
def test_a_total_spread_over_a_count_in_words_names_the_count(catalog: Catalog, count: str) -> None:
    """'2 days total across thirteen vendors' said 'in total, not per vendor': the count words
    stopped at twelve, though the number reader knows them to nineteen."""
    upkeep = catalog.by_slug(CONVERGENCE).question("upkeep_days")
    a = parse_answer(upkeep, f"2 days total across {count} vendors")
    assert (a.number, a.note) == (2, f"in total for all {count}, not per vendor")


@pytest.mark.parametrize("typed", ["we have eleven", "twelve", "fifteen of them"])
def test_a_count_in_words_above_ten_at_a_list_asks_for_the_names(
    catalog: Catalog, typed: str
) -> None:
    """'we have eleven' at 'which vendors' was a vendor called 'we have eleven'."""
    with pytest.raises(AnswerError, match="Name each one"):
        parse_answer(catalog.by_slug(CONVERGENCE).question("vendors"), typed)


def test_one_machine_price_at_hardware_and_monthly_asks_only_for_the_monthly(
    catalog: Catalog,
) -> None:
    """'a mac studio for 5k' was refused: 'I need 2 numbers here: hardware and monthly'."""
    local = catalog.by_slug(EDGE).question("local_cost")
    with pytest.raises(Unclear) as asked:
        parse_answer(local, "a mac studio for 5k")
    assert "I read 5,000 as the hardware; what is it a month?" in str(asked.value)
    c, _ = walk(catalog, [*EDGE_ANSWERS[:6], "a mac studio for 5k", "300"])
    assert c.answers["local_cost"].numbers == {"hardware": 5_000, "monthly": 300}
    c, _ = walk(catalog, [*EDGE_ANSWERS[:6], "a mac studio for 5k", "yes"])
    assert c.answers["local_cost"].numbers == {"hardware": 5_000, "monthly": 0}


def test_one_blended_price_is_read_for_input_and_output(catalog: Catalog) -> None:
    """'blended $5 per million' was refused: 'I need 2 numbers here: input and output'."""
    price = catalog.by_slug(EDGE).question("price")
    a = parse_answer(price, "blended $5 per million")
    assert a.numbers == {"input": 5, "output": 5}
    assert a.note == "$5 read as both input and output (one price)"
    with pytest.raises(Unclear) as asked:  # "$5 in": only the output is asked for
        parse_answer(price, "$5 in")
    assert "I read $5 as the input; what is the output figure?" in str(asked.value)
    with pytest.raises(AnswerError):
        parse_answer(price, "5")  # nothing says which part: both asked for, as before


def test_a_file_size_is_not_a_number_of_requests(catalog: Catalog) -> None:
    """'5 mb' at the requests question was read as 5 requests a month."""
    requests = catalog.by_slug(EDGE).question("requests")
    with pytest.raises(AnswerError, match="I read “5 mb” as a file size"):
        parse_answer(requests, "5 mb")
    a = parse_answer(requests, "2M requests of 5 MB each")
    assert a.number == 2_000_000 and "“5 MB” left out: a file size" in (a.note or "")


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        (  # was one item; "we" is no part of a pipeline's name ("start with we chunk …")
            "we chunk contracts for RAG and summarise call transcripts",
            ("chunk contracts for RAG", "summarise call transcripts"),
        ),
        ("sales and marketing docs", ("sales and marketing docs",)),
        ("chunk and embed contracts", ("chunk and embed contracts",)),
        (  # steps of one
            "we split PDFs into pages and then embed each page",
            ("split PDFs into pages and then embed each page",),
        ),
    ],
)
def test_two_pipelines_in_one_sentence_are_two_items(
    catalog: Catalog, typed: str, items: tuple[str, ...] | None
) -> None:
    pipelines = catalog.by_slug(ATTENTION).question("pipelines")
    assert parse_answer(pipelines, typed).items == (items or (typed,))


def test_a_coding_tool_seat_is_said_back_and_not_counted_as_an_api_vendor(
    catalog: Catalog,
) -> None:
    """'Claude in Cursor', 'Copilot' were two more API vendors, each with upkeep to pay."""
    vendors = catalog.by_slug(CONVERGENCE).question("vendors")
    typed = "GPT-4o for support, Claude in Cursor for coding, Copilot"
    a = parse_answer(vendors, typed)
    assert a.items == ("GPT-4o for support", "Claude in Cursor for coding", "Copilot")
    assert a.note is not None and a.note.startswith(
        "“Claude in Cursor for coding”, “Copilot” read as tool seats, paid per user"
    )
    assert parse_answer(vendors, "GPT-4o for support, Claude for code review").note is None
    r = run(catalog, CONVERGENCE, {"vendors": typed, "reasons": "price"})
    assert r.figure("Vendors in use").display == "1"
    assert "Copilot: tool seats paid per user, left out of the vendor count" in r.verdict


@pytest.mark.parametrize(
    "typed",
    ["historical reasons", "we're evaluating", "legacy, different teams picked different ones"],
)
def test_a_reason_that_is_no_option_is_read_as_no_settled_reason(
    catalog: Catalog, typed: str
) -> None:
    """'historical reasons' and 'we're evaluating' at 'Why do you use more than one?' were
    refused: 'Pick one or more of: 1. Each is best at something, …'."""
    reasons = catalog.by_slug(CONVERGENCE).question("reasons")
    answer = parse_answer(reasons, typed)
    assert answer.display(reasons) == "No settled reason (history, or still comparing)"
    several = run(catalog, CONVERGENCE, {"reasons": typed})
    assert several.verdict.startswith("Consolidate on one primary language-model vendor.")
    assert "finish the comparison and keep its winner as the primary" in several.verdict
    one = run(catalog, CONVERGENCE, {"reasons": typed, "vendors": "Claude for everything"})
    assert "A vendor you are still comparing earns a place only as the " in one.verdict
    priced = parse_answer(reasons, f"price, and {typed}")
    assert priced.choices == ("price", "unsettled")


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("OpenAI 5k, Anthropic 3k", 8_000, "5k + 3k added up"),
        ("openai ~5k/mo, anthropic ~3k", 8_000, "5k + 3k added up"),
        ("OpenAI: $5k, Anthropic: $3k, Google: $1k", 9_000, "$5k + $3k + $1k added up"),
        ("Azure OpenAI 5k and Claude 3k", 8_000, "5k + 3k added up"),
        ("5k (OpenAI) + 3k (Anthropic)", 8_000, "5,000 + 3,000 added up"),
        ("twelve grand", 12_000, None),
        ("a couple grand", 2_000, None),
    ],
)
def test_spend_named_per_vendor_is_added_up_and_grand_is_thousands(
    catalog: Catalog, typed: str, value: float, said: str | None
) -> None:
    """At 'what do you spend …, all vendors together?': 'OpenAI 5k, Anthropic 3k' was 5,000
    ('“3k” left out'), 'Azure OpenAI 5k and Claude 3k' was 5,000 with no word of the 3k (read
    as the model 'Claude 3k'), and 'twelve grand' was 12."""
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    answer = parse_answer(spend, typed)
    assert (answer.number, answer.note) == (value, said)
    peaks = parse_answer(spend, "peak 20k, avg 12k")  # not vendors: the average, as before
    assert peaks.number == 12_000


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        (ATTENTION, "doc_tokens", "about 30 pages, actually more like 50", 25_000),  # was 50
        (ATTENTION, "doc_tokens", "30 pages, actually 50 or so", 25_000),
        (ATTENTION, "doc_tokens", "30 pages no wait 50k tokens", 50_000),
        (ATTENTION, "upkeep_hours", "2 days, actually 3", 24),  # was 3 hours
        (EDGE, "amortisation", "3 years, no wait 4", 48),  # was 4 months
        (ATTENTION, "doc_tokens", "a 200-page contract", 100_000),  # was 200 tokens
        (SYNTHESIS, "team_size", "a 10-person team", 10),
        (CONVERGENCE, "monthly_spend", "$12k, actually 15", 15_000),  # was 15, then asked
        (EDGE, "requests", "5M, actually 3.5", 3_500_000),  # was 3.5 requests
        (CONVERGENCE, "monthly_spend", "12k, actually 1500", 1_500),  # a full figure: as typed
    ],
)
def test_a_corrected_figure_keeps_the_unit_it_replaces_and_hyphened_units_read(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    """'about 30 pages, actually more like 50' was 50 tokens, '2 days, actually 3' 3 hours,
    '$12k, actually 15' $15 and 'a 200-page contract' a 200-token document."""
    assert parse_answer(catalog.by_slug(slug).question(key), typed).number == value


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        (ATTENTION, "upkeep_hours", "1,5 Tage pro Woche", 52.18),  # was 6.52: 1.5 hours a week
        (ATTENTION, "upkeep_hours", "10 Std/Woche", 43.48),
        ("research-curation", "hours", "30 Minuten am Tag", 3.5),
        (EDGE, "amortisation", "3 Jahre", 36),  # was 3 months
        (ATTENTION, "doc_tokens", "50 Seiten", 25_000),  # was 50 tokens
        (SYNTHESIS, "team_size", "etwa 40 Leute", 40),
    ],
)
def test_german_units_are_read(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    """German numbers were read ('1,5', 'pro Woche') but not German units: '3 Jahre' was 3
    months and '1,5 Tage pro Woche' 1.5 hours a week."""
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == pytest.approx(value, abs=0.01)


def test_a_monthly_part_corrected_with_a_slash_rate_replaces_that_part(catalog: Catalog) -> None:
    """'30k hw, 2k/mo, actually 3k/mo' kept 2,000 a month and said '“3k” left out': '/mo'
    after '3k' was not seen as naming the monthly part (a letter before the slash)."""
    local = catalog.by_slug(EDGE).question("local_cost")
    answer = parse_answer(local, "30k hw, 2k/mo, actually 3k/mo")
    assert answer.numbers == {"hardware": 30_000, "monthly": 3_000}
    assert answer.note == "corrected from hardware 30,000, monthly 2,000 after “actually”"
    price = catalog.by_slug(EDGE).question("price")  # the dollars kept: was '2.50' and '10'
    assert parse_answer(price, "$3 / $15, actually 2.50 / 10").currency == "USD"


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        ("research-curation", "hours", "an hour, maybe two", 1.5),  # was 1, the two dropped
        (CONVERGENCE, "monthly_spend", "$12k, maybe 15k", 13_500),  # was 12,000
        (CONVERGENCE, "upkeep_days", "3 days, perhaps 4", 3.5),
    ],
)
def test_a_figure_then_maybe_another_is_a_range(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    """'an hour, maybe two' was 1 hour with the two dropped silently; now the midpoint, said."""
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == value and "the midpoint of" in (answer.note or "")


@pytest.mark.parametrize(
    ("typed", "value", "note"),
    [
        ("5kk", 5_000_000, None),  # was 5 requests
        ("10^6", 1_000_000, None),  # was 10, '“6” left out'
        ("about 3M (2024), growing 50%", 3_000_000, None),  # said '“2024” left out'
    ],
)
def test_shorthand_millions_and_powers_are_read(
    catalog: Catalog, typed: str, value: float, note: str | None
) -> None:
    """'5kk' was 5 requests a month with no word of the 'kk'; '10^6' was 10."""
    answer = parse_answer(catalog.by_slug(EDGE).question("requests"), typed)
    assert (answer.number, answer.note) == (value, note)
    with pytest.raises(AnswerError, match="too large"):  # not a crash
        parse_answer(catalog.by_slug(EDGE).question("requests"), "999999^99")


def test_an_unreadable_figure_is_quoted_back_short(catalog: Catalog) -> None:
    """'1,1,1,…' (3,000 characters) was quoted back whole in 'I could not read “…” as a number'."""
    with pytest.raises(AnswerError) as refused:
        parse_answer(catalog.by_slug(EDGE).question("requests"), "1," * 1500)
    assert len(str(refused.value)) < 120 and "…” as a number" in str(refused.value)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        ("edge-economics", "requests", "20% of 10M", 2_000_000),  # was 10,000,000, silently
        ("edge-economics", "requests", "about 20% of our 10M requests", 2_000_000),
        ("model-convergence", "monthly_spend", "20% of our 50k budget", 10_000),  # was refused
    ],
)
def test_a_share_of_a_figure_is_that_share(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == value
    assert (answer.note or "").endswith(f"is {value:,}")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("10.000 Wörter", "10.000 Wörter at about 1.33 tokens a word"),  # was 10,000 tokens
        ("10 000 mots", "10 000 mots at about 1.33 tokens a word"),
        ("10k words", "10k words at about 1.33 tokens a word"),  # as before
    ],
)
def test_words_in_german_or_french_are_words_not_tokens(
    catalog: Catalog, typed: str, said: str
) -> None:
    answer = parse_answer(catalog.by_slug(ATTENTION).question("doc_tokens"), typed)
    assert answer.number == 13_333 and answer.note == said


@pytest.mark.parametrize("typed", ["2M words", "2 Mio. Wörter", "40 pages"])
def test_a_length_of_text_is_no_number_of_requests(catalog: Catalog, typed: str) -> None:
    """'2M words' at 'How many requests … a month?' was 2,000,000 requests, silently."""
    with pytest.raises(AnswerError, match="as a length of text, but I need the number of requ"):
        parse_answer(catalog.by_slug(EDGE).question("requests"), typed)


@pytest.mark.parametrize(
    "typed", ["1 FTE split across 3 vendors", "2 days shared between the 3 of them"]
)
def test_upkeep_split_across_the_vendors_is_a_total(catalog: Catalog, typed: str) -> None:
    """'1 FTE split across 3 vendors' was 22 days per extra vendor (the '3' 'left out'), so the
    report counted the one engineer once for every extra vendor."""
    upkeep = catalog.by_slug(CONVERGENCE).question("upkeep_days")
    a = parse_answer(upkeep, typed)
    assert "in total for all 3, not per vendor" in (a.note or ""), a.note


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value", "said"),
    [  # each was read from the denominator or the numerator alone: 16 hours, 3 hours, 2 days
        (ATTENTION, "upkeep_hours", "1/2 day", 4, "0.5 day at 8 hours a day"),
        (ATTENTION, "upkeep_hours", "½ day", 4, "0.5 day at 8 hours a day"),
        (ATTENTION, "upkeep_hours", "2½ days", 20, "2.5 days at 8 hours a day"),
        (ATTENTION, "upkeep_hours", "1/2 day a week", 17.39, "0.5 day at 8 hours a day"),
        ("research-curation", "hours", "¾ of a FTE", 30, "0.75 FTE at 40 hours a week"),
        ("research-curation", "hours", "3/4 of an engineer", 30, "0.75 engineer at 40 hours"),
        ("research-curation", "hours", "0.75 of a FTE", 30, "0.75 FTE at 40 hours a week"),
        (CONVERGENCE, "upkeep_days", "1/2 day", 0.5, None),
        (CONVERGENCE, "upkeep_days", "2 1/2 days", 2.5, None),
    ],
)
def test_a_share_written_as_a_fraction_is_that_share(
    catalog: Catalog, slug: str, key: str, typed: str, value: float, said: str | None
) -> None:
    a = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert a.number == pytest.approx(value, abs=0.01)
    assert said is None or said in (a.note or "")


def test_a_slash_between_two_prices_stays_two_prices(catalog: Catalog) -> None:
    price = catalog.by_slug(EDGE).question("price")
    assert parse_answer(price, "1/2").numbers == {"input": 1, "output": 2}
    assert parse_answer(price, "2.5/10").numbers == {"input": 2.5, "output": 10}


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [  # the minutes after "h" were never read: 2 hours, with nothing said
        (ATTENTION, "upkeep_hours", "2h30", 2.5),
        (ATTENTION, "upkeep_hours", "2h30min", 2.5),
        ("research-curation", "hours", "1h45 a week", 1.75),
        ("research-curation", "hours", "2:30", 2.5),  # was 2, "30" left out
        (CONVERGENCE, "upkeep_days", "2h30", 2.5 / 8),
    ],
)
def test_hours_and_minutes_written_together_are_both_read(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    a = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert a.number == pytest.approx(value, abs=0.01)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [  # each scale was dropped with nothing said: 0.50, 500, 5, €2, €20
        (CONVERGENCE, "monthly_spend", "half a mil", 500_000),
        (EDGE, "requests", "five hundred k", 500_000),
        (EDGE, "requests", "5 milion", 5_000_000),
        (EDGE, "requests", "5 mill", 5_000_000),
        ("reasoning-telemetry", "runs_per_day", "2 millones", 2_000_000),
        (CONVERGENCE, "monthly_spend", "20 mila euro", 20_000),
        (CONVERGENCE, "monthly_spend", "10 duizend euro", 10_000),
    ],
)
def test_a_scale_said_aloud_or_misspelt_scales_the_figure(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    assert parse_answer(catalog.by_slug(slug).question(key), typed).number == value


@pytest.mark.parametrize("typed", ["3 bilion", "2 thousnd"])
def test_a_scale_no_list_knows_is_said_unreadable_not_dropped(catalog: Catalog, typed: str) -> None:
    """'3 bilion' was 3 requests a month, with nothing said."""
    with pytest.raises(AnswerError, match=f"could not read “{typed}”"):
        parse_answer(catalog.by_slug(EDGE).question("requests"), typed)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [  # dictated decimals: the whole part was dropped (5M, 5 hours, 2%), nothing said
        (CONVERGENCE, "monthly_spend", "two point five million", 2_500_000),
        (EDGE, "requests", "one point two million a month", 1_200_000),
        ("research-curation", "hours", "two point five hours", 2.5),
        (EDGE, "quality_loss", "zero point five percent", 0.5),
    ],
)
def test_a_decimal_said_aloud_is_read_whole(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    assert parse_answer(catalog.by_slug(slug).question(key), typed).number == value


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value", "said"),
    [  # "twice" was dropped: $1,000, 2 hours (with "1 week" left out), 2k a day
        (CONVERGENCE, "monthly_spend", "$1k twice a month", 2_000, "1k twice a month is 2,000"),
        (CONVERGENCE, "monthly_spend", "$500 2x a month", 1_000, "is 1,000 a month"),
        ("research-curation", "hours", "2h twice a week", 4, "2h twice a week is 4 a week"),
        ("research-curation", "hours", "twice a week, 2h", 4, "2h twice a week is 4 a week"),
        ("research-curation", "hours", "an hour 3 times a week", 3, "is 3 a week"),
        ("reasoning-telemetry", "runs_per_day", "2k twice a day", 4_000, "is 4,000 a day"),
    ],
)
def test_a_figure_said_so_many_times_a_period_is_multiplied_and_said(
    catalog: Catalog, slug: str, key: str, typed: str, value: float, said: str
) -> None:
    a = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert a.number == value and said in (a.note or "")


def test_how_often_something_else_happens_multiplies_nothing(catalog: Catalog) -> None:
    requests = catalog.by_slug(EDGE).question("requests")
    assert parse_answer(requests, "we deploy twice a week, 5M requests a month").number == 5e6


@pytest.mark.parametrize("typed", ["3 teams", "2 scrum teams", "5 offices"])
def test_groups_counted_at_a_team_size_are_asked_about_not_taken_for_people(
    catalog: Catalog, typed: str
) -> None:
    """ "3 teams" was 3 people, with nothing said."""
    team = catalog.by_slug(SYNTHESIS).question("team_size")
    with pytest.raises(AnswerError, match=f"I read “{typed}” as groups, not people"):
        parse_answer(team, typed)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("3 teams, 25 people", 25), ("40 engineers in 3 teams", 40), ("two teams of 5", 10)],
)
def test_people_beside_their_teams_are_the_people(
    catalog: Catalog, typed: str, value: float
) -> None:
    team = catalog.by_slug(SYNTHESIS).question("team_size")
    assert parse_answer(team, typed).number == value


@pytest.mark.parametrize(
    ("typed", "read", "said"),
    [  # the output was taken from the peak (2,000), or "/ 1k" taken for "per 1k" and refused
        ("4k in / 1k out, 10k in / 2k out at peak", (4_000, 1_000), "“10k”, “2k” at the peak"),
        ("2k in, max 8k; 500 out", (2_000, 500), "“8k” at the peak left out"),
        ("4k / 1k", (4_000, 1_000), None),
    ],
)
def test_token_pairs_keep_the_usual_pair_and_leave_the_peak_out(
    catalog: Catalog, typed: str, read: tuple[float, float], said: str | None
) -> None:
    a = parse_answer(catalog.by_slug(EDGE).question("tokens"), typed)
    assert a.numbers == {"input": read[0], "output": read[1]}
    assert said is None or (said in (a.note or "") and "taken as" not in (a.note or ""))


@pytest.mark.parametrize(
    ("slug", "key", "typed"),
    [  # each was stored as the answer: a vendor named "same as above", an AI use "ditto"
        (CONVERGENCE, "vendors", "same as above"),
        (SYNTHESIS, "ai_use", "ditto"),
        ("reasoning-telemetry", "failures", "see above"),
        ("research-curation", "topics", "wie oben"),
    ],
)
def test_same_as_above_at_a_question_asked_in_words_is_asked_again(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    with pytest.raises(AnswerError, match=f"“{typed}”: I cannot see from here which answer"):
        parse_answer(catalog.by_slug(slug).question(key), typed)


def test_the_same_as_part_of_an_answer_is_still_the_answer(catalog: Catalog) -> None:
    failures = catalog.by_slug("reasoning-telemetry").question("failures")
    assert parse_answer(failures, "same problems as everyone").text == "same problems as everyone"


@pytest.mark.parametrize(
    ("typed", "value", "currency"),
    [  # "2,50,000" was refused ("could not read"), "Rs 50,000" shown in dollars
        ("2,50,000", 250_000, None),
        ("Rs. 2,00,000", 200_000, "INR"),
        ("Rs 50,000 a month", 50_000, "INR"),
        ("1,00,00,000 INR a year", 833_333, "INR"),
    ],
)
def test_indian_grouping_and_rupees_are_read(
    catalog: Catalog, typed: str, value: float, currency: str | None
) -> None:
    a = parse_answer(catalog.by_slug("automation-frontier").question("value"), typed)
    assert (a.number, a.currency) == (value, currency)


@pytest.mark.parametrize("typed", ["$-5000", "-$5000", "€-200"])
def test_a_negative_amount_with_its_currency_first_is_refused_not_made_positive(
    catalog: Catalog, typed: str
) -> None:
    """ "$-5000" was $5,000 a month, the minus dropped."""
    with pytest.raises(AnswerError, match="at least 0"):
        parse_answer(catalog.by_slug(CONVERGENCE).question("monthly_spend"), typed)
