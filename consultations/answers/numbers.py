"""Number answers: one value or several named parts, in the question's unit, never misread.

When the digits allow two values (``1.200``), the writer's convention elsewhere in the line
decides, then the question's plausible range; if both still fit, the user is asked.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from consultations.answers.amounts import currency_of, per_payee, typed_figure
from consultations.answers.combine import (
    RANGE_SEP,
    compounds,
    part_of_week,
    ranges,
    sums,
    times_each,
)
from consultations.answers.corrections import NOT_CLAUSE, carried_over, taken_back
from consultations.answers.counts import (
    in_own_unit,
    no_time_in_a_count,
    share_of,
    staff_times_each,
    usual_figure,
    usual_said,
)
from consultations.answers.each import per_each, staff_priced, time_priced
from consultations.answers.foreign_words import foreign_numbers
from consultations.answers.hosted import hosted_in_house, self_hosted
from consultations.answers.language import euros_assumed
from consultations.answers.largest import largest_named, period_shared
from consultations.answers.lexer import Quantity, scan, with_unit_m
from consultations.answers.list_price import price_left_to_vendor
from consultations.answers.loss import kept_as_loss
from consultations.answers.machines import machines_priced, mask_hardware, seats_priced
from consultations.answers.misplaced import money_typed, refusal, without_misplaced
from consultations.answers.model import (
    Answer,
    AnswerError,
    Unclear,
    clip,
    format_number,
    plain,
)
from consultations.answers.nothing import as_fraction, no_figure, not_yet
from consultations.answers.ours import our_figure
from consultations.answers.parts import (
    PartMissing,
    assign_parts,
    example,
    part_words,
    parts_said_none,
    words_pattern,
)
from consultations.answers.peaks import is_peak, multiples, peak_checked, peak_said
from consultations.answers.people import (
    ME_AND,
    PEOPLE_AFTER,
    SOLO,
    builders,
    hours_as_days,
    role_headcount,
    staff,
    staff_hours,
    whole_people,
    with_noun,
    without_groups,
)
from consultations.answers.prices import PER_MILLION, per_million
from consultations.answers.rates import one_off, rate_around, times_a_period, to_period
from consultations.answers.rough import DIGITS_ONLY, bound_said, rough_figures
from consultations.answers.shares import each_alike, fractions_of_one, shares_in_words
from consultations.answers.total import in_total
from consultations.answers.units import (
    M_MEANS,
    SPELLED,
    TO_BASE,
    WORKING_DAYS_A_WEEK,
    hours_and_minutes,
    spelled_out,
    written_fractions,
)
from consultations.answers.vendors import MODEL_TIERS, VERSIONED_MODELS, usd_vendor
from consultations.answers.years import without_years
from consultations.scripts import NumberKind, Question

_FORM_NAME = re.compile(r"\b\d{1,3}-[A-Z]s?\b")  # a form's name: "10-K", "8-Ks", "10-Q"
_MODEL_NAME = re.compile(  # a model's name and version: "gpt-4o", "claude 3.5", "llama 3 70b"
    rf"\b(?:{'|'.join(VERSIONED_MODELS)})(?:[\s-]+(?:{'|'.join(MODEL_TIERS)}))?"  # "sonnet 4"
    r"[\s-]?(?>\d+(?:\.\d+)?(?:/\d{1,2}(?![\d.,]|\s?[kmb]\b))?)"  # "mistral 1.2k": no "mistral 1"
    r"(?:(?:x\d+)?\s?b\b|(?![kmb]\b|[.,]\d)[a-z]*)"  # "mistral 7b", "8x7b"; "claude 3k" is 3k
    r"(?:[\s-]+\d+(?:\.\d+)?\s?[bm]\b)?",
    re.I,
)
_INCLUDED = re.compile(  # a part of the count just given: "incl. 2 contractors"
    r"\b(?:incl\.?|including|inc\.|of which|of whom|among them|out of which)\s*$"
    r"|\(\s*(?:me|myself|i)\s*(?:\+|and|plus|&)\s*$",  # "3 (me + 2 designers)": a breakdown
    re.I,
)
_IN: dict[NumberKind | None, str] = {
    NumberKind.HOURS: "hours",
    NumberKind.MONTHS: "months",
    NumberKind.DURATION_MS: "time",
}
_NOT_PEOPLE = {"runs", "calls", "requests"}  # counts a number of people never answers
RECANT = re.compile(  # "128k, actually 200k", "weekly, no, monthly": what follows replaces it
    r"(?:^|[\s,;.(]+)(?P<cue>actually(?!\s+(?:use[sd]?|using|runs?|running)\b)|sorry|no,?\s+wait|wait,?\s+no(?:pe)?\b|wait(?=\s*(?:[,:;.!\-–—]|\d|$))|"
    r"i mean|i meant|correction|"  # "wait" alone only as a pause: not "users wait in a chat"
    r"or rather|rather(?!\s+than)|eher|vielmehr|plutôt|"  # "5M, rather 6M"
    r"make (?:that|it)|(?:change|correct) (?:that|it)(?: to)?|scratch that|edit:|"
    r"(?:(?<=[,;.])|(?<=[,;.]\s))no(?:pe)?(?=\s*[,;.!\-–—]))(?![a-z])[\s,:;.!\-–—]*",
    re.I,
)


def number_answer(question: Question, typed: str) -> Answer:
    shared, said = period_shared(typed) if question.largest and question.per else (typed, None)
    answer = euros_assumed(question, _number_answer_as_typed(question, shared))  # "par mois"
    if said is None or _WORKING in (answer.note or ""):  # the period of the working: no matter
        return answer
    note = "; ".join(filter(None, [answer.note, said]))
    return answer.model_copy(update={"raw": typed, "note": note})


def _number_answer_as_typed(question: Question, typed: str) -> Answer:
    if (fixed := _self_corrected(question, typed)) is not None:
        return fixed
    if (kept := _taken_back(question, typed)) is not None:
        return kept
    try:
        whole = _number_answer(question, typed)
    except Unclear:
        raise  # asked back as it is
    except AnswerError:
        if (result := _worked_out(question, typed)) is not None:
            return result
        raise
    if whole.note and any(w in whole.note for w in _UNUSED):  # "800€, so maybe 3.500€"
        return _worked_out(question, typed) or whole
    return whole


def _taken_back(question: Question, typed: str) -> Answer | None:
    """ "actually 40k not 30k calls a month": the figure before "not", said back with the one
    taken back."""
    if (split := taken_back(typed)) is None:
        return None
    kept, gone = split
    gone = carried_over(kept, gone, question.kind is NumberKind.MONEY)  # "nicht 5 sondern 8 Mio"
    try:
        new, old = (_number_answer(question, part) for part in (kept, gone))
    except AnswerError:
        return None
    was = f"corrected from {old.display(question)}"
    return new.model_copy(update={"raw": typed, "note": "; ".join(filter(None, [new.note, was]))})


_RESULT = re.compile(  # "800€ a day, so maybe 3.500€": what follows is the answer, worked out
    r"(?:[,;.]\s*|\s)(?:so(?:\s+that'?s)?(?!\s+(?:far|that|much|many|on)\b)|"
    r"which\s+(?:makes|is|gives)|that\s+(?:makes|gives|is)|makes|gives|hence|thus|totalling|donc|(?:ça|cela)\s+fait|soit|also(?=\s+(?:etwa|ca|ungefähr|rund)\b)|macht|"
    r"ergibt)\b[\s,:]*(?:(?:maybe|about|around|roughly|approx\.?|ca\.?|~|"
    r"vielleicht|etwa|environ|peut-être)\s+)*"
    r"|\s*(?:=|≈|→|->)\s*",
    re.I,
)


_WORKING = "after the working"
_UNUSED = ("left out", "for another one")  # a reading that set a figure aside
_EACH = re.compile(r"\b(?:each|apiece|per\s+(?:person|head|day|hour)|je|pro|chacun\w*)\b", re.I)


def _worked_out(question: Question, typed: str) -> Answer | None:
    """ "My day rate is 800€, so maybe 3.500€", "4 days x 600 EUR = 2400 EUR": the figure after
    the cue is the answer, the figures before it its working, said back as such."""
    cues = [m for m in _RESULT.finditer(typed) if scan(typed[: m.start()])]
    for m in reversed(cues):
        before, after = typed[: m.start()].strip(" ,;.("), typed[m.end() :].strip(" ,;.)")
        if not scan(after) or _EACH.search(after):  # "40 people so 5 days each": a product
            continue
        try:
            new = _number_answer(question, after)
        except AnswerError:
            continue
        working = ", ".join(f"“{typed_figure(before, q)}”" for q in scan(before))
        said = f"read the figure {_WORKING} ({working}) as your answer"
        note = "; ".join(filter(None, [new.note, said]))
        return new.model_copy(update={"raw": typed, "note": note})
    return None


def _unnumbered(m: re.Match[str]) -> str:
    """A model's name with its digits blanked: "claude 3.5" → "claude    " (the same length),
    so an amount after it still reads as that vendor's ("gpt-4o 8k, claude 3.5 4k")."""
    return re.sub(r"[\d.]", " ", m.group())


