"""Real phrasings, per question type, read against the real consultation scripts (issue 10).

Every phrasing listed under "What was measured" is here: each is read right, or it gets one
clear question back — never a silent misreading.
"""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, Unclear, parse_answer
from consultations.catalog import Catalog
from consultations.scripts import Question


def q(catalog: Catalog, slug: str, key: str) -> Question:
    return catalog.by_slug(slug).question(key)


EDGE = "edge-economics"

SINGLE = [  # (consultation, question, typed, value in the question's unit, shown back)
    (EDGE, "requests", "2.500.000", 2_500_000, "2,500,000 requests a month"),
    (EDGE, "requests", "1e6", 1_000_000, "1,000,000 requests a month"),
    (EDGE, "requests", "1.5e6", 1_500_000, "1,500,000 requests a month"),
    (EDGE, "requests", "between 2 and 3 million", 2_500_000, "2,500,000 requests a month"),
    (EDGE, "requests", "2-3M", 2_500_000, "2,500,000 requests a month"),
    (EDGE, "requests", "two and a half million", 2_500_000, "2,500,000 requests a month"),
    (EDGE, "requests", "half a million", 500_000, "500,000 requests a month"),
    (EDGE, "requests", "1 234 567", 1_234_567, "1,234,567 requests a month"),
    (EDGE, "requests", "1\u202f234\u202f567", 1_234_567, "1,234,567 requests a month"),
    (EDGE, "requests", "1'234'567", 1_234_567, "1,234,567 requests a month"),
    (EDGE, "requests", "about 5M a month", 5_000_000, "5,000,000 requests a month"),
    (EDGE, "requests", "5 mio", 5_000_000, "5,000,000 requests a month"),
    (EDGE, "requests", "1.200", 1_200, "1,200 requests a month"),  # 1.2 requests cannot be: 1,200
    (EDGE, "requests", "twelve hundred", 1_200, "1,200 requests a month"),
    (EDGE, "requests", "2 x 10^6", 2_000_000, "2,000,000 requests a month"),
    (EDGE, "requests", "2.5 mil", 2_500_000, "2,500,000 requests a month"),
    (EDGE, "requests", "5 lakh", 500_000, "500,000 requests a month"),
    (EDGE, "requests", "2 crore", 20_000_000, "20,000,000 requests a month"),
    (EDGE, "requests", "500 Tsd", 500_000, "500,000 requests a month"),
    (EDGE, "requests", "50% more than last year (2M)", 2_000_000, "2,000,000 requests a month"),
    (EDGE, "amortisation", "three years", 36, "36 months"),
    (EDGE, "amortisation", "1 year and 6 months", 18, "18 months"),
    (EDGE, "amortisation", "3y", 36, "36 months"),
    (EDGE, "amortisation", "a year and a half", 18, "18 months"),
    (EDGE, "amortisation", "a year", 12, "12 months"),
    (EDGE, "quality_loss", "none, it has to be as good", 0, "0%"),
    (EDGE, "quality_loss", "no loss at all", 0, "0%"),
    (EDGE, "amortisation", "36", 36, "36 months"),
    (EDGE, "amortisation", "104 weeks", 24, "24 months"),
    (EDGE, "quality_loss", "5%", 5, "5%"),
    (EDGE, "quality_loss", "half a percent", 0.5, "0.5%"),
    (EDGE, "quality_loss", "2,5 %", 2.5, "2.5%"),
    ("model-convergence", "monthly_spend", "$12k a month", 12_000, "$12,000"),
    ("model-convergence", "monthly_spend", "1.234,56 €", 1_234.56, "€1,234.56"),
    ("model-convergence", "monthly_spend", "30.000 $", 30_000, "$30,000"),
    ("model-convergence", "monthly_spend", "¥300,000", 300_000, "¥300,000"),
    ("model-convergence", "monthly_spend", "CHF 2'500", 2_500, "2,500 CHF"),
    ("model-convergence", "monthly_spend", "about 40 grand", 40_000, "40,000"),
    ("model-convergence", "monthly_spend", "a lot", None, None),  # no number: asked again
    (EDGE, "quality_loss", "25.000 € for hardware", None, None),  # money is not a percentage
    ("research-curation", "hours", "1 h 30 min", 1.5, "1.5 hours"),
    ("research-curation", "hours", "90 minutes", 1.5, "1.5 hours"),
    ("attention-readiness", "context_window", "200k", 200_000, "200,000 tokens"),
    ("attention-readiness", "context_window", "1M tokens", 1_000_000, "1,000,000 tokens"),
    ("strategy-synthesis", "team_size", "40 engineers", 40, "40 people"),
    ("strategy-synthesis", "team_size", "a dozen", 12, "12 people"),
    (EDGE, "quality_loss", "not more than a couple percent", 2, "2%"),
    ("attention-readiness", "context_window", "claude 3.5 sonnet, 200k", 200_000, "200,000 tokens"),
    ("attention-readiness", "context_window", "gpt-4o, 128k", 128_000, "128,000 tokens"),
    (EDGE, "requests", "5M and growing", 5_000_000, "5,000,000 requests a month"),  # no "an"+"d"
    (EDGE, "requests", "~5M~ 6M", 6_000_000, "6,000,000 requests a month"),  # struck through
    (EDGE, "requests", "between ~2M and ~3M", 2_500_000, "2,500,000 requests a month"),
    ("reasoning-telemetry", "runs_per_day", "a few hundred", 300, "300 runs a day"),  # not 100
    (EDGE, "requests", "a couple hundred thousand", 200_000, "200,000 requests a month"),
    ("strategy-synthesis", "team_size", "~25 devs + 3 data scientists", 28, "28 people"),
    # pages and words are tokens ("a page is about 500", the question says), never 70 tokens
    ("attention-readiness", "doc_tokens", "about 60-80 pages", 35_000, "35,000 tokens"),
    ("attention-readiness", "doc_tokens", "30 pages", 15_000, "15,000 tokens"),
    ("attention-readiness", "doc_tokens", "3000 words", 4_000, "4,000 tokens"),
    # people are working hours, never "2 hours": 2 x half time x 40 h a week, a month
    ("attention-readiness", "upkeep_hours", "two people half time", 40 * 365.25 / 12 / 7, None),
    ("attention-readiness", "upkeep_hours", "1 FTE at 20%", 8 * 365.25 / 12 / 7, None),
    ("model-convergence", "monthly_spend", "2 days a month keeping it alive", None, None),
]


