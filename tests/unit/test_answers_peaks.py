"""A peak rate is not an average: '500/h at peak' was 500 an hour every hour of the month,
365,250 requests; now it is asked back, and a usual rate typed beside the peak is the one used."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("slug", "key", "typed"),
    [
        ("edge-economics", "requests", "500/h at peak"),
        ("edge-economics", "requests", "peaks of 2k an hour"),
        ("edge-economics", "requests", "around 40 a second during black friday peak"),
        ("reasoning-telemetry", "runs_per_day", "max 300 an hour"),
        ("attention-readiness", "calls", "at peak 900 per hour"),
    ],
)
def test_a_peak_rate_alone_is_asked_back_not_scaled(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    with pytest.raises(AnswerError, match="a peak, not an average"):
        parse_answer(catalog.by_slug(slug).question(key), typed)


@pytest.mark.parametrize(
    ("typed", "per_month"),
    [
        ("500 per hour during peak, 100/h otherwise", 100 * 24 * 365.25 / 12),
        ("peak 500/h, normally 100/h", 100 * 24 * 365.25 / 12),
        ("100 an hour, 500 at peak", 100 * 24 * 365.25 / 12),
    ],
)
def test_the_usual_rate_beside_a_peak_is_the_one_scaled(
    catalog: Catalog, typed: str, per_month: float
) -> None:
    a = parse_answer(catalog.by_slug("edge-economics").question("requests"), typed)
    assert a.number == pytest.approx(per_month)
    assert a.note and "500" in a.note and "left out" in a.note


def test_a_peak_month_given_per_month_is_used_and_said(catalog: Catalog) -> None:
    """Nothing to scale: the figure stands, and the note says it is the peak month."""
    a = parse_answer(catalog.by_slug("edge-economics").question("requests"), "8M in our peak month")
    assert a.number == 8_000_000
    assert a.note and "peak" in a.note


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "3-4M a month, 3x that in November/December",
            "3x that in November/December: 3× the usual, a pace of about 10,500,000 a month",
        ),
        (
            "5M, double that at Christmas",
            "double that at Christmas: 2× the usual, a pace of about 10,000,000",
        ),
        (
            "5M normally, 3 times that on Black Friday",
            "a pace of about 15,000,000 a month at the peak",
        ),
    ],
)
def test_a_seasonal_multiple_is_said_as_the_peak_not_left_out(
    catalog: Catalog, typed: str, said: str
) -> None:
    """'3-4M a month, 3x that in November/December' said '“3” left out: type it if that is the
    one to use', as if 3 requests were an answer; the usual month is used and the peak said."""
    a = parse_answer(catalog.by_slug("edge-economics").question("requests"), typed)
    assert a.number in (3_500_000, 5_000_000)  # the usual month, never the 3
    assert a.note and said in a.note, a.note
    assert "“3” left out" not in a.note


@pytest.mark.parametrize(
    ("typed", "tokens"),
    [
        ("patient histories are 40-200 pages, typical maybe 80 pages", 40_000),
        ("40-200 pages, typically around 80", 40_000),
        ("10-50 pages, usually maybe 20", 10_000),
    ],
)
def test_the_typical_figure_beside_a_range_is_used_in_the_range_unit(
    catalog: Catalog, typed: str, tokens: float
) -> None:
    """At 'How long is a typical document', '40-200 pages, typical maybe 80 pages' was the
    range's midpoint (60,000 tokens, '“80 pages” left out') and '40-200 pages, typically around
    80' was 80 tokens: the typical figure is the one asked for, in the unit the range gave."""
    q = catalog.by_slug("attention-readiness").question("doc_tokens")
    assert parse_answer(q, typed).number == tokens


@pytest.mark.parametrize(
    "typed", ["as good as possible", "as little as possible", "none if possible"]
)
def test_as_good_as_possible_is_no_loss(catalog: Catalog, typed: str) -> None:
    """A solo consultant's 'as good as possible' at the quality loss was refused three times:
    'I need a number here, for example 5%'."""
    q = catalog.by_slug("edge-economics").question("quality_loss")
    assert parse_answer(q, typed).number == 0


