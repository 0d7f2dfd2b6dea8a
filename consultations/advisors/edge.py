"""Edge Deployment Economics: cloud API cost against local inference, with exact arithmetic."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from consultations.advisors.base import AdvisorInput, AnswerSheet, assumed_lines
from consultations.advisors.edge_plan import (
    SMALL_SAVING,
    load_said,
    plan,
    quality_note,
    tight,
    verdict_and_reasons,
)
from consultations.advisors.words import count, counted, money, number, plural, share
from consultations.answers.machines import servers_priced
from consultations.answers.money import CURRENCY_WORDS
from consultations.answers.peaks import peak_multiple
from consultations.answers.units import DAYS_A_MONTH
from consultations.answers.vendors import usd_vendor
from consultations.report import Chart, Figure, Report, Section, Series, Table

SECONDS_PER_MONTH = DAYS_A_MONTH * 24 * 3600  # the answers' month: 2,629,800 seconds
_OWNED = re.compile(  # no hardware to buy because it is there: "my MacBook, already have it"
    r"already|sunk|\bwe own\b|\bwe have the\b|\bhaben (?:schon|bereits)\b|vorhanden|gekauft|déjà",
    re.I,
)
_ON_DEVICE = re.compile(  # the model runs where the users are: no server of ours
    r"on[- ]device|\b(?:(?:the )?users?'?|customers?'?|players?'?|their)\s+(?:own\s+)?"
    r"(?:phones?|devices?|handsets?|laptops?|browsers?|mobiles?)\b|\bin the browser\b",
    re.I,
)
BATCH_DISCOUNT = 0.5  # the advisor's assumption: batch APIs cost about half the live price


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    requests = sheet.number("requests", 1_000_000)
    tokens = sheet.numbers("tokens", {"input": 1000, "output": 250})
    price = sheet.numbers("price", {"input": 3.0, "output": 15.0})
    cur = sheet.currency("price", sheet.currency("local_cost"))
    priced_in, built_in = sheet.currency("price", ""), sheet.currency("local_cost", "")
    latency = sheet.choice("latency", "interactive")
    sensitivity = sheet.choice("sensitivity", "internal")
    tolerance = sheet.number("quality_loss", 5.0)
    local = sheet.numbers("local_cost", {"hardware": 30_000, "monthly": 2_000})
    months = sheet.number("amortisation", 36)
    servers = servers_priced(sheet.raw("local_cost"))  # "2 servers at 40k each"
    owned = local["hardware"] <= 0 and bool(_OWNED.search(sheet.raw("local_cost")))
    device = local["hardware"] <= 0 and bool(_ON_DEVICE.search(sheet.raw("local_cost")))

    batch = latency == "batch"
    factor = BATCH_DISCOUNT if batch else 1.0
    tok_in, tok_out = tokens["input"], tokens["output"]
    in_tokens, out_tokens = requests * tok_in, requests * tok_out
    api_in = in_tokens * price["input"] * factor / 1e6
    api_out = out_tokens * price["output"] * factor / 1e6
    api_total = api_in + api_out
    hardware_month = local["hardware"] / months
    local_total = hardware_month + local["monthly"]
    per_request = (
        api_total / requests
        if requests
        else (tok_in * price["input"] + tok_out * price["output"]) * factor / 1e6
    )
    break_even = local_total / per_request if per_request > 0 else math.inf
    saving = api_total - local_total
    net_monthly = api_total - local["monthly"]
    payback = local["hardware"] / net_monthly if net_monthly > 0 else None
    rps = requests / SECONDS_PER_MONTH
    peak = _peak_said(sheet.raw("requests"), requests)  # "3x that in Nov": size for it
    peak_rps = rps * (said[1] if (said := peak_multiple(sheet.raw("requests"))) else 1.0)
    batch_note = f" at the batch price ({BATCH_DISCOUNT:.0%} of list)" if batch else ""

    def m(v: float) -> str:
        return money(v, cur)

    def lm(v: float) -> str:  # a local amount, in the currency it was typed in
        return money(v, built_in or cur)

    written_off = (
        f"{lm(local['hardware'])} over {plural(months, 'month')}"
        if local["hardware"] > 0
        else "none to buy"
    )
    mixed = bool(priced_in and built_in and priced_in != built_in)

    one_for_one = (  # "€222 ÷ $0.001": a ratio across currencies is only rough
        f", {built_in} and {priced_in} taken one for one (convert first)" if mixed else ""
    )

    def gap(v: float) -> str:  # API less local: "$15,000 − €39,250" is no dollar amount
        return f"{count(v)} ({priced_in} less {built_in}, unconverted)" if mixed else m(v)

    figures = (
        Figure(
            label="API input cost per month",
            value=api_in,
            display=m(api_in),
            working=f"{count(requests)} × {count(tok_in)} = {_tokens(in_tokens)} tokens × "
            f"{m(price['input'])} / 1M{batch_note}",
        ),
        Figure(
            label="API output cost per month",
            value=api_out,
            display=m(api_out),
            working=f"{count(requests)} × {count(tok_out)} = {_tokens(out_tokens)} tokens × "
            f"{m(price['output'])} / 1M{batch_note}",
        ),
        Figure(
            label="API total per month",
            value=api_total,
            display=m(api_total),
            working=f"{m(api_in)} + {m(api_out)}"
            + (" (batch work, so the batch price)" if batch else ""),
        ),
        Figure(
            label="Hardware per month",
            value=hardware_month,
            display=lm(hardware_month),
            working=written_off,
        ),
        Figure(
            label="Local total per month",
            value=local_total,
            display=lm(local_total),
            working=f"{lm(hardware_month)} + {lm(local['monthly'])} operations",
        ),
        Figure(
            label="API cost per request",
            value=per_request,
            display=m(per_request),
            working=f"{m(api_total)} ÷ {counted(requests, 'request')}",
        ),
        Figure(
            label="Break-even volume",
            value=break_even,
            display=_volume(break_even),
            working=f"{lm(local_total)} ÷ {m(per_request)} per request{one_for_one}"
            if per_request > 0
            else "the API costs nothing per request: local never pays",
        ),
        Figure(
            label="Monthly saving running locally",
            value=saving,
            display=gap(saving),
            working=f"{m(api_total)} − {lm(local_total)}"
            + (
                ": two currencies, so convert one side first"
                if mixed
                else f": local costs {m(-saving)} a month more"
                if saving < 0
                else ""
            ),
        ),
        Figure(
            label="Hardware payback",
            value=payback,
            display=_months(payback) if local["hardware"] > 0 else "nothing to pay back",
            working=(
                "no hardware to buy"
                if local["hardware"] <= 0
                else f"{lm(local['hardware'])} ÷ ({m(api_total)} − {lm(local['monthly'])})"
                + one_for_one
                + (
                    f" — longer than the {plural(months, 'month')} you write it off over: "
                    "it does not pay back within the hardware's life"
                    if payback is not None and payback > months
                    else ""
                )
                if net_monthly > 0
                else "operations alone cost as much as the API or more: it never pays back"
            ),
        ),
        Figure(
            label="Average load",
            value=rps,
            display=load_said(rps),
            working=f"{count(requests)} ÷ {count(SECONDS_PER_MONTH)} seconds a month",
        ),
    )
    table = Table(
        title="Monthly cost",
        columns=("", "per month"),
        rows=(
            ("API input", m(api_in)),  # its working is in the numbers above it
            ("API output", m(api_out)),
            ("API total", m(api_total)),
            (f"Hardware: {written_off}", lm(hardware_month)),
            ("Operations", lm(local["monthly"])),
            ("Local total", lm(local_total)),
        ),
    )
    premium = (  # what local costs over the API, in words: two currencies are not subtracted
        None
        if saving >= 0
        else f"local costs {lm(local_total)} a month against the API's {m(api_total)} (two "
        "currencies, not converted)"
        if mixed
        else f"local costs {m(-saving)} a month more than the API"
    )
    verdict, reasons, moved_by = verdict_and_reasons(
        requests,
        break_even,
        sensitivity,
        latency,
        tolerance,
        premium=premium,
        small_saving=gap(saving) if 0 <= saving < SMALL_SAVING and not mixed else None,
    )
    free = local_total <= 0  # nothing to pay locally: cheaper at any volume, no break-even
    staying = verdict.startswith("Stay")  # what would change it points the other way
    other_life = 36 if round(months) == 24 else 24  # not the life already used
    sensitivity_rows = tuple(
        (label, _per_month(local_total / (per_request * factor)) if per_request > 0 else "never")
        for label, factor in (
            ("API price halved", 0.5),
            ("API price as today", 1.0),
            ("API price doubled", 2.0),
        )
    )
    if local["hardware"] > 0:  # no hardware: its life changes nothing
        sensitivity_rows += (
            (
                f"Hardware written off over {other_life} months",
                _per_month((local["hardware"] / other_life + local["monthly"]) / per_request)
                if per_request > 0
                else "never",
            ),
        )
    of_today = share(break_even, requests, "today's volume")
    summary = (
        f"At {counted(requests, 'request')} a month the API costs about {m(api_total)} a month"
        + (" at batch prices" if batch else "")
        + (
            "; running locally costs nothing a month (no hardware to buy, no running cost "
            "given), so local is cheaper at any volume."
            if free
            else f"; running locally costs about {lm(local_total)} all in. Local pays for itself "
            f"from {_volume(break_even)}"
            + (f", {of_today}." if of_today and math.isfinite(break_even) else ".")
        )
        + (
            f" Today {premium if mixed else f'local costs {m(-saving)} a month more'}; the "
            f"case for it is {moved_by}."
            if moved_by
            else ""
        )
    )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=verdict,
        summary=summary,
        figures=figures,
        tables=(
            table,
            *(
                ()
                if free  # nothing to pay locally: every row would read "about 0"
                else (
                    Table(
                        title="Break-even volume if things change",
                        columns=("if", "requests a month"),
                        rows=sensitivity_rows,
                    ),
                )
            ),
        ),
        sections=(
            Section(
                title="Why now (shift 6)",
                items=(
                    "Research shown at NeurIPS 2025: 4-bit quantised models can keep 90-95% of "
                    "their full-precision accuracy with 75-90% less memory.",
                    "Qualcomm showed 7B-parameter models running on Snapdragon with sub-second "
                    "latency — the vendor's own demo; your hardware and model need their "
                    "own measurement.",
                    "Running locally removes the network round trip (the article contrasts "
                    "50 ms locally with a 2-second API call); the marginal cost is hardware, "
                    "not tokens, and the data stays with you.",
                    quality_note(tolerance, tight(tolerance, verdict)),
                    *reasons,
                ),
            ),
        ),
        recommendations=plan(
            verdict,
            rps,
            tolerance,
            sensitivity,
            batch,
            api_total,
            servers,
            owned,
            m(api_total),
            device=device,
            saving=saving,
            second=_second_server(local["hardware"], months, local_total, api_total, lm, m, mixed),
            peak_rps=peak_rps,
        ),
        assumptions=(
            *assumed_lines(
                sheet,
                {
                    **(
                        {"amortisation": "No hardware life given: written off over 36 months."}
                        if local["hardware"] > 0  # none to buy: no life to assume
                        else {}
                    ),
                    "quality_loss": "No quality tolerance given: assumed 5%.",
                    "latency": "No latency need given: assumed answers within a second.",
                    "sensitivity": "No data sensitivity given: assumed internal data.",
                },
            ),
            *_currency_notes(
                priced_in,
                built_in or ("" if not free else priced_in),
                sheet.given("price"),
                _vendor_priced(sheet),
            ),  # nothing to pay locally needs no currency
            f"A month is {DAYS_A_MONTH:.2f} days (365.25 ÷ 12) and prices stay as quoted."
            + (
                f" Batch work: the API side is priced at {BATCH_DISCOUNT:.0%} of list, as "
                "providers' batch APIs commonly charge (the advisor's assumption; check "
                "yours), and the queue absorbs bursts, so one server only has to keep up with "
                "the daily total."
                if batch
                else " Each user's device serves its own requests: no server to size; check "
                "the slowest device you support."
                if device
                else f" {_servers(servers, owned).capitalize()} handle"
                + ("s" if servers == 1 else "")
                + f" the load (average {load_said(rps)}"
                + (f"). {peak}; size for that before " if peak else " — check the peak before ")
                + ("moving traffic" if owned else "ordering")
                + ("." if peak else ").")
            ),
            "Local cost excludes the engineering time to build and evaluate the pilot.",
        ),
        shifts=(6,),
        caveats=(
            "Local costs you have not counted (power, upkeep, the time to keep the model "
            "current) give it a break-even volume: rerun with them."
            if free
            else f"Volume below the break-even ({_volume(break_even)}) turns the answer back to "
            "the API."
            if requests >= break_even
            else f"Volume growing past the break-even ({_volume(break_even)}) makes local pay "
            "for itself on cost.",
            *(
                ()
                if staying  # no traffic moves: a quality gap changes nothing
                else (
                    (
                        f"A quality gap above your {number(tolerance)}% tolerance against today's "
                        "model, "
                        if tolerance > 0
                        else "Any quality gap against today's model, "
                    )
                    + "on your own evaluation.",
                )
            ),
            *(
                ()
                if batch or device or staying  # no server to size
                else (
                    f"Your peak ({load_said(peak_rps)}) needing more than "
                    f"{_servers(servers, owned)}: pilot at that load."
                    if peak_rps > rps
                    else f"Peak load needing more than {_servers(servers, owned)} (the average "
                    "hides the peaks).",
                )
            ),
            *(
                ()
                if free
                else (
                    "An API price "
                    + ("rise" if staying else "cut")
                    + ": rerun with the new price — the break-even moves with it.",
                )
            ),
            *(
                ()
                if staying
                else ("Our caution: research results are averages; your task may quantise worse.",)
            ),
        ),
        chart=_chart(per_request, local_total, requests, break_even, cur),
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
        marker_x=break_even if math.isfinite(break_even) and break_even > 0 else None,
        marker_label=f"break-even: {_volume(break_even)}",
    )


def _peak_said(typed: str, requests: float) -> str:
    """ "At the peak you said (3x that in November): about 10.5 million requests a month, 3.99
    requests a second"; empty when no peak was said as a multiple of the usual volume."""
    said = peak_multiple(typed)
    if said is None or requests <= 0:
        return ""
    words, factor = said
    top = requests * factor
    return f"At the peak you said ({words}): {_volume(top)}, {load_said(top / SECONDS_PER_MONTH)}"