@pytest.mark.parametrize(("slug", "key", "typed", "value", "shown"), SINGLE)
def test_single_numbers(
    catalog: Catalog, slug: str, key: str, typed: str, value: float | None, shown: str | None
) -> None:
    question = q(catalog, slug, key)
    if value is None:
        with pytest.raises(AnswerError):
            parse_answer(question, typed)
        return
    a = parse_answer(question, typed)
    assert a.number == pytest.approx(value)
    if shown is not None:
        assert a.display(question) == shown
    else:
        assert "(our assumption)" in (a.note or "")  # said back, never a silent reading


PARTS = [  # (question, typed, {part: value}, currency)
    ("tokens", "1.200 in, 300 out", {"input": 1200, "output": 300}, None),
    (
        "tokens",
        "1,200 input tokens and 300 output tokens per request",
        {"input": 1200, "output": 300},
        None,
    ),
    ("tokens", "300 out, 1.2k in", {"input": 1200, "output": 300}, None),
    ("tokens", "input 1 200, output 300", {"input": 1200, "output": 300}, None),
    ("price", "$3 / $15", {"input": 3, "output": 15}, "USD"),
    ("price", "$3 per 1M input tokens and $15 per 1M output", {"input": 3, "output": 15}, "USD"),
    ("price", "3 € in / 15 € out per million", {"input": 3, "output": 15}, "EUR"),
    ("price", "¥300 / ¥900", {"input": 300, "output": 900}, "JPY"),
    ("price", "$1.200 / $3", {"input": 1.2, "output": 3}, "USD"),  # $1,200 is no list price
    ("price", "0,50 € / 1,50 €", {"input": 0.5, "output": 1.5}, "EUR"),
    (
        "local_cost",
        "30.000 $ hardware, 2.000 $ a month",
        {"hardware": 30_000, "monthly": 2_000},
        "USD",
    ),
    (
        "local_cost",
        "$30k for the box and about 2k a month to run it",
        {"hardware": 30_000, "monthly": 2_000},
        "USD",
    ),
    (
        "local_cost",
        "2k a month to run it, and a $30k box",
        {"hardware": 30_000, "monthly": 2_000},
        "USD",
    ),
    (
        "local_cost",
        "1.234,56 € hardware and 500 € monthly",
        {"hardware": 1234.56, "monthly": 500},
        "EUR",
    ),
    (
        "local_cost",
        "$30,000 hardware, $2,000 a month",
        {"hardware": 30_000, "monthly": 2_000},
        "USD",
    ),
    (  # two amounts joined by "+" at the same rate are one part, added up
        "local_cost",
        "25k + 6k for networking, 2k/month",
        {"hardware": 31_000, "monthly": 2_000},
        None,
    ),
    (
        "local_cost",
        "hardware 25k plus 5k setup, ops 2k a month",
        {"hardware": 30_000, "monthly": 2_000},
        None,
    ),
    ("local_cost", "25k + 2k a month", {"hardware": 25_000, "monthly": 2_000}, None),
]


@pytest.mark.parametrize(("key", "typed", "values", "currency"), PARTS)
def test_several_numbers_read_by_their_words(
    catalog: Catalog, key: str, typed: str, values: dict[str, float], currency: str | None
) -> None:
    a = parse_answer(q(catalog, EDGE, key), typed)
    assert a.numbers == pytest.approx(values)
    assert a.currency == currency


def test_currencies_are_kept_as_typed_never_a_silent_dollar(catalog: Catalog) -> None:
    price = q(catalog, EDGE, "price")
    assert parse_answer(price, "¥300 / ¥900").display(price) == "input ¥300, output ¥900"
    assert parse_answer(price, "3 / 15").display(price) == "input 3, output 15"
    with pytest.raises(AnswerError, match="EUR and USD"):
        parse_answer(price, "$3 / €15")


def test_a_range_says_it_took_the_midpoint(catalog: Catalog) -> None:
    a = parse_answer(q(catalog, EDGE, "requests"), "between 2 and 3 million")
    assert a.note is not None and "midpoint" in a.note


def test_a_truly_ambiguous_reading_is_asked_not_guessed(catalog: Catalog) -> None:
    hours = q(catalog, "attention-readiness", "upkeep_hours")  # 1.2 h and 1,200 h both fit
    with pytest.raises(Unclear) as e:
        parse_answer(hours, "1.200")
    assert [r.number for r in e.value.readings] == [1.2, 1200]
    assert "1.2" in str(e.value) and "1,200" in str(e.value)


def test_the_writers_convention_elsewhere_in_the_line_decides(catalog: Catalog) -> None:
    local = q(catalog, EDGE, "local_cost")
    a = parse_answer(local, "1.500 € hardware, 2,50 € a month")  # decimal comma: 1.500 = 1,500
    assert a.numbers == {"hardware": 1500, "monthly": 2.5}


CHOICES = [  # (consultation, question, typed, value)
    (EDGE, "latency", "under 300 ms", "interactive"),
    (EDGE, "latency", "under 100 ms", "realtime"),
    (EDGE, "latency", "300 µs", "realtime"),
    (EDGE, "latency", "300 us", "realtime"),
    (EDGE, "latency", "about 2 seconds", "relaxed"),
    (EDGE, "latency", "1 min 30 s", "batch"),
    (EDGE, "latency", "overnight", "batch"),
    (EDGE, "latency", "under a sec ideally", "interactive"),  # "a sec" is one second
    (EDGE, "latency", "within an hour", "batch"),
    (EDGE, "latency", "half a second", "interactive"),
    (EDGE, "latency", "2", "interactive"),
    (EDGE, "sensitivity", "customer PII under GDPR", "confidential"),
    (EDGE, "sensitivity", "GDPR", "confidential"),
    (EDGE, "sensitivity", "PII", "confidential"),
    (EDGE, "sensitivity", "HIPAA", "regulated"),
    (EDGE, "sensitivity", "patient records (HIPAA)", "regulated"),
    (EDGE, "sensitivity", "public", "public"),
    # several named: the most sensitive decides (was confidential, by a count of words)
    (EDGE, "sensitivity", "customer PII, we are a bank so also regulated", "regulated"),
    (EDGE, "sensitivity", "mostly public but some PII", "confidential"),
    (EDGE, "sensitivity", "internal docs plus insurance claims", "regulated"),
    (EDGE, "latency", "whatever, few seconds ok", "relaxed"),
]


