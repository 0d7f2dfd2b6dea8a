"""Corrections at any time, through the pure engine over the real scripts, up to the report."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.advisors import advise
from consultations.advisors.base import AdvisorInput
from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.state import Consultation, Delivery, Status
from tests.unit.test_engine import begin, step

EDGE_ANSWERS = [
    "5M",
    "1,200 in, 300 out",
    "$3 / $15",
    "2",
    "2",
    "5%",
    "$30,000 hardware, $2,000 a month",
    "36 months",
]


def walk(catalog: Catalog, texts: list[str]) -> tuple[Consultation, engine.Decision]:
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in texts:
        d = step(script, d.consultation, text)
    return d.consultation, d


def api_total(catalog: Catalog, c: Consultation) -> str:
    script = catalog.by_slug("edge-economics")
    report = advise(AdvisorInput(script=script, answers=c.answers, context=catalog.context))
    return report.figure("API total per month").display


def test_a_correction_typed_mid_way_reaches_the_report(catalog: Catalog) -> None:
    texts = [
        *EDGE_ANSWERS[:4],
        "actually it's 8 million requests a month, not 5",
        *EDGE_ANSWERS[4:],
    ]
    c, d = walk(catalog, texts)
    assert c.answers["requests"].number == 8_000_000
    assert isinstance(d.outcome, engine.Finished)
    assert api_total(catalog, c) == "$64,800"


def test_a_correction_says_what_changed_and_returns_to_where_the_user_was(
    catalog: Catalog,
) -> None:
    c, d = walk(catalog, [*EDGE_ANSWERS[:3], "change the volume to 8M"])
    assert isinstance(d.outcome, engine.Asked)
    assert d.outcome.number == 4  # still at the latency question
    assert (
        d.outcome.note == "Changed volume: 5,000,000 requests a month → 8,000,000 requests a month."
    )
    assert c.answers["requests"].number == 8_000_000


def test_a_plain_statement_naming_an_earlier_question_corrects_it(catalog: Catalog) -> None:
    c, d = walk(catalog, [*EDGE_ANSWERS[:4], "the price is $2.50 / $10"])
    assert c.answers["price"].numbers == {"input": 2.5, "output": 10}
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 5


def test_an_answer_that_only_mentions_a_word_is_not_taken_for_a_correction(
    catalog: Catalog,
) -> None:
    c, d = walk(catalog, [*EDGE_ANSWERS[:4], "customer data under GDPR"])
    assert c.answers["sensitivity"].choices == ("confidential",)
    assert c.answers["requests"].number == 5_000_000


def test_edit_n_reopens_a_question_and_comes_back(catalog: Catalog) -> None:
    c, d = walk(catalog, [*EDGE_ANSWERS[:3], "edit 1"])
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 1
    assert d.outcome.note == "Your answer was: 5,000,000 requests a month. Type the new one."
    script = catalog.by_slug("edge-economics")
    d = step(script, c, "8M")
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 4
    assert (
        d.outcome.note == "Changed volume: 5,000,000 requests a month → 8,000,000 requests a month."
    )


def test_after_the_report_edit_reopens_and_finishes_again(catalog: Catalog) -> None:
    c, d = walk(catalog, EDGE_ANSWERS)
    assert isinstance(d.outcome, engine.Finished) and d.changed
    done = c.editable()  # as the worker leaves it: report written and delivered
    done.narrative, done.narrated_by, done.delivery = "The report.", "offline", Delivery.DELIVERED
    script = catalog.by_slug("edge-economics")

    refused = step(script, done, "hello")
    assert isinstance(refused.outcome, engine.Refused) and not refused.changed
    assert "edit N" in refused.outcome.reason

    d = step(script, done, "edit 1")
    assert d.changed and d.consultation.status is Status.ACTIVE
    assert d.consultation.narrative is None and d.consultation.delivery is Delivery.NONE
    d = step(script, d.consultation, "8M")
    assert isinstance(d.outcome, engine.Finished) and d.changed
    assert d.consultation.status is Status.COMPLETED
    assert d.consultation.delivery is Delivery.PENDING  # the report is written again
    assert api_total(catalog, d.consultation) == "$64,800"

    d = step(script, d.consultation, "actually it's 5 million requests a month, not 8")
    assert isinstance(d.outcome, engine.Finished) and d.changed  # a correction also reopens
    assert api_total(catalog, d.consultation) == "$40,500"


@pytest.mark.parametrize(
    ("typed", "key", "value"),
    [
        ("what if volume was only 8M", "requests", 8_000_000),
        ("and if the hardware cost 100k?", "local_cost", {"hardware": 100_000, "monthly": 2_000}),
        ("suppose the price is $2.50 / $10", "price", {"input": 2.5, "output": 10}),
    ],
)
def test_a_what_if_in_words_after_the_report_writes_it_again(
    catalog: Catalog, typed: str, key: str, value: object
) -> None:
    """The report ends 'What if?': 'what if volume was only 5M' was refused ('This
    consultation is finished')."""
    c, d = walk(catalog, EDGE_ANSWERS)
    done = c.editable()
    done.narrative, done.narrated_by, done.delivery = "The report.", "offline", Delivery.DELIVERED
    d = step(catalog.by_slug("edge-economics"), done, typed)
    assert isinstance(d.outcome, engine.Finished) and d.changed
    got = d.consultation.answers[key]
    assert (got.numbers if isinstance(value, dict) else got.number) == value


def test_if_at_the_start_of_an_answer_to_the_current_question_is_an_answer(
    catalog: Catalog,
) -> None:
    c, d = walk(catalog, [*EDGE_ANSWERS[:3], "if requests are batched, a few seconds is fine"])
    assert c.answers["latency"].choices == ("relaxed",)
    assert c.answers["requests"].number == 5_000_000


def test_the_last_message_lists_the_answers_the_report_uses(catalog: Catalog) -> None:
    _, d = walk(catalog, EDGE_ANSWERS)
    assert isinstance(d.outcome, engine.Finished)
    assert d.outcome.summary is not None
    assert "volume 5,000,000" in d.outcome.summary
    assert "price input $3, output $15" in d.outcome.summary
    assert "amortisation 36 months" in d.outcome.summary


def test_edit_out_of_range_changes_nothing(catalog: Catalog) -> None:
    c, d = walk(catalog, [*EDGE_ANSWERS[:2], "edit 12"])
    assert isinstance(d.outcome, engine.Asked) and d.outcome.reason
    assert "1 to 8" in d.outcome.reason and not d.changed


def test_free_text_that_mentions_an_earlier_topic_is_an_answer(catalog: Catalog) -> None:
    script = catalog.by_slug("strategy-synthesis")
    d = begin(script)
    for text in ("CTO", "retail banking", "40 engineers"):
        d = step(script, d.consultation, text)
    d = step(script, d.consultation, "No, we mostly use it in retail banking for support chat")
    c = d.consultation
    assert c.answers["industry"].text == "retail banking"  # not "corrected"
    assert c.answers["ai_use"].text is not None and "support chat" in c.answers["ai_use"].text
    d = step(script, c, "change the industry to insurance")  # an explicit one still works
    assert d.consultation.answers["industry"].text == "insurance"


def test_a_correction_naming_nothing_fixes_the_last_answer_when_it_points_back(
    catalog: Catalog,
) -> None:
    c, d = walk(catalog, ["2.500.000", "wait, I meant 3 million"])
    assert c.answers["requests"].number == 3_000_000
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 2
    assert d.outcome.note == (
        "Changed volume: 2,500,000 requests a month → 3,000,000 requests a month."
    )
    c, d = walk(catalog, EDGE_ANSWERS[:2] + ["make that 1500 in, 400 out"])
    assert c.answers["tokens"].numbers == {"input": 1500, "output": 400}
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 3


def test_a_cue_word_before_words_that_answer_the_current_question_is_an_answer(
    catalog: Catalog,
) -> None:
    c, d = walk(catalog, ["5M", "sorry, 1200 in 300 out"])
    assert c.answers["requests"].number == 5_000_000
    assert c.answers["tokens"].numbers == {"input": 1200, "output": 300}
    c, d = walk(catalog, ["5M", "oops, 8 million"])  # cannot be tokens in and out: the volume
    assert c.answers["requests"].number == 8_000_000 and "tokens" not in c.answers


def test_a_bare_figure_after_a_cue_at_a_free_text_question_corrects_the_last_figure(
    catalog: Catalog,
) -> None:
    script = catalog.by_slug("attention-readiness")
    d = begin(script)
    for text in ["contract chunker", "1", "80k", "128k", "12k a day", "$3", "half a day a week"]:
        d = step(script, d.consultation, text)
    d = step(script, d.consultation, "sorry, 2 hours a week")
    c = d.consultation
    assert "incidents" not in c.answers
    assert 8.6 < c.answers["upkeep_hours"].number < 8.8  # type: ignore[operator]
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 8
    assert d.outcome.note is not None and d.outcome.note.startswith(
        "Changed upkeep: 17.39 hours → 8.7"
    )
    d = step(script, c, "sorry, the chunker dropped clauses twice in 2025")
    assert "dropped clauses" in (d.consultation.answers["incidents"].text or "")


def test_no_idea_is_never_read_as_no_or_none(catalog: Catalog) -> None:
    ip = catalog.by_slug("diffusion-ip-risk")
    d = begin(ip)
    for text in ["ads", "Midjourney", "no idea"]:
        d = step(ip, d.consultation, text)
    assert "content" not in d.consultation.answers  # not "None of these"
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 3
    assert d.outcome.reason is not None and "rough guess will do" in d.outcome.reason
    for text in ["not sure, probably logos", "EU", "no idea, haven't checked the contract"]:
        d = step(ip, d.consultation, text)
    assert d.consultation.answers["content"].choices == ("brands",)
    assert d.consultation.answers["indemnity"].choices == ("unknown",)  # its own option


def test_no_idea_skips_an_optional_question_and_a_hedged_figure_is_read(catalog: Catalog) -> None:
    att = catalog.by_slug("attention-readiness")
    d = begin(att)
    for text in ["contract chunker", "1", "80k", "128k", "not sure, maybe 200k a month", "dunno"]:
        d = step(att, d.consultation, text)
    c = d.consultation
    assert c.answers["calls"].number == 200_000
    assert c.answers["input_price"].skipped
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 7


def test_an_unnamed_correction_reaches_back_to_the_figure_it_can_answer(
    catalog: Catalog,
) -> None:
    c, d = walk(catalog, ["2.500.000", "1200 in, 300 out", "wait, I meant 3 million"])
    assert c.answers["requests"].number == 3_000_000
    assert c.answers["tokens"].numbers == {"input": 1200, "output": 300}
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 3


def test_not_sure_at_a_doubted_figure_drops_it_and_asks_for_a_rough_guess(
    catalog: Catalog,
) -> None:
    conv = catalog.by_slug("model-convergence")
    d = begin(conv)
    for text in ["GPT-4o, Claude", "price", "2"]:  # 2 a month in API spend: doubted
        d = step(conv, d.consultation, text)
    assert d.consultation.pending is not None
    d = step(conv, d.consultation, "not sure")
    assert d.consultation.pending is None  # not asked "I read 2 — is that right?" again
    assert isinstance(d.outcome, engine.Asked) and d.outcome.confirm is None
    assert d.outcome.reason is not None and "rough guess will do" in d.outcome.reason
    d = step(conv, d.consultation, "2 days a month")  # a time typed at the money question
    assert isinstance(d.outcome, engine.Asked) and d.outcome.reason is not None
    assert "I need an amount of money" in d.outcome.reason
    assert "monthly_spend" not in d.consultation.answers


def test_a_question_about_the_question_is_answered_not_refused(catalog: Catalog) -> None:
    edge = catalog.by_slug("edge-economics")
    d = step(edge, begin(edge).consultation, "what do you mean by requests?")
    assert isinstance(d.outcome, engine.Asked) and d.outcome.reason is not None
    assert d.outcome.reason.startswith("A request is one call to the model")  # what it means
    assert "Why I ask: Volume decides" in d.outcome.reason
    assert "For example: about 5M" in d.outcome.reason
    assert "requests" not in d.consultation.answers
    d = step(edge, d.consultation, "asdfgh")  # nonsense is still told what is needed
    assert d.outcome.reason is not None and d.outcome.reason.startswith("I need a number")


@pytest.mark.parametrize(
    ("typed", "local"),
    [
        ("change the hardware to 45k", {"hardware": 45_000, "monthly": 2_000}),
        ("no wait, 1.5k a month", {"hardware": 30_000, "monthly": 1_500}),
        ("actually operations are 1.5k a month", {"hardware": 30_000, "monthly": 1_500}),
    ],
)
def test_one_part_of_a_two_part_figure_is_corrected_and_the_other_kept(
    catalog: Catalog, typed: str, local: dict[str, float]
) -> None:
    first = ["5M", "1200 in, 300 out", "$3 / $15", "1", "1", "5%", "$30k box, 2k/month"]
    c, d = walk(catalog, [*first, typed])
    assert c.answers["local_cost"].numbers == local
    assert "amortisation" not in c.answers  # not read as 45,000 or 1,500 months
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 8
    assert d.outcome.note is not None and d.outcome.note.startswith("Changed local cost")


def test_hardware_said_to_be_owned_is_not_doubted_as_implausibly_cheap(catalog: Catalog) -> None:
    first = ["5M", "1200 in, 300 out", "$3 / $15", "1", "1", "5%"]
    c, d = walk(catalog, [*first, "we already own the GPUs, just power ~500/month"])
    assert c.answers["local_cost"].numbers == {"hardware": 0, "monthly": 500}
    assert c.pending is None  # not "I read 0 — below what hardware costs. Is that right?"
    assert isinstance(d.outcome, engine.Finished)  # no hardware: its write-off is not asked
    assert d.outcome.settled and "Question 8 (amortisation) is not asked" in d.outcome.settled


def test_a_part_corrected_while_its_figure_is_doubted_keeps_the_other(catalog: Catalog) -> None:
    first = ["5M", "1200 in, 300 out", "$3 / $15", "1", "1", "5%", "$50 hardware, 2k a month"]
    c, d = walk(catalog, first)
    assert c.pending is not None  # $50 of hardware is doubted
    for typed in ("change the hardware to 45k", "45k"):  # named, or the part that was doubted
        c, d = walk(catalog, [*first, typed])
        assert c.answers["local_cost"].numbers == {"hardware": 45_000, "monthly": 2_000}
        assert c.answers["local_cost"].raw == typed  # stored as typed, nothing made up
        assert c.pending is None and isinstance(d.outcome, engine.Asked)
        assert d.outcome.number == 8


def test_docs_named_in_a_correction_correct_the_document_length(catalog: Catalog) -> None:
    att = catalog.by_slug("attention-readiness")
    d = begin(att)
    for text in ["contract RAG", "1", "80k", "200k", "wait, docs are more like 150 pages"]:
        d = step(att, d.consultation, text)
    c = d.consultation
    assert (
        c.answers["doc_tokens"].number == 75_000 and c.answers["context_window"].number == 200_000
    )


def _curation(catalog: Catalog, texts: list[str]) -> tuple[Consultation, engine.Decision]:
    script = catalog.by_slug("research-curation")
    d = begin(script)
    for text in texts:
        d = step(script, d.consultation, text)
    return d.consultation, d


CURATION = ["CTO; vendor choices", "long context, quantisation", "Tri Dao", "arxiv"]


@pytest.mark.parametrize(
    ("typed", "hours"),
    [
        ("10 hours a week, edit: more like 6", 6.0),
        ("10h, no wait, 6h", 6.0),
        ("2 hours, sorry I mean 1", 1.0),
        ("we actually read 3 hours", 3.0),  # "actually" that corrects nothing
    ],
)
def test_a_figure_corrected_inside_its_answer_is_read_from_the_correction(
    catalog: Catalog, typed: str, hours: float
) -> None:
    c, _ = _curation(catalog, [*CURATION, typed])
    assert c.answers["hours"].number == hours
    assert c.answers["hours"].raw == typed


def test_an_option_corrected_inside_its_answer_is_read_from_the_correction(
    catalog: Catalog,
) -> None:
    c, _ = _curation(catalog, [*CURATION, "2 hours", "50/30/20", "daily actually no, weekly"])
    assert c.answers["cadence"].choices == ("weekly",)
    review = catalog.by_slug("diffusion-ip-risk").question("review")
    typed = "our designer eyeballs them, actually no, legal checks every image since last month"
    assert parse_answer(review, typed).choices == ("legal",)


@pytest.mark.parametrize("typed", ["no", "none really", "nobody yet", "n/a", "nothing."])
def test_none_at_an_optional_list_skips_it_rather_than_listing_the_word(
    catalog: Catalog, typed: str
) -> None:
    c, _ = _curation(catalog, [*CURATION[:2], typed])
    assert c.answers["canon"].skipped
    c, d = _curation(catalog, [*CURATION, "2 hours", "50/30/20", "weekly", typed])
    assert c.answers["to_triage"].skipped
    script = catalog.by_slug("research-curation")
    report = advise(AdvisorInput(script=script, answers=c.answers, context=catalog.context))
    assert all("triage of what you pasted" not in s.title for s in report.sections)


@pytest.mark.parametrize("typed", ["not sure, whatever is standard", "default", "you pick"])
def test_sources_left_to_the_bot_are_the_default_feed_said_back(
    catalog: Catalog, typed: str
) -> None:
    c, d = _curation(catalog, [*CURATION[:3], typed])
    assert c.answers["sources"].choices == ("arxiv",)
    c, d = _curation(catalog, [*CURATION[:3], "not sure"])  # optional now: skipped, not stuck
    assert c.answers["sources"].skipped and "hours" not in c.answers


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        ("attention-readiness", "context_window", "128k, actually 200k", 200_000),
        (
            "attention-readiness",
            "context_window",
            "gemini 1.5 pro so 1M, actually we moved to 2M",
            2_000_000,
        ),
        ("edge-economics", "requests", "4k, actually 40k not 4k", 40_000),
        ("edge-economics", "requests", "5M, sorry 6M", 6_000_000),
        ("edge-economics", "requests", "4k no wait 40k", 40_000),
        ("model-convergence", "monthly_spend", "$12k, or rather $15k", 15_000),
    ],
)
def test_a_figure_corrected_inside_one_answer_is_the_later_one_said_back(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    """ "128k, actually 200k" was read as 128k, silently: the correction wins and is said."""
    question = catalog.by_slug(slug).question(key)
    answer = parse_answer(question, typed)
    assert answer.number == value
    assert answer.note is not None and "corrected" in answer.note


def test_one_part_corrected_inside_one_answer_keeps_the_other(catalog: Catalog) -> None:
    question = catalog.by_slug("edge-economics").question("local_cost")
    answer = parse_answer(question, "$30k hardware, $2k a month, actually $3k a month")
    assert answer.numbers == {"hardware": 30_000, "monthly": 3_000}


def test_actually_without_a_second_figure_changes_nothing(catalog: Catalog) -> None:
    question = catalog.by_slug("edge-economics").question("requests")
    assert parse_answer(question, "5M, actually not sure").number == 5_000_000


def test_a_hedge_before_a_description_stays_with_it(catalog: Catalog) -> None:
    """ "not sure yet, it just gives wrong answers sometimes" was kept as "yet, it just …"."""
    tel = catalog.by_slug("reasoning-telemetry")
    d = begin(tel)
    typed = "not sure yet, it just gives wrong answers sometimes"
    for text in ["support bot", "CRM api", typed]:
        d = step(tel, d.consultation, text)
    assert d.consultation.answers["failures"].text == typed


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("hours, actually no we need instant failover", "instant"),
        ("a few minutes, sorry, hours", "hours"),
    ],
)
def test_a_choice_corrected_inside_one_answer_takes_the_later_one(
    catalog: Catalog, typed: str, value: str
) -> None:
    question = catalog.by_slug("model-convergence").question("outage_tolerance")
    a = parse_answer(question, typed)
    assert a.choices == (value,) and a.note is not None and a.note.startswith("corrected from ")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("users wait in a chat window", "interactive"),  # "wait" is what users do here
        ("it's actually mostly batch", "batch"),  # nothing before "actually" is taken back
    ],
)
def test_a_cue_word_that_takes_nothing_back_is_not_said_as_a_correction(
    catalog: Catalog, typed: str, value: str
) -> None:
    a = parse_answer(catalog.by_slug("edge-economics").question("latency"), typed)
    assert a.choices == (value,)
    assert "corrected" not in (a.note or "")


