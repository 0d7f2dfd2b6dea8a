"""Figures typed where something else is asked: one rule for every question. A figure that
says what it is — money ("$40", "50k budget") or a count of things ("3.5M requests", "500
users") — is never used at a question asking for something else: money at a count, hours or
months, a count of things at a money question ("5M requests at $0.002" is 5M requests, "4
hours, costs about $40" is 4 hours, "3.5M requests, about $8k" is $8k). When nothing else is
left, the answer is refused with the figure named ("I read “$40” as money, but I need hours
here", "I read “3.5M requests” as a number of requests, but I need an amount of money
here"). Pure."""

from __future__ import annotations

import re

from consultations.answers.amounts import typed_figure
from consultations.answers.lexer import Quantity, scan
from consultations.answers.model import AnswerError
from consultations.answers.parts import example, part_words
from consultations.answers.units import THINGS, things_named, unit_word
from consultations.scripts import NumberKind, Question

_MONEY_BEFORE = re.compile(
    r"\b(?:budget|costs?|spend(?:ing)?|salary|price|paid|pay)(?:\s+(?:is|of|was|at|around|about|"
    r"roughly|~))*\s*$",
    re.I,
)
_MONEY_AFTER = re.compile(r"\s*(?:budget|in costs?|of spend|dollars|euros|pounds|bucks)\b", re.I)
# questions counting things, where a count of other things may be how it is worked out ("12k
# users, each ~30 requests a day"), and tokens are asked about as another question's answer
_OF_THINGS = ("requests", "calls", "runs")
_PEOPLE = re.compile(
    r"(?:users?|customers?|subscribers?|visitors?|seats?|accounts?|dau|mau|employees?|"
    r"nutzer(?:innen)?|kunden|utilisateurs)",
    re.I,
)
_PEOPLE_AFTER = re.compile(
    r"\s*(?:daily|monthly|weekly)?\s*(?:active\s+)?(?P<noun>users?|dau|mau)\b", re.I
)
_PEOPLE_BEFORE = re.compile(
    r"\b(?:(?:daily|monthly|weekly)\s+)?(?:active\s+)?(?P<noun>users|customers|dau|mau|"
    r"subscribers|visitors)\s*(?:[:=~≈]|of|about|around|approx\.?|roughly)?\s*$",
    re.I,
)


def is_money(question: Question, text: str, q: Quantity) -> bool:
    """The figure is an amount of money: typed with a currency, or, at a count, a bare figure
    named as a budget or cost ("the budget is 50k", "50k budget"). Only at a count: a "budget"
    of hours, months or tokens is one of those ("a reading budget of 5", "token budget 8k"),
    and shares named after a cost ("cost 50 failure 30") are shares."""
    if q.currency:
        return True
    if question.kind is not NumberKind.COUNT or question.parts or q.unit is not None:
        return False
    return bool(_MONEY_BEFORE.search(text[: q.start]) or _MONEY_AFTER.match(text, q.end))


def counted(question: Question, text: str, q: Quantity) -> re.Match[str] | None:
    """The things a bare figure counts ("3.5M requests"), when the question asks for something
    else: anything at a money, time, share or engineer-days question, anything but tokens at a
    token question; never at a count of requests, calls or runs."""
    if q.unit is not None or q.currency is not None or question.kind is None:
        return None
    if question.kind is NumberKind.COUNT and question.unit in _OF_THINGS:
        # people are no requests: "5k users", "daily active users 5k", "5k DAU"
        m = THINGS.match(text, q.end) or _PEOPLE_AFTER.match(text, q.end)
        if m is not None and _PEOPLE.fullmatch(m["noun"]):
            return m
        return _PEOPLE_BEFORE.search(text[: q.start])
    m = THINGS.match(text, q.end)
    if m is None or question.kind is NumberKind.TOKENS and m["noun"].casefold().startswith("tok"):
        return None
    if any(m["noun"].casefold() in part_words(question, p) for p in question.parts):
        return None  # "2k prompt, 500 completion": the parts' own words, not prompts counted
    return m


def misplaced(question: Question, text: str, q: Quantity) -> str | None:
    """What a figure was read as, when that is not what the question asks for: "money", "a
    number of requests"; None when it may be the answer."""
    if question.kind not in (None, NumberKind.MONEY) and is_money(question, text, q):
        return "money"
    things = counted(question, text, q)
    return f"a number of {things_named(things['noun'])}" if things else None


def without_misplaced(
    question: Question, text: str, found: list[Quantity], needed: int
) -> list[Quantity]:
    """The figures of an answer that may answer the question: those typed as something else
    are refused, the first named, when fewer than ``needed`` are left; else money at another
    question, and counts at a money question, are left out. A count of other things at a count
    stays, for the chooser to say it left it out ("used the one in tokens; “300” left out")."""
    read = [(q, misplaced(question, text, q)) for q in found]
    wrong = [(q, what) for q, what in read if what is not None]
    if wrong and len(found) - len(wrong) < needed:
        raise refusal(question, text, *wrong[0])
    dropped = "a number of" if question.kind is NumberKind.MONEY else "money"
    return [q for q, what in read if what is None or not what.startswith(dropped)]


def money_typed(question: Question, text: str) -> AnswerError | None:
    """The refusal naming the first figure typed as money at a question that asks for none
    ("1.200 EUR for the mistral box, openai is like 9-11k" at engineer-days, where the 9-11k
    is too high to be days); None when no money is typed."""
    if question.kind in (None, NumberKind.MONEY):
        return None
    money = next((q for q in scan(text) if is_money(question, text, q)), None)
    return None if money is None else refusal(question, text, money, "money")


_READ_AS = {  # what a figure typed with a unit is, said as "I read “…” as ___"
    "%": "a percentage",
    "bytes": "a file size",
    "fte": "people",
    **dict.fromkeys(("page", "paragraph", "sentence", "word"), "a length of text"),
}


def read_as(q: Quantity) -> str:
    """What a figure with a unit was read as: "a time", "a percentage", "a file size"."""
    return _READ_AS.get(q.unit or "", "a time")


def refusal(question: Question, text: str, q: Quantity, what: str | None = None) -> AnswerError:
    """ "I read “$40” as money, but I need hours here, for example 2 hours." ``what``: what the
    figure was read as, by default what its unit says ("a time", "a percentage")."""
    what = what or read_as(q)
    things = counted(question, text, q)
    typed = typed_figure(text, q) + (things.group() if things else "")
    if things is not None and things.start() < q.start:  # "daily active users 5k"
        typed = text[things.start() : q.end].strip()
    return AnswerError(
        f"I read “{typed}” as {what}, but I need {wanted(question)} here{example(question)}."
    )


def wanted(question: Question) -> str:
    """What a question asks for, as the sentence "… but I need ___ here" says it."""
    counted = question.kind in (NumberKind.COUNT, NumberKind.TOKENS)
    if counted and (question.unit or question.kind is NumberKind.TOKENS):
        return f"the number of {question.unit or 'tokens'}"
    return unit_word(question.kind)