@pytest.mark.parametrize(("slug", "key", "typed", "value"), CHOICES)
def test_choices_from_descriptions(
    catalog: Catalog, slug: str, key: str, typed: str, value: str
) -> None:
    assert parse_answer(q(catalog, slug, key), typed).choices == (value,)


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("requests", "1.2.3"),
        ("requests", "lots"),
        ("requests", "1e999"),
        ("quality_loss", "5 ms"),
        ("latency", "3 years"),  # an answer to another question, not a response time
        ("requests", "up 20%"),  # a share is not a count
    ],
)
def test_unreadable_numbers_get_a_reason_not_a_guess(
    catalog: Catalog, key: str, typed: str
) -> None:
    with pytest.raises(AnswerError):
        parse_answer(q(catalog, EDGE, key), typed)


RATES = [  # a number given per another period than the question asks: restated, and said
    (EDGE, "requests", "roughly 150k per day", 4_565_625),  # asked per month
    (EDGE, "requests", "60 rps", 157_788_000),
    ("reasoning-telemetry", "runs_per_day", "600k a month", 19_713),  # a count from a rate is whole
    ("model-convergence", "monthly_spend", "$120k a year", 10_000),
    ("model-convergence", "monthly_spend", "2k/month", 2_000),
    (EDGE, "requests", "10k a day on weekdays", 217_411),  # 5 working days a week
    (EDGE, "requests", "2k per working day", 43_482),
    (EDGE, "requests", "500 a working hour", 86_964),  # 40 business hours a week
    (EDGE, "requests", "10k a weekday", 217_411),  # was 10,000 a month, silently
    (EDGE, "requests", "10k on weekdays", 217_411),  # was 10,000 a month, silently
    (EDGE, "requests", "10k pro Werktag", 217_411),  # was 10,000 a month, silently
    (EDGE, "requests", "10k par jour ouvré", 217_411),
]


@pytest.mark.parametrize(("slug", "key", "typed", "value"), RATES)
def test_rates_are_restated_per_the_questions_period(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    a = parse_answer(q(catalog, slug, key), typed)
    assert a.number == pytest.approx(value, rel=1e-6)
    assert (a.note is not None and " is about " in a.note) == (typed != "2k/month")


@pytest.mark.parametrize(
    ("typed", "values"),
    [
        ("$2k a month for ops and $40k for two GPUs", {"hardware": 40_000, "monthly": 2_000}),
        ("$30k box, $24k a year to run", {"hardware": 30_000, "monthly": 2_000}),
    ],
)
def test_things_counted_in_words_and_yearly_costs(
    catalog: Catalog, typed: str, values: dict[str, float]
) -> None:
    assert parse_answer(q(catalog, EDGE, "local_cost"), typed).numbers == pytest.approx(values)


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("sensitivity", "no PII, public docs", "public"),
        ("latency", "asap", "realtime"),
        ("latency", "< 1s", "interactive"),
    ],
)
def test_more_descriptions(catalog: Catalog, key: str, typed: str, value: str) -> None:
    assert parse_answer(q(catalog, EDGE, key), typed).choices == (value,)


def test_a_sentence_among_vendor_names_is_a_comment_not_a_vendor(catalog: Catalog) -> None:
    vendors = q(catalog, "model-convergence", "vendors")
    typed = (
        "GPT-4o for support chat, Claude for code review, "
        "cost and reliability matter most — keep as the warm backup"
    )
    assert parse_answer(vendors, typed).items == (
        "GPT-4o for support chat",
        "Claude for code review (cost and reliability matter most — keep as the warm backup)",
    )
    mentions = parse_answer(
        vendors,
        "GPT-4o for chat; Claude Sonnet for code; "
        "cost and reliability matter most — keep Claude as the warm backup",
    ).items
    assert mentions == (  # a sentence that mentions a vendor is still a comment, not a vendor
        "GPT-4o for chat",
        "Claude Sonnet for code (cost and reliability matter most — keep Claude as the warm "
        "backup)",
    )
    assert parse_answer(vendors, "an in-house SDXL fine-tune, Midjourney").items == (
        "in-house SDXL fine-tune",
        "Midjourney",
    )
    lower = parse_answer(vendors, "openai for chat, anthropic, mistral").items
    assert lower == ("openai for chat", "anthropic", "mistral")  # names typed in lower case


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        (
            "GPT-4o for chat and Claude Sonnet for code",
            ("GPT-4o for chat", "Claude Sonnet for code"),
        ),
        ("Claude and GPT-4o", ("Claude", "GPT-4o")),
        ("Llama 3 & Mistral on-prem", ("Llama 3", "Mistral on-prem")),
        ("Claude for research and development", ("Claude for research and development",)),
        ("GPT-4o (chat and Q&A), Claude", ("GPT-4o (chat and Q&A)", "Claude")),
        # a hedge before the second name ("sometimes claude") was one vendor, silently
        ("chatgpt plus and sometimes claude", ("chatgpt plus", "claude")),
        ("GPT-4o for chat and mostly Claude for code", ("GPT-4o for chat", "Claude for code")),
        # a bracket later in the line no longer stops the split ("… for legal (GDPR)")
        (
            "Claude for coding and Mistral Large in the EU for legal (GDPR)",
            ("Claude for coding", "Mistral Large in the EU for legal (GDPR)"),
        ),
    ],
)
def test_two_vendors_joined_by_and_are_two_vendors(
    catalog: Catalog, typed: str, items: tuple[str, ...]
) -> None:
    assert parse_answer(q(catalog, "model-convergence", "vendors"), typed).items == items


