"""The offline scorer: vectorised phrase counts, numeric claims, canon and topic boosts. Pure.

Every phrase of the lexicon is a column of one sparse count matrix (titles and abstracts
apart, titles weighing more), multiplied by a weight matrix to give the three raw scores in
one product. Numeric claims ("3x faster", "4-bit", "40% less memory", named hardware) come
from a few compiled regular expressions. Scores are 0-1 per question; the combined score is
0-100.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from consultations.triage.lexicon import IGNORE, LEXICON, QUESTIONS
from consultations.triage.ngrams import Counts, PhraseCounter, weighted_dot
from consultations.triage.papers import Paper
from consultations.triage.profile import Profile

TITLE_WEIGHT = 1.6
ANSWERS_AT = 0.35  # a question counts as answered from this score up


_CLAIMS = {
    "speed": re.compile(
        r"\b\d+(?:\.\d+)?\s*(?:x|×|times)\s+(?:faster|speed-?ups?|higher throughput|fewer|less|"
        r"lower|cheaper|smaller|reduction|compression)\b"
        r"|(?:speed-?ups?|faster)\s+of\s+(?:up to\s+)?\d+(?:\.\d+)?\s*(?:x|×)",
        re.IGNORECASE,
    ),
    "percent": re.compile(
        r"\b\d+(?:\.\d+)?\s*%\s+(?:less|fewer|lower|reduction|faster|smaller|cheaper|savings?)\b"
        r"|\b(?:reduc\w*|sav\w*|cut\w*)\s+(?:\w+\s+){0,4}by\s+(?:up to\s+)?\d+(?:\.\d+)?\s*%",
        re.IGNORECASE,
    ),
    "bits": re.compile(r"\b[1-8]\s?-?\s?bits?\b", re.IGNORECASE),
    "hardware": re.compile(
        r"\b(?:H100s?|A100s?|V100s?|RTX\s?\d{4}|TPU\s?v?\d*|FPGAs?|Snapdragon|iPhones?|Android|"
        r"Jetson|Raspberry Pi|Apple (?:M[1-5]|silicon)|NPUs?|CPU-only|WebGPU|microcontrollers?"
        r"|MLX)\b",
        re.IGNORECASE,
    ),
    "device": re.compile(
        r"\bon-device\b|\bin[- ]browser\b|\bin the browser\b|\bedge devices?\b", re.IGNORECASE
    ),
}
# raw points each kind of claim adds to (cost, failure, compute)
_CLAIM_POINTS = {
    "speed": (2.0, 0.0, 0.0),
    "percent": (1.5, 0.0, 0.0),
    "bits": (1.5, 0.0, 1.0),
    "hardware": (0.0, 0.0, 2.0),
    "device": (0.5, 0.0, 2.5),
}


_PHRASES = sorted({p for words in LEXICON.values() for p in words} | set(IGNORE))
_INDEX = {p: i for i, p in enumerate(_PHRASES)}
_WEIGHTS = np.zeros((len(_PHRASES), len(QUESTIONS)), dtype=np.float32)
for _q, (_name, _words) in enumerate((n, LEXICON[n]) for n in QUESTIONS):
    for _p, _w in _words.items():
        _WEIGHTS[_INDEX[_p], _q] = _w
_PENALTY = np.zeros(len(_PHRASES), dtype=np.float32)
for _p, _w in IGNORE.items():
    _PENALTY[_INDEX[_p]] = _w
_COUNTER = PhraseCounter(_PHRASES)


@dataclass
class Scores:
    """Scores for a batch of papers, in input order."""

    combined: np.ndarray  # (n,) 0-100
    per_question: np.ndarray  # (n, 3) 0-1
    canon: list[list[str]]  # canon names matched per paper
    claims: list[list[str]]  # numeric claims found per paper
    penalty: np.ndarray  # (n,)
    _title_counts: Counts | None = field(repr=False, default=None)
    _abstract_counts: Counts | None = field(repr=False, default=None)

    def phrases(self, i: int, question: int, limit: int = 3) -> list[str]:
        """The lexicon phrases that drove question ``question`` for paper ``i``."""
        assert self._title_counts is not None and self._abstract_counts is not None
        total: dict[int, float] = {}
        for counts, scale in ((self._title_counts, TITLE_WEIGHT), (self._abstract_counts, 1.0)):
            cols, data = counts.row(i)
            for c, d in zip(cols.tolist(), data.tolist(), strict=True):
                total[c] = total.get(c, 0.0) + scale * d * float(_WEIGHTS[c, question])
        ranked = sorted(total.items(), key=lambda cw: -cw[1])
        return [_PHRASES[c] for c, w in ranked[:limit] if w > 0]


def _prepare(text: str) -> str:
    return text.replace("-", " ")


def score(papers: Sequence[Paper], profile: Profile | None = None) -> Scores:
    profile = profile or Profile()
    n = len(papers)
    # a phrase counts at most twice
    titles = _COUNTER.count([_prepare(p.title) for p in papers]).clipped(2)
    abstracts = _COUNTER.count([_prepare(p.abstract) for p in papers]).clipped(2)
    parts = [(titles, TITLE_WEIGHT), (abstracts, 1.0)]
    raw = weighted_dot(parts, _WEIGHTS).astype(np.float32)  # (n, 3)
    penalty = weighted_dot(parts, _PENALTY)

    claims: list[list[str]] = []
    claim_points = np.zeros((n, 3), dtype=np.float32)
    points = {k: np.array(v, dtype=np.float32) for k, v in _CLAIM_POINTS.items()}
    for i, p in enumerate(papers):
        text = f"{p.title}. {p.abstract}"
        found: list[str] = []
        for kind, pattern in _CLAIMS.items():
            hits = pattern.findall(text)
            if hits:
                found.extend(h.strip() for h in hits[:2])
                claim_points[i] += points[kind]
        claims.append(list(dict.fromkeys(found)))
    raw += claim_points

    if profile.topics:
        topic_hits = _count_matches([f"{p.title} {p.abstract}" for p in papers], profile.topics)
    else:
        topic_hits = [[] for _ in papers]
    canon = (
        _count_matches([" ; ".join((*p.authors, *p.affiliations)) for p in papers], profile.canon)
        if profile.canon
        else [[] for _ in papers]
    )

    per_q = 1.0 - np.exp(-raw / 3.0)
    w = np.array([profile.weights[q] for q in QUESTIONS], dtype=np.float32)
    base = per_q @ w + 0.5 * per_q.max(axis=1)
    boost = np.array(
        [0.15 * bool(c) + min(0.2, 0.1 * len(t)) for c, t in zip(canon, topic_hits, strict=True)]
    )
    combined = np.clip(base / 1.5 + boost - 0.15 * np.minimum(penalty, 2.0), 0.0, 1.0) * 100
    return Scores(
        combined=combined,
        per_question=per_q,
        canon=canon,
        claims=claims,
        penalty=penalty,
        _title_counts=titles,
        _abstract_counts=abstracts,
    )


def _count_matches(texts: Sequence[str], terms: Sequence[str]) -> list[list[str]]:
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    out = []
    lookup = {t.casefold(): t for t in terms}
    for text in texts:
        found = {lookup.get(m.casefold(), m) for m in pattern.findall(text)}
        out.append(sorted(found))
    return out


def answers(per_question_row: np.ndarray) -> list[str]:
    return [q for q, s in zip(QUESTIONS, per_question_row, strict=True) if s >= ANSWERS_AT]