def _self_corrected(question: Question, typed: str) -> Answer | None:
    """ "4k, actually 40k": the later figure, said back with the one it replaces; a part named
    after the cue ("…, actually $3k a month") replaces that part only."""
    for m in reversed(list(RECANT.finditer(typed))):
        before = typed[: m.start()].strip(" ,;.(")
        after = NOT_CLAUSE.sub("", typed[m.end() :]).strip(" ,;.)")
        after = carried_over(before, after, question.kind is NumberKind.MONEY)
        if not scan(before) or not scan(after):
            continue
        try:
            first: Answer | None = _number_answer(question, before)
        except AnswerError:
            first = None
        try:
            new: Answer | None = _number_answer(question, after)
        except AnswerError:
            new = one_part(question, first, after, after) or _factor_replaced(
                question, before, after
            )
        if new is None and first is None and question.parts and _bare(before) and _bare(after):
            try:  # "5k, sorry 6k" at hardware and monthly: 6k for the hardware, and a month?
                _number_answer(question, after)
            except Unclear:
                raise
            except AnswerError:
                pass
            need = f"{len(question.parts)} numbers here: {' and '.join(question.parts)}"
            raise AnswerError(  # "800, sorry 900": one figure corrected, not two parts
                f"I read “{after}” as replacing “{before}”, but I need {need}{example(question)}."
            )
        if new is None:
            continue
        was = f" from {first.display(question)}" if first is not None else ""
        said = f"corrected{was} after “{m.group('cue')}”"
        note = "; ".join(filter(None, [new.note, said]))
        return new.model_copy(update={"raw": typed, "note": note})
    return None


