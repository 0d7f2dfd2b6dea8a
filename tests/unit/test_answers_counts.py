"""A count is not a time: '10h a month' at 'How many model calls a month?' was 10 calls, '2 days'
was 2 calls, '300k/month' was a 300,000-token context window. Now each is named and asked again;
'1 every 5 minutes' is a rate."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("slug", "key", "typed", "said"),
    [
        ("attention-readiness", "calls", "maybe 10h a month", "I read “10h” as a time"),
        ("attention-readiness", "calls", "2 days", "I read “2 days” as a time"),
        ("edge-economics", "requests", "10h", "the number of requests"),
        ("attention-readiness", "context_window", "300k/month", "as a figure per month"),
    ],
)
def test_a_time_or_a_monthly_figure_is_not_read_as_a_count_or_a_window(
    catalog: Catalog, slug: str, key: str, typed: str, said: str
) -> None:
    with pytest.raises(AnswerError, match=said):
        parse_answer(catalog.by_slug(slug).question(key), typed)


@pytest.mark.parametrize(
    ("typed", "per_day", "said"),
    [
        ("1 every 5 minutes", 288, "1 every 5 minutes is 0.2 a minute"),
        ("3 runs every 2 hours", 36, "3 runs every 2 hours is 1.5 an hour"),
    ],
)
def test_so_many_every_so_long_is_a_rate(
    catalog: Catalog, typed: str, per_day: float, said: str
) -> None:
    a = parse_answer(catalog.by_slug("reasoning-telemetry").question("runs_per_day"), typed)
    assert a.number == pytest.approx(per_day)
    assert said in (a.note or "")


def test_a_time_beside_the_count_is_said_left_out(catalog: Catalog) -> None:
    q = catalog.by_slug("attention-readiness").question("calls")
    a = parse_answer(q, "200k calls, 2h each")
    assert a.number == 200_000
    assert "“2h” left out: a time" in (a.note or "")


def test_staff_time_still_reads_hours_as_days(catalog: Catalog) -> None:
    a = parse_answer(catalog.by_slug("model-convergence").question("upkeep_days"), "2 days")
    assert a.number == 2


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("I don't know, maybe a few hundred thousand", 300_000),
        ("3 hundred thousand", 300_000),
        ("5 hundred million", 500_000_000),
    ],
)
def test_hundred_thousand_is_both_scales(catalog: Catalog, typed: str, value: float) -> None:
    """'a few hundred thousand' was 300 requests a month."""
    a = parse_answer(catalog.by_slug("edge-economics").question("requests"), typed)
    assert a.number == value


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value", "said"),
    [
        (
            "edge-economics",
            "requests",
            "we serve 12k users, each ~30 requests a day",
            10_957_500,
            "12k users × 30 requests each",
        ),
        (
            "edge-economics",
            "requests",
            "12k users, 30 requests per user a day",
            10_957_500,
            "about 10,957,500 a month",
        ),
        (
            "reasoning-telemetry",
            "runs_per_day",
            "300 agents each doing 50 runs a day",
            15_000,
            "300 agents × 50 runs each",
        ),
    ],
)
def test_users_times_what_each_sends(
    catalog: Catalog, slug: str, key: str, typed: str, value: float, said: str
) -> None:
    """'12k users, each ~30 requests a day' was 12,000 requests a month."""
    a = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert a.number == pytest.approx(value)
    assert said in (a.note or "")


@pytest.mark.parametrize(
    ("typed", "loss", "kept"),
    [
        ("95% of today's quality", 5, True),
        ("must be at least 98% as good", 2, True),
        ("keep 90%", 10, True),
        ("98% accuracy retained", 2, True),
        ("5%", 5, False),
        ("we can lose 5% at most", 5, False),
    ],
)
def test_a_tolerance_said_as_what_is_kept_is_the_loss(
    catalog: Catalog, typed: str, loss: float, kept: bool
) -> None:
    """'95% of today's quality' was a 95% quality loss."""
    a = parse_answer(catalog.by_slug("edge-economics").question("quality_loss"), typed)
    assert a.number == loss
    assert ("kept is a" in (a.note or "")) is kept


def test_half_an_fte_is_not_said_as_full_time(catalog: Catalog) -> None:
    a = parse_answer(catalog.by_slug("attention-readiness").question("upkeep_hours"), "half an FTE")
    assert a.number == pytest.approx(86.96, abs=0.01)
    assert "full time at" not in (a.note or "")
    assert "for one full time" in (a.note or "")


@pytest.mark.parametrize(("typed", "tokens"), [("30-ish pages", 15_000), ("30ish pages", 15_000)])
def test_about_so_many_pages_with_ish_is_pages(catalog: Catalog, typed: str, tokens: int) -> None:
    """'30-ish pages' was 30 tokens (the pages were lost after '-ish')."""
    q = catalog.by_slug("attention-readiness").question("doc_tokens")
    assert parse_answer(q, typed).number == tokens


