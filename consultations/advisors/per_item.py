"""One answer, several items: "we can replay the warehouse one in our simulator, invoices
against the ERP" holds a different option for each workflow it names.

The answer is cut into clauses; each clause that names items (by a word of four letters or
more, in any form) gives them the option its own words pick. Items no clause names, when
others are named, get the option of a clause about "the rest" ("none for the others") or of
one said before any item ("a refund, but for invoices a fine"), else the option below the
weakest named one: the answer limited itself to those it named. Nothing
named, or "all of them": the one option holds for every item.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from consultations.answers import AnswerError, parse_answer
from consultations.answers.choices import PARTLY, SAME_AS_BEFORE, stem
from consultations.answers.labelled import CLAUSES, LABEL, told_next
from consultations.answers.largest import period_shared
from consultations.scripts import Question

# a comma or point between digits is a thousands separator ("5.000 EUR", "30,000"), no cut
_VALUE_CLAUSE = re.compile(r"(?<!\d)[;,]|[;,](?!\d)|\s+(?:and|but|while|\+)\s+", re.I)
_ALL = re.compile(r"\b(?:all|every|each|both)\b", re.I)
_REST = re.compile(
    r"\b(?:the rest|the others?|other ones|everything else|all else|the remaining|"
    r"remaining ones)\b",
    re.I,
)


@dataclass(frozen=True)
class PerItem:
    options: dict[str, str]  # item -> option value
    named: frozenset[str]  # items the answer named (the rest were read as "less")
    by_rest: bool = False  # the items not named took the option said for "the rest"
    unread: frozenset[str] = frozenset()  # named only by words that match no option

    def limited(self) -> bool:
        return bool(self.named) and len(self.named) < len(self.options)


def per_item(
    items: Sequence[str], value: str, raw: str, question: Question, rank: Mapping[str, float]
) -> PerItem:
    """``value``: the answer's option; ``rank``: each option's worth (higher is better)."""
    found: dict[str, str] = {}
    rest: str | None = None  # "none for the others": the option for the items not named
    unread: set[str] = set()  # named, but only by words that pick no option: read as ``value``
    picked: set[str] = set()
    said = _option_words(question)  # "an unhappy customer" names the option, not a workflow
    last: str | None = None  # the option the last clause with one picked
    waiting: list[str] = []  # "bed allocation and OR scheduling: a simulator": named first
    clauses = [c for c in CLAUSES.split(raw) if c.strip()]
    picks = {c: _pick(question, c, rank) for c in clauses}
    for clause, *told in told_next(  # "customs: yes, checkable against the tariff db"
        clauses, lambda c: picks[c] is not None, lambda c: bool(_named_in(items, c, said))
    ):
        named = _named_in(items, clause, said)
        pick = picks[told[0]] if told else picks[clause]
        if named and not pick and not last and not told and _bare(clause, named):
            waiting += named  # their words come in the clause after
            continue
        if pick and named and waiting:
            named, waiting = [*waiting, *named], []
        if named and not pick and not told:  # "invoice yes": the words beside the name pick
            own = _without_names(clause, named)
            pick = _pick(question, own, rank)
            if not pick and PARTLY.fullmatch(own):  # "refunds partly": the cautious option
                pick = min(rank, key=lambda o: rank[o])
        if (
            named and not pick and last and (SAME_AS_BEFORE.search(clause) or _bare(clause, named))
        ):  # "customs declarations too"; "yes for invoices and refunds"
            pick = last
        last = pick or last
        for w in named:
            found.setdefault(w, pick or value)
        (picked if pick else unread).update(named)  # "dispatch is just a late truck": unread
        if not named and pick and (_REST.search(clause) or not found):
            rest = rest or pick  # or said before any item: "a refund, but for invoices a fine"
    for w in waiting:  # no words came after them: read as the whole answer
        found.setdefault(w, value)
        unread.add(w)
    if not found or (_ALL.search(raw) and len(found) < len(items)):
        return PerItem(dict.fromkeys(items, value), frozenset())
    order = sorted(rank, key=lambda o: -rank[o])
    low = min(found.values(), key=lambda o: rank[o])
    below = rest or order[min(order.index(low) + 1, len(order) - 1)]
    return PerItem(
        {w: found.get(w, below) for w in items},
        frozenset(found),
        rest is not None,
        frozenset(unread - picked),
    )


def _named_in(items: Sequence[str], clause: str, said: frozenset[str]) -> list[str]:
    """The items a clause names. Before a "=" or ":" a word names an item even when it is
    also an option's word ("complaint routing = annoyed customer" names the complaints one)."""
    subject, *told = LABEL.split(clause, maxsplit=1)
    if told and subject.strip():
        named = [w for w in items if _names(w, subject)]
        if named:
            return named
    return [w for w in items if _names(w, clause, said)]


_FILLER = {"the", "for", "our", "one", "ones", "also", "with", "of", "on", "to", "a", "an"}


