"""What a count or a length is not: "10h a month" is no number of calls, "300k/month" no
context window; "1 every 5 minutes" is a rate."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.lexer import Quantity
from consultations.answers.misplaced import refusal
from consultations.answers.model import AnswerError, plain
from consultations.answers.parts import example
from consultations.answers.per_thing import per_named_thing
from consultations.answers.rates import WORDS, a_unit, rate_after
from consultations.answers.units import TO_BASE
from consultations.scripts import NumberKind, Question

_TIMES = {"ns", "us", "ms", "s", "min", "h", "d", "w", "mo", "y"}
_TEXT = ("page", "word", "paragraph", "sentence")  # a length of text counts no requests


_EVERY = re.compile(r"^\s*(?:times?\s+|runs?\s+|calls?\s+|requests?\s+)?every\s*$", re.I)


def _every(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "1 every 5 minutes", "3 runs every 2 hours": so many per that time, as a rate."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit is None
            and prev.rate is None
            and q.unit in WORDS
            and len(prev.readings) == len(q.readings) == 1
            and q.readings[0] > 0
            and _EVERY.match(text[prev.end : q.start])
        ):
            each = prev.readings[0] / q.readings[0]
            typed = text[prev.start : q.end].strip()
            said = f"{typed} is {plain(round(each, 4))} {a_unit(WORDS[q.unit])}"
            out[-1] = replace(prev, readings=(each,), end=q.end, rate=q.unit, note=said)
            continue
        out.append(q)
    return out


def no_time_in_a_count(question: Question, text: str, found: list[Quantity]) -> list[Quantity]:
    """ "10h a month" is no number of calls, "300k/month" no context window: a time, or a
    figure per month where the question asks for none, is named and asked again."""
    what = f"the number of {question.unit}" if question.unit else "a number"
    if question.kind is NumberKind.COUNT and question.unit not in ("engineer-days", "people"):
        found = _every(text, found)  # "1 every 5 minutes": a rate
        found = _users_each(question, text, found)  # "12k users, each ~30 requests a day"
        found = per_named_thing(found, text, question.unit)  # "1.5M sessions, 40 lines per session"
        timed = [  # "5 mb": a size; "2M words": a length of text
            q for q in found if q.unit in _TIMES or q.unit == "bytes" or q.unit in _TEXT
        ]
        found = [q for q in found if q not in timed]
        kind = "a time"
        if timed and timed[0].unit in ("bytes", *_TEXT):
            kind = "a file size" if timed[0].unit == "bytes" else "a length of text"
        if timed and not found:
            raise refusal(question, text, timed[0], kind)
        if timed:  # "200k calls, 2h each": the time is said left out
            left = ", ".join(f"“{q.text.strip()}”" for q in timed)
            said = f"{left} left out: {kind}, not {what}"
            found[0] = replace(found[0], note="; ".join(filter(None, [found[0].note, said])))
    if question.kind is NumberKind.TOKENS and question.per is None:
        rated = next((q for q in found if q.rate), None)
        if rated is not None and len(found) == 1:
            raise AnswerError(
                f"I read {rated.text.strip()} as a figure per {WORDS[rated.rate or 'mo']}, but "
                f"I need a number of tokens here{example(question)}."
            )
    return found


_NOUN = re.compile(  # "users"; "daily active users" and "DAU" count the users of a day
    r"\s*(?:(?P<often>daily|weekly|monthly)\s+(?:active\s+)?)?(?P<noun>[a-z]{3,}?)(?:e?s)?\b",
    re.I,
)
_ACTIVE = {"dau": "d", "wau": "w", "mau": "mo"}  # daily, weekly, monthly active users
_OFTEN = {"daily": "d", "weekly": "w", "monthly": "mo"}
_EACH_BETWEEN = re.compile(r"\beach\b|\bper\s+(?:one|head|person)\b|\bx\b|×|\btimes\b", re.I)


def _users_each(question: Question, text: str, found: list[Quantity]) -> list[Quantity]:
    """ "12k users, each ~30 requests a day": the users times what each sends, said back
    (the 12k alone counts users, not requests)."""
    if len(found) != 2 or not question.unit:
        return found
    things, each = found
    unit = question.unit.rstrip("s")
    first_each = re.match(
        rf"\s*{re.escape(unit)}s?\s+(?:per|a|an|each)\s+([a-z]{{3,}}?)s?\b",
        text[things.end :],
        re.I,
    )
    second = _NOUN.match(text, each.end)
    if first_each and second and second.group("noun").casefold() == first_each.group(1).casefold():
        things, each = each, things  # "12 requests per user per day, 2000 users"
    noun = _NOUN.match(text, things.end)
    after = text[each.end :]
    often = None  # "5k daily active users", "5k DAU": the users of a day, so each's is a day's
    if noun is not None:
        word = (noun.group("often") or "").casefold()
        often = _OFTEN.get(word) or _ACTIVE.get(noun.group(0).strip().casefold())
    if (
        noun is None
        or noun.group("noun").casefold() in (unit, "a", "per", "each", "and", "for")
        or things.unit
        or each.unit
        or (things.rate and things.rate != often)
        or len(things.readings) != 1
        or len(each.readings) != 1
        or not re.match(rf"\s*{re.escape(unit)}s?\b", after, re.I)
    ):
        return found
    per_thing = re.search(rf"\b(?:per|a|an|each)\s+{re.escape(noun.group('noun'))}", after, re.I)
    each_after = re.match(  # "12 requests each", "12 requests a day each"
        rf"\s*{re.escape(unit)}s?\s+(?:(?:a|an|per)\s+(?:day|week|month|hour)\s+)?(?:each|apiece)\b",
        after,
        re.I,
    )
    if not (_EACH_BETWEEN.search(text[things.end : each.start]) or per_thing or each_after):
        return found  # "20 agents, ~100 runs each": 2,000 runs
    if each.rate is None and per_thing is not None:  # "30 requests per user a day"
        each = replace(each, rate=rate_after(after, per_thing.end()))
    named = re.match(rf"\s*{re.escape(unit)}s?", after, re.I)
    if each.rate is None and named is not None:  # "12 requests/day"
        each = replace(each, rate=rate_after(after, named.end()))
    when = ""
    if each.rate is None and often is not None:  # "5k DAU, 3 requests each": 15k a day
        each, when = replace(each, rate=often), f" {a_unit(WORDS[often])}"
    total = things.readings[0] * each.readings[0]
    said = f"{text[things.start : noun.end()].strip()} × {each.text.strip()} {question.unit} each"
    said += when
    return [replace(each, readings=(total,), start=things.start, note=said)]


_EACH_AFTER = re.compile(r"^[^,;]*?\b(?:each|apiece|per (?:person|head|dev|engineer))\b", re.I)
_STAFF_TIMES = {"min", "h", "d", "w"}


def staff_times_each(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "two devs, roughly a day a week each": the people times the time each gives, said
    back; without "each" the time typed is their total, and the people are said left out."""
    out: list[Quantity] = []
    for q in found:
        people = out[-1] if out else None
        if (
            people is None
            or people.unit != "fte"
            or q.unit not in _STAFF_TIMES
            or len(people.readings) != 1
            or _SHARE_AFTER.match(text, people.end)  # "1 FTE at 20%": a share of one person
        ):
            out.append(q)
            continue
        who = people.text.strip()
        if _EACH_AFTER.match(text[q.end :]) or _EACH_AFTER.match(text[people.end : q.start]):
            n = people.readings[0]
            said = f"{who} × {q.text.strip()} each"
            out[-1] = replace(q, readings=tuple(r * n for r in q.readings), note=said)
        else:
            said = (
                f"“{who}” taken as who does it and {q.text.strip()} as their total (add "
                "“each” if it is per person)"
            )
            out[-1] = replace(q, note="; ".join(filter(None, [q.note, said])))
    return out