def test_a_correction_between_options_says_what_it_replaced(catalog: Catalog) -> None:
    question = catalog.by_slug("edge-economics").question("latency")
    a = parse_answer(question, "batch, actually no, users wait for it, so within a second")
    assert a.choices == ("interactive",)
    assert a.note == "corrected from Batch: minutes or hours after “actually”"


CONVERGENCE_ANSWERS = [
    "Azure OpenAI GPT-4o for customer letters, Mistral Large in Frankfurt for internal search, "
    "Claude via Bedrock for code assist",
    "compliance + redundancy",
    "€85.000 per month",
    "5-8 days",
    "n/a",
    "instant, we're a bank",
]


def test_a_vendor_added_after_the_report_joins_the_list_and_nothing_else_changes(
    catalog: Catalog,
) -> None:
    """'actually we have 4 vendors, we also use Cohere' was read as 4 engineer-days of upkeep."""
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    for text in CONVERGENCE_ANSWERS:
        d = step(script, d.consultation, text)
    assert isinstance(d.outcome, engine.Finished)
    upkeep = d.consultation.answers["upkeep_days"].number

    d = step(
        script, d.consultation, "actually we have 4 vendors, we also use Cohere for embeddings"
    )
    assert isinstance(d.outcome, engine.Finished) and d.changed  # the report is written again
    c = d.consultation
    assert c.answers["upkeep_days"].number == upkeep == 6.5
    assert c.answers["vendors"].items[-1] == "Cohere for embeddings"
    assert len(c.answers["vendors"].items) == 4
    assert d.outcome.note is not None and d.outcome.note.startswith(
        "Added to vendors: Cohere for embeddings (now 4:"
    )


