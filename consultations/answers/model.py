"""What an answer is once read, how it is said back, and the errors that ask again."""

from __future__ import annotations

import unicodedata

from pydantic import BaseModel, ConfigDict

from consultations.scripts import NumberKind, Question

MAX_ANSWER_CHARS = 4000


class AnswerError(ValueError):
    """An answer that does not fit its question; the message says why, briefly."""


class Unclear(AnswerError):
    """The words can be read more than one way; the user picks (``1``/``2``) or retypes."""

    def __init__(self, message: str, readings: tuple[Answer, ...]) -> None:
        super().__init__(message)
        self.readings = readings


class Answer(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    raw: str
    skipped: bool = False
    text: str | None = None
    number: float | None = None
    numbers: dict[str, float] | None = None
    currency: str | None = None
    choices: tuple[str, ...] | None = None
    items: tuple[str, ...] | None = None
    note: str | None = None  # how it was read when that is worth saying ("the midpoint of …")

    def display(self, question: Question) -> str:
        """How we read the answer, said back to the user."""
        if self.skipped:  # "none" typed at an optional question is nothing named, not a skip
            return "none" if self.raw else "skipped"
        if self.numbers is not None:
            return ", ".join(
                f"{name} {format_number(v, question.kind, self.currency)}"
                for name, v in self.numbers.items()
            )
        if self.number is not None:
            return with_unit(format_number(self.number, question.kind, self.currency), question)
        if self.choices is not None:
            return ", ".join(question.label_of(v) for v in self.choices) or "none of the options"
        if self.items is not None:
            return "; ".join(self.items)
        return self.text or ""


def with_unit(shown: str, question: Question) -> str:
    """A count said back with what it counts and its period: "2 engineer-days a month"."""
    unit = "tokens" if question.kind is NumberKind.TOKENS else question.unit
    if not unit:
        return shown
    one = shown.lstrip("$€£¥") == "1"
    singular = "person" if unit == "people" else unit[:-1] if unit.endswith("s") else unit
    shown += f" {singular if one else unit}"  # "1 engineer-day", "1 person"
    return f"{shown} a {question.per}" if isinstance(question.per, str) else shown


def clean_text(raw: str) -> str:
    """Untrusted text made safe to store and echo: no control characters, bounded length."""
    if raw.isascii() and raw.isprintable():  # the usual case: nothing to normalise or drop
        return raw.strip()[:MAX_ANSWER_CHARS]
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return text.strip()[:MAX_ANSWER_CHARS]


def clip(text: str, limit: int) -> str:
    """Words quoted back cut to ``limit`` characters, an ellipsis saying so."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "KRW": "₩"}


def format_money(value: float, currency: str | None) -> str:
    whole = value == round(value) or abs(value) >= 1_000_000
    digits = f"{abs(value):,.0f}" if whole else f"{abs(value):,.2f}"
    sign = "−" if value < 0 else ""
    if currency is None:
        return f"{sign}{digits}"
    symbol = SYMBOLS.get(currency)
    return f"{sign}{symbol}{digits}" if symbol else f"{sign}{digits} {currency}"


def format_number(value: float, kind: NumberKind | None, currency: str | None = None) -> str:
    if kind is NumberKind.MONEY:
        return format_money(value, currency)
    if kind is NumberKind.PERCENT:
        return f"{plain(value)}%"
    if kind is NumberKind.DURATION_MS:
        if value >= 60_000 and value % 60_000 == 0:
            return f"{plain(value / 60_000)} min"
        if value >= 1000:
            return f"{plain(value / 1000)} s"
        return f"{plain(value * 1000)} µs" if 0 < value < 1 else f"{plain(value)} ms"
    if kind is NumberKind.HOURS and 0 < value < 1:  # "35 minutes a week": not "0.58 hours"
        minutes = round(value * 60, 1)  # a tenth of a minute: it reads back as typed
        return f"{plain(minutes)} minute{'' if minutes == 1 else 's'}"
    if kind in (NumberKind.MONTHS, NumberKind.HOURS):
        unit = "month" if kind is NumberKind.MONTHS else "hour"
        return f"{plain(_sensible(value))} {unit}{'' if _sensible(value) == 1 else 's'}"
    return f"{value:,.0f}" if value == round(value) else f"{value:,.2f}"


def _sensible(value: float) -> float:
    """Hours and months worked out from a rate ("half a day a week" is 17.392857 hours a
    month) are said to two decimals at most (17.39), as a typed 2.25 or 10.01 is said back."""
    return round(value, 2)


def plain(value: float) -> str:
    """Grouped, up to six decimals, no exponent: 1,744,000 · 2.5 · 0.0005."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
