"""Number answers: one value or several named parts, in the question's unit, never misread.

When the digits allow two values (``1.200``), the writer's convention elsewhere in the line
decides, then the question's plausible range; if both still fit, the user is asked.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from consultations.answers.combine import compounds, part_of_week, ranges, sums
from consultations.answers.corrections import NOT_CLAUSE
from consultations.answers.each import per_each
from consultations.answers.lexer import Quantity, scan, with_unit_m
from consultations.answers.lists import VERSIONED_MODELS
from consultations.answers.model import Answer, AnswerError, Unclear, format_number, plain
from consultations.answers.money import CURRENCY_WORDS, currency_code
from consultations.answers.parts import assign_parts, example, part_words, words_pattern
from consultations.answers.rates import one_off, rate_after, to_period
from consultations.answers.shares import fractions_of_one, shares_in_words
from consultations.answers.units import (
    FTE_HOURS_A_WEEK,
    M_MEANS,
    SPELLED,
    TO_BASE,
    WORKING_DAYS_A_WEEK,
    spelled_out,
)
from consultations.scripts import NumberKind, Question

_SHARE_OF_TIME = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?P<s>half[- ]?time|half(?:\s+of)?\s+(?:their|his|her|my|our|the)\s+time|"
    r"part[- ]?time|full[- ]?time|(?P<pct>\d{1,3})\s*%)",
    re.I,
)
_SOLO = re.compile(
    r"^\s*(?:(?:it'?s\s+)?(?:just|only)\s+)?(?:me|myself)\b|\bsolo\b|\bon my own\b|"
    r"\bby myself\b|\bone[- ]man\b",
    re.I,
)
_ME_AND = re.compile(r"^\s*(?:just\s+)?(?:me|myself|i)\s+(?:and|plus|\+|with)\s", re.I)
_ZERO_WORDS = {"none", "zero", "nothing", "nil", "no", "nope", "n/a"}
_NOT_A_SHARE = {"n/a", "na", "not applicable"}  # at a percentage: not said, not 0%


_FEW = re.compile(
    r"\b(?:a few|a handful of|several)\s+(?=(?:hundred|thousand|million|dozen|hours)\b)", re.I
)
_MODEL_NAME = re.compile(  # a model's name and version: "gpt-4o", "claude 3.5", "llama 3 70b"
    rf"\b(?:{'|'.join(VERSIONED_MODELS)})[\s-]?\d+(?:\.\d+)?[a-z]*"
    r"(?:[\s-]+\d+(?:\.\d+)?\s?[bm]\b)?",
    re.I,
)
_CARD = r"[1-5]0[5-9]0(?:\s?ti)?"  # a graphics card's model number: 3090, 4090 Ti
_HARDWARE = re.compile(  # "an RTX 4090", "4 A100s", "H100 servers": names, not amounts
    r"\b(?:rtx|gtx|rx|geforce|radeon)[\s-]?\d{3,4}(?:\s?(?:ti|super|xtx?))?s?\b"
    r"|\b(?:[abhlv]\d{2,3}|[lt]4|l40s?|[gb]h?\d{3}|mi\d{3}x?)s?\b"
    rf"|(?:(?<=\ba )|(?<=\ban )|(?<=\bmy )|(?<=\bour )|(?<=\bx )){_CARD}\b"
    rf"|\b{_CARD}(?:s\b|(?=\s*(?:gpus?|cards?)\b))",
    re.I,
)
_COUNTED = re.compile(  # what follows a count of machines: "4x ####", "2 servers", "three boxes"
    r"\s*(?:x|×)?\s*(?:\x00+|(?:gpus?|cards?|servers?|box(?:es)?|machines?|nodes?|macs?|"
    r"laptops?|workstations?|devices?|phones?)\b)",
    re.I,
)
_EACH = re.compile(
    r"\s*(?:each|apiece|a piece|per (?:gpu|card|server|box|machine|node|unit|device))\b", re.I
)
_PEOPLE_AFTER = re.compile(  # "3 ppl", "12 engineers": people, never runs, calls or requests
    r"\s*(?:ppl|people|persons?|engineers?|devs?|developers?|staff|employees|ftes?|heads?|"
    r"folks|guys|members?|analysts?|agents? on (?:the )?team)(?![\w-])",
    re.I,
)
_INCLUDED = re.compile(  # a part of the count just given: "incl. 2 contractors"
    r"\b(?:incl\.?|including|inc\.|of which|of whom|among them|out of which)\s*$", re.I
)
_NOT_PEOPLE = {"runs", "calls", "requests"}  # counts a number of people never answers
_ZERO_LEAD = re.compile(  # "none, it has to be as good", "no loss at all"
    r"^(?:none|zero|nothing|nil|nope|no(?:\s+(?:loss|drop|degradation|change))?)"
    r"(?:\s+(?:at all|whatsoever|really))?\s*(?:[,;.!:—–-]|$)"
)
HOURS_A_DAY = 8.0  # a working day (our assumption, said back)


RECANT = re.compile(  # "128k, actually 200k", "weekly, no, monthly": what follows replaces it
    r"(?:^|[\s,;.(]+)(?P<cue>actually|sorry|(?:no,?\s+)?wait|i mean|i meant|correction|"
    r"or rather|make (?:that|it)|scratch that|edit:|"
    r"(?:(?<=[,;.])|(?<=[,;.]\s))no(?:pe)?(?=\s*[,;.!\-–—]))(?![a-z])[\s,:;.!\-–—]*",
    re.I,
)


def number_answer(question: Question, typed: str) -> Answer:
    if (fixed := _self_corrected(question, typed)) is not None:
        return fixed
    return _number_answer(question, typed)


def _self_corrected(question: Question, typed: str) -> Answer | None:
    """ "4k, actually 40k": the later figure, said back with the one it replaces; a part named
    after the cue ("…, actually $3k a month") replaces that part only."""
    for m in reversed(list(RECANT.finditer(typed))):
        before = typed[: m.start()].strip(" ,;.(")
        after = NOT_CLAUSE.sub("", typed[m.end() :]).strip(" ,;.)")
        if not scan(before) or not scan(after):
            continue
        try:
            first: Answer | None = _number_answer(question, before)
        except AnswerError:
            first = None
        try:
            new: Answer | None = _number_answer(question, after)
        except AnswerError:
            new = one_part(question, first, after, after)
        if new is None:
            continue
        was = f" from {first.display(question)}" if first is not None else ""
        said = f"corrected{was} after “{m.group('cue')}”"
        note = "; ".join(filter(None, [new.note, said]))
        return new.model_copy(update={"raw": typed, "note": note})
    return None


def _number_answer(question: Question, typed: str) -> Answer:
    kind = question.kind
    days = question.unit == "engineer-days"  # "a day a week", "an afternoon"
    spelled = SPELLED.get(NumberKind.HOURS if days else kind) if kind else None
    text = spelled_out(typed, spelled) if spelled else typed  # "a year and a half", "a page"
    text = _MODEL_NAME.sub(lambda m: " " * len(m.group()), text)  # "claude 3.5": not 3.5
    if kind is NumberKind.MONEY:
        text = _HARDWARE.sub(lambda m: "\x00" * len(m.group()), text)  # "a 4090": never typed
        if question.per and not question.parts and one_off(text):  # "500k one-off savings"
            raise AnswerError(f"That reads as a one-off amount; what is it worth a {question.per}?")
    few = _FEW.search(text)
    text = _FEW.sub("3 ", text)  # "a few hundred": 300, said back
    per = 1e6 if "per million tokens" in question.text.casefold() else None
    quantities = _quantities(text, kind, per)
    if unreadable := next((q for q in quantities if not q.readings), None):
        raise AnswerError(f"I could not read “{unreadable.text.strip()}” as a number.")
    said = text.casefold().strip(" .!")
    if not quantities and said in _NOT_A_SHARE and kind is NumberKind.PERCENT:
        raise AnswerError(  # "n/a" at a tolerance is no 0% tolerance
            f"I can't read “{text.strip()}” as a percentage: type 0% if you accept none, or a "
            f"rough guess{example(question)}."
        )
    if not quantities and (said in _ZERO_WORDS or _ZERO_LEAD.match(said)):
        quantities = [Quantity((0.0,), 0, len(text))]
    if question.unit == "people":
        quantities = _people(text, quantities)
    if not quantities and question.unit == "people" and _SOLO.search(text):  # "just me"
        quantities = [Quantity((1.0,), 0, len(text))]
    elif question.unit == "people" and _ME_AND.match(text) and len(quantities) == 1:
        q = quantities[0]  # "me and 2 contractors": 3 people, said back
        said = f"you and {q.text.strip() or plain(q.readings[0])} more"
        quantities = [replace(q, readings=tuple(r + 1 for r in q.readings), note=said)]
    worded = not quantities and question.parts and kind is NumberKind.PERCENT
    if worded and (shares := shares_in_words(question.parts, text)) is not None:
        note = "read from your words; type the percentages to be exact"
        return Answer(key=question.key, raw=text, numbers=shares, note=note)
    if not quantities:
        if question.parts:
            need = f"{len(question.parts)} numbers here: {' and '.join(question.parts)}"
            raise AnswerError(f"I need {need}{example(question)}.")
        raise AnswerError(f"I need a number here{example(question)}.")
    currency = _currency(question, text, quantities)
    if kind not in (None, NumberKind.MONEY) and _is_money(question, text, quantities[0]):
        need = f"the number of {question.unit}" if question.unit else "a number"
        raise AnswerError(
            f"I read “{_typed(text, quantities[0])}” as money, but I need {need}"
            f"{example(question)}."
        )
    if kind is NumberKind.MONEY:
        quantities = _machines_priced(text, quantities)
        if not quantities and not question.parts:
            raise AnswerError(f"I read a number of machines; I need an amount{example(question)}.")
    if question.unit == "engineer-days":  # "1 FTE": a person's working days, not 1 day
        quantities = [
            _staff(q, text, WORKING_DAYS_A_WEEK, "days", None)
            if q.unit == "fte"
            else _hours_as_days(q)
            if q.unit == "h"
            else q
            for q in quantities
        ]
    if kind is NumberKind.COUNT and len(quantities) > 1:  # "a dozen, incl. 2 contractors"
        whole = [q for q in quantities if not _INCLUDED.search(text[: q.start])]
        quantities = whole or quantities
    quantities = _without_counted_things(question, quantities)
    if question.unit in _NOT_PEOPLE:
        people = [q for q in quantities if q.unit == "fte" or _PEOPLE_AFTER.match(text, q.end)]
        quantities = [q for q in quantities if q not in people]
        if people and not quantities:
            raise AnswerError(
                f"I read “{_with_noun(text, people[0])}” as people, but I "
                f"need the number of {question.unit}{example(question)}."
            )
    if kind is NumberKind.MONEY and not question.parts:
        quantities = _per_payee(text, quantities)  # "$8k on OpenAI and $4k on Anthropic"
    chosen = assign_parts(question, text, quantities) if question.parts else {"": quantities[0]}
    if not question.parts and len(quantities) > 1:  # "5M, peaks of 8M": the other is said
        left = ", ".join(f"“{_typed(text, x)}”" for x in quantities[1:])
        first = chosen[""]
        note = f"used the first figure; {left} left out: type it if that is the one to use"
        chosen = {"": replace(first, note="; ".join(filter(None, [first.note, note])))}
    chosen = part_of_week(text, chosen)  # "200 an hour in business hours", "10k a weekday"
    per_period = {p: to_period(q, q.rate, question.period(p or None)) for p, q in chosen.items()}
    if kind is NumberKind.COUNT:  # "5M a year" is 416,667 requests a month, not 416,666.67
        per_period = {p: _whole(q) if q is not chosen[p] else q for p, q in per_period.items()}
    chosen = per_period
    readings = _readings(question, chosen)
    answers = [_answer(question, typed, values, currency, chosen) for values in readings]
    if few is not None:
        said = f"“{few.group(0).strip()}” read as 3; type the exact figure if you have it"
        answers = [
            a.model_copy(update={"note": "; ".join(filter(None, [a.note, said]))}) for a in answers
        ]
    if len(answers) == 1 and (each := per_each(kind, answers[0], text)) is not None:
        answers.append(each)  # "2.500 € per client, we have 12 clients": which is meant
    if len(answers) > 1:
        shown = " or ".join(
            f"`{i}` {a.display(question)}"
            + (f" ({a.note})" if a.note and a.note != answers[0].note else "")
            for i, a in enumerate(answers, 1)
        )
        raise Unclear(f"Did you mean {shown}?", tuple(answers))
    return answers[0]


_PAYEE = re.compile(
    r"\s*(?:/\s*mo(?:nth)?|a month|per month|monthly)?\s*(?:on|for|with|to|at|via)\s+[a-z]", re.I
)


def _per_payee(text: str, found: list[Quantity]) -> list[Quantity]:
    """Amounts each spent on something named ("$8k on OpenAI and $4k on Anthropic") at a
    question asking for them all together: one figure, added up and said back."""
    rates = {q.rate for q in found} - {None}  # "8k/mo on openai, 4k on claude": one rate
    if (
        len(found) < 2
        or len(rates) > 1
        or not all(
            len(q.readings) == 1
            and q.currency == found[0].currency
            and q.unit is None
            and _PAYEE.match(text, q.end)
            for q in found
        )
    ):
        return found
    total = sum(q.readings[0] for q in found)
    said = " + ".join(_typed(text, q) for q in found) + " added up"
    rate = next(iter(rates), None)
    return [replace(found[0], readings=(total,), end=found[-1].end, rate=rate, note=said)]


_MONEY_BEFORE = re.compile(
    r"\b(?:budget|costs?|spend(?:ing)?|salary|price|paid|pay)(?:\s+(?:is|of|was|at|around|about|"
    r"roughly|~))*\s*$",
    re.I,
)
_MONEY_AFTER = re.compile(r"\s*(?:budget|in costs?|of spend|dollars|euros|pounds|bucks)\b", re.I)


def _is_money(question: Question, text: str, q: Quantity) -> bool:
    """The figure is an amount of money: typed with a currency, or, at a count, named as a
    budget or cost ("the budget is 50k", "50k budget"; shares such as "cost 50" are not)."""
    if q.currency:
        return True
    named = _MONEY_BEFORE.search(text[: q.start]) or _MONEY_AFTER.match(text, q.end)
    return bool(named) and question.kind is NumberKind.COUNT and not question.parts


def _typed(text: str, q: Quantity) -> str:
    """A figure as typed, its currency sign included."""
    start = q.start - 1 if q.start and text[q.start - 1] in "$€£¥" else q.start
    return text[start : q.end].strip()


def _with_noun(text: str, q: Quantity) -> str:
    """The number as typed with the noun after it ("3 ppl")."""
    m = _PEOPLE_AFTER.match(text, q.end)
    return text[q.start : m.end() if m else q.end].strip()


def _whole(q: Quantity) -> Quantity:
    """A count worked out from a rate is whole (a typed 100.01 is said back as typed)."""
    return replace(q, readings=tuple(float(round(r)) for r in q.readings))


def _machines_priced(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "2 H100 servers at 35k each": the 2 counts machines, so it is no amount; a price "each"
    after it is multiplied by it, and said back."""
    out: list[Quantity] = []
    machines: Quantity | None = None
    for q in found:
        if q.currency is None and q.scale == 1 and q.unit is None and _COUNTED.match(text, q.end):
            machines = q
            continue
        if machines is not None and len(machines.readings) == 1 and _EACH.match(text, q.end):
            n = machines.readings[0]
            said = f"{machines.text.strip()} × {q.text.strip()} each"
            q = replace(q, readings=tuple(r * n for r in q.readings), note=said)
        out.append(q)
    return out