def test_a_count_naming_another_question_is_no_unnamed_correction(catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    for text in CONVERGENCE_ANSWERS[:5]:
        d = step(script, d.consultation, text)
    d = step(script, d.consultation, "sorry, 4 vendors")  # at the outage question
    assert d.consultation.answers["upkeep_days"].number == 6.5
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 6


def test_a_correction_says_how_it_read_a_range(catalog: Catalog) -> None:
    c, d = walk(catalog, [*EDGE_ANSWERS[:6], "change the quality loss to 3-5%"])
    assert c.answers["quality_loss"].number == 4
    assert d.outcome.note is not None and "the midpoint of 3%–5%" in d.outcome.note, d.outcome.note


def test_a_figure_taken_back_with_decimals_leaves_nothing_behind(catalog: Catalog) -> None:
    """'the price is €3 / €12 not €2.50' read the output price as €12.50: the '.50' of the
    figure taken back was left over."""
    c, _ = walk(catalog, [*EDGE_ANSWERS[:4], "sorry, the price is $3.50 / $12 not $2.50"])
    assert c.answers["price"].numbers == {"input": 3.5, "output": 12}


def test_i_meant_after_a_list_rewrites_that_list(catalog: Catalog) -> None:
    """'sorry I meant: support bot on gpt-4o-mini and …' typed at the reasons question was
    refused as a bad choice."""
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    d = step(script, d.consultation, "support bot, internal search")
    d = step(
        script,
        d.consultation,
        "sorry I meant: support bot on gpt-4o-mini, internal search on claude haiku",
    )
    assert d.consultation.answers["vendors"].items == (
        "support bot on gpt-4o-mini",
        "internal search on claude haiku",
    )
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 2
    assert d.outcome.note is not None and d.outcome.note.startswith("Changed vendors")


def test_a_question_about_a_list_question_is_answered_not_listed(catalog: Catalog) -> None:
    script = catalog.by_slug("reasoning-telemetry")
    d = begin(script)
    d = step(script, d.consultation, "we run a contract-review agent and a support triage agent")
    assert d.consultation.answers["agents"].items == (
        "contract-review agent",
        "support triage agent",
    )
    d = step(script, d.consultation, "hmm not sure what you mean by tool protocols?")
    assert "tools" not in d.consultation.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 2
    assert d.outcome.reason is not None and d.outcome.reason.startswith("Why I ask:")


def test_a_figure_about_something_no_question_asks_changes_no_earlier_answer(
    catalog: Catalog,
) -> None:
    """'actually the budget is 50k' (no question asks a budget) changed the volume; refusing
    it must not refuse 'our contracts are about 30k tokens', which answers the question asked."""
    c, d = walk(catalog, [*EDGE_ANSWERS[:2], "actually the budget is 50k"])
    assert c.answers["requests"].number == 5_000_000
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 3
    assert d.outcome.reason is not None and "No question here asks about the budget" in (
        d.outcome.reason
    )
    script = catalog.by_slug("attention-readiness")
    d = begin(script)
    for text in ("chunker", "sliding windows", "actually our contracts are about 30k tokens"):
        d = step(script, d.consultation, text)
    assert d.consultation.answers["doc_tokens"].number == 30_000


def test_change_n_to_is_an_edit_only_of_a_question_that_exists(catalog: Catalog) -> None:
    c, d = walk(catalog, [*EDGE_ANSWERS[:4], "change 1 to 8M"])
    assert c.answers["requests"].number == 8_000_000 and d.outcome.number == 5  # type: ignore[union-attr]
    script = catalog.by_slug("diffusion-ip-risk")  # free words that merely look like one
    for text in ("make 2 to 3 banners a week", "set 10 to 20 banners a week for ads"):
        d = step(script, begin(script).consultation, text)
        assert d.consultation.answers["use"].raw == text


def test_a_correction_after_a_filler_word_is_a_correction(catalog: Catalog) -> None:
    """'hmm actually the volume is more like 4 million' was read as the latency answer."""
    c, d = walk(catalog, [*EDGE_ANSWERS[:3], "hmm actually the volume is more like 4 million"])
    assert c.answers["requests"].number == 4_000_000
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 4


def test_the_next_answer_typed_at_a_confirmation_is_not_taken_for_this_one(
    catalog: Catalog,
) -> None:
    """'1000 in 200 out' typed at 'I read 50 — is that right?' became 1,000 requests."""
    c, d = walk(catalog, ["50", "1000 in 200 out"])
    assert "requests" not in c.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "requests"
    assert "That reads like the answer to question 2 (tokens)" in (d.outcome.reason or "")
    c, d = walk(catalog, ["50", "1000 in 200 out", "yes", "1000 in 200 out"])
    assert c.answers["requests"].number == 50
    assert c.answers["tokens"].numbers == {"input": 1000, "output": 200}


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("actually 3 years", "Amortisation is already 36 months."),
        (
            "actually the budget is 50k",
            "No question here asks about the budget, so I have not changed anything: type "
            "`edit N` to change answer N.",
        ),
    ],
)
def test_a_correction_that_changes_nothing_after_the_report_says_so(
    catalog: Catalog, typed: str, said: str
) -> None:
    """'actually 3 years' after '36 months' said 'Changed amortisation: 36 months → 36
    months.' and wrote and posted the report again; 'actually the budget is 50k' said only
    'This consultation is finished'."""
    c, _ = walk(catalog, EDGE_ANSWERS)
    done = c.editable()
    done.narrative, done.narrated_by, done.delivery = "The report.", "offline", Delivery.DELIVERED
    d = step(catalog.by_slug("edge-economics"), done, typed)
    assert not d.changed and d.outcome == engine.Refused(said)
    midway = walk(catalog, [*EDGE_ANSWERS[:2], "actually it's 5 million requests a month"])[1]
    assert isinstance(midway.outcome, engine.Asked) and not midway.changed  # asked again
    assert midway.outcome.reason == "Volume is already 5,000,000 requests a month."


