"""The report's chart: a PNG a person can read (both lines, the legend, round ticks)."""

from __future__ import annotations

import io

from PIL import Image

from consultations.adapters.charts import COLOURS, H, W, chart_png, nice_ticks
from consultations.advisors.edge import _chart


def test_the_chart_is_a_png_with_both_lines_and_round_ticks() -> None:
    png = chart_png(_chart(0.004, 3500.0, 2_000_000, 875_000, "$"))
    img = Image.open(io.BytesIO(png)).convert("RGB")
    assert img.size == (W, H) and len(png) < 40_000
    seen = {rgb for _, rgb in img.getcolors(maxcolors=W * H) or []}
    for colour in COLOURS[:2]:  # the cloud and local lines, in matplotlib's first colours
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in seen, colour
    assert img.getpixel((2, 2)) == (255, 255, 255)  # white, not a near-white
    assert nice_ticks(0, 25_000) == [0, 5_000, 10_000, 15_000, 20_000, 25_000]
    assert nice_ticks(-0.25e6, 5.25e6) == [0, 1e6, 2e6, 3e6, 4e6, 5e6]


def test_a_chart_without_a_break_even_still_draws() -> None:
    png = chart_png(_chart(0.00002, 120_000.0, 300_000_000, float("inf"), "€"))
    assert Image.open(io.BytesIO(png)).size == (W, H)
