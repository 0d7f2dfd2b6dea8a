"""Edge Deployment Economics: cloud API cost against local inference, with exact arithmetic."""

from __future__ import annotations

import math

from consultations.advisors.base import AdvisorInput, assumed_lines, count, money
from consultations.report import Chart, Figure, Recommendation, Report, Section, Series, Table

SECONDS_PER_MONTH = 30 * 24 * 3600
QUALITY_KEPT_4BIT = (90.0, 95.0)  # % of full-precision accuracy kept by 4-bit models


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    requests = sheet.number("requests", 1_000_000)
    tokens = sheet.numbers("tokens", {"input": 1000, "output": 250})
    price = sheet.numbers("price", {"input": 3.0, "output": 15.0})
    cur = sheet.currency("price", sheet.currency("local_cost"))
    latency = sheet.choice("latency", "interactive")
    sensitivity = sheet.choice("sensitivity", "internal")
    tolerance = sheet.number("quality_loss", 5.0)
    local = sheet.numbers("local_cost", {"hardware": 30_000, "monthly": 2_000})
    months = sheet.number("amortisation", 36)

    tok_in, tok_out = tokens["input"], tokens["output"]
    in_tokens, out_tokens = requests * tok_in, requests * tok_out
    api_in = in_tokens * price["input"] / 1e6
    api_out = out_tokens * price["output"] / 1e6
    api_total = api_in + api_out
    hardware_month = local["hardware"] / months
    local_total = hardware_month + local["monthly"]
    per_request = (
        api_total / requests
        if requests
        else (tok_in * price["input"] + tok_out * price["output"]) / 1e6
    )
    break_even = local_total / per_request if per_request > 0 else math.inf
    saving = api_total - local_total
    net_monthly = api_total - local["monthly"]
    payback = local["hardware"] / net_monthly if net_monthly > 0 else math.inf
    rps = requests / SECONDS_PER_MONTH

    m = lambda v: money(v, cur)  # noqa: E731
    figures = (
        Figure(
            label="API input cost per month",
            value=api_in,
            display=m(api_in),
            working=f"{count(requests)} × {count(tok_in)} = {_tokens(in_tokens)} tokens × "
            f"{m(price['input'])} / 1M",
        ),
        Figure(
            label="API output cost per month",
            value=api_out,
            display=m(api_out),
            working=f"{count(requests)} × {count(tok_out)} = {_tokens(out_tokens)} tokens × "
            f"{m(price['output'])} / 1M",
        ),
        Figure(
            label="API total per month",
            value=api_total,
            display=m(api_total),
            working=f"{m(api_in)} + {m(api_out)}",
        ),
        Figure(
            label="Hardware per month",
            value=hardware_month,
            display=m(hardware_month),
            working=f"{m(local['hardware'])} over {months:g} months",
        ),
        Figure(
            label="Local total per month",
            value=local_total,
            display=m(local_total),
            working=f"{m(hardware_month)} + {m(local['monthly'])} operations",
        ),
        Figure(
            label="API cost per request",
            value=per_request,
            display=m(per_request),
            working=f"{m(api_total)} ÷ {count(requests)} requests",
        ),
        Figure(
            label="Break-even volume",
            value=break_even,
            display=_volume(break_even),
            working=f"{m(local_total)} ÷ {m(per_request)} per request"
            if per_request > 0
            else "the API costs nothing per request: local never pays",
        ),
        Figure(
            label="Monthly saving running locally",
            value=saving,
            display=m(saving),
            working=f"{m(api_total)} − {m(local_total)}",
        ),
        Figure(
            label="Hardware payback",
            value=payback,
            display=_months(payback),
            working=f"{m(local['hardware'])} ÷ ({m(api_total)} − {m(local['monthly'])})"
            if net_monthly > 0
            else "operations alone cost more than the API",
        ),
        Figure(
            label="Average load",
            value=rps,
            display=f"{rps:.2f} requests a second",
            working=f"{count(requests)} ÷ {count(SECONDS_PER_MONTH)} seconds a month",
        ),
    )
    table = Table(
        title="Monthly cost",
        columns=("", "per month"),
        rows=(
            (f"API input: {figures[0].working}", m(api_in)),
            (f"API output: {figures[1].working}", m(api_out)),
            ("API total", m(api_total)),
            (f"Hardware: {m(local['hardware'])} over {months:g} months", m(hardware_month)),
            ("Operations", m(local["monthly"])),
            ("Local total", m(local_total)),
        ),
    )
    verdict, reasons = _verdict(requests, break_even, sensitivity, latency, tolerance)
    quality_note = _quality(tolerance)
    sensitivity_rows = tuple(
        (label, _volume(local_total / (per_request * factor)) if per_request > 0 else "never")
        for label, factor in (
            ("API price halved", 0.5),
            ("API price as today", 1.0),
            ("API price doubled", 2.0),
        )
    ) + (
        (
            "Hardware written off over 24 months",
            _volume((local["hardware"] / 24 + local["monthly"]) / per_request)
            if per_request > 0
            else "never",
        ),
    )
    summary = (
        f"At {count(requests)} requests a month the API costs about {m(api_total)} a month; "
        f"running locally costs about {m(local_total)} all in. Local pays for itself from "
        f"{_volume(break_even)}"
        + (f", {_share(break_even, requests)} of today's volume." if requests else ".")
    )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=verdict,
        summary=summary,
        figures=figures,
        tables=(
            table,
            Table(
                title="Break-even volume if things change",
                columns=("if", "break-even"),
                rows=sensitivity_rows,
            ),
        ),
        sections=(
            Section(
                title="Why now (shift 6)",
                items=(
                    "4-bit quantised models keep about 90-95% of full-precision accuracy with "
                    "75-90% less memory.",
                    "7B-class models answer with sub-second latency on phones and commodity GPUs.",
                    "A local answer in about 50 ms beats an API round trip of about 2 s; the "
                    "marginal cost is hardware, not tokens, and the data stays with you.",
                    quality_note,
                    *reasons,
                ),
            ),
        ),
        recommendations=_plan(verdict, rps, tolerance, sensitivity),
        assumptions=(
            *assumed_lines(
                sheet,
                {
                    "amortisation": "No hardware life given: written off over 36 months.",
                    "quality_loss": "No quality tolerance given: assumed 5%.",
                    "latency": "No latency need given: assumed answers within a second.",
                    "sensitivity": "No data sensitivity given: assumed internal data.",
                },
            ),
            "A month is 30 days; prices stay as quoted; one local server handles the load "
            f"(average {rps:.2f} requests a second — check the peak before ordering).",
            "Local cost excludes the engineering time to build and evaluate the pilot.",
        ),
        shifts=(6,),
        caveats=(
            f"Volume below the break-even ({_volume(break_even)}) turns the answer back to the "
            "API.",
            f"A quality gap above your {tolerance:g}% tolerance on your own evaluation.",
            "Peak load needing more than one server (the average hides the peaks).",
            "An API price cut: rerun with the new price — the break-even moves with it.",
            "Edge results are benchmark averages; your task may quantise worse.",
        ),
        chart=_chart(per_request, local_total, requests, break_even, cur),
    )


