"""A report's chart drawn as a PNG with Pillow: axes, grid, ticks, lines, a marker and a
legend, drawn at twice the size and halved (smooth lines and text), stored with a fixed
palette; about 10 ms of CPU.

matplotlib drew the same chart in ~50 ms of CPU (most of a worker's CPU per report, on cores
the server shares in small deployments); its DejaVu Sans font is still the one used here (it
ships with matplotlib, a dependency; Pillow's own font otherwise).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import itertools
import math
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

from consultations.report import Chart

W, H, S = 880, 495, 2  # the PNG's size; drawn S times larger, then reduced
LEFT, RIGHT, TOP, BOTTOM = 105, 854, 45, 436  # the plot area, in the PNG's pixels
COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"]  # matplotlib's first five
GRID, FRAME, MARKER, INK = "#e6e6e6", "#000000", "#808080", "#000000"

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
ToPixel = Callable[[float, float], tuple[float, float]]


@functools.cache
def _font(px: int) -> Font:
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin is not None:
        path = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if path.exists():
            return ImageFont.truetype(str(path), px * S)
    return ImageFont.load_default(px * S)


def nice_ticks(lo: float, hi: float, most: int = 7) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) covering [lo, hi]."""
    span = hi - lo
    if not math.isfinite(span) or span <= 0:
        return [lo]
    raw = span / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(lo / step - 1e-9)
    return [k * step for k in range(first, math.floor(hi / step + 1e-9) + 1)]


def _volume(v: float) -> str:
    if v == 0:
        return "0"
    return f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:g}k"