@pytest.mark.parametrize(
    ("slug", "key", "typed", "shown"),
    [
        ("model-convergence", "upkeep_days", "2", "2 engineer-days a month"),
        ("edge-economics", "requests", "about 5M", "5,000,000 requests a month"),
        ("attention-readiness", "doc_tokens", "80k", "80,000 tokens"),
        ("strategy-synthesis", "team_size", "6", "6 people"),
    ],
)
def test_counts_are_said_back_with_what_they_count(
    catalog: Catalog, slug: str, key: str, typed: str, shown: str
) -> None:
    question = q(catalog, slug, key)
    assert parse_answer(question, typed).display(question) == shown


def test_an_amount_of_money_typed_for_a_percentage_is_named_as_the_wrong_kind(
    catalog: Catalog,
) -> None:
    with pytest.raises(AnswerError, match="“25.000 €” as money, but I need a percentage here"):
        parse_answer(q(catalog, EDGE, "quality_loss"), "25.000 € for hardware")


def test_a_range_is_read_as_its_midpoint_with_a_note_that_says_so(catalog: Catalog) -> None:
    requests = q(catalog, EDGE, "requests")
    a = parse_answer(requests, "somewhere between 200k and 300k a month")
    assert a.number == 250_000
    assert a.note == "the midpoint of 200,000–300,000; type the exact figure if you have it"


def test_a_plain_list_ending_in_and_gives_each_item(catalog: Catalog) -> None:
    pipelines = q(catalog, "attention-readiness", "pipelines")
    typed = "contract review, support search and sales call summaries"
    assert parse_answer(pipelines, typed).items == (
        "contract review",
        "support search",
        "sales call summaries",
    )
    assert parse_answer(pipelines, "research and development").items == (
        "research and development",
    )


def test_a_workaround_described_in_its_own_words_is_read(catalog: Catalog) -> None:
    workarounds = q(catalog, "attention-readiness", "workarounds")
    assert parse_answer(workarounds, "we chunk everything + RAG").choices == ("context-length",)
    with pytest.raises(AnswerError, match="Pick one or more of"):
        parse_answer(workarounds, "banana")


def test_a_joining_word_is_not_part_of_the_item(catalog: Catalog) -> None:
    vendors = q(catalog, "model-convergence", "vendors")
    typed = "OpenAI and Anthropic, plus Mistral for the EU stuff"
    assert parse_answer(vendors, typed).items == ("OpenAI", "Anthropic", "Mistral for the EU stuff")


def test_an_option_word_in_another_form_still_picks_it(catalog: Catalog) -> None:
    checkable = q(catalog, "automation-frontier", "checkable")
    typed = "partly — invoices can be checked against the ERP"
    assert parse_answer(checkable, typed).choices == ("verify",)
    assert parse_answer(checkable, "we built a simulation of it").choices == ("simulate",)


def test_two_things_joined_by_and_an_are_two_items(catalog: Catalog) -> None:
    agents = q(catalog, "reasoning-telemetry", "agents")
    typed = "a support agent (LangGraph) and an internal research agent"
    assert parse_answer(agents, typed).items == (
        "support agent (LangGraph)",
        "internal research agent",
    )


def test_shares_said_in_words_are_read_and_said_back_as_percentages(catalog: Catalog) -> None:
    weights = q(catalog, "research-curation", "weights")
    a = parse_answer(weights, "mostly failure, some cost, compute barely")
    assert a.numbers == {"cost": 33, "failure": 50, "compute": 17}
    assert a.note == "read from your words; type the percentages to be exact"
    with pytest.raises(AnswerError, match="I need 3 numbers"):
        parse_answer(weights, "compute")


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        (
            "we use gpt-4o for support, claude for code review and llama 3 70b on prem for the "
            "legal stuff",
            (
                "gpt-4o for support",
                "claude for code review",
                "llama 3 70b on prem for the legal stuff",
            ),
        ),
        (
            "mostly claude, some gemini for summaries and a bit of mistral",
            ("claude", "gemini for summaries", "mistral"),
        ),
        ("openai and anthropic", ("openai", "anthropic")),
        ("just openai", ("openai",)),
        (
            "midjourney and dall-e 3, plus an sdxl finetune we trained in house",
            ("midjourney", "dall-e 3", "sdxl finetune we trained in house"),
        ),
        ("Claude for research and development", ("Claude for research and development",)),
    ],
)
def test_vendors_typed_in_lower_case_are_still_one_item_each(
    catalog: Catalog, typed: str, items: tuple[str, ...]
) -> None:
    vendors = q(catalog, "model-convergence", "vendors")
    assert parse_answer(vendors, typed).items == items


def test_lengths_in_pages_paragraphs_and_words_are_tokens(catalog: Catalog) -> None:
    tokens = q(catalog, EDGE, "tokens")
    a = parse_answer(tokens, "prompts are about 2-3 pages, answers a paragraph")
    assert a.numbers == {"input": 1250, "output": 150}
    assert "150 tokens a paragraph" in (a.note or "")
    assert a.raw == "prompts are about 2-3 pages, answers a paragraph"  # stored as typed
    assert parse_answer(tokens, "2000 words in and 200 out").numbers == {
        "input": 2667,
        "output": 200,
    }


@pytest.mark.parametrize(
    ("typed", "prices"),
    [
        ("$2.50/1M in, $10/1M out", {"input": 2.5, "output": 10}),  # not swapped
        ("$0.0025 per 1k input tokens, $0.01 per 1k output", {"input": 2.5, "output": 10}),
        ("15 out, 3 in", {"input": 3, "output": 15}),
    ],
)
def test_prices_per_token_keep_their_side_and_their_unit(
    catalog: Catalog, typed: str, prices: dict[str, float]
) -> None:
    price = q(catalog, EDGE, "price")
    a = parse_answer(price, typed)
    assert a.numbers == pytest.approx(prices)
    if "1k" in typed:
        assert "per 1k tokens is $2.50 per million tokens" in (a.note or "")


def test_a_count_worked_out_from_a_rate_is_whole(catalog: Catalog) -> None:
    requests = q(catalog, EDGE, "requests")
    assert parse_answer(requests, "5M/yr").display(requests) == "416,667 requests a month"