def _bare(words: str) -> bool:
    """One figure and no word beside it: "800", "1.2k", "$3" (not "300 out")."""
    found = scan(words)
    rest = words[: found[0].start] + words[found[0].end :] if len(found) == 1 else "x"
    return re.search(r"[^\W\d_]", rest) is None


def _factor_replaced(question: Question, before: str, after: str) -> Answer | None:
    """ "1500€/hour, we lose 40 hours a month, wait no, more like 60": the last figure of the
    same unit before the cue replaced by the new one, and the whole read again (90,000)."""
    said, found = scan(after), scan(before)
    if len(said) != 1 or not found or found[-1].unit != said[0].unit:
        return None
    old = found[-1]
    try:
        return _number_answer(question, before[: old.start] + said[0].text + before[old.end :])
    except AnswerError:
        return None


def _number_answer(question: Question, typed: str) -> Answer:
    kind = question.kind
    days = question.unit == "engineer-days"  # "a day a week", "an afternoon"
    spelled = SPELLED.get(NumberKind.HOURS if days else kind) if kind else None
    text = foreign_numbers(typed)  # "eine Stunde"
    text = written_fractions(text)  # "1/2 day", "¾ of a FTE"
    text = hours_and_minutes(text, kind is NumberKind.HOURS)  # "2h30": 2.5 hours
    text = spelled_out(text, spelled) if spelled else text  # "a year and a half", "a page"
    text = _MODEL_NAME.sub(_unnumbered, text)  # "claude 3.5": not 3.5, and still Claude
    text = _FORM_NAME.sub(lambda m: " " * len(m.group()), text)  # "10-Ks": filings, not 10
    text = without_years(text)  # "in 2024", "2024 annual report"
    if kind is NumberKind.MONEY:
        text = mask_hardware(text)  # "a 4090": never typed
        if question.per and not question.parts and one_off(text):  # "500k one-off savings"
            raise AnswerError(f"That reads as a one-off amount; what is it worth a {question.per}?")
    if digits := DIGITS_ONLY.search(text):  # "low five figures": no amount
        raise AnswerError(
            f"“{digits.group(0)}” says how many digits, not how much: a rough figure will "
            f"do{example(question)}."
        )
    text, rough = rough_figures(text)  # "a few hundred", "hundreds a day": said back
    text, total = in_total(question, text)  # "2 days total for all 3": not 2 each, no 3
    per = 1e6 if PER_MILLION.search(question.text) else None  # "per million input tokens"
    quantities = _quantities(question, text, per)
    if unreadable := next((q for q in quantities if not q.readings), None):
        raise AnswerError(f"I could not read “{clip(unreadable.text.strip(), 60)}” as a number.")
    quantities = no_time_in_a_count(question, text, quantities)
    if question.loss:  # "95% of today's quality": a 5% loss
        quantities = kept_as_loss(text, quantities)
    if question.parts and hosted_in_house(question, text, quantities, per):  # "input and output"
        raise AnswerError(  # "we run llama on our own GPU": the API side is what is missing
            "You run the model yourselves, so there is no price per token to read here; this "
            "question is the API side of the comparison: type what the API you would use "
            f"instead charges per million tokens, from its pricing page{example(question)}."
        )
    quantities = self_hosted(question, text, quantities, per)  # "it is our own GPU": no price
    quantities = no_figure(question, text, quantities)  # "n/a", "basically none"
    if question.unit == "people":
        quantities = whole_people(text, quantities)
        quantities, groups = without_groups(text, quantities)  # "3 teams": not 3 people
        if groups is not None:
            raise AnswerError(
                f"I read “{groups}” as groups, not people: how many people are in them, "
                f"roughly{example(question)}?"
            )
        if (team := role_headcount(text)) is not None:  # "6 devs, 1 data person": 7
            quantities = [team]
    if not quantities and question.unit == "people" and SOLO.search(text):  # "just me"
        quantities = [Quantity((1.0,), 0, len(text))]
    elif question.unit == "people" and ME_AND.match(text) and len(quantities) == 1:
        q = quantities[0]  # "me and 2 contractors": 3 people, said back
        named = re.sub(r"^(?:and|plus)\s+", "", q.text.strip(), flags=re.I)  # "and three devs"
        more = "" if q.unit == "fte" else " more"  # "3 devs" says who; "2", "one" do not
        said = f"you and {named or plain(q.readings[0])}{more}"
        quantities = [replace(q, readings=tuple(r + 1 for r in q.readings), note=said)]
    alike = each_alike(question.parts, text) if kind is NumberKind.PERCENT else None
    if question.parts and alike is not None:  # "1/3 each", "33% each"
        return Answer(key=question.key, raw=text, numbers=alike[0], note=alike[1])
    worded = not quantities and question.parts and kind is NumberKind.PERCENT
    if worded and (shares := shares_in_words(question.parts, text)) is not None:
        note = "read from your words; type the percentages to be exact"
        return Answer(key=question.key, raw=text, numbers=shares, note=note)
    if not quantities:
        not_yet(question, text)  # "not live yet": what is expected will do
    if not quantities and question.parts and (nil := parts_said_none(question, text.casefold())):
        said = "; ".join(f"{p} read as none: {w}" for p, w in nil.items())
        if len(nil) == len(question.parts):  # "already have it, no extra cost": both none
            return Answer(key=question.key, raw=text, numbers=dict.fromkeys(nil, 0.0), note=said)
        left = next(p for p in question.parts if p not in nil)
        what = "a month" if question.period(left) == "mo" else f"the {left} figure"
        beside = f"“{clip(typed.strip(' .'), 40)}, 20 a month”" if what == "a month" else "both"
        raise AnswerError(
            f"I read the {' and '.join(nil)} as none ({', '.join(nil.values())}); what is it "
            f"{what}? Type it with what you wrote, for example {beside}."
        )
    if not quantities and per and (ask := price_left_to_vendor(question, text)):
        raise AnswerError(ask)  # "whatever Claude charges": no price list is kept
    if not quantities:
        if question.parts:
            need = f"{len(question.parts)} numbers here: {' and '.join(question.parts)}"
            raise AnswerError(f"I need {need}{example(question)}.")
        raise AnswerError(f"I need a number here{example(question)}.")
    currency = currency_of(question, text, quantities)
    vendor = usd_vendor(typed) if per and currency is None and kind is NumberKind.MONEY else None
    if vendor is not None:  # "bei openai so 2,50 / 10 pro million": OpenAI's dollars
        currency = "USD"
        said = f"read as US dollars, the currency {vendor} prices its API in"
        total = "; ".join(filter(None, [total, said]))  # said back with "2 days total for all"
    if kind is NumberKind.MONEY:
        quantities = seats_priced(text, machines_priced(text, quantities))  # "30 users at $60"
        if not quantities and not question.parts:
            raise AnswerError(f"I read a number of machines; I need an amount{example(question)}.")
        needed = len(question.parts) or 1
        quantities = without_misplaced(question, text, quantities, needed)  # "3.5M requests"
    if question.unit == "engineer-days":  # "1 FTE": a person's working days, not 1 day
        quantities = [_engineer_days(question, text, q) for q in quantities]
    if kind is NumberKind.COUNT and len(quantities) > 1:  # "a dozen, incl. 2 contractors"
        entire = [q for q in quantities if not _INCLUDED.search(text[: q.start])]
        quantities = entire or quantities
    quantities = _without_counted_things(question, quantities)
    if question.unit in _NOT_PEOPLE:
        people = [q for q in quantities if q.unit == "fte" or PEOPLE_AFTER.match(text, q.end)]
        quantities = [q for q in quantities if q not in people]
        if people and not quantities:
            raise AnswerError(
                f"I read “{with_noun(text, people[0])}” as people, but I "
                f"need the number of {question.unit}{example(question)}."
            )
    if question.largest and (top := largest_named(text, quantities)) is not None:
        quantities = [top]  # "40-60k for claims, invoices ~8k": the most valuable's
    if kind is NumberKind.MONEY and not question.parts:
        quantities = per_payee(text, quantities)  # "$8k on OpenAI and $4k on Anthropic"
    which = "the first figure"
    quantities, multiple = multiples(text, quantities) if not question.parts else (quantities, None)
    if not question.parts and (usual := usual_figure(text, quantities)) is not None:
        others = [q for q in quantities if q.start != usual.start]
        bare = next(q for q in quantities if q.start == usual.start).unit is None
        if bare and usual.unit is not None and kind in TO_BASE:  # "40-200 pages, typically 80"
            usual = _to_base(question, usual, text)
        which = usual_said(text, next(q for q in quantities if q.start == usual.start))
        quantities = [usual, *others]  # "peak 200, avg 20": the 20
    elif question.smallest and len(quantities) > 1:  # "32k-128k": the window all offer
        low = min(quantities, key=lambda q: q.readings[0])
        rest = {q.readings: q for q in quantities if q.readings != low.readings}  # once each
        quantities = [low, *rest.values()]
        which = f"the smallest, {question.smallest}"
    elif not question.parts and (ours := our_figure(text, quantities)) is not None:
        quantities = [ours, *(q for q in quantities if q.start != ours.start)]
        which = "the one you said you use"  # "1M on gemini, 128k on the one we actually use"
    elif question.unit == "people" and (built := builders(text, quantities)) is not None:
        quantities = [built, *(q for q in quantities if q.start != built.start)]
        which = "the one named as the people who build"  # "150 total, ~60 in eng": the 60
    elif not question.parts and (own := in_own_unit(question, text, quantities)) is not None:
        others = [q for q in quantities if q.start != own.start]
        quantities = [own, *others]  # "300 messages, ~60k tokens": the tokens
        which = f"the one in {question.unit or _IN.get(kind, 'tokens')}"  # "… in hours"
    ordinary = [q for q in quantities if not is_peak(text, q)]
    peaked = bool(question.parts) and len(quantities) > len(ordinary) >= len(question.parts)
    if peaked:
        peaks = ", ".join(f"“{typed_figure(text, q)}”" for q in quantities if q not in ordinary)
        quantities = ordinary  # "4k in / 1k out, 10k in / 2k out at peak": the usual pair
        total = "; ".join(filter(None, [total, f"{peaks} at the peak left out"]))
    missing: PartMissing | None = None
    try:
        chosen = assign_parts(question, text, quantities) if question.parts else {"": quantities[0]}
    except PartMissing as gap:  # "a mac studio for 5k": the monthly part is asked for
        none = gap.missing in question.part_none  # else "yes" keeps the same figure
        missing, blank = gap, Quantity((0.0,), 0, 0) if none else gap.figure
        chosen = {p: gap.figure if p == gap.given else blank for p in question.parts}
    if not question.parts and len(quantities) > 1:  # the same figure said twice is one
        same = [q for q in quantities[1:] if q.readings != quantities[0].readings]
        quantities = [quantities[0], *same]  # "3 years (36 months)": no "36 months left out"
    if not question.parts and len(quantities) > 1:  # "5M, peaks of 8M": the other is said
        left = ", ".join(f"“{typed_figure(text, x)}”" for x in quantities[1:])
        first = chosen[""]
        note = f"used {which}; {left} left out: type it if that is the one to use"
        chosen = {"": replace(first, note="; ".join(filter(None, [first.note, note])))}
    if not question.parts:  # "500/h at peak": a peak is not scaled to a month
        chosen = {"": peak_checked(question, text, chosen[""], question.period(None))}
    chosen = part_of_week(text, chosen)  # "200 an hour in business hours", "10k a weekday"
    # "5M a year": 416,667 a month; "3 days a year": 0.25; "$200k a year": $16,667, no cents
    whole = 1.0 if kind is NumberKind.COUNT else 1000.0 if kind is NumberKind.MONEY else None
    chosen = {p: to_period(q, q.rate, question.period(p or None), whole) for p, q in chosen.items()}
    readings = _readings(question, chosen)
    answers = [_answer(question, typed, values, currency, chosen) for values in readings]
    if rough is None and not question.loss and not peaked and len(answers) == 1:
        rough = bound_said(text)  # "under 1k": 1k, said back
    if multiple is not None and len(answers) == 1:  # "3x that in November": the peak, said
        peak = peak_said(multiple, answers[0].number, question.period(None))
        total = "; ".join(filter(None, [total, peak]))
    if rough is not None or total is not None:
        answers = [
            a.model_copy(update={"note": "; ".join(filter(None, [a.note, rough, total]))})
            for a in answers
        ]
    if len(answers) == 1 and (fraction := as_fraction(question, answers[0], text)) is not None:
        answers.append(fraction)  # "0.05" at a share: 0.05% or 5%
    elif len(answers) == 1 and (each := per_each(kind, answers[0], text)) is not None:
        answers.append(each)  # "2.500 € per client, we have 12 clients": which is meant
    elif len(answers) == 1 and kind is NumberKind.MONEY and not question.parts:
        priced = staff_priced(answers[0], text)  # "2 engineers at $10k a month": each?
        if priced is not None:
            answers = [priced[0]] if priced[1] else [answers[0], priced[0]]
    if missing is not None:
        raise Unclear(_ask_missing(question, answers[0], missing, text), (answers[0],))
    if len(answers) > 1:
        shown = " or ".join(
            f"`{i}` {a.display(question)}"
            + (f" ({a.note})" if a.note and a.note != answers[0].note else "")
            for i, a in enumerate(answers, 1)
        )
        raise Unclear(f"Did you mean {shown}?", tuple(answers))
    return answers[0]