def _name_words(items: Sequence[str]) -> set[str]:
    return {stem(w) for i in items for w in _LETTERS.findall(i.casefold())}


def _without_names(clause: str, named: Sequence[str]) -> str:
    """The clause without the words of the items it names: "invoice yes" → "yes"."""
    own = _name_words(named)
    kept = [w for w in _LETTERS.findall(clause) if stem(w.casefold()) not in own]
    return " ".join(w for w in kept if w.casefold() not in _FILLER)


def _bare(clause: str, named: Sequence[str]) -> bool:
    """A clause that only names items ("refunds" in "yes for invoices and refunds")."""
    return not _without_names(clause, named)


def weakest(picked: Sequence[str], rank: Mapping[str, float]) -> str:
    """Of several options an answer gave without naming items, the one to assume for all."""
    return min(picked, key=lambda o: rank[o])


_CODE = re.compile(r"\b(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)+\b")  # "10-k", "w-2"
_LETTERS = re.compile(r"[^\W\d_]+")  # "Regressprüfung" is one word, not "regresspr" + "fung"
COMPOUND_HEAD = 5  # "Gutachter" names "Gutachtersteuerung": a compound's first word, 5+ letters


def _names(item: str, clause: str, options: frozenset[str] = frozenset()) -> bool:
    """Whether the clause names the item by a word of its own, or by the first word of a
    compound ("the Regress stuff": Regressprüfung); ``options``: words that name an answer's
    option ("customer" in "an unhappy customer"), which name no item."""
    said = _LETTERS.findall(clause.casefold())
    typed = {stem(t) for t in said} - options
    own = [w for w in _LETTERS.findall(item.casefold()) if len(w) >= 4]
    if any(stem(w) in typed for w in own):
        return True
    acronyms = {w.casefold() for w in _LETTERS.findall(item) if len(w) == 3 and w.isupper()}
    if any(t in acronyms or t[:-1] in acronyms and t[-1] == "s" for t in said):  # "NDAs"
        return True
    codes = {c for c in _CODE.findall(item.casefold()) if re.search(r"\d", c)}  # "10-K"
    if codes and any(t in codes or t[:-1] in codes for t in _CODE.findall(clause.casefold())):
        return True  # "10-Ks are 60-120k tokens" names "the 10-K summariser"
    heads = [t for t in said if len(t) >= COMPOUND_HEAD]  # an option's word too: "Gutachter"
    # a compound's first word ("Gutachter"), or its last, which says what it is: "Protokolle"
    # names "Wartungsprotokolle"
    return any(
        (w.startswith(t) or w.endswith(t)) and len(w) >= len(t) + 3 for w in own for t in heads
    )


def _option_words(question: Question) -> frozenset[str]:
    return frozenset(
        stem(t)
        for c in question.choices
        for phrase in (c.label, *c.synonyms)
        for t in re.findall(r"[a-z]{4,}", phrase.casefold())
    )


def _pick(question: Question, clause: str, rank: Mapping[str, float]) -> str | None:
    """The clause's option; of two in one clause ("photos I can check by eye"), the weaker."""
    try:
        choices = parse_answer(question, clause).choices
    except AnswerError:
        return None
    return min(choices, key=lambda o: rank.get(o, 0.0)) if choices else None


def named_one(items: Sequence[str], raw: str) -> str | None:
    """The one item an answer names ("40k a month for the invoice one"), if exactly one."""
    named = [w for w in items if _names(w, raw)]
    return named[0] if len(named) == 1 else None


def values_named(items: Sequence[str], raw: str, question: Question) -> dict[str, float]:
    """A figure per item, where the answer gives them so ("40-60k for claims, invoices ~8k"):
    each clause naming exactly one item and holding one figure."""
    found: dict[str, float] = {}
    raw, _ = period_shared(raw)  # "invoices 140k/yr, slotting 1,5 Mio €": both a year
    units = _unit_words(question)  # "40k calls/month" names no "summariser for earnings calls"
    for clause in (c for c in _VALUE_CLAUSE.split(raw) if c.strip()):
        named = [w for w in items if _names(w, clause, units)]
        if len(named) != 1:
            continue
        try:
            figure = parse_answer(question, clause).number
        except AnswerError:
            continue
        if figure is not None:
            found.setdefault(named[0], figure)
    return found


def _unit_words(question: Question) -> frozenset[str]:
    """The words a figure's unit is said in ("calls", "hours", "tokens"): they name no item."""
    said = f"{question.unit or ''} {question.kind or ''}".casefold()
    return frozenset(stem(t) for t in re.findall(r"[a-z]{4,}", said))


def values_said(raw: str, question: Question) -> list[float]:
    """Every figure an answer gives, one per clause ("pages 1-2k tokens, the whole workspace
    400k": 1,500 and 400,000)."""
    found: list[float] = []
    for clause in (c for c in _VALUE_CLAUSE.split(raw) if c.strip()):
        try:
            figure = parse_answer(question, clause).number
        except AnswerError:
            continue
        if figure is not None:
            found.append(figure)
    return found