def test_hardware_already_owned_is_none_and_said_so(catalog: Catalog) -> None:
    local = q(catalog, EDGE, "local_cost")
    a = parse_answer(local, "we already own the GPUs, just power ~500/month")
    assert a.numbers == {"hardware": 0, "monthly": 500}
    assert a.note == "hardware read as none: you said “already own”"


@pytest.mark.parametrize(
    ("typed", "cue"),
    [
        ("a mac studio ~4k, basically nothing to run", "nothing to run"),
        ("$4,000 for the box, running costs are negligible", "negligible"),
        ("4k up front, next to nothing a month", "next to nothing"),
    ],
)
def test_running_costs_said_to_be_nothing_are_none_and_said_so(
    catalog: Catalog, typed: str, cue: str
) -> None:
    local = q(catalog, EDGE, "local_cost")
    a = parse_answer(local, typed)
    assert a.numbers == {"hardware": 4000, "monthly": 0}
    assert a.note == f"monthly read as none: you said “{cue}”"


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("review", "legal reviews anything external, social team posts directly"),
        ("review", "the social team posts directly, ecommerce images get a look from a designer"),
    ],
)
def test_a_mixed_answer_is_read_as_the_weaker_path_not_the_safe_option(
    catalog: Catalog, key: str, typed: str
) -> None:
    assert parse_answer(q(catalog, "diffusion-ip-risk", key), typed).choices == ("none",)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "choices"),
    [
        ("strategy-synthesis", "constraints", "we cant hire fast enough", ("skills",)),
        ("automation-frontier", "why_shelved", "the tech wasnt there in 2023", ("models",)),
        ("automation-frontier", "error_cost", "could get us fined", ("high",)),
        ("automation-frontier", "error_cost", "nothing much, we just redo it", ("low",)),
        # an amount is read by its size, beside the words ("client" alone is medium)
        ("automation-frontier", "error_cost", "a bad clause could cost a client 100k+", ("high",)),
        ("automation-frontier", "error_cost", "$50 at most, easy to undo", ("low",)),
        ("automation-frontier", "error_cost", "around 5 000 € each time", ("medium",)),
        ("automation-frontier", "error_cost", "$2k refund, but legal exposure too", ("high",)),
        ("automation-frontier", "error_cost", "2k customers get a wrong email", ("medium",)),
        ("reasoning-telemetry", "audit", "SOC2 auditors ask for it", ("regulated",)),
        ("reasoning-telemetry", "audit", "only for debugging", ("internal",)),
        ("diffusion-ip-risk", "content", "mostly product shots, sometimes celebs", ("likenesses",)),
        ("diffusion-ip-risk", "content", "generic stock-like stuff", ("none",)),
        ("diffusion-ip-risk", "indemnity", "we havent read them", ("unknown",)),
        ("diffusion-ip-risk", "indemnity", "we haven’t read them", ("unknown",)),
        ("diffusion-ip-risk", "review", "the designer eyeballs it", ("spot",)),
        ("research-curation", "cadence", "every monday", ("weekly",)),  # not "every day"
        (
            "research-curation",
            "sources",
            "arxiv and the built-in lists",
            ("arxiv", "neurips2025", "colm2025"),
        ),
        ("attention-readiness", "workarounds", "data changes daily", ("freshness",)),
        ("edge-economics", "sensitivity", "internal docs, nothing secret", ("internal",)),
        ("edge-economics", "sensitivity", "trade secrets", ("confidential",)),
        ("edge-economics", "latency", "users are waiting in the UI", ("interactive",)),
    ],
)
def test_options_said_in_everyday_words(
    catalog: Catalog, slug: str, key: str, typed: str, choices: tuple[str, ...]
) -> None:
    assert parse_answer(q(catalog, slug, key), typed).choices == choices


def test_all_of_the_above_picks_every_option_but_none(catalog: Catalog) -> None:
    workarounds = q(catalog, "attention-readiness", "workarounds")
    picked = parse_answer(workarounds, "all of the above").choices
    assert picked == tuple(c.value for c in workarounds.choices)
    content = q(catalog, "diffusion-ip-risk", "content")
    assert "none" not in (parse_answer(content, "all of them").choices or ())


def test_a_rate_during_business_hours_counts_40_hours_a_week(catalog: Catalog) -> None:
    runs = q(catalog, "reasoning-telemetry", "runs_per_day")
    a = parse_answer(runs, "200 per hour during business hours")
    assert a.number == round(200 * 40 / 7)  # not 200 x 24
    assert a.note == "200 an hour over 40 business hours a week is about 1,143 a day"


@pytest.mark.parametrize(
    "typed", ["3", "two pipelines", "3 vendors", "we have a few", "there are 4 of them"]
)
def test_a_count_typed_for_a_list_asks_for_the_names(catalog: Catalog, typed: str) -> None:
    with pytest.raises(AnswerError, match="Name each one, please, for example"):
        parse_answer(q(catalog, "attention-readiness", "pipelines"), typed)


@pytest.mark.parametrize(
    ("typed", "each", "total"),
    [
        ("about 2.500 € per month per client, we have 12 clients", 2_500, 30_000),
        ("$3k per store, 40 stores", 3_000, 120_000),
    ],
)
def test_a_figure_per_thing_beside_the_count_of_things_is_asked_not_taken_as_typed(
    catalog: Catalog, typed: str, each: float, total: float
) -> None:
    value = q(catalog, "automation-frontier", "value")
    with pytest.raises(Unclear) as e:
        parse_answer(value, typed)
    assert [a.number for a in e.value.readings] == [each, total]
    assert "×" in str(e.value)  # the working is shown with the reading
    assert parse_answer(value, "40k a month for the invoice one").number == 40_000


@pytest.mark.parametrize(
    ("typed", "hours"),
    [
        ("an hour or so", 1.0),
        ("an hour and a half", 1.5),
        ("2 hours and a half", 2.5),
        ("half an hour", 0.5),
        ("a few hours", 3.0),
    ],
)
def test_reading_time_in_words(catalog: Catalog, typed: str, hours: float) -> None:
    a = parse_answer(q(catalog, "research-curation", "hours"), typed)
    assert a.number == hours
    if hours == 1.0:
        assert a.display(q(catalog, "research-curation", "hours")) == "1 hour"  # not "1 hours"


