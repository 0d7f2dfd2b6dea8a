"""A finished report as Markdown (``**bold**``), readable in Slack, Teams and a terminal."""

from __future__ import annotations

import textwrap

from consultations.report import Report, Table

TABLE_WIDTH = 60  # characters: wider, a code block wraps or scrolls in a laptop-sized chat window
_GAP = "  "

SHIFT_NAMES = {
    1: "attention got better",
    2: "models converge",
    3: "RL for reasoning appears to reshape sampling",
    4: "deep RL scales",
    5: "diffusion generalises before it memorises",
    6: "edge deployment is becoming practical",
}


def render_report_markdown(report: Report) -> str:
    out = [f"**{report.title}**\n**Verdict: {report.verdict}**", report.summary]
    if report.figures:
        lines = ["**The numbers**"]
        for f in report.figures:
            working = f" ({f.working})" if f.working else ""
            lines.append(f"• {f.label}: **{f.display}**{working}")
        out.append("\n".join(lines))
    out.extend(_table(t) for t in report.tables)
    for s in report.sections:
        out.append("\n".join([f"**{s.title}**", *(f"• {i}" for i in s.items)]))
    if report.recommendations:
        lines = ["**What to do**"]
        for n, r in enumerate(report.recommendations, 1):
            after = f"after: {r.depends_on}" if r.depends_on else None
            meta = ", ".join(x for x in (r.horizon, r.owner, after) if x)
            lines.append(
                f"{n}. **{r.title}**" + (f" _({meta})_" if meta else "") + f" — {r.detail}"
            )
        out.append("\n".join(lines))
    if report.assumptions:
        out.append("\n".join(["**Assumptions**", *(f"• {a}" for a in report.assumptions)]))
    if report.shifts:
        names = "; ".join(f"shift {n}, {SHIFT_NAMES[n]}" for n in report.shifts if n in SHIFT_NAMES)
        out.append(f"**The research it rests on (NeurIPS 2025):** {names}.")
    if report.caveats:
        out.append("\n".join(["**What would change this**", *(f"• {c}" for c in report.caveats)]))
    return "\n\n".join(out)


def _table(t: Table) -> str:
    """A monospace table at most ``TABLE_WIDTH`` wide: a cell too wide for its column wraps
    onto more lines, and then a blank line keeps each row apart."""
    rows = [t.columns, *t.rows]
    widths = _fit(
        [max(len(r[i]) for r in rows) for i in range(len(t.columns))],
        [max(len(w) for r in rows for w in r[i].split() or [""]) for i in range(len(t.columns))],
    )
    cells = [
        [
            textwrap.wrap(c, w, break_on_hyphens=False) or [""]
            for c, w in zip(r, widths, strict=True)
        ]
        for r in rows
    ]
    wrapped = any(len(lines) > 1 for row in cells for lines in row)
    out: list[str] = []
    for n, row in enumerate(cells):
        if n == 1:
            out.append(_GAP.join("-" * w for w in widths))
        elif n > 1 and wrapped:
            out.append("")
        for k in range(max(len(lines) for lines in row)):
            line = [(c[k] if k < len(c) else "").ljust(w) for c, w in zip(row, widths, strict=True)]
            out.append(_GAP.join(line).rstrip())
    return f"**{t.title}**\n```\n" + "\n".join(out) + "\n```"


def _fit(widths: list[int], words: list[int] | None = None, minimum: int = 8) -> list[int]:
    """Column widths within ``TABLE_WIDTH``: the widest columns are narrowed to one cap, the
    largest that fits, and narrow ones are left whole. Where it fits, no column is narrower
    than its longest word (``words``), so a long word ("Reklamationsbearbeitung") is not cut."""
    room = TABLE_WIDTH - len(_GAP) * (len(widths) - 1)
    if sum(widths) <= room:
        return widths
    floors = [min(w, f) for w, f in zip(widths, words or [0] * len(widths), strict=True)]
    if sum(floors) > room:
        floors = [0] * len(widths)
    cap = max(widths)
    pairs = list(zip(widths, floors, strict=True))
    while cap > minimum and sum(max(f, min(w, cap)) for w, f in pairs) > room:
        cap -= 1
    return [max(f, min(w, cap)) for w, f in pairs]


def figures_markdown(report: Report | None) -> str:
    """What follows a streamed narrative: the verdict and the computed figures, as computed."""
    if report is None:
        return ""
    lines = [f"**Verdict: {report.verdict}**"]
    if report.figures:
        lines += ["", "**The numbers, as computed**"]
        for f in report.figures:
            working = f" ({f.working})" if f.working else ""
            lines.append(f"• {f.label}: **{f.display}**{working}")
    return "\n".join(lines)
