"""Reading answers as people type them: numbers with units, choices, lists and free text.

Pure functions. ``parse_answer`` returns an :class:`Answer`, or raises :class:`AnswerError`
with a short reason shown to the user with the question again, or :class:`Unclear` with the
readings to choose from when the words allow more than one.
"""

from __future__ import annotations

import re

from consultations.answers.choices import parse_choice
from consultations.answers.corrections import taken_back
from consultations.answers.lists import split_list
from consultations.answers.model import (
    MAX_ANSWER_CHARS,
    Answer,
    AnswerError,
    Unclear,
    clean_text,
    format_money,
    format_number,
)
from consultations.answers.numbers import number_answer
from consultations.scripts import Question, QuestionType

__all__ = [
    "MAX_ANSWER_CHARS",
    "Answer",
    "AnswerError",
    "Unclear",
    "clean_text",
    "format_money",
    "format_number",
    "parse_answer",
    "parse_choice",
    "split_list",
]


_HOW_MANY = re.compile(
    r"\s*(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)"
    r"(?:\s+(?:pipelines?|agents?|vendors?|models?|workflows?|tools?|things?|systems?|ones?))?"
    r"\s*[.!]?\s*",
    re.I,
)
_VAGUE = re.compile(  # "the usual ones": no item is named
    r"\s*(?:the\s+)?(?:usual|standard|normal|common|typical|popular|big|main|obvious)"
    r"(?:\s+(?:ones?|suspects|tools?|vendors?|players?|stuff))?\s*[.!]?\s*"
    r"|\s*(?:whatever|various|lots|many|a bunch|the ones everyone uses)\s*[.!]?\s*",
    re.I,
)
_STRUCK = re.compile(r"(?<!\S)~(?=[^\s~])[^~\n]*?(?<=[^\s~])~(?!\S)")


def parse_answer(question: Question, raw: str) -> Answer:
    text = clean_text(raw)
    if not text:
        raise AnswerError("I did not catch an answer.")
    if (corrected := _corrected_within(question, text)) is not None:
        return corrected
    match question.type:
        case QuestionType.TEXT:
            if len(text) < 2:
                raise AnswerError("A few words, please.")
            return Answer(key=question.key, raw=text, text=text)
        case QuestionType.LIST:
            if _HOW_MANY.fullmatch(text) or _VAGUE.fullmatch(text):  # "3", "the usual ones"
                example = f", for example: {question.example}" if question.example else ""
                raise AnswerError(f"Name each one, please{example}.")
            items = split_list(text, named=question.named_items)[: question.max_items]
            if not items:
                raise AnswerError("List at least one item, separated by commas or new lines.")
            return Answer(key=question.key, raw=text, items=tuple(items))
        case QuestionType.CHOICE:
            return Answer(key=question.key, raw=text, choices=parse_choice(question, text))
        case QuestionType.NUMBER:  # "~5M~ 6M": struck through in Slack, so taken back
            figure = number_answer(question, _STRUCK.sub(" ", text).strip() or text)
            return figure.model_copy(update={"raw": text}) if figure.raw != text else figure
    raise AssertionError(question.type)  # pragma: no cover


def _corrected_within(question: Question, text: str) -> Answer | None:
    """ "10 hours a week, edit: more like 6": one figure or one option, corrected inside the
    answer, is read from the correction, kept as typed and said back. A list or several options
    ("logos, actually faces too") adds rather than replaces, so it is left whole."""
    one = question.type is QuestionType.NUMBER or (
        question.type is QuestionType.CHOICE and not question.multiple
    )
    parts = taken_back(text) if one else None
    if parts is None:
        return None
    head, tail = parts
    try:
        parse_answer(question, head)  # "we actually read 3 hours" corrects nothing
    except AnswerError:
        return None
    try:
        answer = parse_answer(question, tail)
    except Unclear:
        raise
    except AnswerError:
        return None
    note = f"your correction: {tail}" + (f"; {answer.note}" if answer.note else "")
    return answer.model_copy(update={"raw": text, "note": note})