@pytest.mark.parametrize(
    ("typed", "weights"),
    [
        ("mostly cost, some failure, compute doesnt matter", (60, 40, 0)),
        ("mostly cost, some failure, compute doesn\u2019t matter", (60, 40, 0)),
        ("equal", (34, 33, 33)),
        ("all the same", (34, 33, 33)),
    ],
)
def test_weights_in_words_keep_a_part_said_not_to_matter_at_zero(
    catalog: Catalog, typed: str, weights: tuple[int, int, int]
) -> None:
    a = parse_answer(q(catalog, "research-curation", "weights"), typed)
    assert a.numbers == dict(zip(("cost", "failure", "compute"), map(float, weights), strict=True))
    assert a.note is not None and "read from your words" in a.note


def test_an_inline_numbered_list_with_a_comment_keeps_its_items(catalog: Catalog) -> None:
    workflows = q(catalog, "automation-frontier", "workflows")
    typed = (
        "1) returns fraud review 2) store shift scheduling 3) supplier invoice disputes "
        "4) markdown pricing for end-of-season stock, which we tried in 2023 with a vendor and "
        "it failed because the forecasts were off and the buyers didn't trust it"
    )
    items = parse_answer(workflows, typed).items
    assert items is not None and len(items) == 4
    assert items[:3] == (
        "returns fraud review",
        "store shift scheduling",
        "supplier invoice disputes",
    )
    assert items[3].startswith("markdown pricing for end-of-season stock (which we tried")
    typed = "invoice exception handling, warehouse slotting, which we tried before, and support"
    assert parse_answer(workflows, typed).items == (
        "invoice exception handling",
        "warehouse slotting (which we tried before)",
        "support",
    )


def test_everything_really_picks_every_constraint(catalog: Catalog) -> None:
    constraints = q(catalog, "strategy-synthesis", "constraints")
    assert len(parse_answer(constraints, "everything really").choices or ()) == 6


@pytest.mark.parametrize("typed", ["the usual ones", "the usual", "whatever"])
def test_a_list_answered_without_a_name_asks_for_the_names(catalog: Catalog, typed: str) -> None:
    with pytest.raises(AnswerError, match="Name each one"):  # was a vendor called "the usual ones"
        parse_answer(q(catalog, "diffusion-ip-risk", "vendors"), typed)


STRICTEST = [  # options ordered by severity: naming several takes the strictest, said back
    (EDGE, "sensitivity", "customer PII, some health data — GDPR applies", "regulated"),
    (EDGE, "sensitivity", "no health data, just customer PII", "confidential"),
    ("reasoning-telemetry", "audit", "mostly debugging but SOC2 auditors ask", "regulated"),
    ("automation-frontier", "error_cost", "usually a refund, sometimes legal exposure", "high"),
]


@pytest.mark.parametrize(("slug", "key", "typed", "value"), STRICTEST)
def test_the_strictest_named_severity_applies_and_is_said(
    catalog: Catalog, slug: str, key: str, typed: str, value: str
) -> None:
    a = parse_answer(q(catalog, slug, key), typed)
    assert a.choices == (value,)
    assert (a.note is not None and "strictest" in a.note) == ("no health" not in typed)


@pytest.mark.parametrize(
    ("typed", "parts"),
    [  # a GPU's model number or a count of machines is not money (was: hardware $4,090)
        ("my gaming pc has a 4090 already, power maybe 20 bucks a month", (0, 20)),
        ("we already own 4 A100s, ops maybe 2k/month", (0, 2_000)),
        ("4x RTX 4090 for 8k, power 300 a month", (8_000, 300)),
        ("2 H100 servers at 35k each, 3k a month", (70_000, 3_000)),
        ("three L40S boxes, $12k each, about $900/mo", (36_000, 900)),
        ("€40k for two GPUs plus 1.5k/mo", (40_000, 1_500)),
    ],
)
def test_graphics_cards_and_machines_counted_are_not_read_as_money(
    catalog: Catalog, typed: str, parts: tuple[float, float]
) -> None:
    question = q(catalog, EDGE, "local_cost")
    answer = parse_answer(question, typed)
    assert answer.numbers == {"hardware": parts[0], "monthly": parts[1]}


def test_a_price_each_is_multiplied_by_the_machines_and_said_back(catalog: Catalog) -> None:
    answer = parse_answer(q(catalog, EDGE, "local_cost"), "2 H100 servers at 35k each, 3k a month")
    assert answer.note is not None and "2 × 35k each" in answer.note