_WORKING_DAYS = {"w": WORKING_DAYS_A_WEEK, "mo": WORKING_DAYS_A_WEEK * 52 / 12}


def _engineer_days(question: Question, text: str, q: Quantity) -> Quantity:
    """A time as working days: "1 FTE" a person's, "4h" half a day, "90 min" and "a week" (5
    days) too, said back; a figure in another unit ("5 pages", "3 years") is refused."""
    if q.unit == "fte":
        return staff(q, text, WORKING_DAYS_A_WEEK, "days", None)
    if q.unit == "min":  # "90 min": an hour and a half, not 90 days
        return hours_as_days(replace(q, readings=tuple(r / 60 for r in q.readings), unit="h"))
    if q.unit == "h":
        return hours_as_days(q)
    if q.unit in _WORKING_DAYS:  # "a week a month": 5 days, not 1
        days = _WORKING_DAYS[q.unit]
        said = f"{q.text.strip()} at {plain(round(days, 1))} working days a {_UNIT_WORD[q.unit]}"
        note = "; ".join(filter(None, [q.note, f"{said} (our assumption)"]))
        return replace(q, readings=tuple(r * days for r in q.readings), unit=None, note=note)
    if q.unit not in (None, "d"):
        raise refusal(question, text, q)
    return q


_UNIT_WORD = {"w": "week", "mo": "month"}


