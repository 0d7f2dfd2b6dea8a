"""What an advisor receives, and a typed way to read the answers with defaults for skips."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from consultations.advisors.words import count, money
from consultations.answers import Answer
from consultations.report import Report
from consultations.scripts import ConsultationScript, ResearchContext

__all__ = ["AdvisorInput", "AnswerSheet", "EarlierConsultation", "count", "money"]


@dataclass(frozen=True)
class EarlierConsultation:
    """A finished consultation of the same user, for strategy synthesis."""

    slug: str
    answers: Mapping[str, Answer]
    report: Report | None


@dataclass(frozen=True)
class AdvisorInput:
    script: ConsultationScript
    answers: Mapping[str, Answer]
    context: ResearchContext
    earlier: tuple[EarlierConsultation, ...] = field(default=())
    as_of: date | None = None  # the day the report is written: a roadmap's months are dated

    @property
    def sheet(self) -> AnswerSheet:
        return AnswerSheet(self.answers)


Advisor = Callable[[AdvisorInput], Report]


class AnswerSheet:
    """Answers by key; a skipped or missing answer gives the default (and is noted as assumed)."""

    def __init__(self, answers: Mapping[str, Answer]) -> None:
        self._answers = answers
        self.assumed: list[str] = []

    def _get(self, key: str) -> Answer | None:
        a = self._answers.get(key)
        return None if a is None or a.skipped else a

    def given(self, key: str) -> bool:
        return self._get(key) is not None

    def number(self, key: str, default: float) -> float:
        a = self._get(key)
        if a is None or a.number is None:
            self.assumed.append(key)
            return default
        return a.number

    def numbers(self, key: str, default: Mapping[str, float]) -> dict[str, float]:
        a = self._get(key)
        if a is None or a.numbers is None:
            self.assumed.append(key)
            return dict(default)
        return dict(a.numbers)

    def currency(self, key: str, default: str = "USD") -> str:
        a = self._get(key)
        return (a.currency if a and a.currency else None) or default

    def choice(self, key: str, default: str) -> str:
        a = self._get(key)
        if a is None or not a.choices:
            self.assumed.append(key)
            return default
        return a.choices[0]

    def choices(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        a = self._get(key)
        if a is None or not a.choices:
            self.assumed.append(key)
            return default
        return a.choices

    def items(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        a = self._get(key)
        if a is None or not a.items:
            self.assumed.append(key)
            return default
        return a.items

    def raw(self, key: str) -> str:
        """The words as typed (empty when skipped): for the qualifiers a choice cannot hold."""
        a = self._get(key)
        return a.raw if a is not None else ""

    def text(self, key: str, default: str = "") -> str:
        a = self._get(key)
        if a is None or not a.text:
            self.assumed.append(key)
            return default
        return a.text


def assumed_lines(sheet: AnswerSheet, meaning: Mapping[str, str]) -> tuple[str, ...]:
    """Say in words what was assumed for each skipped answer."""
    return tuple(meaning[k] for k in dict.fromkeys(sheet.assumed) if k in meaning)


_I_AM = re.compile(
    r"^(?:i'?m|i am|i work as|working as|my role is|my role:|role:)\s+(?:an?\s+|the\s+)?", re.I
)
_UNSURE = re.compile(
    r"^(?:(?:idk|dunno|not sure|no idea|hmm+|um+|well|ok|okay)[\s,.:;-]+)+"
    r"|[\s,]+(?:i guess|i think|i suppose|probably|basically|lol)[\s.!?]*$",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])")
_I_LEAD = re.compile(r"^i\s+(?:lead|run|head|manage)\s+", re.I)


def role_phrase(role: str) -> str:
    """A role as the report names its reader ("for you as …"): "I lead a 12-person ML lab;
    research should inform …" → "lead of a 12-person ML lab"; "I'm the CTO" → "CTO"."""
    head = "".join(ch for ch in role.split(";")[0] if unicodedata.category(ch) != "So").strip()
    head = _SENTENCE_END.split(head, maxsplit=1)[0]  # "… bank (EU, GDPR). Research should …"
    head = _UNSURE.sub("", head).strip(" ,") or head  # "idk, founder i guess": founder
    if m := _I_LEAD.match(head):  # "CTO 🚀": the emoji is not part of the role
        return f"lead of {head[m.end() :]}"
    return _I_AM.sub("", head) or head