def _verdict(
    requests: float, break_even: float, sensitivity: str, latency: str, tolerance: float
) -> tuple[str, list[str]]:
    reasons: list[str] = []
    private = sensitivity in ("confidential", "regulated")
    fast = latency == "realtime"
    if private:
        reasons.append("Your data is sensitive: keeping it on your own hardware lowers exposure.")
    if fast:
        reasons.append("You need answers under 100 ms, which an API round trip cannot give.")
    if requests >= break_even * 1.5:
        head = "Run it locally — a pilot first."
    elif requests >= break_even * 0.67 or private or fast:
        head = "Hybrid: pilot local inference on part of the traffic, keep the API as fallback."
    else:
        head = "Stay on the API for now."
        reasons.append("Volume is well below break-even: the hardware would sit mostly idle.")
    if tolerance < 5 and not head.startswith("Stay"):
        reasons.append(
            "Your quality tolerance is tighter than 4-bit models usually give: "
            "test 8-bit or a larger model in the pilot."
        )
    return head, reasons


def _quality(tolerance: float) -> str:
    low_loss, high_loss = 100 - QUALITY_KEPT_4BIT[1], 100 - QUALITY_KEPT_4BIT[0]
    if tolerance >= high_loss:
        return (
            f"You accept {tolerance:g}% quality loss; 4-bit models typically lose "
            f"{low_loss:g}-{high_loss:g}%, inside your tolerance."
        )
    if tolerance >= low_loss:
        return (
            f"You accept {tolerance:g}% quality loss; 4-bit models typically lose "
            f"{low_loss:g}-{high_loss:g}% — right at the edge, so the pilot must measure "
            "quality on your own tasks."
        )
    return (
        f"You accept only {tolerance:g}% quality loss; 4-bit models typically lose "
        f"{low_loss:g}-{high_loss:g}%, so plan on 8-bit weights or a larger model."
    )