def asks_missing(prompt: str) -> bool:
    """The question back is about a part not given yet (the other part is kept)."""
    return prompt.startswith("I read ") and ("; what is " in prompt or "; what do " in prompt)


def missing_part(question: Question, prompt: str) -> str | None:
    """The part "I read 0 as the hardware; what is it a month?" asks for: the one not read."""
    read = re.match(r"I read .*? as the (\w+)[;,]", prompt)
    if read is None or not asks_missing(prompt):
        return None
    others = [p for p in question.parts if p != read[1]]
    return others[0] if len(others) == 1 else None


def _ask_missing(question: Question, answer: Answer, gap: PartMissing, text: str) -> str:
    """ "I read $5,000 as the hardware; what is the monthly part?" """
    assert answer.numbers is not None
    shown = format_number(answer.numbers[gap.given], question.kind, answer.currency)
    monthly = question.period(gap.missing) == "mo"
    staff = next((q for q in scan(text) if q.unit == "fte"), None)  # "and 1 FTE to run it"
    if staff is not None and monthly and question.kind is NumberKind.MONEY:
        return (
            f"I read {shown} as the {gap.given}, and “{staff.text.strip()}” as people; what do "
            "they cost a month, with power and hosting? Type the amount."
        )
    what = "what is it a month" if monthly else f"what is the {gap.missing} figure"
    none = gap.missing in question.part_none  # "we already own the GPUs" can be said
    also = "or `yes` if it is none" if none else "or `yes` if it is the same"
    return f"I read {shown} as the {gap.given}; {what}? Type it, {also}."


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
        _check_bounds(question, v, text)
    notes = [q.note for q in chosen.values() if q.note]
    if question.kind is NumberKind.PERCENT and (fractions := fractions_of_one(values, text)):
        values, said = fractions
        notes.append(said)
    note = "; ".join(dict.fromkeys(notes)) or None
    if question.parts:
        return Answer(key=question.key, raw=text, numbers=values, currency=currency, note=note)
    return Answer(key=question.key, raw=text, number=values[""], currency=currency, note=note)


