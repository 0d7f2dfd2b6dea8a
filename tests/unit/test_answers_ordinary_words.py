"""Ordinary answers that were misread without a word: each case is how a tester typed it, and
what the user now sees instead."""

from __future__ import annotations

import pytest

from consultations import engine
from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from tests.unit.test_engine import begin, step, typical

CONVERGENCE, ATTENTION, EDGE = "model-convergence", "attention-readiness", "edge-economics"
CURATION, DIFFUSION, SYNTHESIS = "research-curation", "diffusion-ip-risk", "strategy-synthesis"


@pytest.mark.parametrize(
    ("slug", "key", "typed"),
    [
        (EDGE, "requests", "none really"),  # was 0 requests a month
        (ATTENTION, "calls", "nothing"),
        (SYNTHESIS, "team_size", "none"),
    ],
)
def test_none_where_a_figure_is_needed_asks_for_a_rough_guess(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    question = catalog.by_slug(slug).question(key)
    with pytest.raises(AnswerError, match="a rough guess will do.*or type 0 if it really is none"):
        parse_answer(question, typed)


def test_none_where_none_is_a_fair_figure_is_still_0(catalog: Catalog) -> None:
    upkeep = catalog.by_slug(ATTENTION).question("upkeep_hours")
    assert parse_answer(upkeep, "none really").number == 0
    assert parse_answer(catalog.by_slug(EDGE).question("quality_loss"), "none").number == 0


@pytest.mark.parametrize(
    "typed",
    [
        "1M on gemini, 128k on the one we actually use",  # was 1M, which flips the verdict
        "128k on the one we actually use, 1M on gemini",  # was 1M "corrected after actually"
        "1M on gemini but we use gpt-4o with 128k",
        "gemini has 1M, ours is 128k",
    ],
)
def test_the_context_window_of_the_model_in_use_wins_over_another_named(
    catalog: Catalog, typed: str
) -> None:
    window = catalog.by_slug(ATTENTION).question("context_window")
    a = parse_answer(window, typed)
    assert a.number == 128_000
    assert a.note is not None and "“1M” left out" in a.note
    assert "corrected" not in a.note


def test_a_window_corrected_after_actually_is_still_the_later_one(catalog: Catalog) -> None:
    window = catalog.by_slug(ATTENTION).question("context_window")
    assert parse_answer(window, "128k, actually 200k").number == 200_000


def test_staff_days_typed_at_the_upkeep_are_no_correction_of_the_spend(catalog: Catalog) -> None:
    """ "actually it is 40 people so maybe 5 days each" at the engineer-days was read as a spend
    of $5, then asked again and again for "an amount of money"."""
    script = catalog.by_slug(CONVERGENCE)
    d = begin(script)
    for typed in ("gpt-4o for support, claude for code", "1", "$12k a month"):
        d = step(script, d.consultation, typed)
    d = step(script, d.consultation, "actually it is 40 people so maybe 5 days each")
    assert d.consultation.answers["monthly_spend"].number == 12_000
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "upkeep_days"
    assert d.outcome.confirm is not None and d.outcome.confirm.startswith("I read 200")


def test_days_beside_people_at_a_spend_are_a_time_not_money(catalog: Catalog) -> None:
    spend = catalog.by_slug(CONVERGENCE).question("monthly_spend")
    with pytest.raises(AnswerError, match="“5 days” as a time, but I need an amount of money"):
        parse_answer(spend, "40 people so maybe 5 days each")


@pytest.mark.parametrize("typed", ["actually we are 60 engineers", "actually we are 60 devs"])
def test_engineers_after_the_report_correct_the_team_size(catalog: Catalog, typed: str) -> None:
    """ "…60 people" changed the team size after the report; "…60 engineers" was refused."""
    script = catalog.by_slug(SYNTHESIS)
    d = begin(script)
    for q in script.questions:
        d = step(script, d.consultation, typical(q))
    assert isinstance(d.outcome, engine.Finished)
    d = step(script, d.consultation, typed)
    assert isinstance(d.outcome, engine.Finished)
    assert d.outcome.note == "Changed team size: 40 people → 60 people."
    assert d.consultation.answers["team_size"].number == 60


@pytest.mark.parametrize(
    "typed",
    ["it's me plus 1 contractor", "the team is me plus 1 contractor", "me, plus 1 contractor"],
)
def test_me_plus_one_contractor_is_two_people(catalog: Catalog, typed: str) -> None:
    """These were read as 1 person: the speaker was counted only when the answer began "me"."""
    team = catalog.by_slug(SYNTHESIS).question("team_size")
    a = parse_answer(team, typed)
    assert (a.number, a.note) == (2, "you and 1 more")


@pytest.mark.parametrize("typed", ["actually 40", "eigentlich 40"])
def test_a_cued_figure_at_a_choice_reopens_no_answer_it_is_unlikely_for(
    catalog: Catalog, typed: str
) -> None:
    """ "eigentlich 40" at the latency jumped back to question 1 as a volume of 40 requests,
    without a word of which answer it was changing."""
    script = catalog.by_slug(EDGE)
    d = begin(script)
    for q in script.questions[:3]:
        d = step(script, d.consultation, typical(q))
    d = step(script, d.consultation, typed)
    assert not d.changed and d.consultation.answers["requests"].number == 5_000_000
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "latency"
    assert d.outcome.reason == (
        f"“{typed}” names no answer; as volume (question 1, now 5,000,000 requests a month) 40 "
        "requests a month looks unlikely, so I have changed nothing: type `edit 1` to change "
        "it, or answer the question below."
    )
    d = step(script, d.consultation, "actually 8M")  # a likely figure still corrects, said so
    assert d.consultation.answers["requests"].number == 8_000_000
    assert isinstance(d.outcome, engine.Asked) and d.outcome.note is not None
    assert d.outcome.note.startswith("Changed volume: 5,000,000 requests a month → 8,000,000")


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        ("eigentlich auch DALL-E", ("DALL-E",)),  # was a vendor named "eigentlich auch DALL-E"
        ("Midjourney, en fait aussi DALL-E", ("Midjourney", "DALL-E")),
        ("Midjourney, actually also DALL-E", ("Midjourney", "DALL-E")),
    ],
)
def test_also_said_in_any_language_is_no_part_of_a_vendor(
    catalog: Catalog, typed: str, items: tuple[str, ...]
) -> None:
    vendors = catalog.by_slug(DIFFUSION).question("vendors")
    assert parse_answer(vendors, typed).items == items


