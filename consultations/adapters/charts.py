"""A report's chart drawn as a PNG (matplotlib, no display needed)."""

from __future__ import annotations

import io

from consultations.report import Chart


def chart_png(chart: Chart) -> bytes:
    import matplotlib  # (slow to import: only when a chart is drawn)

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import FuncFormatter

    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=110)
    try:
        for series in chart.series:
            xs, ys = zip(*series.points, strict=True)
            ax.plot(xs, ys, label=series.name, linewidth=2.2)
        if chart.marker_x is not None:
            ax.axvline(chart.marker_x, color="grey", linestyle="--", linewidth=1)
            ax.annotate(
                chart.marker_label or "",
                (chart.marker_x, ax.get_ylim()[1] * 0.92),
                xytext=(6, 0),
                textcoords="offset points",
                fontsize=9,
            )
        ax.set_title(chart.title)
        ax.set_xlabel(chart.x_label)
        ax.set_ylabel(chart.y_label)
        ax.xaxis.set_major_formatter(
            FuncFormatter(lambda v, _: f"{v / 1e6:g}M" if v >= 1e6 else f"{v / 1e3:g}k")
        )
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)