def _quantities(question: Question, text: str, per: float | None) -> list[Quantity]:
    kind, needed = question.kind, len(question.parts) or 1
    found = [replace(q, rate=rate_around(text, q.start, q.end)) for q in scan(text)]
    found = times_a_period(text, found)  # "$1k twice a month": $2k a month
    if kind in M_MEANS:
        found = [with_unit_m(q, M_MEANS[kind]) for q in found]
    if kind is not NumberKind.TOKENS:  # "4k in / 1k out" is two token counts, no "per 1k"
        found = per_million(text, found, per)  # "$0.0025 per 1k tokens": per million
    if kind in (NumberKind.COUNT, NumberKind.MONEY):
        found = share_of(text, found)  # "20% of 10M": 2M
    if kind is not NumberKind.MONEY:  # at money: once counts priced each are multiplied out
        found = without_misplaced(question, text, found, needed)  # "5M requests at $0.002"
    if kind is NumberKind.MONEY:
        found = time_priced(found)  # "10 hours a week, I bill 150/h": 1,500 a week
    timed = found and found[0].unit not in (None, "fte")  # staff are read just below
    if kind is NumberKind.MONEY and timed and not any(q.currency for q in found):
        # "2 days a month keeping it alive" typed at a spend question: a time, not money
        raise refusal(question, text, found[0])
    if kind is NumberKind.MONEY and (staff := next((q for q in found if q.unit == "fte"), None)):
        found = [q for q in found if q.unit != "fte"]  # "2 engineers at 10k a month": the 10k
        if not found:  # "ops: 1 engineer half time" is no $1 a month; a part left is asked for
            raise AnswerError(
                f"I read “{staff.text.strip()}” as people; I need what they cost in money "
                "(for example $8,000 a month for an engineer half time)."
            )
        if found[0].unit is not None and not any(q.currency for q in found):
            raise refusal(question, text, found[0])  # "40 people, 5 days each": no $5
    if kind is NumberKind.COUNT and (shares := [q for q in found if q.unit == "%"]):
        found = [q for q in found if q.unit != "%"]  # "50% more than last year (2M)": 2M
        if not found:
            raise refusal(question, text, shares[0])
    if kind is NumberKind.HOURS:  # "1 FTE at 20%", "20% of one dev": the share is the staff's
        found = [
            q
            for i, q in enumerate(found)
            if not (q.unit == "%" and any(o.unit == "fte" for o in found[i - 1 : i + 2] if o != q))
        ]
    if kind is NumberKind.COUNT:
        found = times_each(text, found, question.unit)  # "40 clients x 20k": 800,000
    if kind in (NumberKind.HOURS, NumberKind.COUNT):
        found = staff_times_each(text, found)  # "2 engineers, 4h a week each": 8h a week
    if kind in TO_BASE:
        found = _other_units_dropped(kind, text, found, needed)  # "40 min calls, 8-10k tokens"
        found = compounds(text, [_to_base(question, q, text) for q in found])
    found = ranges(text, found, kind, apart=question.smallest is not None)
    summed = (NumberKind.COUNT, NumberKind.MONEY, NumberKind.TOKENS)  # "2k system + 500 user"
    return sums(text, found, kind is NumberKind.TOKENS) if kind in summed else found