def test_a_cue_and_a_figure_after_a_correction_corrects_the_same_answer(catalog: Catalog) -> None:
    """After the report, 'the hardware is 45k' then 'no wait 50k' said 'This consultation is
    finished', and 'actually 60M requests' then 'sorry, 7M' made the write-off 7 months."""
    script = catalog.by_slug("edge-economics")
    c, _ = walk(catalog, EDGE_ANSWERS)
    for typed in ("the hardware is 45k", "no wait 50k", "actually 60M requests", "sorry, 7M"):
        done = c.editable()
        done.narrative, done.narrated_by = "The report.", "offline"
        done.delivery = Delivery.DELIVERED
        d = step(script, done, typed)
        assert isinstance(d.outcome, engine.Finished), (typed, d.outcome)
        c = d.consultation
    assert c.answers["local_cost"].numbers == {"hardware": 50_000, "monthly": 2_000}
    assert c.answers["requests"].number == 7_000_000
    assert c.answers["amortisation"].number == 36


@pytest.mark.parametrize(
    ("typed", "said"),
    [  # each showed the options of question 5 again, nothing changed
        ("ach nein, 1,5 Mio Anfragen", "Changed volume: 1,200,000 requests a month → 1,500,000"),
        ("scratch that: 1.5M requests", "Changed volume: 1,200,000 requests a month → 1,500,000"),
        ("pardon, 1,5 millions de requêtes", "Changed volume: 1,200,000 requests a month → 1,5"),
    ],
)
def test_a_figure_taken_back_in_other_words_changes_the_answer_it_names(
    catalog: Catalog, typed: str, said: str
) -> None:
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in ["1.2M", "800/300", "2.50/10", "1", typed]:
        d = step(script, d.consultation, text)
    assert d.consultation.answers["requests"].number == 1_500_000
    assert "sensitivity" not in d.consultation.answers
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 5
    assert d.outcome.note is not None and d.outcome.note.startswith(said), d.outcome.note


