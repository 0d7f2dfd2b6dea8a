"""A report's chart drawn as a PNG with matplotlib's Agg canvas (no display, no pyplot).

Drawing is most of a worker's CPU per report, so each process sets one figure up once (axes,
ticks, formatters, fonts) and draws every chart on it again with fixed margins (no layout
pass, which would draw the text twice); the PNG is written at a low zlib level.
"""

from __future__ import annotations

import io
import threading
from itertools import zip_longest

from consultations.report import Chart

_lock = threading.Lock()
_drawing: _Drawing | None = None  # the process's figure, made on the first chart


def chart_png(chart: Chart) -> bytes:
    global _drawing
    with _lock:  # one figure per process: one chart at a time on it
        if _drawing is None:
            _drawing = _Drawing()  # matplotlib is slow to import: only when a chart is drawn
        return _drawing.png(chart)


class _Drawing:
    def __init__(self) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
        from matplotlib.ticker import FuncFormatter

        fig = Figure(figsize=(8, 4.5), dpi=110)
        fig.subplots_adjust(left=0.12, right=0.97, bottom=0.12, top=0.91)
        self.canvas = FigureCanvasAgg(fig)
        self.ax = ax = fig.add_subplot()
        ax.xaxis.set_major_formatter(
            FuncFormatter(lambda v, _: f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:g}k")
        )
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.grid(alpha=0.3)
        self.marker = ax.axvline(0, color="grey", linestyle="--", linewidth=1)
        self.note = ax.annotate("", (0, 0), xytext=(6, 0), textcoords="offset points", fontsize=9)
        self.lines: list[Line2D] = []

    def png(self, chart: Chart) -> bytes:
        from PIL import Image

        ax = self.ax
        while len(self.lines) < len(chart.series):  # colours in order, as ax.plot gives them
            self.lines.append(ax.plot([], [], linewidth=2.2)[0])
        for line, series in zip_longest(self.lines, chart.series):
            line.set_visible(series is not None)
            if series is not None:
                xs, ys = zip(*series.points, strict=True)
                line.set_data(xs, ys)
                line.set_label(series.name)
        shown = chart.marker_x is not None
        self.marker.set_visible(shown)
        self.note.set_visible(shown)
        if chart.marker_x is not None:
            self.marker.set_xdata([chart.marker_x, chart.marker_x])
        ax.relim(visible_only=True)
        ax.autoscale_view()
        if chart.marker_x is not None:
            self.note.xy = (chart.marker_x, ax.get_ylim()[1] * 0.92)
            self.note.set_text(chart.marker_label or "")
        ax.set_title(chart.title)
        ax.set_xlabel(chart.x_label)
        ax.set_ylabel(chart.y_label)
        ax.legend(handles=self.lines[: len(chart.series)])
        self.canvas.draw()
        image = Image.frombuffer(
            "RGBA", self.canvas.get_width_height(), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1
        )
        out = io.BytesIO()
        image.save(out, format="png", compress_level=1)
        return out.getvalue()