@pytest.mark.parametrize(
    ("slug", "key"),
    [("model-convergence", "diverse_tasks"), ("attention-readiness", "incidents")],
)
@pytest.mark.parametrize("typed", ["none", "None.", "nothing really", "n/a", "no"])
def test_none_at_an_optional_question_is_nothing_named_not_an_item_called_none(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    """ "none" was kept as a task: the report said "Applies first to: none." """
    question = q(catalog, slug, key)
    answer = parse_answer(question, typed)
    assert answer.skipped and not answer.items and not answer.text
    assert answer.display(question) == "none"


@pytest.mark.parametrize(
    ("typed", "items"),
    [  # an enumeration typed on one line was one "pipeline" named "… 1) pdf splitter 2) …"
        (
            "we chunk everything: 1) pdf splitter 2) recursive summariser for board packs",
            ("pdf splitter", "recursive summariser for board packs"),
        ),
        ("1. contract chunker 2. notes summariser 3. ticket RAG", None),
        ("(1) contract chunker, (2) notes summariser", ("contract chunker", "notes summariser")),
    ],
)
def test_an_enumeration_on_one_line_gives_each_item(
    catalog: Catalog, typed: str, items: tuple[str, ...] | None
) -> None:
    want = items or ("contract chunker", "notes summariser", "ticket RAG")
    assert parse_answer(q(catalog, "attention-readiness", "pipelines"), typed).items == want


def test_one_of_a_unit_is_said_in_the_singular(catalog: Catalog) -> None:
    question = q(catalog, "model-convergence", "upkeep_days")
    assert parse_answer(question, "1 day a month").display(question) == "1 engineer-day a month"
    assert parse_answer(question, "2").display(question) == "2 engineer-days a month"


def test_amounts_joined_by_plus_at_one_rate_are_added_up(catalog: Catalog) -> None:
    spend = q(catalog, "model-convergence", "monthly_spend")
    for typed in ("$8k + $2k", "8k/month + 2k/month"):
        a = parse_answer(spend, typed)
        assert a.number == 10_000 and "added up" in (a.note or "")


@pytest.mark.parametrize(
    ("typed", "values", "rest"),
    [
        ("Cost 50, failure 50, no compute", (50, 50, 0), "compute"),
        ("cost 60 failure 40", (60, 40, 0), "compute"),
        ("cost 60, compute 30", (60, 10, 30), "failure"),
    ],
)
def test_shares_with_one_part_left_out_give_it_the_rest(
    catalog: Catalog, typed: str, values: tuple[float, float, float], rest: str
) -> None:
    """ "cost 60 failure 40" was refused: 'I need 3 numbers here'."""
    a = parse_answer(q(catalog, "research-curation", "weights"), typed)
    assert a.numbers == dict(zip(("cost", "failure", "compute"), values, strict=True))
    assert a.note is not None and f"{rest} read as the rest" in a.note


@pytest.mark.parametrize(
    ("typed", "values"),
    [
        ("our own brand logos and product shots", ("none",)),
        ("our own brand logos", ("none",)),
        ("other brands' logos", ("brands",)),
        ("our mascot and celebrities", ("likenesses",)),
    ],
)
def test_what_is_ours_is_not_someone_elses(
    catalog: Catalog, typed: str, values: tuple[str, ...]
) -> None:
    """ "our own brand logos" was read as someone else's brand (a high IP risk)."""
    assert parse_answer(q(catalog, "diffusion-ip-risk", "content"), typed).choices == values


@pytest.mark.parametrize(
    ("slug", "key", "typed"),
    [
        # the next question's answer typed ahead: 3 people are no 3 runs a day
        (
            "reasoning-telemetry",
            "runs_per_day",
            "platform team (3 ppl), they cant tell why an agent picked a tool",
        ),
        (EDGE, "requests", "we have 12 engineers on it"),
    ],
)
def test_a_count_of_people_is_no_count_of_runs_or_requests(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    with pytest.raises(AnswerError, match="as people, but I need the number of"):
        parse_answer(q(catalog, slug, key), typed)


def test_runs_beside_a_count_of_people_are_read(catalog: Catalog) -> None:
    runs = q(catalog, "reasoning-telemetry", "runs_per_day")
    assert parse_answer(runs, "3 analysts run about 400 a day").number == 400


def test_n_a_at_a_quality_tolerance_is_asked_not_read_as_zero(catalog: Catalog) -> None:
    """'n/a' at the quality-loss question was 'Noted: 0%', which sent the pilot to 8-bit."""
    loss = q(catalog, EDGE, "quality_loss")
    with pytest.raises(AnswerError, match="type 0% if you accept none"):
        parse_answer(loss, "n/a")
    assert parse_answer(loss, "none").number == 0  # 'none' accepted is 0%


@pytest.mark.parametrize(
    "typed",
    [
        "mostly cost, some failure, compute matters least — 50/35/15",
        "50/35/15",
        "50% / 35% / 15%",
    ],
)
def test_slashed_shares_follow_the_order_the_words_name(catalog: Catalog, typed: str) -> None:
    """'… compute matters least — 50/35/15' gave compute 50%: the first figure went to the word
    nearest it, the rest in order."""
    weights = q(catalog, "research-curation", "weights")
    assert parse_answer(weights, typed).numbers == {"cost": 50, "failure": 35, "compute": 15}
    named = "compute first, then cost, failure last: 50/35/15"
    assert parse_answer(weights, named).numbers == {"compute": 50, "cost": 35, "failure": 15}


@pytest.mark.parametrize(
    ("typed", "people"),
    [
        ("a dozen, incl. 2 contractors", 12),  # was 2
        ("40 engineers, of which 5 do ML", 40),
        ("about 25 including 3 data scientists", 25),
    ],
)
def test_a_part_of_the_count_given_after_it_is_not_the_count(
    catalog: Catalog, typed: str, people: int
) -> None:
    team = q(catalog, "strategy-synthesis", "team_size")
    assert parse_answer(team, typed).number == people


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("HIPAA + tiny budget", ("budget", "regulation")),  # HIPAA was dropped
        ("SOC2 and money", ("budget", "regulation")),
        ("runway, and the EU AI Act", ("budget", "regulation")),
    ],
)
def test_constraints_named_by_a_rule_or_in_money_words(
    catalog: Catalog, typed: str, picked: tuple[str, ...]
) -> None:
    assert parse_answer(q(catalog, "strategy-synthesis", "constraints"), typed).choices == picked


def test_a_person_full_time_is_their_working_days_not_one_day(catalog: Catalog) -> None:
    """'1 FTE total' at engineer-days a month was 1 engineer-day."""
    upkeep = q(catalog, "model-convergence", "upkeep_days")
    a = parse_answer(upkeep, "1 FTE total")
    assert round(a.number or 0) == 22
    assert a.note is not None and "5 days a week (our assumption)" in a.note  # one: no "each"


@pytest.mark.parametrize(
    ("typed", "total"),
    [
        ("$8k on OpenAI and $4k on Anthropic", 12_000),  # was $8,000
        ("8k/mo on openai, 4k on claude, 1k for mistral", 13_000),
    ],
)
def test_spend_given_per_vendor_is_added_up_and_said_so(
    catalog: Catalog, typed: str, total: int
) -> None:
    spend = q(catalog, "model-convergence", "monthly_spend")
    a = parse_answer(spend, typed)
    assert a.number == total
    assert a.note is not None and a.note.endswith("added up")