@pytest.mark.parametrize(("slug", "key"), [(DIFFUSION, "content"), (DIFFUSION, "review")])
def test_nein_and_non_read_as_no_does(catalog: Catalog, slug: str, key: str) -> None:
    """ "nein" at "What could the images resemble…?" was asked again; "no" is None of these."""
    question = catalog.by_slug(slug).question(key)
    assert parse_answer(question, "nein").choices == parse_answer(question, "no").choices


def test_non_at_the_outage_is_no_typo_of_an_option(catalog: Catalog) -> None:
    """ "non" was read as Instant with nothing said (a near-miss of "none"); "no" is asked."""
    outage = catalog.by_slug(CONVERGENCE).question("outage_tolerance")
    with pytest.raises(AnswerError, match="Pick one"):
        parse_answer(outage, "non")


@pytest.mark.parametrize("typed", ["eigentlich doch ja", "actually yes", "oui"])
def test_a_yes_is_no_jurisdiction(catalog: Catalog, typed: str) -> None:
    """ "eigentlich doch ja" was recorded as the place the images are published."""
    places = catalog.by_slug(DIFFUSION).question("jurisdictions")
    with pytest.raises(AnswerError, match="I could not read that as an answer"):
        parse_answer(places, typed)
    assert parse_answer(places, "EU, US").items == ("EU", "US")


@pytest.mark.parametrize("typed", ["trop de variantes", "les variantes, trop risqué"])
def test_a_french_word_is_not_corrected_into_a_german_one(catalog: Catalog, typed: str) -> None:
    """A French user was told '(read “variantes” as “varianten”)'."""
    shelved = catalog.by_slug("automation-frontier").question("why_shelved")
    a = parse_answer(shelved, typed)
    assert a.choices is not None and "variability" in a.choices
    assert "varianten" not in (a.note or "")


def test_a_slip_of_the_keyboard_is_still_said_back(catalog: Catalog) -> None:
    latency = catalog.by_slug(EDGE).question("latency")
    assert parse_answer(latency, "few secunds is ok").note == "read “secunds” as “seconds”"


@pytest.mark.parametrize(("slug", "key"), [(SYNTHESIS, "constraints"), (ATTENTION, "workarounds")])
def test_a_decimal_comma_does_not_split_an_amount_said_back(
    catalog: Catalog, slug: str, key: str
) -> None:
    """ "budget, 1,5 Mio EUR" was said back as '“5 Mio EUR” left out'."""
    question = catalog.by_slug(slug).question(key)
    a = parse_answer(question, "budget, 1,5 Mio EUR")
    assert a.note == "“1,5 Mio EUR” matches no option, so it is left out"
    assert parse_answer(question, "Kosten: 1,5 Mio EUR im Jahr").note is None


def test_a_plus_between_steps_is_one_pipeline(catalog: Catalog) -> None:
    """ "chunker + vector search" was two pipelines, each judged on its own."""
    pipelines = catalog.by_slug(ATTENTION).question("pipelines")
    a = parse_answer(pipelines, "chunker + vector search, and a map-reduce summariser")
    assert a.items == ("chunker + vector search", "map-reduce summariser")
    labs = catalog.by_slug(CURATION).question("canon")  # a "+" still lists labs there
    assert parse_answer(labs, "deepmind + ai2").items == ("deepmind", "ai2")


@pytest.mark.parametrize(
    ("typed", "items", "note"),
    [
        ("about hallucination", ("hallucination",), None),  # was the topic "about hallucination"
        ("agents, about evals", ("agents", "evals"), None),
        ("agents, asdfgh", ("agents",), "“asdfgh” left out: I could not read it"),  # was a topic
    ],
)
def test_topics_are_what_is_named(
    catalog: Catalog, typed: str, items: tuple[str, ...], note: str | None
) -> None:
    topics = catalog.by_slug(CURATION).question("topics")
    a = parse_answer(topics, typed)
    assert (a.items, a.note) == (items, note)


def test_a_mashed_key_run_added_to_a_list_is_asked_again(catalog: Catalog) -> None:
    labs = catalog.by_slug(CURATION).question("canon")
    with pytest.raises(AnswerError, match="I could not read that as a list"):
        parse_answer(labs, "and asdfgh")  # was a lab named "asdfgh"


@pytest.mark.parametrize(
    "typed", ["no settled reason honestly, history", "no settled reason tbh", "history, honestly"]
)
def test_honestly_after_an_option_is_no_unmatched_words(catalog: Catalog, typed: str) -> None:
    """The first picked the right option, but said '“no settled reason honestly” matches no
    option'; the second was asked again."""
    reasons = catalog.by_slug(CONVERGENCE).question("reasons")
    a = parse_answer(reasons, typed)
    assert (a.choices, a.note) == (("unsettled",), None)


def test_not_really_is_still_a_no(catalog: Catalog) -> None:
    audit = catalog.by_slug("reasoning-telemetry").question("audit")
    assert parse_answer(audit, "not really").choices == ("none",)