_SHARE_AFTER = re.compile(r"\s*(?:at|@|,)?\s*\d{1,3}\s*%|\s*(?:half|part|full)[\s-]?time", re.I)


_USUAL = re.compile(
    r"\b(?:avg|average|on average|typically|typical|usually|normally|mean|median)\W*"
    r"(?:(?:of|is|at|about|around|~|roughly|maybe|perhaps|probably|say|like|we (?:do|see|get))"
    r"\W*)*$",
    re.I,
)


_USUAL_AFTER = re.compile(  # "30M a month on average": the word after the figure
    r"^[\w\s/]{0,20}?\b(?:on average|on avg|in average|typically|usually|normally|otherwise|"
    r"off[- ]peak|the rest of the time)\b",
    re.I,
)


def usual_figure(text: str, found: list[Quantity]) -> Quantity | None:
    """ "peak 200 rps, avg 20", "2M a day at peak, maybe 30M a month on average": the figure
    said to be the average, when one is, and not first."""
    usual = [
        q
        for q in found[1:]
        if _USUAL.search(text[max(0, q.start - 30) : q.start])
        or _USUAL_AFTER.match(text[q.end : q.end + 40].split(",")[0])
    ]
    if len(found) < 2 or len(usual) != 1:
        return None
    rates = {q.rate for q in found if q.rate}  # "peak 200 rps, avg 20": 20 a second too
    units = {q.unit for q in found if q.unit}  # "40-200 pages, typically 80": 80 pages
    chosen = usual[0]
    if chosen.rate is None and len(rates) == 1:
        chosen = replace(chosen, rate=rates.pop())
    if chosen.unit is None and len(units) == 1:
        chosen = replace(chosen, unit=units.pop())
    return chosen


