"""Words at a choice that pick no option but plainly answer another question of the same
consultation: a figure of that question's kind ("3 days a month", "$12k a month" at "Why do you
use more than one?") or names the vendors question takes ("openai and claude"); at a question
asking for words, options of another's choice ("budget, time" at "How do you use AI today?").
Said as "That looks like the answer to question 4 (upkeep)", and this one asked again. Pure."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from consultations.answers.bare import figure_only
from consultations.answers.corrections import names_of
from consultations.answers.lexer import Quantity, scan
from consultations.answers.model import Answer, AnswerError
from consultations.answers.numbers import number_answer
from consultations.answers.plausible import doubt
from consultations.answers.units import THINGS
from consultations.answers.vendors import MODEL_WORDS
from consultations.scripts import NumberKind, Question, QuestionType

_JOINERS = re.compile(r"[\s,;&+/]+|\b(?:and|und|et|plus|also|too|mostly|some)\b", re.I)
_VERSION = re.compile(r"[\d.]+[a-z]?|-?(?:mini|turbo|o|pro|flash|sonnet|opus|haiku)", re.I)


def answered_elsewhere(
    question: Question, text: str, questions: Sequence[Question], answered: Collection[str] = ()
) -> str | None:
    """ "That looks like the answer to question N (…)", or None; ``answered``: the keys
    answered already, for which `edit N` is said."""
    if question.type not in (QuestionType.CHOICE, QuestionType.TEXT):
        return None
    fits = _answers if question.type is QuestionType.CHOICE else _options_only
    for number, other in enumerate(questions, 1):
        if other.key != question.key and fits(other, text):
            later = number > next(i for i, o in enumerate(questions, 1) if o.key == question.key)
            when = (
                f"answered already: `edit {number}` changes it"
                if other.key in answered
                else "it comes later"
                if later
                else "still open"
            )
            return (
                f"That looks like the answer to question {number} ({names_of(other)[0]}), "
                f"{when}; this one first."
            )
    return None


_PIECES = re.compile(r"\s*(?:[,;&+/]|\b(?:and|und|et|or)\b)\s*", re.I)


def _options_only(other: Question, text: str) -> bool:
    """ "budget, time" at "How do you use AI today?": two or more options of a choice asked
    elsewhere, each named as the option says it, and nothing else."""
    if other.type is not QuestionType.CHOICE:
        return False
    pieces = [p.strip(" .!").casefold() for p in _PIECES.split(text) if p.strip(" .!")]
    said = {w.casefold() for c in other.choices for w in (c.value, c.label, *c.synonyms)}
    return len(pieces) >= 2 and all(p in said for p in pieces)


def _answers(other: Question, text: str) -> bool:
    if other.type is QuestionType.NUMBER:
        return _figure_of(other, text)
    if other.type is QuestionType.LIST and other.named_items:
        return _vendors_only(text)
    return False


def _figure_of(other: Question, text: str) -> bool:
    """A figure that says what it is (money, a time, things counted) and reads, plausibly, as
    ``other``'s answer; bare digits may be an option's number, so never these."""
    found = scan(text)
    said = any(q.currency or q.unit or THINGS.match(text, q.end) for q in found)
    if not found or not said or not figure_only(text):
        return False
    if not all(_kind_fits(other, q) for q in found):  # "3 days" is no team size
        return False
    try:
        answer = number_answer(other, text)
    except AnswerError:
        return False
    return doubt(other, answer, ()) is None


_TIMES = {"ms", "s", "min", "h", "d", "w", "mo", "y"}


def _kind_fits(other: Question, q: Quantity) -> bool:
    """The figure is of the kind ``other`` asks for: money at money, a time at a time (or at a
    count of days or hours, "engineer-days"), a share at a share, a count of things at a count."""
    if q.currency:
        return other.kind is NumberKind.MONEY
    if q.unit == "%":
        return other.kind is NumberKind.PERCENT
    if q.unit in _TIMES:
        timed = other.kind in (NumberKind.HOURS, NumberKind.MONTHS, NumberKind.DURATION_MS)
        return timed or any(w in (other.unit or "") for w in ("day", "hour", "week", "month"))
    return other.kind in (NumberKind.COUNT, NumberKind.TOKENS, None)


def _vendors_only(text: str) -> bool:
    """ "openai and claude", "gpt-4o, gemini": nothing but model and vendor names."""
    words = [w for w in _JOINERS.split(text.casefold().strip(" .!")) if w]
    words = [w for w in words if not _VERSION.fullmatch(w)]
    return bool(words) and all(_model_word(w) for w in words)


def _model_word(word: str) -> bool:
    return word in MODEL_WORDS or any(word.startswith(m) for m in MODEL_WORDS if len(m) >= 3)


def answers_next(
    question: Question, text: str, questions: Sequence[Question], answered: Collection[str]
) -> tuple[int, Question, Answer] | None:
    """ "sur 5 ans" at the monthly part of the local cost: the answer to the question after
    this one (the write-off), as (its number, it, the answer); None unless it is still open
    and every figure says a unit of its kind and reads plausibly."""
    at = next(i for i, o in enumerate(questions) if o.key == question.key) + 1
    other = questions[at] if at < len(questions) else None
    if other is None or other.key in answered or other.type is not QuestionType.NUMBER:
        return None
    found = scan(text)
    if not found or not all((q.unit or q.currency) and _kind_fits(other, q) for q in found):
        return None
    try:
        answer = number_answer(other, text)
    except AnswerError:
        return None
    return (at + 1, other, answer) if doubt(other, answer, ()) is None else None