def _servers(n: int, owned: bool = False) -> str:
    if owned and n == 1:
        return "the hardware you already have"
    return "one local server" if n == 1 else f"the {n} servers you priced"


def _tokens(n: float) -> str:
    if n >= 1e9:
        return f"{n / 1e9:,.1f}B"
    if n >= 1e6:
        return f"{n / 1e6:,.1f}M"
    return count(n)


def _volume(n: float) -> str:
    if not math.isfinite(n):
        return "never (the API costs nothing per request)"
    if n <= 0:
        return "none (local costs nothing a month)"
    if n >= 1_000_000:
        return f"about {n / 1e6:,.1f} million requests a month"
    if n >= 10_000:
        return f"about {round(n, -2):,.0f} requests a month"
    return f"about {counted(math.ceil(n), 'request')} a month"


def _per_month(n: float) -> str:
    """A break-even in a table whose column says "requests a month": "about 1.9M"."""
    if not math.isfinite(n):
        return "never"
    return f"about {_tokens(n) if n >= 1e6 else count(round(n, -2) if n >= 10_000 else n)}"


def _months(n: float | None) -> str:
    if n is None:
        return "never"
    return "under a month" if n < 1 else plural(round(n, 1), "month")


def _vendor_priced(sheet: AnswerSheet) -> str:
    """ " (no currency typed: OpenAI prices its API in US dollars)" when the API prices were read
    as dollars from the vendor named ("bei openai so 2,50 / 10"), else nothing."""
    raw = sheet.raw("price")
    vendor = None if CURRENCY_WORDS.search(raw) else usd_vendor(raw)
    if vendor is None or sheet.currency("price", "") != "USD":
        return ""
    return f" (no currency typed: {vendor} prices its API in US dollars)"


