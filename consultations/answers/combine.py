"""Numbers that belong together: "1 min 30 s" (one duration), "2-3M" (a range, its midpoint),
"25 devs + 3" (a sum), "200 an hour in business hours" (a part-week rate). Pure."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity
from consultations.answers.model import format_number
from consultations.answers.rates import DAYS, WORDS, a_unit, rate_after
from consultations.answers.units import BUSINESS_HOURS_A_WEEK, MS, TO_BASE, WORKING_DAYS_A_WEEK
from consultations.scripts import NumberKind

RANGE_SEP = re.compile(  # "2-3M", "40 to 50", "zwischen 40 und 50", "an hour, maybe two"
    r"^\s*(?:-|–|—|~|to|or|and|und|bis|et|à|,?\s*(?:or\s+)?(?:maybe|perhaps|possibly))"
    r"\s*(?:~|about|around|roughly|approx(?:imately|\.)?|ca\.?|etwa)?\s*$",
    re.I,
)
_BETWEEN = re.compile(
    r"\b(?:between|from|zwischen|entre)\s*(?:about\s+|ca\.?\s*)?[$€£¥]?\s*$", re.I
)
_AND = {"and", "und", "et"}  # a range only after "between": "3 and 4 vendors" is two figures
_COMPOUND_SEP = re.compile(r"^\s*(?:,|and)?\s*$", re.I)
# a rate over part of the week: (words that say so, the rate it is given per, its units a week,
# how it is said back); "200 per hour during business hours" is 200 × 40 a week
_PART_WEEK = (
    (
        re.compile(r"\b(?:business|working|office|work)\s+hours?\b|\b9\s*(?:-|to)\s*5\b", re.I),
        "h",
        BUSINESS_HOURS_A_WEEK,
        "an hour over {n:.0f} business hours",
    ),
    (
        re.compile(
            r"\b(?:week\s?days?|business\s+days?|working\s+days?|work\s?days?|werktag\w*|"
            r"arbeitstag\w*|jours? ouvr[ée]s?|jours? ouvrables?|"
            r"mon(?:day)?\s*(?:-|–|to)\s*fri(?:day)?)\b",
            re.I,
        ),
        "d",
        WORKING_DAYS_A_WEEK,
        "a day over {n:.0f} working days",
    ),
)


def part_of_week(text: str, chosen: dict[str, Quantity]) -> dict[str, Quantity]:
    """A rate given per business hour or working day, restated per week (then as asked)."""
    for words, rate, per_week, said in _PART_WEEK:
        if words.search(text):
            chosen = {
                p: replace(
                    q,
                    readings=tuple(r * per_week for r in q.readings),
                    rate="w",
                    text=f"{q.text.strip()} {said.format(n=per_week)}",  # "… a week is about …"
                )
                if q.rate == rate
                else q
                for p, q in chosen.items()
            }
    return chosen


_PLUS = re.compile(  # "25 + 3", "$8k + $2k", "8k/month + 2k/month", "2k + user ~500"
    r"^\s*(?:\([^()]{0,40}\)\s*)?"  # "5k (OpenAI) + 3k (Anthropic)"
    r"(?:/\s*[a-z]+|(?:a|an|per)\s+[a-z]+)?\s*(?:\+|plus)\s*(?:[a-z]+\s*)?"
    r"(?:~|about|around|roughly|approx\.?)?\s*[$€£¥]?\s*$",
    re.I,
)


def sums(text: str, found: list[Quantity], any_scale: bool = False) -> list[Quantity]:
    """ "25 devs + 3 data scientists", "25k + 6k for networking": one figure, added up, with a
    note that says so."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _PLUS.match(text[prev.end : q.start])
            and len(prev.readings) == len(q.readings) == 1
            and _same_or_both_rates(prev, q)  # "25k + 6k for networking"; not "25k + 2k a month"
            and (
                any_scale or _bare(prev) == _bare(q) or bool(prev.rate and q.rate)
            )  # not "25k plus 2 GPUs"
        ):
            added = q.readings[0] * _per(prev.rate, q.rate)  # "8k a month + 20k a year"
            total = prev.readings[0] + added
            a, b = (format_number(x.readings[0], None) for x in (prev, q))
            note = f"{a} + {b} added up"
            if prev.rate != q.rate and prev.rate and q.rate:
                a, b = (f"{x.text.strip()} {a_unit(WORDS[x.rate or ''])}" for x in (prev, q))
                note = f"{a} + {b} (about {added:,.0f} {a_unit(WORDS[prev.rate])}) added up"
            currency = prev.currency or q.currency
            out[-1] = replace(prev, readings=(total,), end=q.end, note=note, currency=currency)
            continue
        out.append(q)
    return out


_TIMES = re.compile(  # "40 clients x 20k", "40 × 20k", "4 squads with 6 devs each"
    r"^\s*(?:[a-z-]+\s+)?(?:(?P<sign>x|×|\*)|with|at|doing|sending|making)"
    r"\s*(?:~|about|around|roughly|approx\.?|ca\.?)?\s*$",
    re.I,
)
_EACH = re.compile(r"\s*(?P<noun>[a-z-]+\s+)?(?:[a-z-]+\s+)??(?:each|apiece|every one)\b", re.I)


