"""The digest's pure parts: when it is due, reading `subscribe`, picking and nudging."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from consultations.answers import parse_answer
from consultations.catalog import load_catalog
from consultations.digest import (
    Subscription,
    cadence_words,
    due_period,
    nudged,
    parse_subscribe,
    personal_options,
    pick,
)
from consultations.text import inert
from consultations.triage.papers import Paper
from consultations.triage.pipeline import triage
from consultations.triage.scorer import Profile

CADENCE = load_catalog().by_slug("research-curation").question("cadence")
SAID = cadence_words(CADENCE)  # what `digest mine …` reads as a cadence, as bootstrap wires it
SUB = Subscription(
    platform="slack", workspace="T1", channel="C1", day=0, at=time(9), timezone="Europe/Paris"
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_due_once_per_week_from_the_local_slot() -> None:
    assert due_period(SUB, at("2026-11-23T07:59:00"), None) == "2026-W47"  # before 09:00 Paris
    assert due_period(SUB, at("2026-11-23T08:01:00"), "2026-W47") == "2026-W48"
    assert due_period(SUB, at("2026-11-27T12:00:00"), "2026-W48") is None  # already out
    assert due_period(SUB, at("2026-11-30T08:01:00"), "2026-W48") == "2026-W49"


def test_subscribe_words_in_any_order_and_clear_errors() -> None:
    assert parse_subscribe(["friday", "<#C9|research>", "17:30", "America/New_York"]) == {
        "day": 4,
        "channel": "C9",
        "at": time(17, 30),
        "timezone": "America/New_York",
    }
    with pytest.raises(ValueError, match="did not understand 'sometimes'"):
        parse_subscribe(["sometimes"])


@pytest.mark.parametrize(
    ("typed", "at"),
    [
        ("fridays 9am CET", time(9)),
        ("friday at 9 am cet", time(9)),
        ("tue 5:30pm PST", time(17, 30)),
        ("every monday at 8.30am", time(8, 30)),
        ("thu 21h", time(21)),
        ("thu 9h30", time(9, 30)),
        ("wed noon", time(12)),
    ],
)
def test_times_of_day_as_people_type_them(typed: str, at: time) -> None:
    assert parse_subscribe(typed.split())["at"] == at


@pytest.mark.parametrize("typed", ["mon 25:00", "mon 13pm", "mon 9"])
def test_a_time_that_is_not_one_is_refused_with_the_format(typed: str) -> None:
    with pytest.raises(ValueError, match="9am"):
        parse_subscribe(typed.split())
    with pytest.raises(ValueError, match="unknown time zone"):
        Subscription(platform="slack", workspace="T1", channel="C1", timezone="Mars/Olympus")


def test_pick_skips_what_was_posted_and_what_answers_nothing() -> None:
    papers = [
        Paper(id="a", title="4-bit quantization on-device"),
        Paper(id="b", title="Speculative decoding 3x faster"),
        Paper(id="c", title="A survey of poetry"),
    ]
    ranked = triage(papers, top=None)
    assert [r.id for r in pick(ranked, posted={"a"}, top=5)] == ["b"]


def test_reactions_tilt_the_weights_within_bounds() -> None:
    base = Profile()
    tilted = nudged(base, {"cost": -10, "failure": 3})
    assert tilted.weights["cost"] < base.weights["cost"] < tilted.weights["failure"]
    assert sum(tilted.weights.values()) == pytest.approx(1.0)
    assert nudged(base, {}) == base


@pytest.mark.parametrize(
    ("word", "day"),
    [("monday", 0), ("Mon", 0), ("tues", 1), ("Wed", 2), ("thurs", 3), ("FRIDAYS", 4), ("sun", 6)],
)
def test_days_match_whole_words_and_their_abbreviations(word: str, day: int) -> None:
    assert parse_subscribe([word]) == {"day": day}


@pytest.mark.parametrize("word", ["monthly", "sunshine", "wedding", "fridge", "satellite", "mo"])
def test_words_that_merely_start_like_a_day_are_refused(word: str) -> None:
    with pytest.raises(ValueError, match=f"did not understand '{word}'|comes weekly"):
        parse_subscribe([word])  # "monthly" is a cadence, never Monday


@pytest.mark.parametrize(
    ("word", "zone"),
    [
        ("CET", "Europe/Paris"),
        ("cest", "Europe/Paris"),
        ("PST", "America/Los_Angeles"),
        ("PDT", "America/Los_Angeles"),
        ("EST", "America/New_York"),
        ("EDT", "America/New_York"),
        ("GMT", "Etc/GMT"),
        ("utc", "UTC"),
        ("IST", "Asia/Kolkata"),
        ("JST", "Asia/Tokyo"),
        ("Europe/Berlin", "Europe/Berlin"),
    ],
)
def test_time_zone_abbreviations_map_to_zones(word: str, zone: str) -> None:
    options = parse_subscribe(["monday", "09:00", word])
    assert options["timezone"] == zone
    sub = Subscription(platform="slack", workspace="T1", channel="C1", **options)  # type: ignore[arg-type]
    assert sub.describe() == f"every Monday at 09:00 {zone}, top 5"


def test_a_cet_subscription_is_due_at_nine_in_paris_summer_and_winter() -> None:
    sub = Subscription(
        platform="slack",
        workspace="T1",
        channel="C1",
        **parse_subscribe(["monday", "CET"]),  # type: ignore[arg-type]
    )
    assert due_period(sub, at("2026-11-23T07:59:00"), "2026-W47") is None  # 08:59 in Paris
    assert due_period(sub, at("2026-11-23T08:00:00"), "2026-W47") == "2026-W48"  # 09:00 (CET)
    assert due_period(sub, at("2026-06-01T06:59:00"), "2026-W22") is None  # 08:59 (CEST)
    assert due_period(sub, at("2026-06-01T07:00:00"), "2026-W22") == "2026-W23"


@pytest.mark.parametrize("word", ["Mars/Olympus", "Europe/Atlantis"])
def test_an_unknown_zone_gets_a_clear_error(word: str) -> None:
    with pytest.raises(ValueError, match=f"unknown time zone '{word}'.*Europe/Paris.*CET"):
        parse_subscribe([word])


def test_each_cadence_is_due_once_per_its_period() -> None:
    daily = SUB.model_copy(update={"cadence": "daily"})  # 09:00 Paris = 08:00 UTC in winter
    assert due_period(daily, at("2026-11-25T07:59:00"), "2026-11-24") is None
    assert due_period(daily, at("2026-11-25T08:00:00"), "2026-11-24") == "2026-11-25"
    assert due_period(daily, at("2026-11-25T23:30:00"), "2026-11-25") is None  # 00:30 in Paris
    assert due_period(daily, at("2026-11-26T08:00:00"), "2026-11-25") == "2026-11-26"

    biweekly = SUB.model_copy(update={"cadence": "biweekly"})  # every other Monday
    mondays = [at(f"2026-{d}T08:00:00") for d in ("11-23", "11-30", "12-07", "12-14")]
    periods = [due_period(biweekly, m, None) for m in mondays]
    assert periods[0] == periods[1] != periods[2] == periods[3]
    assert periods[0] == "2026-W48/W49"  # as the header shows it
    assert due_period(biweekly, at("2026-12-13T20:00:00"), periods[2]) is None  # a Sunday

    monthly = SUB.model_copy(update={"cadence": "monthly"})  # the 1st, 09:00 Paris
    assert due_period(monthly, at("2026-12-01T07:59:00"), "2026-11") is None
    assert due_period(monthly, at("2026-12-01T08:00:00"), "2026-11") == "2026-12"
    assert due_period(monthly, at("2027-01-01T08:00:00"), "2026-12") == "2027-01"
    assert due_period(monthly, at("2026-12-31T22:59:00"), "2026-12") is None  # 23:59 in Paris


def test_each_cadence_says_when_it_comes() -> None:
    said = {
        c: SUB.model_copy(update={"cadence": c}).describe()
        for c in ("daily", "weekly", "biweekly", "monthly")
    }
    assert said == {
        "daily": "every day at 09:00 Europe/Paris, top 5",
        "weekly": "every Monday at 09:00 Europe/Paris, top 5",
        "biweekly": "every other Monday at 09:00 Europe/Paris, top 5",
        "monthly": "on the 1st of every month at 09:00 Europe/Paris, top 5",
    }


def test_a_personal_digest_takes_a_cadence_and_a_size_a_channel_a_size() -> None:
    typed = ["fortnightly", "thu", "07:30", "top", "3"]
    assert parse_subscribe(typed, personal=True, cadences=SAID) == {
        "cadence": "biweekly",
        "day": 3,
        "at": time(7, 30),
        "top": 3,
    }
    with pytest.raises(ValueError, match=r"channel's digest comes weekly.*`digest mine daily`"):
        parse_subscribe(["daily"])
    with pytest.raises(ValueError, match=r"did not understand 'top'.*top N"):
        parse_subscribe(["top"], personal=True)
    # a channel's size: 'every monday 8:30 CET top 3' was "I did not understand 'top'"
    assert parse_subscribe(["every", "monday", "8:30", "CET", "top", "3"])["top"] == 3
    assert parse_subscribe(["top5", "friday"]) == {"top": 5, "day": 4}
    with pytest.raises(ValueError, match="a digest lists 1 to 20 papers, not 50"):
        parse_subscribe(["top", "50"])  # was pydantic's "Input should be less than or equal…"
    assert parse_subscribe(["friday", "pls"]) == {"day": 4}  # "pls" was not understood


def test_a_finished_curation_becomes_the_schedule_of_the_readers_own_digest() -> None:
    options = personal_options(
        {"cadence": "daily", "papers_per_digest": 3, "sources": ["arxiv", "colm2025", "rss"]}
    )
    assert options == {"cadence": "daily", "top": 3, "sources": ("arxiv", "colm2025")}
    sub = Subscription(platform="slack", workspace="T1", channel="@U1", user="U1", **options)  # type: ignore[arg-type]
    assert sub.describe() == "every day at 09:00 UTC, top 3, from arxiv, colm2025"
    # arXiv alone is the default source; an unknown cadence is weekly; at most 20 a digest
    assert personal_options(
        {"sources": ["arxiv"], "cadence": "hourly", "papers_per_digest": 99}
    ) == {
        "cadence": "weekly",
        "top": 20,
        "sources": (),
    }
    with pytest.raises(ValueError, match="not a source a digest can read"):
        Subscription(platform="slack", workspace="T1", channel="C1", sources=("/etc/passwd",))


def test_no_channel_subscription_can_take_a_readers_own_digest() -> None:
    options = parse_subscribe(["<#@U2|x>", "monday"])
    assert options["channel"] == "@U2"
    with pytest.raises(ValueError, match="'@U2' is not a channel"):
        Subscription(platform="slack", workspace="T1", subscribed_by="U1", **options)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'@U2' is not a channel"):
        Subscription(platform="slack", workspace="T1", channel="@U2", user="U1")
    assert Subscription(platform="slack", workspace="T1", channel="@U2", user="U2").user == "U2"


@pytest.mark.parametrize(
    ("typed", "options"),
    [
        ("tuesdays 17:00 London", {"day": 1, "at": time(17, 0), "timezone": "Europe/London"}),
        (
            "every monday at 8:30 in the morning Berlin time",
            {"day": 0, "at": time(8, 30), "timezone": "Europe/Berlin"},
        ),
        (
            "friday 5 in the afternoon New York",
            {"day": 4, "at": time(17, 0), "timezone": "America/New_York"},
        ),
        ("thu 7am sao paulo", {"day": 3, "at": time(7, 0), "timezone": "America/Sao_Paulo"}),
        ("wed 6pm CST", {"day": 2, "at": time(18, 0), "timezone": "America/Chicago"}),
    ],
)
def test_a_city_names_its_zone_and_a_part_of_the_day_its_half(typed: str, options: dict) -> None:
    """People say 'London' and 'in the afternoon', not Europe/London and 17:00 (both were
    'I did not understand')."""
    assert parse_subscribe(typed.split()) == options


def test_an_unknown_word_is_told_with_an_example_that_shows_as_typed() -> None:
    """The usage came back through the inert quoting as '⁅#channel⁆ ⁅day⁆ …'."""
    with pytest.raises(ValueError) as e:
        parse_subscribe(["fridays", "teatime"])
    said = str(e.value)
    assert said.startswith("I did not understand 'teatime'")
    assert inert(said, 300) == said  # nothing in it is rewritten when quoted to the user
    assert "e.g. '#research monday 09:00 Europe/Paris top 5'" in said


@pytest.mark.parametrize(
    ("typed", "options", "mine"),
    [
        (
            "weekly on thursday 7pm PST",
            {"day": 3, "at": time(19), "timezone": "America/Los_Angeles"},
            "weekly",
        ),
        ("every other week tuesday", None, "biweekly"),
        ("every day at noon", None, "daily"),
        ("once a month", None, "monthly"),
        ("each friday at 10:00", {"day": 4, "at": time(10)}, None),
        ("sunday 0800 UTC+2", {"day": 6, "at": time(8), "timezone": "Etc/GMT-2"}, None),
        ("mon 1430 GMT-5", {"day": 0, "at": time(14, 30), "timezone": "Etc/GMT+5"}, None),
    ],
)
def test_subscribe_reads_how_people_say_when(
    typed: str, options: dict[str, object] | None, mine: str | None
) -> None:
    """A cadence in words, a 24-hour time without a colon, a UTC offset; a channel's digest is
    weekly, and any other cadence sends the user to their own digest rather than a shrug."""
    if options is None:
        with pytest.raises(ValueError, match=rf"comes weekly.*`digest mine {mine}`"):
            parse_subscribe(typed.split(), cadences=SAID)
    else:
        assert parse_subscribe(typed.split(), cadences=SAID) == options
    personal = parse_subscribe(typed.split(), personal=True, cadences=SAID)
    assert personal.get("cadence") == mine


@pytest.mark.parametrize(
    ("typed", "cadence"),
    [
        ("every 2 weeks", "biweekly"),
        ("twice a month", "biweekly"),
        ("once a month", "monthly"),
        ("alle zwei wochen", "biweekly"),  # German, in both alike
    ],
)
def test_a_cadence_means_the_same_in_the_consultation_and_in_digest_mine(
    typed: str, cadence: str
) -> None:
    """'every 2 weeks' and 'twice a month' were a biweekly `digest mine` but Weekly and
    Monthly at the Research Curation's 'How often should the digest arrive?'."""
    assert parse_answer(CADENCE, typed).choices == (cadence,)
    assert parse_subscribe(typed.split(), personal=True, cadences=SAID)["cadence"] == cadence


