"""Reading answers as people type them: numbers with units, choices, lists and free text.

Pure functions. ``parse_answer`` returns an :class:`Answer` or raises :class:`AnswerError`
with a short reason that is shown to the user with the question again.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from pydantic import BaseModel, ConfigDict

from consultations.scripts import NumberKind, Question, QuestionType

MAX_ANSWER_CHARS = 4000


class AnswerError(ValueError):
    """An answer that does not fit its question; the message says why, briefly."""


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

    def display(self, question: Question) -> str:
        """How we read the answer, said back to the user."""
        if self.skipped:
            return "skipped"
        if self.numbers is not None:
            return ", ".join(
                f"{name} {format_number(v, question.kind, self.currency)}"
                for name, v in self.numbers.items()
            )
        if self.number is not None:
            return format_number(self.number, question.kind, self.currency)
        if self.choices is not None:
            labels = {c.value: c.label for c in question.choices}
            return ", ".join(labels[v] for v in self.choices)
        if self.items is not None:
            return "; ".join(self.items)
        return self.text or ""


def clean_text(raw: str) -> str:
    """Untrusted text made safe to store and echo: no control characters, bounded length."""
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return text.strip()[:MAX_ANSWER_CHARS]


def parse_answer(question: Question, raw: str) -> Answer:
    text = clean_text(raw)
    if not text:
        raise AnswerError("I did not catch an answer.")
    match question.type:
        case QuestionType.TEXT:
            if len(text) < 2:
                raise AnswerError("A few words, please.")
            return Answer(key=question.key, raw=text, text=text)
        case QuestionType.LIST:
            items = split_list(text)[: question.max_items]
            if not items:
                raise AnswerError("List at least one item, separated by commas or new lines.")
            return Answer(key=question.key, raw=text, items=tuple(items))
        case QuestionType.CHOICE:
            return Answer(key=question.key, raw=text, choices=parse_choice(question, text))
        case QuestionType.NUMBER:
            return _number_answer(question, text)
    raise AssertionError(question.type)  # pragma: no cover


# --- lists ---------------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2023\u25e6]|\d{1,2}[.)])\s+")


def split_list(text: str) -> list[str]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > 1:
        parts = lines
    elif ";" in text:
        parts = text.split(";")
    else:
        parts = _split_commas(text)
    seen: dict[str, str] = {}
    for part in parts:
        item = _BULLET.sub("", part).strip(" \t.,;")
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return list(seen.values())


def _split_commas(text: str) -> list[str]:
    """Split on commas outside parentheses, and on a final ', and' / ' and ' only after commas."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    if len(parts) > 1:
        last = re.sub(r"^\s*and\s+", "", parts[-1])
        parts[-1] = last
    return parts


# --- choices -------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")


def parse_choice(question: Question, text: str) -> tuple[str, ...]:
    choices = question.choices
    folded = text.casefold().strip(" .!")
    numbers = re.fullmatch(r"\d{1,2}(?:\s*(?:,|and|&|\s)\s*\d{1,2})*", folded)
    if numbers:
        picks = [int(n) for n in re.findall(r"\d{1,2}", folded)]
        if any(p < 1 or p > len(choices) for p in picks):
            raise AnswerError(f"Pick a number from 1 to {len(choices)}.")
        values = tuple(dict.fromkeys(choices[p - 1].value for p in picks))
        return _one_or_many(question, values)

    words = set(_WORD.findall(folded))
    exact = [c.value for c in choices if folded in _names(c)]
    if exact:
        return (exact[0],)
    hits = [c.value for c in choices if any(_contains(folded, words, n) for n in _names(c))]
    if hits:
        return _one_or_many(question, tuple(hits))
    names = {n: c.value for c in choices for n in _names(c)}
    close = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.75)
    if close:
        return (names[close[0]],)
    options = ", ".join(f"{i}. {c.label}" for i, c in enumerate(choices, 1))
    raise AnswerError(f"Pick one of: {options} (a number or the words will do).")


def _names(choice: object) -> list[str]:
    c = choice
    return [c.value.replace("-", " ").replace("_", " "), c.label.casefold(), *c.synonyms]  # type: ignore[attr-defined]


