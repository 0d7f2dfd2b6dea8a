"""Two-part figures ("1200 in, 300 out", "$30k box, 2k a month"): which number is which part.

Each number goes to the part whose naming words sit nearest to it, on its own side of a comma
or "and"; numbers left over fill the parts in order. A part the words say costs nothing ("we
already own the GPUs") is none, said back.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from consultations.answers.amounts import typed_figure
from consultations.answers.lexer import Quantity
from consultations.answers.model import AnswerError
from consultations.scripts import NumberKind, Question

_DEFAULT_WORDS = {
    "input": ("in", "input", "inputs", "prompt", "prompts", "context", "question", "questions"),
    "output": (
        "out",
        "output",
        "outputs",
        "completion",
        "completions",
        "response",
        "responses",
        "answer",
        "answers",
        "reply",
        "replies",
    ),
}


def assign_parts(question: Question, text: str, found: list[Quantity]) -> dict[str, Quantity]:
    parts = question.parts
    if len(found) < len(parts) and (none := parts_said_none(question, text.casefold())):
        left = tuple(p for p in parts if p not in none)
        fewer = question.model_copy(update={"parts": left, "part_none": {}})
        given = assign_parts(fewer, text, found) if left else {}
        zero = {p: Quantity((0.0,), 0, 0, note=f"{p} read as none: {none[p]}") for p in none}
        return {part: given.get(part) or zero[part] for part in parts}
    if (
        len(found) == len(parts) - 1
        and question.maximum == 100
        and (rest := _the_rest(question, text, found))
    ):
        return rest
    if len(found) == 1 and len(parts) == 2 and (lone := _lone(question, text, found[0])):
        return lone  # "blended $5 per million": one price for both
    if len(found) < len(parts):
        names = " and ".join(parts)
        need = f"the {names} figure" if len(parts) == 1 else f"{len(parts)} numbers here: {names}"
        raise AnswerError(f"I need {need}{example(question)}.")  # never "1 numbers"
    if len(found) == len(parts) and all(
        _SLASHED.match(text[a.end : b.start]) for a, b in zip(found, found[1:], strict=False)
    ):  # "cost, failure, compute — 50/35/15": in the order the words named them
        order = _named_order(question, text[: found[0].start]) or parts
        return dict(zip(order, found, strict=True))
    nearest = _nearest(question, text, found)
    assert nearest is not None  # only ``named_only`` gives None
    return _left_out_said(nearest[0], found)


def _left_out_said(chosen: dict[str, Quantity], found: list[Quantity]) -> dict[str, Quantity]:
    """ "30k hardware, 2k a month, 5k setup": the figure no part took is said, not dropped."""
    left = [q for q in found if all(q is not c for c in chosen.values())]
    if not left:
        return chosen
    shown = ", ".join(f"“{q.text.strip()}”" for q in left)
    said = f"{shown} left out: retype the answer with it added to a part if it counts"
    last = list(chosen)[-1]
    q = chosen[last]
    return {**chosen, last: replace(q, note="; ".join(filter(None, [q.note, said])))}


_SLASHED = re.compile(r"^\s*%?\s*/\s*[$€£¥]?\s*$")


def _named_order(question: Question, before: str) -> tuple[str, ...] | None:
    """The parts in the order the words before a slashed group name them; None unless each
    is named."""
    folded = before.casefold()
    at: dict[str, int] = {}
    for part in question.parts:
        m = words_pattern(part_words(question, part)).search(folded)
        if m is None:
            return None
        at[part] = m.start()
    return tuple(sorted(question.parts, key=at.__getitem__))


def _the_rest(question: Question, text: str, found: list[Quantity]) -> dict[str, Quantity] | None:
    """Shares of 100 with one part left out ("cost 60 failure 40"): that part is the rest,
    said back; None unless every number sits by a part's name and they leave a rest. The
    part left out is the one whose absence fits the words best ("…, no compute")."""
    best: tuple[int, str, dict[str, Quantity]] | None = None
    for missing in question.parts:
        left_in = tuple(p for p in question.parts if p != missing)
        named = _nearest(question.model_copy(update={"parts": left_in}), text, found, True)
        if named is not None and (best is None or named[1] < best[0]):
            best = (named[1], missing, named[0])
    if best is None or any(len(q.readings) != 1 for q in best[2].values()):
        return None
    _, missing, given = best
    left = 100 - sum(q.readings[0] for q in given.values())
    if left < 0:
        return None
    rest = Quantity((left,), 0, 0, note=f"{missing} read as the rest: {left:g}%")
    return {part: given.get(part) or rest for part in question.parts}


def _nearest(
    question: Question, text: str, found: list[Quantity], named_only: bool = False
) -> tuple[dict[str, Quantity], int] | None:
    """Each number to the part named nearest it (leftovers in order), and the distances'
    sum; with ``named_only``, None when a number sits by no part's name."""
    parts = question.parts
    scores: list[tuple[int, int, str]] = []
    folded = text.casefold()
    side = _writers_side(question, folded, found)
    for i, q in enumerate(found):
        before = folded[found[i - 1].end if i else 0 : q.start]
        after = folded[q.end : found[i + 1].start if i + 1 < len(found) else len(folded)]
        before, after = ("", after) if side == "after" else (before, "" if side else after)
        for part in parts:
            words = part_words(question, part)
            dist = _distance(before, after, words)
            if dist is not None:
                scores.append((dist, i, part))
    chosen: dict[str, Quantity] = {}
    used: set[int] = set()
    total = 0
    for dist, i, part in sorted(scores):
        if part not in chosen and i not in used:
            chosen[part], used, total = found[i], used | {i}, total + dist
    if named_only and (len(chosen) < len(parts) or len(used) < len(found)):
        return None  # a number by no part's name: not a share left out
    rest = [q for i, q in enumerate(found) if i not in used]
    for part in parts:
        if part not in chosen:
            chosen[part] = rest.pop(0)
    return {part: chosen[part] for part in parts}, total