def test_every_cadence_phrase_of_the_consultation_is_read_by_digest_mine() -> None:
    """Each way of saying a cadence at the consultation sets it in `digest mine …`; a day's
    name is read as the day (a weekly digest on that day)."""
    for option in CADENCE.choices:
        for phrase in (option.value, option.label, *option.synonyms):
            options = parse_subscribe(phrase.split(), personal=True, cadences=SAID)
            assert options.get("cadence", "weekly") == option.value, phrase


def test_an_offset_zone_is_shown_as_people_write_it() -> None:
    sub = Subscription(
        platform="slack",
        workspace="T1",
        channel="C9",
        **parse_subscribe(["sunday", "0800", "UTC+2"]),  # type: ignore[arg-type]
    )
    assert sub.describe() == "every Sunday at 08:00 UTC+2, top 5"


@pytest.mark.parametrize("typed", ["every weekday at 8", "weekdays 9am", "every business day"])
@pytest.mark.parametrize("personal", [False, True])
def test_weekdays_only_is_told_what_comes_instead(typed: str, personal: bool) -> None:
    """'every weekday at 8' was "I did not understand 'weekday'", as if it were gibberish."""
    with pytest.raises(ValueError) as e:
        parse_subscribe(typed.split(), personal=personal)
    said = str(e.value)
    assert "did not understand" not in said and "'monday 08:00'" in said
    assert ("weekdays-only" in said) if personal else ("once a week" in said and "daily" in said)


