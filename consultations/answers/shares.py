"""Shares said in words: "mostly failure, some cost, compute barely" for a question that asks
how much each of its parts matters in percent. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

_LEVELS = (
    (  # "failure not so much": a little, not none (before the bare "not" below)
        1,
        r"not (?:so|that|too|very) much|not much|not a lot|not (?:so|that|too|very) (?:important|"
        r"relevant)|not as much|less so|weniger|nicht so (?:sehr|wichtig)|pas (?:trop|tellement)",
    ),
    (
        0,
        r"not at all|not|none|no|zero|don'?t care|irrelevant|doesn'?t matter|does not matter|"
        r"never|nothing|n/a|ignore",
    ),
    (1, r"barely|hardly|little|a little|a bit|slightly|less|low|least|minor"),
    (3, r"mostly|mainly|primarily|most|heavily|a lot|very|high|above all|first"),
    (2, r"some|somewhat|moderately|partly|medium|also|too|equally"),
)
_EVEN = re.compile(
    r"(?:all\s+)?(?:equal(?:ly)?|the same|same|even(?:ly)?|all (?:three|of them) "
    r"equally|no preference)(?: weights?| weighted)?|(?:alle\s+)?gleich(?:\s*gewichtet|\s*viel|"
    r"\s*wichtig|mäßig)?|(?:à\s+)?parts? égales?|pareil|(?:tous\s+)?égaux|également",
    re.I,
)
_CLAUSE = re.compile(r"[,;/]|\band\b|\bthen\b", re.I)


def shares_in_words(parts: Sequence[str], text: str) -> dict[str, float] | None:
    """Percent per part, from a level word beside each part's name (a part named without one
    counts as "some"); None unless every part is named or the unnamed ones can be read as
    none. The levels: most 3, some 2, little 1, none 0."""
    if _EVEN.fullmatch(text.strip(" .!")):  # "equal", "all the same"
        levels = dict.fromkeys(parts, 2)
        text = ""
    else:
        levels = {}
    for clause in _CLAUSE.split(text.casefold().replace("’", "'")):
        named = [p for p in parts if re.search(rf"\b{re.escape(p)}\b", clause)]
        if len(named) != 1:
            continue
        levels[named[0]] = next(
            (n for n, words in _LEVELS if re.search(rf"\b(?:{words})\b", clause)), 2
        )
    levels = _ranked(parts, text) or levels
    if len(levels) == 1:  # "mostly cost": the others a little; "only failure": the others none
        ((one, level),) = levels.items()
        if _ONLY.search(text):
            levels = {p: int(p == one) for p in parts}
        elif level == 3:
            levels = {p: 3 if p == one else 1 for p in parts}
    if len(levels) < 2 or not any(levels.values()):
        return None
    total = sum(levels.values())
    shares = {p: 100 * levels.get(p, 0) / total for p in parts}
    rounded = {p: float(round(v)) for p, v in shares.items()}
    drift = 100 - sum(rounded.values())  # 33 + 50 + 17: keep the sum at exactly 100
    if drift:
        top = max(rounded, key=lambda p: shares[p] - rounded[p] if drift > 0 else rounded[p])
        rounded[top] += drift
    return rounded


_FRACTION = {"½": 2, "⅓": 3, "¼": 4, "⅕": 5, "half": 2, "third": 3, "quarter": 4, "fifth": 5}
_EACH = re.compile(
    r"(?:(?:a|one)\s+)?(?:1\s*[/⁄]\s*(?P<over>\d)|(?P<glyph>[½⅓¼⅕])|(?P<word>half|third|quarter|"
    r"fifth))|(?P<share>\d{1,2}(?:\.\d+)?|\.\d+)(?:\s*(?P<percent>%))?",
    re.I,
)
_EACH_AFTER = re.compile(r"\s+(?:each|apiece|for each|for all(?: three| of them)?|jeweils|chacun)")


def each_alike(parts: Sequence[str], text: str) -> tuple[dict[str, float], str | None] | None:
    """ "33% each": that share for every part; "1/3 each", "⅓ each": the parts even, when
    that many parts there are (a fraction that does not fit is left to be asked); said."""
    text = text.strip().rstrip(" .!").casefold()
    m = _EACH.match(text)
    if m is None or not _EACH_AFTER.fullmatch(text, m.end()):
        return None
    share = float(m.group("share")) if m.group("share") else None
    if share is not None and (share >= 1 or m.group("percent")):
        return dict.fromkeys(parts, share), None  # said back as typed: "cost 33%, …"
    if share is not None:  # "0.33 each", and "⅓" reaches here written out
        over = round(1 / share) if share and abs(share * round(1 / share) - 1) < 0.02 else 0
    else:
        over = int(m.group("over") or _FRACTION[m.group("glyph") or m.group("word")])
    if over != len(parts):
        return None
    shares = shares_in_words(parts, "equal")
    return (shares, "read as equal shares") if shares else None


_ONLY = re.compile(r"\b(?:only|just|solely|purely|exclusively)\b", re.I)
_RANKING = re.compile(r"^\s*([a-z]+)\s*>\s*([a-z]+)(?:\s*>\s*([a-z]+))?\s*$", re.I)


def _ranked(parts: Sequence[str], text: str) -> dict[str, int] | None:
    """ "cost > failure > compute": 3, 2, 1 in that order (a part left out is none)."""
    m = _RANKING.match(text)
    names = [g.casefold() for g in m.groups() if g] if m else []
    if not names or any(n not in parts for n in names) or len(set(names)) != len(names):
        return None
    return {p: 3 - names.index(p) if p in names else 0 for p in parts}


def fractions_of_one(values: dict[str, float], text: str) -> tuple[dict[str, float], str] | None:
    """Shares typed as fractions ("cost 0.5 failure 0.3 compute 0.2"): as percent, said."""
    total = sum(values.values())
    if "%" in text or len(values) < 2 or any(v > 1 for v in values.values()):
        return None
    if abs(total - 1) > 0.02:
        return None
    return {p: round(100 * v, 2) for p, v in values.items()}, "read as fractions of 1"