def test_a_choice_put_right_in_words_changes_the_choice_just_answered(catalog: Catalog) -> None:
    """'actually it's confidential' at the quality-loss question, right after 'public' at the
    sensitivity, was refused: 'I need a number here'."""
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in ["1.2M", "800/300", "2.50/10", "1", "public", "actually it's confidential"]:
        d = step(script, d.consultation, text)
    assert d.consultation.answers["sensitivity"].choices == ("confidential",)
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 6
    assert d.outcome.note is not None and d.outcome.note.startswith("Changed sensitivity:")


def test_a_choice_put_right_after_the_report_is_changed(catalog: Catalog) -> None:
    """'actually we can wait hours' after the report said 'This consultation is finished …
    write the correction in your own words': the words were a correction."""
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    for text in ["gpt-4o, claude", "2", "12k", "3 days", "none", "1"]:
        d = step(script, d.consultation, text)
    assert isinstance(d.outcome, engine.Finished)
    d = step(script, d.consultation, "actually we can wait hours")
    assert isinstance(d.outcome, engine.Finished) and d.changed
    assert d.consultation.answers["outage_tolerance"].choices == ("hours",)


@pytest.mark.parametrize("typed", ["actually 2", "sorry, 3"])
def test_a_bare_number_after_a_cue_is_no_option_of_an_earlier_choice(
    catalog: Catalog, typed: str
) -> None:
    script = catalog.by_slug("edge-economics")
    d = begin(script)
    for text in ["1.2M", "800/300", "2.50/10", "1", "public", typed]:
        d = step(script, d.consultation, text)
    assert d.consultation.answers["sensitivity"].choices == ("public",)