def _without_counted_things(question: Question, found: list[Quantity]) -> list[Quantity]:
    """ "$40k for two GPUs": a number in words with no currency or scale counts things."""
    needed = len(question.parts) or 1
    kept = [q for q in found if not (q.words and q.currency is None and q.scale == 1)]
    return kept if len(kept) >= needed else found


def _answer(
    question: Question,
    text: str,
    values: dict[str, float],
    currency: str | None,
    chosen: dict[str, Quantity],
) -> Answer:
    for v in values.values():
        _check_bounds(question, v)
    notes = [q.note for q in chosen.values() if q.note]
    if question.kind is NumberKind.PERCENT and (fractions := fractions_of_one(values, text)):
        values, said = fractions
        notes.append(said)
    note = "; ".join(dict.fromkeys(notes)) or None
    if question.parts:
        return Answer(key=question.key, raw=text, numbers=values, currency=currency, note=note)
    return Answer(key=question.key, raw=text, number=values[""], currency=currency, note=note)


def _quantities(text: str, kind: NumberKind | None, per: float | None = None) -> list[Quantity]:
    found = [replace(q, rate=rate_after(text, q.end)) for q in scan(text)]
    if kind in M_MEANS:
        found = [with_unit_m(q, M_MEANS[kind]) for q in found]
    kept: list[Quantity] = []
    for i, q in enumerate(found):
        if not _denominator(text, q, found[:i]):
            kept.append(q)
        elif per and kept and kept[-1].currency and q.readings[0] != per:
            kept[-1] = _per_unit(kept[-1], q, per)  # "$0.0025 per 1k tokens": per million
    found = kept
    if kind in _NOT_MONEY and (paid := next((q for q in found if q.currency), None)):
        raise AnswerError(f"I read {paid.text.strip()}, but I need {_unit_word(kind)} here.")
    if kind is NumberKind.MONEY and found and not any(q.currency for q in found) and found[0].unit:
        # "2 days a month keeping it alive" typed at a spend question: a time, not money
        raise AnswerError(f"I read {found[0].text.strip()}, but I need {_unit_word(kind)} here.")
    if kind is NumberKind.COUNT and (shares := [q for q in found if q.unit == "%"]):
        found = [q for q in found if q.unit != "%"]  # "50% more than last year (2M)": 2M
        if not found:
            raise AnswerError(
                f"I read {shares[0].text.strip()}, but I need {_unit_word(kind)} here."
            )
    if kind is NumberKind.HOURS:  # "1 FTE at 20%": the share belongs to the staff before it
        found = [
            q
            for i, q in enumerate(found)
            if not (i and q.unit == "%" and found[i - 1].unit == "fte")
        ]
    if kind in TO_BASE:
        found = compounds(text, [_to_base(q, kind, text) for q in found])
    found = ranges(text, found, kind)
    return sums(text, found) if kind in (NumberKind.COUNT, NumberKind.MONEY) else found