def _other_units_dropped(
    kind: NumberKind, text: str, found: list[Quantity], needed: int
) -> list[Quantity]:
    """A figure in a unit the question cannot use ("20-40 min calls" at a token count) is
    context when figures in the question's own unit are there too ("maybe 8-10k tokens"):
    left out; alone, it is refused (by ``_to_base``)."""
    table = TO_BASE[kind]
    other = {q.end for q in found if q.unit is not None and q.unit not in table}
    if not other:
        return found
    # "20-40 min": the bare low end of a range in another unit goes with it
    own = [
        q
        for q in found
        if q.end not in other and not (q.unit is None and _range_into(text, q, found, other))
    ]
    return own if len(own) >= needed else found


def _range_into(text: str, q: Quantity, found: list[Quantity], ends: set[int]) -> bool:
    """``q`` is the low end of a range whose high end is one of ``ends`` ("20-40 min")."""
    after = next((o for o in found if o.start > q.end), None)
    return (
        after is not None and after.end in ends and bool(RANGE_SEP.match(text[q.end : after.start]))
    )


def _to_base(question: Question, q: Quantity, text: str) -> Quantity:
    kind = question.kind
    assert kind is not None
    table = TO_BASE[kind]
    if q.unit is None:
        return q
    if q.unit not in table:  # "5 pages" at hours: a length of text
        raise refusal(question, text, q)
    if q.unit == "fte":
        return staff_hours(q, text)
    factor = table[q.unit]
    readings = tuple(float(f"{r * factor:.12g}") for r in q.readings)
    note = q.note
    if kind is NumberKind.TOKENS:  # a token count is whole
        readings = tuple(float(round(r)) for r in readings)
    if q.unit in ("page", "paragraph", "sentence", "word"):
        note = f"{q.text.strip()} at about {factor:.3g} tokens a {q.unit}"
    elif kind is NumberKind.HOURS and q.unit in ("d", "w") and note is None:  # "5 days a month"
        a = "8 hours a day" if q.unit == "d" else f"{factor:.0f} hours a week"
        note = f"{q.text.strip()} at {a} (our assumption)"
    return replace(q, readings=readings, note=note)


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


def _check_bounds(question: Question, value: float, text: str) -> None:
    low = 0.0 if question.minimum is None else question.minimum
    if value < low:
        raise AnswerError(f"That should be at least {format_number(low, question.kind)}.")
    if question.maximum is not None and value > question.maximum:
        if (money := money_typed(question, text)) is not None:  # "1.200 EUR …, openai 9-11k"
            raise money
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