def _contains(folded: str, words: set[str], name: str) -> bool:
    name = name.casefold()
    if " " in name:
        return name in folded
    return name in words


def _one_or_many(question: Question, values: tuple[str, ...]) -> tuple[str, ...]:
    if len(values) > 1 and not question.multiple:
        labels = {c.value: c.label for c in question.choices}
        named = " or ".join(labels[v] for v in values)
        raise AnswerError(f"Just one, please: {named}?")
    return values


# --- numbers -------------------------------------------------------------------------------

_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
}
_CURRENCIES = {
    "$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
}
_SPACES = "\u00a0\u202f\u2009 "
_NUM = re.compile(
    r"(?<![\w.])(?P<neg>-)?(?P<num>\d{1,3}(?:(?P<sep>[,\u00a0\u202f\u2009 ])\d{3}(?!\d))"
    r"(?:(?P=sep)\d{3}(?!\d))*(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:\s?(?P<mult>k|mm|mn|mio|m|bn|b|thousand|millions?|billions?)(?![a-z]))?",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^\s*(?:-|–|to|or)\s*$")
_TIME_UNITS = {  # to milliseconds
    "ms": 1.0,
    "msec": 1.0,
    "millisecond": 1.0,
    "milliseconds": 1.0,
    "s": 1e3,
    "sec": 1e3,
    "secs": 1e3,
    "second": 1e3,
    "seconds": 1e3,
    "min": 6e4,
    "mins": 6e4,
    "minute": 6e4,
    "minutes": 6e4,
}
_SPAN_UNITS = {  # to months
    "month": 1.0,
    "months": 1.0,
    "mo": 1.0,
    "year": 12.0,
    "years": 12.0,
    "yr": 12.0,
    "yrs": 12.0,
    "y": 12.0,
    "week": 12 / 52,
    "weeks": 12 / 52,
}
_HOUR_UNITS = {
    "h": 1.0,
    "hr": 1.0,
    "hrs": 1.0,
    "hour": 1.0,
    "hours": 1.0,
    "min": 1 / 60,
    "mins": 1 / 60,
    "minutes": 1 / 60,
    "day": 8.0,
    "days": 8.0,
}
_ZERO_WORDS = {"none", "zero", "nothing", "nil", "no"}


class _Found(BaseModel):
    value: float
    start: int
    end: int
    factor: float = 1.0  # what k/M/B and the unit multiplied the written digits by


def find_numbers(text: str, kind: NumberKind | None = None) -> list[_Found]:
    """Every number in ``text``, with thousands separators, k/M/B and units applied."""
    found: list[_Found] = []
    for m in _NUM.finditer(text):
        digits = m.group("num")
        sep = m.group("sep")
        if sep:
            digits = digits.replace(sep, "")
        elif "," in digits:  # a lone comma: a decimal comma ("2,5") unless three digits follow
            head, tail = digits.split(",")
            digits = head + tail if len(tail) == 3 else f"{head}.{tail}"
        value = float(digits)
        if m.group("neg"):
            value = -value
        mult = (m.group("mult") or "").lower()
        end = m.end()
        if mult == "m" and kind in (NumberKind.DURATION_MS, NumberKind.MONTHS, NumberKind.HOURS):
            mult = ""  # "5m" of time means minutes or months, read by the unit below
            end = m.end("num")
        factor = _MULTIPLIERS[mult] if mult else 1.0
        scaled, end = _apply_unit(text, end, value * factor, kind)
        factor = scaled / value if value else factor
        found.append(_Found(value=scaled, start=m.start(), end=end, factor=factor))
    return found


def _apply_unit(text: str, end: int, value: float, kind: NumberKind | None) -> tuple[float, int]:
    table = (
        {
            NumberKind.DURATION_MS: _TIME_UNITS,
            NumberKind.MONTHS: _SPAN_UNITS,
            NumberKind.HOURS: _HOUR_UNITS,
        }.get(kind)
        if kind
        else None
    )
    if not table:
        return value, end
    unit = re.match(r"\s*([a-zµ]+)", text[end:], re.IGNORECASE)
    if unit:
        name = unit.group(1).lower()
        if name == "m" and kind is NumberKind.DURATION_MS:
            name = "min"
        if name in table:
            return value * table[name], end + unit.end()
    return value, end


def detect_currency(text: str) -> str | None:
    lowered = text.casefold()
    for symbol in ("$", "€", "£"):
        if symbol in lowered:
            return _CURRENCIES[symbol]
    for word in _WORD.findall(lowered):
        if word in _CURRENCIES:
            return _CURRENCIES[word]
    return None


def _number_answer(question: Question, text: str) -> Answer:
    kind = question.kind
    folded = text.casefold()
    currency = detect_currency(text) if kind is NumberKind.MONEY else None
    found = find_numbers(folded, kind)
    if not found and folded.strip(" .!") in _ZERO_WORDS:
        found = [_Found(value=0.0, start=0, end=len(folded))]
    if not found:
        if question.parts:
            need = f"{len(question.parts)} numbers here: {' and '.join(question.parts)}"
            raise AnswerError(f"I need {need}{_example(question)}.")
        raise AnswerError(f"I need a number here{_example(question)}.")
    if question.parts:
        values = _assign_parts(question, folded, found)
        for v in values.values():
            _check_bounds(question, v)
        return Answer(key=question.key, raw=text, numbers=values, currency=currency)
    value = _single(folded, found)
    _check_bounds(question, value)
    return Answer(key=question.key, raw=text, number=value, currency=currency)


def _single(text: str, found: list[_Found]) -> float:
    """One number; a range such as "2-3" or "2 to 3 seconds" is read as its midpoint."""
    if len(found) >= 2 and _RANGE.match(text[found[0].end : found[1].start]):
        low, high = found[0].value, found[1].value
        if found[0].factor == 1.0:  # "2-3 seconds", "5-6M": the unit came after the second only
            low *= found[1].factor
        return (low + high) / 2
    return found[0].value


def _assign_parts(question: Question, text: str, found: list[_Found]) -> dict[str, float]:
    parts = question.parts
    if len(found) < len(parts):
        names = " and ".join(parts)
        raise AnswerError(f"I need {len(parts)} numbers here: {names}{_example(question)}.")
    values: dict[str, float] = {}
    for item in found:
        after = text[item.end : item.end + 14]
        before = text[max(0, item.start - 14) : item.start]
        for part in parts:
            if part in values:
                continue
            alias = re.escape(part[:2] if part.startswith("in") else part[:3])
            if re.match(rf"\W*(?:tokens?\s+)?{alias}", after) or re.search(
                rf"{alias}\w*\W*$", before
            ):
                values[part] = item.value
                break
    if len(values) < len(parts):  # no labels (or not all): take them in order
        values = {part: item.value for part, item in zip(parts, found, strict=False)}
    return {part: values[part] for part in parts}


def _check_bounds(question: Question, value: float) -> None:
    low = 0.0 if question.minimum is None else question.minimum
    if value < low:
        raise AnswerError(f"That should be at least {format_number(low, question.kind)}.")
    if question.maximum is not None and value > question.maximum:
        raise AnswerError(
            f"That looks too high: at most {format_number(question.maximum, question.kind)}."
        )


def _example(question: Question) -> str:
    return f", for example {question.example}" if question.example else ""


def format_number(value: float, kind: NumberKind | None, currency: str | None = None) -> str:
    if kind is NumberKind.MONEY:
        symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency or "USD", "$")
        whole = value == round(value) or abs(value) >= 100
        return f"{symbol}{value:,.0f}" if whole else f"{symbol}{value:,.2f}"
    if kind is NumberKind.PERCENT:
        return f"{value:g}%"
    if kind is NumberKind.DURATION_MS:
        return f"{value / 1000:g} s" if value >= 1000 else f"{value:g} ms"
    if kind is NumberKind.MONTHS:
        return f"{value:g} months"
    if kind is NumberKind.HOURS:
        return f"{value:g} hours"
    return f"{value:,.0f}" if value == round(value) else f"{value:,.2f}"