def _per_unit(price: Quantity, unit: Quantity, per: float) -> Quantity:
    factor = per / unit.readings[0]
    readings = tuple(r * factor for r in price.readings)
    shown = format_number(readings[0], NumberKind.MONEY, price.currency)
    typed = f"{price.text.strip()} {price.currency or ''}".strip()
    note = f"{typed} per {unit.text.strip()} tokens is {shown} per million tokens"
    return replace(price, readings=readings, note=note)


def _denominator(text: str, q: Quantity, before: list[Quantity]) -> bool:
    """ "$3 per 1M tokens", "per million": the unit of a price, not an answer."""
    lead = text[: q.start].rstrip()
    unit_like = q.scale > 1 and q.readings[0] == q.scale
    return bool(before) and (lead.casefold().endswith("per") or lead.endswith("/") and unit_like)


def _to_base(q: Quantity, kind: NumberKind, text: str) -> Quantity:
    table = TO_BASE[kind]
    if q.unit is None:
        return q
    if q.unit not in table:
        raise AnswerError(f"I read {q.text.strip()}, but I need {_unit_word(kind)} here.")
    if q.unit == "fte":
        return _staff_hours(q, text)
    factor = table[q.unit]
    readings = tuple(float(f"{r * factor:.12g}") for r in q.readings)
    note = q.note
    if kind is NumberKind.TOKENS:  # a token count is whole
        readings = tuple(float(round(r)) for r in readings)
    if q.unit in ("page", "paragraph", "sentence", "word"):
        note = f"{q.text.strip()} at about {factor:.3g} tokens a {q.unit}"
    return replace(q, readings=readings, note=note)


