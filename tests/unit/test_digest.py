"""The digest's pure parts: when it is due, reading `subscribe`, picking and nudging."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from consultations.digest import Subscription, due_period, nudged, parse_subscribe, pick
from consultations.triage.papers import Paper
from consultations.triage.pipeline import triage
from consultations.triage.scorer import Profile

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
    with pytest.raises(ValueError, match="did not understand 'fortnightly'"):
        parse_subscribe(["fortnightly"])
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