def times_each(text: str, found: list[Quantity], unit: str | None) -> list[Quantity]:
    """ "40 clients x 20k", "we serve 40 clients with 20k each": so many things times so much
    each, one count of ``unit``, said back ("40 × 20k"); not "1.5k runs with 12 steps each"
    at a count of runs (the steps are no runs)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        m = _TIMES.match(text[prev.end : q.start]) if prev is not None else None
        each = _EACH.match(text, q.end)
        noun = (each.group("noun") or "").strip().casefold() if each else ""
        if (
            prev is None
            or m is None
            or not (m.group("sign") or each)
            or (noun and q.unit is None and noun.rstrip("s") != (unit or "").rstrip("s"))
            or prev.unit is not None
            or q.unit not in (None, "fte")
            or len(prev.readings) != 1
            or len(q.readings) != 1
            or prev.readings[0] < 2
            or prev.readings[0] != round(prev.readings[0])
        ):
            out.append(q)
            continue
        n = prev.readings[0]
        note = f"{format_number(n, None)} × {q.text.strip()}"
        named = re.match(rf"\s*{re.escape(unit)}s?", text[q.end :], re.I) if unit else None
        rate = q.rate or (rate_after(text, q.end + named.end()) if named else None)  # "12 req/day"
        out[-1] = replace(q, readings=(n * q.readings[0],), start=prev.start, note=note, rate=rate)
    return out


def _same_or_both_rates(a: Quantity, b: Quantity) -> bool:
    return a.rate == b.rate or (a.rate in DAYS and b.rate in DAYS)


def _per(rate: str | None, given: str | None) -> float:
    """The factor that restates a figure given per ``given`` per ``rate`` instead."""
    return DAYS[rate] / DAYS[given] if rate and given and rate != given else 1.0


def _bare(q: Quantity) -> bool:
    return q.currency is None and q.scale == 1


def compounds(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "1 min 30 s", "1 year and 6 months": one duration, the parts added up."""
    order = list(MS)
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit in order
            and q.unit in order
            and order.index(q.unit) < order.index(prev.unit)
            and _COMPOUND_SEP.match(text[prev.end : q.start])
            and len(prev.readings) == len(q.readings) == 1
            and q.readings[0] < prev.readings[0]  # "3 years, 36 months" says it twice
        ):
            out[-1] = replace(
                prev,
                readings=(prev.readings[0] + q.readings[0],),
                end=q.end,
                unit=q.unit,
                text=text[prev.start : q.end],
            )
            continue
        out.append(q)
    return out


_HEDGED = re.compile(r"\b(?:or|maybe|perhaps|possibly)\b", re.I)


def _second_thought(sep: str, q: Quantity, nxt: Quantity) -> bool:
    """ "3 years, maybe 48 months": a figure said again in another unit after a hedge is a
    second thought, not the far end of a range; both are kept as readings to ask about."""
    units = {q.unit, nxt.unit}
    return None not in units and len(units) == 2 and _HEDGED.search(sep) is not None


_DASH = re.compile(r"^\s*[-–—]\s*$")


def _dashed_chains(text: str, found: list[Quantity]) -> set[int]:
    """The places of figures in a run of three or more joined by dashes ("50-30-20")."""
    pairs = zip(found, found[1:], strict=False)
    dash = [_DASH.match(text[a.end : b.start]) is not None for a, b in pairs]
    return {i + k for i in range(len(dash) - 1) if dash[i] and dash[i + 1] for k in range(3)}


def ranges(
    text: str, found: list[Quantity], kind: NumberKind | None, apart: bool = False
) -> list[Quantity]:
    """ "2-3M", "between 2 and 3 million": the midpoint, and a note that says so; not
    "50-30-20", three figures dashed together: a list of them, each kept. ``apart``: both
    ends kept as figures of their own ("32k-128k" at a window every model must offer)."""
    out: list[Quantity] = []
    dashed = _dashed_chains(text, found)
    i = 0
    while i < len(found):
        q = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        sep = text[q.end : nxt.start] if nxt else ""
        is_range = nxt is not None and RANGE_SEP.match(sep) is not None and i not in dashed
        if is_range and sep.strip().casefold() in _AND:
            is_range = _BETWEEN.search(text[: q.start]) is not None
        if not is_range or nxt is None or len(q.readings) != 1 or len(nxt.readings) != 1:
            out.append(q)
            i += 1
            continue
        low, high = q.readings[0], nxt.readings[0]
        if _second_thought(sep, q, nxt):  # "3 years, maybe 48 months": which one is asked
            out.append(replace(nxt, readings=(low, high), start=q.start, convention=None))
            i += 2
            continue
        if q.scale == 1 and nxt.scale > 1 and low * nxt.scale <= high:
            low *= nxt.scale
        elif nxt.scale == 1 and q.scale > 1 and high < low <= high * q.scale:  # "8k, maybe 10"
            high *= q.scale
        if q.unit is None and nxt.unit and kind in TO_BASE:
            low *= TO_BASE[kind].get(nxt.unit, 1.0)
        elif nxt.unit is None and q.unit and kind in TO_BASE:  # "30 min, maybe 45": minutes
            high *= TO_BASE[kind].get(q.unit, 1.0)
        if apart:  # "32k-128k": 32,000 and 128,000, the unit and scale read once for both
            low_end = replace(q, readings=(low,), unit=q.unit or nxt.unit, note=None)
            out += [replace(low_end, currency=q.currency or nxt.currency), nxt]
            i += 2
            continue
        mid = (low + high) / 2
        note = (
            f"the midpoint of {format_number(low, kind)}–{format_number(high, kind)}; "
            f"type the exact figure if you have it"
        )
        out.append(
            replace(
                nxt,
                readings=(mid,),
                start=q.start,
                note=note,
                unit=nxt.unit or q.unit,
                currency=nxt.currency or q.currency,
                text=text[q.start : nxt.end],
            )
        )
        i += 2
    return out