_ME_AND_ONE = re.compile(  # "just me and a freelancer": one more
    r"^\s*(?:just\s+)?(?:me|myself|i)\s+(?:and|plus|\+|with)\s+(?:a|an|one)\s+[a-z]", re.I
)
_TEAMS_OF = re.compile(  # "two teams of 5", "3 scrum teams of 7"; not "2k (IT), ML team of 40"
    r"\s*(?:[a-z-]+\s+)?(?:teams?|squads?|groups?|pods?)\s+of\s*", re.I
)


def _people(text: str, found: list[Quantity]) -> list[Quantity]:
    """People are whole; "two teams of 5" is 10; "me and a freelancer" is 2."""
    if not found and _ME_AND_ONE.match(text):
        return [Quantity((1.0,), 0, len(text), text="one")]  # the speaker is added below
    if len(found) == 2 and _TEAMS_OF.fullmatch(text[found[0].end : found[1].start]):
        a, b = found
        note = f"{plain(a.readings[0])} × {plain(b.readings[0])} people"
        return [replace(a, readings=(a.readings[0] * b.readings[0],), end=b.end, note=note)]
    return [
        replace(q, readings=tuple(float(round(r + 1e-9)) for r in q.readings))
        if q.note and "midpoint" in q.note
        else q
        for q in found
    ]


