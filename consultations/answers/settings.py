"""One band for each setting ("hours fine in dev, minutes in live ops") at a single choice of
how long one can wait: the stricter band holds, and is said back. Two systems ("a day for admin
stuff, clinical needs to be up") are two answers, and asked back elsewhere."""

from __future__ import annotations

import re
from collections.abc import Callable

from consultations.answers.labelled import CLAUSES
from consultations.answers.model import AnswerError
from consultations.scripts import NumberKind, Question

_SETTING = re.compile(  # where the same system runs: "in dev", "live ops", "en prod"
    r"\b(?:dev|development|devel|staging|stage|test|testing|sandbox|qa|uat|pilot|poc|"
    r"prod|production|live|live ops|in betrieb|produktion|entwicklung|produktiv)\b",
    re.I,
)


def stricter(
    question: Question, text: str, read: Callable[[str], tuple[str, ...]]
) -> tuple[tuple[str, ...], str] | None:
    """The shortest wait among the options the clauses of ``text`` pick one each (``read``
    reads one clause), with a note; None unless two clauses name a setting each ("in dev",
    "in live ops") and two time bands are picked."""
    if question.multiple or question.band is not NumberKind.DURATION_MS:
        return None
    pieces = CLAUSES.split(text)
    if sum(bool(_SETTING.search(p)) for p in pieces) < 2:  # "dev" and "live": two settings
        return None
    picks = _bands_picked(question, pieces, read)
    if len(picks) < 2:
        return None
    first = picks[0]
    others = " and ".join(f"“{question.label_of(v)}”" for v in picks if v != first)
    return (first,), f"the stricter you named, over {others}: the setting that can wait least"


def told_apart(
    question: Question, text: str, read: Callable[[str], tuple[str, ...]]
) -> tuple[str, ...] | None:
    """ "UPI support can't go down, OCR can wait a few hours": each clause picks its own wait,
    two answers to a single choice, to be asked which holds (not the one more words match);
    the options in the order of their bands, or None."""
    if question.multiple or question.band is not NumberKind.DURATION_MS:
        return None
    pieces = [p for p in CLAUSES.split(text) if not _CONDITION.match(p)]  # "if batched, …"
    picks = _bands_picked(question, pieces, read)
    return picks if len(picks) > 1 else None


def _bands_picked(
    question: Question, pieces: list[str], read: Callable[[str], tuple[str, ...]]
) -> tuple[str, ...]:
    """The time bands the clauses pick, one each, shortest first ("1, 3": numbers, no clause
    of their own)."""
    ranged = {c.value: c.range for c in question.choices if c.range is not None}
    picks: dict[str, None] = {}
    for piece in pieces:
        if not re.search(r"[^\W\d_]", piece):
            continue
        try:
            said = read(piece)
        except AnswerError:
            continue
        if len(said) == 1 and said[0] in ranged:
            picks[said[0]] = None
    return tuple(sorted(picks, key=lambda v: ranged[v][0]))


_CONDITION = re.compile(r"\s*(?:if|when|unless|as long as|wenn|falls|sofern|si|quand)\b", re.I)