@pytest.mark.parametrize(
    ("typed", "day"),
    [("every other friday 8am", 4), ("every second thursday", 3), ("alternate tuesdays 9am", 1)],
)
def test_a_cadence_said_with_its_day_keeps_the_day(typed: str, day: int) -> None:
    """'digest mine every other friday 8am' was told 'every other Monday at 08:00': the
    phrase that named the cadence took its day with it."""
    options = parse_subscribe(typed.split(), personal=True, cadences=SAID)
    assert options["cadence"] == "biweekly" and options["day"] == day


def test_a_digest_every_retry_failed_is_said_to_whoever_waits_for_it() -> None:
    """Said in the subscriber's DMs after Slack kept failing: when it comes again, and a
    preview's own words (it was told to the subscriber as a digest not posted)."""
    from consultations.messages import digest_delayed

    assert digest_delayed("slack", "CR", 900) == (
        "Sorry, the digest for <#CR> could not be posted just now: Slack kept failing. "
        "It is tried again within 15 minutes, and nothing is posted twice."
    )
    assert digest_delayed("slack", "CR", None, "digest preview") == (
        "Sorry, the preview of the digest for <#CR> could not be shown just now: Slack kept "
        "failing. `digest preview` tries again."
    )
    assert "your own research digest could not be posted" in digest_delayed("teams", "@u", None)