def chart_png(chart: Chart) -> bytes:
    xs = [x for s in chart.series for x, _ in s.points]
    ys = [y for s in chart.series for _, y in s.points]
    if chart.marker_x is not None:
        xs.append(chart.marker_x)
    x0, x1 = _padded(min(xs, default=0.0), max(xs, default=1.0))
    y0, y1 = _padded(min(ys, default=0.0), max(ys, default=1.0))

    def px(x: float, y: float) -> tuple[float, float]:
        return (
            (LEFT + (x - x0) / (x1 - x0) * (RIGHT - LEFT)) * S,
            (BOTTOM - (y - y0) / (y1 - y0) * (BOTTOM - TOP)) * S,
        )

    img = Image.new("RGB", (W * S, H * S), "white")
    d = ImageDraw.Draw(img)
    avoid: list[tuple[float, float, float, float]] = []  # boxes the legend must not cover
    small, big = _font(15), _font(17)
    for x in nice_ticks(x0, x1):
        (gx, _), text = px(x, y0), _volume(x)
        d.line([(gx, TOP * S), (gx, BOTTOM * S)], fill=GRID, width=S)
        d.line([(gx, BOTTOM * S), (gx, (BOTTOM + 5) * S)], fill=FRAME, width=S)
        d.text((gx, (BOTTOM + 8) * S), text, font=small, fill=INK, anchor="mt")
    for y in nice_ticks(y0, y1):
        (_, gy), text = px(x0, y), f"{y:,.0f}"
        d.line([(LEFT * S, gy), (RIGHT * S, gy)], fill=GRID, width=S)
        d.line([((LEFT - 5) * S, gy), (LEFT * S, gy)], fill=FRAME, width=S)
        d.text(((LEFT - 8) * S, gy), text, font=small, fill=INK, anchor="rm")
    if chart.marker_x is not None:
        mx, _ = px(chart.marker_x, y0)
        for top in range(TOP * S, BOTTOM * S, 10 * S):  # dashed
            d.line([(mx, top), (mx, min(top + 6 * S, BOTTOM * S))], fill=MARKER, width=S)
        label = chart.marker_label or ""
        wide = d.textlength(label, font=small) / S
        left = mx / S + 7 if mx / S + 7 + wide <= RIGHT - 4 else mx / S - 7 - wide  # stays inside
        d.text((left * S, (TOP + 12) * S), label, font=small, fill=INK, anchor="lm")
        avoid.append((left, TOP + 2, left + wide, TOP + 22))
    for colour, series in zip(COLOURS, chart.series, strict=False):
        d.line([px(x, y) for x, y in series.points], fill=colour, width=3 * S, joint="curve")
    d.rectangle([(LEFT * S, TOP * S), (RIGHT * S, BOTTOM * S)], outline=FRAME, width=S)
    _legend(d, chart, small, px, avoid)
    d.text((W * S // 2, (TOP - 10) * S), chart.title, font=big, fill=INK, anchor="ms")
    d.text(
        ((LEFT + RIGHT) * S // 2, (H - 12) * S), chart.x_label, font=small, fill=INK, anchor="ms"
    )
    _vertical(img, chart.y_label, small, (18 * S, (TOP + BOTTOM) * S // 2))
    out = io.BytesIO()
    img.reduce(S).quantize(palette=_palette(), dither=Image.Dither.NONE).save(out, format="png")
    return out.getvalue()


@functools.cache
def _palette() -> Image.Image:
    """White, then each ink from light to full (what smoothing leaves between it and white):
    a PNG of one byte a pixel, a third of the size and a quarter of the encoding time. No
    entry is near white but white, or white would be mapped to one (Pillow's colour cache)."""
    entries = [255, 255, 255]
    for rgb in [(0, 0, 0), *(ImageColor.getrgb(c)[:3] for c in COLOURS)]:
        steps = 48 if rgb == (0, 0, 0) else 24
        for k in range(1, steps):
            shade = [round(255 + (c - 255) * k / (steps - 1)) for c in rgb]
            if min(shade) < 244:
                entries.extend(shade)
    palette = Image.new("P", (1, 1))
    palette.putpalette(entries)
    return palette


def _padded(lo: float, hi: float) -> tuple[float, float]:
    """The range with 5% either side (as matplotlib's default margins)."""
    if hi <= lo:
        hi = lo + 1.0
    pad = (hi - lo) * 0.05
    return lo - pad, hi + pad


def _legend(
    d: ImageDraw.ImageDraw,
    chart: Chart,
    font: Font,
    px: ToPixel,
    avoid: list[tuple[float, float, float, float]],
) -> None:
    rows = list(zip(COLOURS, chart.series, strict=False))
    if not rows:
        return
    width = max(d.textlength(s.name, font=font) for _, s in rows) / S + 55
    height = 8 + 24 * len(rows)
    xs = (LEFT + 8, RIGHT - 8 - width, (LEFT + RIGHT - width) / 2)
    ys = (TOP + 8, BOTTOM - 8 - height, (TOP + BOTTOM - height) / 2)
    # upper left first, then wherever the lines cross least (as matplotlib's "best")
    corners = [(x, y) for y in ys for x in xs]
    along = [
        px(a[0] + (b[0] - a[0]) * t / 8, a[1] + (b[1] - a[1]) * t / 8)
        for s in chart.series
        for a, b in itertools.pairwise(s.points)
        for t in range(8)
    ]

    def crossed(corner: tuple[float, float]) -> int:
        x, y = corner
        covered = sum(  # covering a label hides words, worse than crossing any line
            1000 for a, b, c, e in avoid if a < x + width and x < c and b < y + height and y < e
        )
        return covered + sum(
            x * S <= u <= (x + width) * S and y * S <= v <= (y + height) * S for u, v in along
        )

    x, y = min(corners, key=crossed)
    box = [(x * S, y * S), ((x + width) * S, (y + height) * S)]
    d.rounded_rectangle(box, radius=4 * S, fill="white", outline="#cccccc", width=S)
    for n, (colour, series) in enumerate(rows):
        cy = (y + 16 + 24 * n) * S
        d.line([((x + 8) * S, cy), ((x + 38) * S, cy)], fill=colour, width=3 * S)
        d.text(((x + 46) * S, cy), series.name, font=font, fill=INK, anchor="lm")


def _vertical(img: Image.Image, text: str, font: Font, centre: tuple[int, int]) -> None:
    """``text`` turned a quarter left, centred at ``centre``."""
    probe = ImageDraw.Draw(img)
    left, top, right, bottom = probe.textbbox((0, 0), text, font=font)
    label = Image.new("RGB", (int(right - left) + 2 * S, int(bottom - top) + 2 * S), "white")
    ImageDraw.Draw(label).text((S - left, S - top), text, font=font, fill=INK)
    turned = label.transpose(Image.Transpose.ROTATE_90)
    img.paste(turned, (centre[0] - turned.width // 2, centre[1] - turned.height // 2))
