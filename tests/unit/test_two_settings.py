"""An answer that gives one band for each of two settings ("hours fine in dev, minutes in live
ops") at a single choice of how long one can wait: the stricter band holds, and is said back.
Two systems ("a day for admin stuff, clinical needs to be up") are still asked back
(tests/unit/test_convergence_outage_words.py)."""

from __future__ import annotations

import pytest

from consultations.answers import parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize(
    ("slug", "key", "typed", "value"),
    [
        (
            "model-convergence",
            "outage_tolerance",
            "hours fine in dev, minutes in live ops",
            "minutes",
        ),
        ("model-convergence", "outage_tolerance", "minutes in prod, hours in dev", "minutes"),
        (
            "model-convergence",
            "outage_tolerance",
            "an hour in dev, a few minutes in prod",
            "minutes",
        ),
        (
            "edge-economics",
            "latency",
            "a few seconds in staging, under a second in production",
            "interactive",
        ),
        (
            "edge-economics",
            "latency",
            "under 100 ms live, a few seconds in the test setup",
            "realtime",
        ),
    ],
)
def test_two_settings_take_the_stricter_band_and_say_so(
    catalog: Catalog, slug: str, key: str, typed: str, value: str
) -> None:
    a = parse_answer(catalog.by_slug(slug).question(key), typed)  # was "Just one, please"
    assert a.choices == (value,)
    assert a.note is not None and "stricter" in a.note