@pytest.mark.parametrize(
    ("typed", "per_month"),
    [
        ("1.5M player sessions a month, about 40 NPC lines per session", 60_000_000),
        ("200k orders a month, ~3 model calls per order", 600_000),
    ],
)
def test_so_many_things_times_so_many_per_thing(
    catalog: Catalog, typed: str, per_month: float
) -> None:
    """A games studio's '1.5M player sessions a month, about 40 NPC lines per session' was
    1,500,000 requests ('“40” left out'): the requests are the lines, 40 in each session."""
    a = parse_answer(catalog.by_slug("edge-economics").question("requests"), typed)
    assert a.number == per_month
    assert a.note and "×" in a.note and "left out" not in a.note


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("peak 200 an hour, typically 20 an hour", "used the typical figure"),
        ("peak 200 an hour, usually 20 an hour", "used the usual figure"),
        ("peak 200 an hour, avg 20 an hour", "used the average"),
    ],
)
def test_the_note_says_back_the_users_own_word_for_the_usual_figure(
    catalog: Catalog, typed: str, said: str
) -> None:
    """'peak 200 an hour, typically 20' was noted 'used the average': the user said typical."""
    a = parse_answer(catalog.by_slug("edge-economics").question("requests"), typed)
    assert a.note and said in a.note, a.note
    assert a.number == pytest.approx(20 * 24 * 365.25 / 12)


def test_an_off_peak_figure_is_not_a_peak(catalog: Catalog) -> None:
    """'500/h at peak, 100/h off-peak' was refused: '100 an hour is a peak, not an average'."""
    a = parse_answer(
        catalog.by_slug("edge-economics").question("requests"), "500/h at peak, 100/h off-peak"
    )
    assert a.number == pytest.approx(100 * 24 * 365.25 / 12)
    assert a.note and "used the off-peak figure" in a.note, a.note


@pytest.mark.parametrize("typed", ["3 percent max", "max 3%", "3% at most", "maximum 3 %"])
def test_the_most_loss_accepted_is_the_tolerance_not_a_peak(catalog: Catalog, typed: str) -> None:
    """'3 percent max' at 'How much quality loss … would you accept?' was said back as '3% (a
    peak, used as typed: type the usual figure if the peak is not what to plan for)'."""
    q = catalog.by_slug("edge-economics").question("quality_loss")
    a = parse_answer(q, typed)
    assert a.number == 3
    assert a.display(q) == "3%"
    assert "peak" not in (a.note or ""), a.note


def test_a_multiple_said_for_a_time_is_a_peak_not_a_figure_left_out(catalog: Catalog) -> None:
    """'maybe 800 a day, 3x at month end when audits run' said '(used the first figure; “3” left
    out: type it if that is the one to use)': the 3 is the peak, a multiple of the 800."""
    a = parse_answer(
        catalog.by_slug("reasoning-telemetry").question("runs_per_day"),
        "maybe 800 a day, 3x at month end when audits run",
    )
    assert a.number == 800
    assert a.note == (
        "3x at month end when audits run: 3× the usual, a pace of about 2,400 a day at the peak; "
        "size for it"
    )


@pytest.mark.parametrize(
    ("typed", "said", "factor"),
    [
        ("ca. 800'000 Anfragen pro Monat, Jahresende doppelt so viel", "doppelt so viel", 2),
        ("800 000 par mois, le double en décembre", "le double en décembre", 2),
        ("800.000 per maand, in december het dubbele", "het dubbele", 2),
        ("800k, das Dreifache im Dezember", "das Dreifache im Dezember", 3),
    ],
)
def test_a_peak_as_a_multiple_in_german_french_or_dutch(
    catalog: Catalog, typed: str, said: str, factor: int
) -> None:
    """A Swiss insurer's 'Jahresende doppelt so viel' was noted as 800,000 a month with no
    peak: the edge report never sized for the year-end, the attention report never priced it."""
    a = parse_answer(catalog.by_slug("edge-economics").question("requests"), typed)
    assert a.number == 800_000
    pace = f"{800_000 * factor:,}"
    assert a.note == (
        f"{said}: {factor}× the usual, a pace of about {pace} a month at the peak; size for it"
    )


@pytest.mark.parametrize(
    ("slug", "key", "typed", "usual", "said"),
    [
        (
            "attention-readiness",
            "calls",
            "roughly 40k calls a month, double at quarter end",
            40_000,
            "80,000",
        ),
        ("reasoning-telemetry", "runs_per_day", "800 a day, double during audits", 800, "1,600"),
        ("edge-economics", "requests", "5M a month, twice in December", 5_000_000, "10,000,000"),
    ],
)
def test_a_peak_said_as_double_at_a_time_is_said_back(
    catalog: Catalog, slug: str, key: str, typed: str, usual: float, said: str
) -> None:
    """'40k calls a month, double at quarter end' was noted '40,000 calls a month', the
    quarter-end peak dropped without a word ('double that at …' was read; 'double at …' not)."""
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.number == usual
    assert answer.note is not None and "2× the usual" in answer.note and said in answer.note