def _hours_as_days(q: Quantity) -> Quantity:
    """ "4h per week" at a question in engineer-days: half a day a week, not 4 days."""
    note = f"{q.text.strip()} at {HOURS_A_DAY:.0f} hours a day (our assumption)"
    return replace(q, readings=tuple(r / HOURS_A_DAY for r in q.readings), unit=None, note=note)


def _staff_hours(q: Quantity, text: str) -> Quantity:
    """ "two people half time": hours a week, 40 for each person full time, said back."""
    return _staff(q, text, FTE_HOURS_A_WEEK, "hours", "h")


def _staff(q: Quantity, text: str, a_week: float, what: str, unit: str | None) -> Quantity:
    """People as their time a week (``a_week`` of ``what`` each full time), said back."""
    share, said = 1.0, "full time"
    if m := _SHARE_OF_TIME.match(text, q.end):
        word = m.group("s").casefold()
        share = int(m.group("pct")) / 100 if m.group("pct") else 0.5 if "full" not in word else 1.0
        said = f"at {m.group('pct')}%" if m.group("pct") else m.group("s")
    time = tuple(r * share * a_week for r in q.readings)
    note = f"{q.text.strip()} {said} at {a_week:.0f} {what} a week each (our assumption)"
    return replace(q, readings=time, rate=q.rate or "w", unit=unit, note=note)