def _currency_notes(
    priced_in: str, built_in: str, priced: bool, from_vendor: str = ""
) -> tuple[str, ...]:
    """Say when the two sides' currencies were taken one from the other, or differ; and when
    the API prices' currency was read from the vendor named (``from_vendor``)."""
    if priced and not priced_in and built_in:
        return (
            f"Your API prices had no currency: read as {built_in}, like your local costs. If "
            "they are in another currency, retype them with it (for example $2.50 / $10).",
        )
    if priced and priced_in and not built_in:
        return (
            f"Your local costs had no currency: read as {priced_in}, like your API "
            f"prices{from_vendor}. If they are in another currency, retype them with it.",
        )
    if priced_in and built_in and priced_in != built_in:
        return (
            f"API prices in {priced_in}{from_vendor} and local costs in {built_in}: convert "
            "one side at today's rate before trusting the comparison (no rate is applied here).",
        )
    return ()


def _second_server(
    hardware: float,
    months: float,
    local_total: float,
    api_total: float,
    lm: Callable[[float], str],
    m: Callable[[float], str],
    mixed: bool,
) -> str:
    """What the failover server adds, if it costs what the first did: the plan's step says it,
    so a second machine is never an unpriced line in a plan priced to the euro."""
    if hardware <= 0 or months <= 0:
        return ""
    extra = hardware / months
    both = local_total + extra
    against = (
        ""
        if mixed
        else f", still below the API's {m(api_total)}"
        if both < api_total
        else f", above the API's {m(api_total)}: the failover is what sensitive data costs"
    )
    return (
        f"If it costs what the first did: {lm(hardware)} more up front ({lm(extra)} a month "
        f"over {plural(months, 'month')}), local then about {lm(both)} a month{against}."
    )