def _writers_side(question: Question, folded: str, found: list[Quantity]) -> str | None:
    """Which side of its number the writer puts each part's name: "before" when the line opens
    with a name and ends with a number ("cost 50 failure 30 compute 20"), "after" the other
    way round ("50 cost 30 failure 20 compute"), None when the line does not say."""
    if len(found) < 2:
        return None
    named = [words_pattern(part_words(question, p)) for p in question.parts]
    lead = any(p.search(folded[: found[0].start]) for p in named)
    tail = any(p.search(folded[found[-1].end :]) for p in named)
    return "before" if lead and not tail else "after" if tail and not lead else None


_CLAUSE_BREAK = re.compile(r"[,;]|\band\b")
_ACROSS = 1_000  # a word across a comma or "and" names the number on its own side first


def parts_said_none(question: Question, folded: str) -> dict[str, str]:
    """The parts the words say cost nothing ("we already own the GPUs"), with the words."""
    said = {}
    for part, cues in question.part_none.items():
        if cue := next((c for c in cues if c in folded), None):
            said[part] = f"you said “{cue}”"
    return said


def part_words(question: Question, part: str) -> tuple[str, ...]:
    """The words that name one part of a question in a sentence ("in", "a month")."""
    return question.part_words.get(part) or _DEFAULT_WORDS.get(part) or (part,)


def _distance(before: str, after: str, words: tuple[str, ...]) -> int | None:
    """How close the nearest word naming a part is to the number (after it, or before it);
    "$2.50/1M in, $10/1M out": the "in" before $10 belongs to the clause before the comma."""
    pattern = words_pattern(words)
    found: list[int] = []
    if m := pattern.search(after):
        found.append(m.start() + (_ACROSS if _CLAUSE_BREAK.search(after[: m.start()]) else 0))
    hits = list(pattern.finditer(before))
    if hits:
        gap = before[hits[-1].end() :]
        found.append(len(gap) + (_ACROSS if _CLAUSE_BREAK.search(gap) else 0))
    return min(found) if found else None


@functools.lru_cache(maxsize=256)
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words``, whole; one that starts with a sign may follow a letter ("3k/mo")."""
    alternatives = "|".join(
        ("(?<![a-z])" if w[:1].isalpha() else "") + re.escape(w.casefold())
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?:{alternatives})(?![a-z])")


def example(question: Question) -> str:
    return f", for example {question.example}" if question.example else ""


class PartMissing(AnswerError):
    """One part of a two-part figure given ("a mac studio for 5k"): the other is asked for."""

    def __init__(self, given: str, figure: Quantity, missing: str) -> None:
        super().__init__(f"I need the {missing} too.")
        self.given, self.figure, self.missing = given, figure, missing


_BOTH = re.compile(
    r"\b(?:blended|flat|same (?:price )?(?:for|in and out|both)|for both|both ways|either way|"
    r"each way|each direction|"
    r"in and out|input and output|in or out|across (?:the )?board)\b",
    re.I,
)


def _lone(question: Question, text: str, q: Quantity) -> dict[str, Quantity] | None:
    """One figure at a two-part question: for both parts when the words say it is one price
    for both ("blended $5"), said back; else ``PartMissing`` for the part it does not fill
    (a figure per month fills the monthly part, a one-off the up-front one); None when
    nothing says which part it is."""
    parts = question.parts
    if set(parts) == {"input", "output"} and _BOTH.search(text):
        one = "one price" if question.kind is NumberKind.MONEY else "the same each way"
        note = f"{typed_figure(text, q)} read as both {' and '.join(parts)} ({one})"
        return {p: replace(q, note=note) for p in parts}
    folded = text.casefold()
    named = [p for p in parts if words_pattern(part_words(question, p)).search(folded)]
    timed = [p for p in parts if question.period(p)]
    if len(named) != 1 and len(timed) == 1:  # "5k" at hardware + a month: the one-off part
        named = timed if q.rate else [p for p in parts if p not in timed]
    if len(named) != 1:
        return None
    raise PartMissing(named[0], q, next(p for p in parts if p != named[0]))