_NOT_MONEY = {NumberKind.DURATION_MS, NumberKind.MONTHS, NumberKind.HOURS, NumberKind.PERCENT}


def _unit_word(kind: NumberKind) -> str:
    return {
        NumberKind.DURATION_MS: "a time",
        NumberKind.MONTHS: "months or years",
        NumberKind.HOURS: "hours",
        NumberKind.PERCENT: "a percentage",
        NumberKind.MONEY: "an amount of money",
    }.get(kind, "a number")


def _currency(question: Question, text: str, found: list[Quantity]) -> str | None:
    if question.kind is not NumberKind.MONEY:
        return None
    codes = {q.currency for q in found if q.currency}
    codes |= {currency_code(m.group(0)) for m in CURRENCY_WORDS.finditer(text)}
    if len(codes) > 1:
        raise AnswerError(
            f"You wrote amounts in {' and '.join(sorted(codes))}; which one should the report "
            "use? Please give all the amounts in one currency."
        )
    return codes.pop() if codes else None


def _readings(question: Question, chosen: dict[str, Quantity]) -> list[dict[str, float]]:
    """One set of values, or two when the digits stay ambiguous after every clue."""
    conventions = {q.convention for q in chosen.values() if q.convention}
    first: dict[str, float] = {}
    second: dict[str, float] = {}
    for part, q in chosen.items():
        a, b = q.readings[0], q.readings[-1]
        if len(q.readings) > 1:
            if conventions == {"eu"}:
                a = b
            elif conventions == {"en"}:
                b = a
            else:
                fits = [r for r in q.readings if _fits(question, part or None, r)]
                if len(fits) == 1:
                    a = b = fits[0]
        first[part], second[part] = a, b
    for values in (first, second):
        for v in values.values():
            if not math.isfinite(v):
                raise AnswerError("That number is too large to work with.")
    return [first] if first == second else [first, second]


def _fits(question: Question, part: str | None, value: float) -> bool:
    if question.kind in (NumberKind.COUNT, NumberKind.TOKENS) and value != round(value):
        return False
    band = question.plausible_for(part)
    return band is None or band[0] <= value <= band[1]


def _check_bounds(question: Question, value: float) -> None:
    low = 0.0 if question.minimum is None else question.minimum
    if value < low:
        raise AnswerError(f"That should be at least {format_number(low, question.kind)}.")
    if question.maximum is not None and value > question.maximum:
        raise AnswerError(
            f"That looks too high: at most {format_number(question.maximum, question.kind)}."
        )


def one_part(
    question: Question, old: Answer | None, text: str, words: str, part: str | None = None
) -> Answer | None:
    """ "change the hardware to 45k", "no wait, 1.5k a month": one part of an answered
    two-part figure, the other kept; None unless the words name exactly one part (or ``part``
    is given) and read. ``text`` is what was typed, stored as the answer's words."""
    if not question.parts or old is None or old.numbers is None:
        return None
    folded = text.casefold()
    named = [p for p in question.parts if words_pattern(part_words(question, p)).search(folded)]
    named = [part] if part is not None else named
    if len(named) != 1:
        return None
    single = question.model_copy(update={"parts": (named[0],)})
    try:
        new = _number_answer(single, words)
    except AnswerError:
        return None
    if new.numbers is None:
        return None
    return Answer(
        key=question.key,
        raw=text,
        numbers={**old.numbers, **new.numbers},
        currency=new.currency or old.currency,
        note=new.note,
    )