_WORD_SAID = {  # the word the user called the usual figure by, as the note says it back
    "typical": "the typical figure",
    "typically": "the typical figure",
    "usually": "the usual figure",
    "normally": "the normal figure",
    "otherwise": "the usual figure",
    "rest": "the usual figure",  # "the rest of the time"
    "off": "the off-peak figure",
    "median": "the median",
    "mean": "the mean",
}


def usual_said(text: str, q: Quantity) -> str:
    """How the note names the figure ``usual_figure`` chose, in the user's own word: "the
    typical figure" for "typically 20", "the average" for "avg 20"."""
    m = _USUAL.search(text[max(0, q.start - 30) : q.start]) or _USUAL_AFTER.match(
        text[q.end : q.end + 40].split(",")[0]
    )
    words = re.findall(r"[a-z]+", m.group().casefold()) if m else []
    return next((_WORD_SAID[w] for w in words if w in _WORD_SAID), "the average")


def in_own_unit(question: Question, text: str, found: list[Quantity]) -> Quantity | None:
    """ "300 messages, ~60k tokens": the one figure named in the question's own unit, when it
    is not the first."""
    if len(found) < 2:
        return None
    kind = NumberKind.HOURS if question.unit == "engineer-days" else question.kind
    table = TO_BASE.get(kind) if kind in _TIMED_KINDS else None
    if table and found[0].unit is None:  # "12k a month and 3 days" at engineer-days: the 3 days
        timed = [q for q in found if q.unit in table]
        if len(timed) == 1:
            return timed[0]
    unit = "tokens" if question.kind is NumberKind.TOKENS else question.unit
    if not unit:
        return None
    word = re.compile(rf"\s*{re.escape(unit.rstrip('s'))}s?\b", re.I)
    own = [q for q in found if word.match(text, q.end)]
    return own[0] if len(own) == 1 and own[0] is not found[0] else None


_TIMED_KINDS = (NumberKind.HOURS, NumberKind.MONTHS, NumberKind.DURATION_MS)


_OF = re.compile(
    r"\s*of\s+(?:(?:the|our|my|all|total|about|around|roughly|~)\s+)*~?\s*[$€£¥]?\s*$", re.I
)


def share_of(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "20% of 10M": the share of the figure after it, said back (not the 10M, the 20%
    dropped)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit == "%"
            and q.unit is None
            and len(prev.readings) == len(q.readings) == 1
            and _OF.fullmatch(text[prev.end : q.start])
        ):
            share = prev.readings[0] / 100 * q.readings[0]
            said = f"{text[prev.start : q.end].strip()} is {plain(share)}"
            out[-1] = replace(q, readings=(share,), start=prev.start, note=said)
            continue
        out.append(q)
    return out