def _plan(
    verdict: str, rps: float, tolerance: float, sensitivity: str
) -> tuple[Recommendation, ...]:
    if verdict.startswith("Stay"):
        return (
            Recommendation(
                title="Stay on the API and revisit at higher volume",
                detail="Rerun this consultation when volume or prices change.",
                horizon="now",
            ),
            Recommendation(
                title="Negotiate price with the volume you have",
                detail="The break-even above is your walk-away number in talks.",
                horizon="0-3 months",
            ),
        )
    return (
        Recommendation(
            title="Build an evaluation set from real traffic",
            detail=f"Sample a few hundred real requests and their accepted answers; the pilot "
            f"passes if the local model stays within your {tolerance:g}% tolerance.",
            horizon="weeks 1-2",
            owner="ML engineer",
        ),
        Recommendation(
            title="Pilot a quantised 7B-class model on one server",
            detail=f"Shadow 10% of traffic (average {rps:.2f} requests a second overall) and "
            "measure quality, p95 latency and peak load against the API's answers.",
            horizon="weeks 3-6",
            owner="platform team",
        ),
        Recommendation(
            title="Switch with the API as fallback",
            detail="Route to local by default and fall back to the API on errors or low "
            "confidence; keep the contract month to month until the savings are proven."
            + (
                " Sensitive requests stay local only."
                if sensitivity in ("confidential", "regulated")
                else ""
            ),
            horizon="month 2-3",
            owner="engineering lead",
        ),
    )


def _chart(
    per_request: float, local_total: float, requests: float, break_even: float, cur: str
) -> Chart:
    finite = break_even if math.isfinite(break_even) else requests
    top = max(requests, finite, 1.0) * 2.5 if finite < requests * 4 else max(requests, 1.0) * 2.5
    xs = [top * i / 20 for i in range(21)]
    return Chart(
        title="Monthly cost against volume",
        x_label="requests a month",
        y_label=f"cost a month ({cur})",
        series=(
            Series(name="Cloud API", points=tuple((x, x * per_request) for x in xs)),
            Series(name="Local", points=tuple((x, local_total) for x in xs)),
        ),
        marker_x=break_even if math.isfinite(break_even) else None,
        marker_label=f"break-even ≈ {_volume(break_even)}",
    )


def _tokens(n: float) -> str:
    if n >= 1e9:
        return f"{n / 1e9:,.1f}B"
    if n >= 1e6:
        return f"{n / 1e6:,.1f}M"
    return count(n)


def _volume(n: float) -> str:
    if not math.isfinite(n):
        return "never (the API costs nothing per request)"
    if n >= 10_000:
        return f"about {round(n, -2):,.0f} requests a month"
    return f"about {math.ceil(n):,} requests a month"


def _months(n: float) -> str:
    if not math.isfinite(n):
        return "never"
    return "under a month" if n < 1 else f"{n:.1f} months"


def _share(part: float, whole: float) -> str:
    if not math.isfinite(part) or whole <= 0:
        return "more than"
    ratio = whole / part if part else math.inf
    if ratio >= 2:
        return f"about 1/{round(ratio)}"
    return f"{part / whole:.0%}"
