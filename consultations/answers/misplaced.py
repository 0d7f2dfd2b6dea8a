"""Money typed where something else is asked: one rule for every question that does not ask
for an amount. A figure typed as money is never used there ("5M requests at $0.002" is 5M
requests, "4 hours, costs about $40" is 4 hours); when nothing else is left to use, the answer
is refused with the figure named ("I read “$40” as money, but I need hours here"). Pure."""

from __future__ import annotations

import re

from consultations.answers.amounts import typed_figure
from consultations.answers.lexer import Quantity
from consultations.answers.model import AnswerError
from consultations.answers.parts import example
from consultations.answers.units import unit_word
from consultations.scripts import NumberKind, Question

_MONEY_BEFORE = re.compile(
    r"\b(?:budget|costs?|spend(?:ing)?|salary|price|paid|pay)(?:\s+(?:is|of|was|at|around|about|"
    r"roughly|~))*\s*$",
    re.I,
)
_MONEY_AFTER = re.compile(r"\s*(?:budget|in costs?|of spend|dollars|euros|pounds|bucks)\b", re.I)


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


def without_money(
    question: Question, text: str, found: list[Quantity], needed: int
) -> list[Quantity]:
    """The figures of an answer to a question that does not ask for money, those typed as
    money left out; refused, the money named, when fewer than ``needed`` are left."""
    if question.kind in (None, NumberKind.MONEY):
        return found
    money = [q for q in found if is_money(question, text, q)]
    kept = [q for q in found if q not in money]
    if money and len(kept) < needed:
        raise AnswerError(
            f"I read “{typed_figure(text, money[0])}” as money, but I need {wanted(question)} "
            f"here{example(question)}."
        )
    return kept


def wanted(question: Question) -> str:
    """What a question asks for, as the sentence "… but I need ___ here" says it."""
    counted = question.kind in (NumberKind.COUNT, NumberKind.TOKENS)
    if counted and (question.unit or question.kind is NumberKind.TOKENS):
        return f"the number of {question.unit or 'tokens'}"
    return unit_word(question.kind)
