"""What the engine decides: the outcome of a command (a question asked, the consultation
finished, cancelled or restored, or nothing changed) and the consultation after it."""

from __future__ import annotations

from dataclasses import dataclass

from consultations.scripts import Question
from consultations.state import Consultation


@dataclass(frozen=True)
class Asked:
    """Ask ``question`` next. ``reason`` says why it is asked again; ``note`` confirms a reading;
    ``confirm`` is one short question about a doubtful reading (answer `yes`, a number, or the
    right value), shown instead of the question's full text. ``settled``: the questions an
    earlier answer settles, not asked, and why ("Question 2 (reasons) is not asked: …"), or
    those asked after all: why the count moves on by more than one, or back."""

    question: Question
    number: int
    total: int
    reason: str | None = None
    note: str | None = None
    confirm: str | None = None
    settled: str | None = None


@dataclass(frozen=True)
class Finished:
    """Every question is answered or skipped: the report can be written.

    ``summary`` lists, compactly, the answers the report will use; ``settled`` as in
    :class:`Asked`."""

    note: str | None = None
    summary: str | None = None
    settled: str | None = None


@dataclass(frozen=True)
class Cancelled:
    pass


@dataclass(frozen=True)
class Refused:
    """Nothing changed, and here is why (a finished or cancelled consultation, say)."""

    reason: str


@dataclass(frozen=True)
class Restored:
    """A finished consultation brought back as it was (`undo` after `restart`): its answers
    and the report already posted, which stands; nothing is written again."""

    note: str


Outcome = Asked | Finished | Cancelled | Refused | Restored


@dataclass(frozen=True)
class Decision:
    consultation: Consultation
    outcome: Outcome
    changed: bool