@pytest.mark.parametrize(
    "typed",
    [
        "ändere die Ausgaben auf 20k",  # each was 'This consultation is finished …'
        "setz das Budget auf 20k",
        "corrige les dépenses à 20k",
        "mets le budget à 20k",
    ],
)
def test_a_change_asked_in_german_or_french_is_made(catalog: Catalog, typed: str) -> None:
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    for text in ["gpt-4o, claude", "2", "12k", "3 days", "none", "1", typed]:
        d = step(script, d.consultation, text)
    assert d.consultation.answers["monthly_spend"].number == 20_000
    assert isinstance(d.outcome, engine.Finished) and d.changed


def test_undo_after_a_change_to_the_report_takes_the_change_back(catalog: Catalog) -> None:
    """'undo' after 'change the upkeep to 2 days' (the report written again) was refused: 'This
    consultation is finished …'."""
    script = catalog.by_slug("model-convergence")
    d = begin(script)
    for text in [
        "gpt-4o, claude",
        "2",
        "12k",
        "3 days",
        "none",
        "1",
        "change the upkeep to 2 days",
    ]:
        d = step(script, d.consultation, text)
    assert d.consultation.answers["upkeep_days"].number == 2
    d = step(script, d.consultation, "undo")
    assert isinstance(d.outcome, engine.Finished) and d.changed
    assert d.consultation.answers["upkeep_days"].number == 3
    assert d.outcome.note is not None and "Undone: upkeep is 3 engineer-days" in d.outcome.note


@pytest.mark.parametrize("typed", ["actually 8M not 5", "actually 8M not 5M", "sorry, 8M, not 5"])
def test_the_figure_taken_back_finds_its_answer_however_far_back(
    catalog: Catalog, typed: str
) -> None:
    """'actually 8M not 5' at the sixth question (the volume answered five questions earlier)
    was read as the quality loss and refused: 'That looks too high: at most 100%'. The '5'
    taken back is what the volume said."""
    c, d = walk(catalog, [*EDGE_ANSWERS[:5], typed])
    assert c.answers["requests"].number == 8_000_000
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 6
    assert (
        d.outcome.note == "Changed volume: 5,000,000 requests a month → 8,000,000 requests a month."
    )
    c, d = walk(catalog, [*EDGE_ANSWERS[:5], typed, *EDGE_ANSWERS[5:]])
    assert api_total(catalog, c) == "$64,800"


def test_a_figure_taken_back_that_no_answer_said_changes_nothing(catalog: Catalog) -> None:
    c, d = walk(catalog, [*EDGE_ANSWERS[:5], "actually 8M not 7M"])
    assert c.answers["requests"].number == 5_000_000
    assert isinstance(d.outcome, engine.Asked) and d.outcome.number == 6