def test_a_second_figure_left_out_is_said_not_dropped(catalog: Catalog) -> None:
    """'20-30 pages, sometimes 300' dropped the 300 pages without a word."""
    docs = q(catalog, "attention-readiness", "doc_tokens")
    a = parse_answer(docs, "20-30 pages, sometimes 300")
    assert a.number == 12_500
    assert a.note is not None and "“300” left out" in a.note
    requests = q(catalog, EDGE, "requests")
    b = parse_answer(requests, "about 5M, peaks of 8M")
    assert b.number == 5_000_000 and b.note is not None and "“8M” left out" in b.note


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        ("model-convergence", "upkeep_days", "4h per week", 2),  # was 17 days: hours as days
        ("model-convergence", "upkeep_days", "an afternoon a week", 2),  # was refused
        ("attention-readiness", "upkeep_hours", "a day a week", 34.79),  # was refused
        ("attention-readiness", "upkeep_hours", "around 3 engineers half their time", 260.89),
    ],
)
def test_staff_time_in_everyday_words(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    """'3 engineers half their time' was read as full time (522 hours a month)."""
    a = parse_answer(q(catalog, slug, key), typed)
    assert a.number == pytest.approx(value, abs=0.01)


@pytest.mark.parametrize(
    ("typed", "people"),
    [
        ("15-20 people", 18),  # people are whole (was 17.50 people)
        ("just me and a freelancer", 2),  # was 1
        ("two teams of 5", 10),  # was 5
    ],
)
def test_a_team_is_counted_in_whole_people(catalog: Catalog, typed: str, people: int) -> None:
    assert parse_answer(q(catalog, "strategy-synthesis", "team_size"), typed).number == people


@pytest.mark.parametrize(
    ("typed", "option"),
    [
        ("1 second p95", "interactive"),  # was 'A few seconds is fine': p95 is a limit
        ("2s max", "relaxed"),
        ("500 ms or less", "interactive"),
        ("seconds are fine", "relaxed"),  # was refused: 'second' and 'seconds' both matched
        ("within a second", "interactive"),
    ],
)
def test_a_latency_limit_said_after_its_number_is_read_as_a_limit(
    catalog: Catalog, typed: str, option: str
) -> None:
    q = catalog.by_slug("edge-economics").question("latency")
    assert parse_answer(q, typed).choices == (option,)


def test_an_audit_duty_under_administrative_law_is_regulated(catalog: Catalog) -> None:
    """A public agency's 'administrative law requires we can explain every decision' was
    refused with 'Pick one of…' until it gave up."""
    q = catalog.by_slug("reasoning-telemetry").question("audit")
    typed = "yes, administrative law requires we can explain every decision, 10 years"
    assert parse_answer(q, typed).choices == ("regulated",)


def test_an_outcome_checked_by_people_is_judged_by_a_person(catalog: Catalog) -> None:
    """'coding is checked by auditors' was 'Outcomes can be checked automatically'."""
    q = catalog.by_slug("automation-frontier").question("checkable")
    assert "human" in parse_answer(q, "coding is checked by auditors").choices
    assert parse_answer(q, "we can check it against the ERP").choices == ("verify",)


@pytest.mark.parametrize(
    "typed", ["~2k prompt, ~500 completion", "2000 prompt tokens, 500 completion tokens"]
)
def test_tokens_named_by_prompt_and_completion_are_the_two_parts(
    catalog: Catalog, typed: str
) -> None:
    """'~2k prompt, ~500 completion' was refused: 'I read “2k prompt” as a number of prompts'."""
    tokens = catalog.by_slug("edge-economics").question("tokens")
    assert parse_answer(tokens, typed).numbers == {"input": 2000, "output": 500}


_WORDED = "read from your words; type the percentages to be exact"


@pytest.mark.parametrize(
    ("typed", "weights", "note"),
    [
        ("50-30-20", (50, 30, 20), None),
        ("50 – 30 – 20", (50, 30, 20), None),
        ("33% each", (33, 33, 33), None),
        ("1/3 each", (34, 33, 33), "read as equal shares"),
        ("⅓ each", (34, 33, 33), "read as equal shares"),
        ("a third each", (34, 33, 33), "read as equal shares"),
        ("gleich gewichtet", (34, 33, 33), _WORDED),
        ("à parts égales", (34, 33, 33), _WORDED),
    ],
)
def test_weights_dashed_or_alike_are_read_in_the_questions_order(
    catalog: Catalog, typed: str, weights: tuple[int, int, int], note: str | None
) -> None:
    """'50-30-20', '1/3 each', '⅓ each', '33% each', 'gleich gewichtet' were refused: 'I need 3
    numbers here' ('50-30' was taken for a range, its midpoint 40)."""
    a = parse_answer(q(catalog, "research-curation", "weights"), typed)
    assert a.numbers == dict(zip(("cost", "failure", "compute"), map(float, weights), strict=True))
    assert a.note == note


def test_a_fraction_each_that_does_not_fit_the_parts_is_still_asked(catalog: Catalog) -> None:
    with pytest.raises(AnswerError, match="I need 3 numbers"):
        parse_answer(q(catalog, "research-curation", "weights"), "1/2 each")


@pytest.mark.parametrize(
    ("typed", "window", "left"),
    [
        ("32k-128k", 32_000, "“128k”"),
        ("between 32k and 128k", 32_000, "“128k”"),
        ("gpt 128k, claude 200k", 128_000, "“200k”"),
    ],
)
def test_several_windows_are_read_as_the_smallest_and_said(
    catalog: Catalog, typed: str, window: int, left: str
) -> None:
    """'32k-128k' was 80,000 tokens, the midpoint of two windows: no model's window."""
    a = parse_answer(q(catalog, "attention-readiness", "context_window"), typed)
    assert a.number == window
    assert a.note is not None
    assert a.note.startswith("used the smallest, as a document fits only where it fits every")
    assert f"{left} left out" in a.note


@pytest.mark.parametrize(
    ("typed", "places"),
    [
        ("US and Europe, maybe Japan later", ("US", "Europe", "Japan later")),
        ("US/EU", ("US", "EU")),
        ("EU and the UK", ("EU", "the UK")),
        ("Germany und Österreich", ("Germany", "Österreich")),
        ("online and in print", ("online and in print",)),  # no places: as typed
    ],
)
def test_places_joined_by_and_or_a_slash_are_two(
    catalog: Catalog, typed: str, places: tuple[str, ...]
) -> None:
    """'US and Europe, maybe Japan later' was two places: “US and Europe” and “Japan later”."""
    a = parse_answer(q(catalog, "diffusion-ip-risk", "jurisdictions"), typed)
    assert a.items == places