@pytest.mark.parametrize(
    ("typed", "hours", "said"),
    [
        ("two devs, roughly a day a week each", 69.57, "two devs × 1 day each"),
        ("2 engineers, 4h a week each", 34.79, "2 engineers × 4h each"),
        ("3 people, 10 hours a month each", 30, "3 people × 10 hours each"),
        ("two devs spend a day a week on it", 34.79, "as their total"),
    ],
)
def test_people_and_the_time_each_gives(
    catalog: Catalog, typed: str, hours: float, said: str
) -> None:
    """'2 engineers, 4h a week each' was 348 hours a month (two people full time); 'two devs,
    a day a week each' was one day a week."""
    a = parse_answer(catalog.by_slug("attention-readiness").question("upkeep_hours"), typed)
    assert a.number == pytest.approx(hours, abs=0.01)
    assert said in (a.note or "")


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("peak 200 rps, avg 20", 20 * 2_629_800, "used the average"),
        ("peaks of 8M, average about 5M a month", 5_000_000, "used the average"),
        ("max 10M, typically 4M", 4_000_000, "used the typical figure"),
    ],
)
def test_the_average_is_used_over_the_peak(
    catalog: Catalog, typed: str, value: float, said: str
) -> None:
    """'peaks of 8M, average about 5M' used the peak (the first figure); the note says the
    figure back in the user's own word."""
    a = parse_answer(catalog.by_slug("edge-economics").question("requests"), typed)
    assert a.number == pytest.approx(value)
    assert said in (a.note or "")


@pytest.mark.parametrize("typed", ["300 KB text files", "2 MB", "1.5 megabytes"])
def test_a_file_size_is_no_token_count(catalog: Catalog, typed: str) -> None:
    """'300 KB text files' was a 300-token document."""
    q = catalog.by_slug("attention-readiness").question("doc_tokens")
    with pytest.raises(AnswerError, match="I need the number of tokens"):
        parse_answer(q, typed)


def test_a_german_day_is_a_day(catalog: Catalog) -> None:
    """'80.000 am Tag' was 80,000 requests a month (the day was not read)."""
    q = catalog.by_slug("edge-economics").question("requests")
    assert parse_answer(q, "80.000 am Tag").number == 2_435_000


@pytest.mark.parametrize(
    ("typed", "loss"), [("we can't accept any loss", 0), ("a little, like a few percent", 3)]
)
def test_a_tolerance_in_words(catalog: Catalog, typed: str, loss: float) -> None:
    """Both were refused: 'I need a number here'."""
    q = catalog.by_slug("edge-economics").question("quality_loss")
    assert parse_answer(q, typed).number == loss


@pytest.mark.parametrize(
    ("typed", "value", "said"),
    [
        ("hundreds a day", 300, "“hundreds” read as 300"),
        ("tens of thousands", 30_000, "“tens of thousands” read as 30 thousand"),
        ("dozens", 36, "“dozens” read as 36"),
    ],
)
def test_a_vague_scale_is_read_and_said(
    catalog: Catalog, typed: str, value: float, said: str
) -> None:
    """'hundreds a day' was refused: 'I need a number here'."""
    a = parse_answer(catalog.by_slug("reasoning-telemetry").question("runs_per_day"), typed)
    assert a.number == value
    assert said in (a.note or "")


@pytest.mark.parametrize(
    ("typed", "value"),
    [("In 2024 we did about 3M a month", 3_000_000), ("since 2023 around 500k", 500_000)],
)
def test_a_year_is_no_figure(catalog: Catalog, typed: str, value: float) -> None:
    """'In 2024 we did about 3M a month' was 2,024 requests a month."""
    a = parse_answer(catalog.by_slug("edge-economics").question("requests"), typed)
    assert a.number == value


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        ("attention-readiness", "doc_tokens", "some threads are 300 messages, ~60k tokens", 60_000),
        ("edge-economics", "requests", "12 apps, 5M requests", 5_000_000),
    ],
)
def test_the_figure_in_the_questions_own_unit_is_used(
    catalog: Catalog, slug: str, key: str, typed: str, value: float
) -> None:
    """'300 messages, ~60k tokens' was a 300-token document."""
    a = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert a.number == value
    assert "used the one in" in (a.note or "")


@pytest.mark.parametrize(
    "typed",
    [
        "12 requests per user per day, 2000 users",  # was asked: 12 or 24,000 a month
        "2000 users, 12 requests a day each",  # was 365 a month
        "2000 users x 12 requests/day",  # was 12 a month
    ],
)
def test_users_times_their_daily_requests(catalog: Catalog, typed: str) -> None:
    q = catalog.by_slug("edge-economics").question("requests")
    assert parse_answer(q, typed).number == pytest.approx(2000 * 12 * 365.25 / 12, rel=1e-3)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value", "said"),
    [  # each was the first figure alone, "“20k” left out"
        ("edge-economics", "requests", "we serve 40 clients with 20k each", 800_000, "40 × 20k"),
        ("edge-economics", "requests", "40 clients x 20k", 800_000, "40 × 20k"),
        ("edge-economics", "requests", "40 × 20k", 800_000, "40 × 20k"),
        ("strategy-synthesis", "team_size", "3 teams of 5", 15, "3 × 5"),
        ("strategy-synthesis", "team_size", "4 squads with 6 devs each", 24, "4 × 6"),
    ],
)
def test_a_count_given_as_so_many_times_so_much_each_is_multiplied(
    catalog: Catalog, slug: str, key: str, typed: str, value: float, said: str
) -> None:
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == value
    assert said in (answer.note or "") and "left out" not in (answer.note or "")


def test_so_much_each_of_another_thing_is_not_multiplied(catalog: Catalog) -> None:
    runs = catalog.by_slug("reasoning-telemetry").question("runs_per_day")
    assert parse_answer(runs, "1.5k runs with 12 steps each").number == 1_500


@pytest.mark.parametrize("typed", ["about 40 (of 300 staff)", "40 of 300"])
def test_a_part_of_a_whole_is_not_multiplied(catalog: Catalog, typed: str) -> None:
    team = catalog.by_slug("strategy-synthesis").question("team_size")
    assert parse_answer(team, typed).number == 40
