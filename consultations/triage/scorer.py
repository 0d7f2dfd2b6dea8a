"""The offline scorer: phrase counts, semantic similarity, numeric claims, canon and topics. Pure.

Every phrase of the lexicon is a column of one sparse count matrix (titles and abstracts
apart, titles weighing more), multiplied by a weight matrix to give the three raw scores in
one product. Numeric claims ("3x faster", "4-bit", "40% less memory", named hardware) come
from a few compiled regular expressions. Scores are 0-1 per question; the combined score is
0-100. With a `SemanticModel` (LSA learned from the corpus, see semantic.py) each paper's
similarity to the three question prototypes is added, so papers that use other words for the
same thing are found; a question counts as answered from the lexicon or from that similarity.
Cues that a paper would change a decision (decision.py: a challenged assumption, a new attack
class, a step change) lift it in proportion to how strongly it answers a question. When the
semantic model carries a learned ranker (ranker.py, fitted on the dev labels), it weighs these
same parts instead of the hand-tuned sum; the reader's canon and topics are added either way.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from consultations.triage.decision import KINDS, WEIGHTS
from consultations.triage.decision import cues as decision_cues
from consultations.triage.decision import measured as measured_results
from consultations.triage.lexicon import IGNORE, LEXICON, QUESTIONS
from consultations.triage.ngrams import Counts, PhraseCounter, weighted_dot
from consultations.triage.papers import Paper
from consultations.triage.profile import Profile
from consultations.triage.ranker import features as ranker_features
from consultations.triage.semantic import STOP, SemanticModel

TITLE_WEIGHT = 1.6
ANSWERS_AT = 0.35  # a question counts as answered from this score up
SEMANTIC_WEIGHT = 0.5  # weight of the summed prototype similarities (tuned on the dev labels)
SEMANTIC_ANSWERS_AT = 0.6  # a similarity from which a question counts as answered (top ~1-10%)
DECISION_WEIGHT = 1.0  # lift per unit of decision cue, times the paper's best question score
DECISION_FLOOR = 0.5  # the share of the lift a paper gets however weakly it answers a question
SUBJECT_BONUS = 0.25  # a paper about the models businesses deploy (decision.SUBJECT)
# The reader's topics are their query: a paper that names one (every word, any form) rises
# above the off-topic papers of about its own quality, and closeness in meaning adds a little.
TOPIC_LIFT, TOPIC_CAP, TOPIC_SIMILARITY = 2.0, 2.8, 0.6
RANKER_SCALE = 4.0  # the learned rank score (0-1) on the scale of the hand-tuned sum
_CUE_WEIGHTS = np.array([WEIGHTS[k] * (-1 if k == "resource" else 1) for k in KINDS], np.float32)


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
    topics: list[list[str]] = field(default_factory=list)  # the reader's topics matched per paper
    cues: list[list[str]] = field(default_factory=list)  # per paper, what signals a decision
    similarity: np.ndarray | None = None  # (n, 3) cosine to each question's prototype
    features: np.ndarray | None = None  # (n, 16) the learned ranker's features (with semantic)
    _semantic: SemanticModel | None = field(repr=False, default=None)
    _texts: Sequence[str] = field(repr=False, default=())
    _title_counts: Counts | None = field(repr=False, default=None)
    _abstract_counts: Counts | None = field(repr=False, default=None)

    def near(self, i: int, question: int, limit: int = 2) -> list[str]:
        """The terms of paper ``i`` closest to the question's prototype (semantic evidence)."""
        if self._semantic is None:
            return []
        return self._semantic.closest(self._texts[i], limit)[question]

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


def score(
    papers: Sequence[Paper],
    profile: Profile | None = None,
    semantic: SemanticModel | None = None,
    cues: bool = True,
    learned: bool = True,
) -> Scores:
    """Score a batch. With a semantic model that carries a learned ranker (ranker.py) and
    ``learned``, the ranker weighs the features; otherwise the hand-tuned sum does.
    ``cues=False`` leaves out the decision cues (the bench compares all three)."""
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
        topic_hits = _topic_hits(
            [f"{p.title} {p.abstract}" for p in papers], profile.topics, semantic
        )
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
        [
            0.15 * bool(c) + min(TOPIC_CAP, TOPIC_LIFT * len(t))
            for c, t in zip(canon, topic_hits, strict=True)
        ]
    )
    # the reader's canon and topics on top, so a paper already at the ceiling still gains
    lexical = np.clip(base / 1.5 - 0.15 * np.minimum(penalty, 2.0), 0.0, 1.0) + boost
    if cues:
        strength, about, cue_words = decision_cues(papers)
    else:
        strength = np.zeros((n, len(KINDS)), dtype=np.float32)
        about, cue_words = np.zeros(n, dtype=np.float32), [[] for _ in papers]
    measured_strength, measured_words = measured_results(papers)
    if cues:  # what the abstract measured, told in `why` after the title's cues
        for found, said in zip(cue_words, measured_words, strict=True):
            found.extend(f"a measured result ({m!r})" for m in said[:1])
    lift = strength @ _CUE_WEIGHTS
    emphasis = w / max(float(w.max()), 1e-6)  # the reader's weights, the heaviest as 1
    relevance = (per_q * emphasis).max(axis=1)
    x = lexical
    sim = None
    topic_sim = np.zeros(n)
    if semantic is not None:
        sim = _semantic(papers, semantic)
        relevance = np.maximum(relevance, np.clip((sim * emphasis).max(axis=1), 0.0, 1.0))
        x = x + SEMANTIC_WEIGHT * 3 * (sim @ w)
        if profile.topics:  # the reader's topics as one more query
            topic_sim = _topic_similarity(papers, profile.topics, semantic)
            x += TOPIC_SIMILARITY * np.clip(topic_sim, 0.0, None)
    x = x + DECISION_WEIGHT * (DECISION_FLOOR + (1 - DECISION_FLOOR) * relevance) * lift
    x = x + SUBJECT_BONUS * about
    feats = None
    if sim is not None:
        feats = ranker_features(
            per_q,
            penalty,
            sim,
            strength,
            about,
            np.array([bool(c) for c in claims]),
            3 * w,
            measured_strength,
        )
        if semantic is not None and (ranker := semantic.ranker) is not None and learned and cues:
            has_abstract = np.array([bool(p.abstract) for p in papers])
            words = semantic.weigher([f"{p.title}. {p.abstract}" for p in papers])
            # the word weights count as much as the reader weighs the closest question
            text_scale = np.clip(emphasis[np.argmax(sim, axis=1)], 0.0, 1.0)
            # the learned rank score (0-1) in place of the hand-tuned sum; the reader's canon
            # and topics on top as before
            x = RANKER_SCALE * ranker.score(feats, has_abstract, words, text_scale) + boost
            x += TOPIC_SIMILARITY * np.clip(topic_sim, 0.0, None)
    # monotone into 0-100 without ties at either end, and compressed so an offline score
    # stays below what a paper gets when Claude rates it highly (llm_rubric.merge blends both)
    z = np.logaddexp(0.0, x)  # softplus
    combined = 100 * z / (z + 2.0)
    return Scores(
        combined=combined,
        per_question=per_q,
        canon=canon,
        claims=claims,
        penalty=penalty,
        topics=topic_hits,
        cues=cue_words,
        similarity=sim,
        features=feats,
        _semantic=semantic,
        _texts=[f"{p.title}. {p.abstract}" for p in papers] if semantic is not None else (),
        _title_counts=titles,
        _abstract_counts=abstracts,
    )


def _semantic(papers: Sequence[Paper], model: SemanticModel) -> np.ndarray:
    """Similarity of title (and abstract, averaged) to each question's prototype: (n, 3)."""
    sim = model.similarity([p.title for p in papers])[:, :3]
    has = np.array([bool(p.abstract) for p in papers])
    if has.any():
        idx = np.flatnonzero(has)
        sim[idx] = (sim[idx] + model.similarity([papers[int(i)].abstract for i in idx])[:, :3]) / 2
    return sim


def _topic_similarity(
    papers: Sequence[Paper], topics: Sequence[str], model: SemanticModel
) -> np.ndarray:
    """Each paper's best cosine to one of the reader's topics."""
    queries = model.embed(list(topics))
    sims = model.embed([f"{p.title}. {p.abstract}" for p in papers]) @ queries.T
    return sims.max(axis=1)


_WORDS = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1 << 16)  # a corpus repeats its words: each stemmed once
def _stem(word: str) -> str:
    """A crude stem for matching a reader's topics: British -ise spellings as -ize, first seven
    letters ("memorisation", "memorize", "memorization" → "memoriz"; six let "quantifies" be
    "quantisation"), short plurals singular."""
    if len(word) > 7:
        return word.replace("is", "iz")[:7]
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _topic_forms(topic: str, model: SemanticModel | None = None) -> list[set[str]]:
    """The word stems a text must hold to be on ``topic``, one set per way of writing it: the
    words as typed without the small ones ("RL for reasoning": rl, reason); with an
    abbreviation the corpus defines written out, or its long form abbreviated ("reinforcement
    learning" ↔ "RL"); with a word the corpus never uses read as the corpus word it nearly is
    ("long contxt" → context)."""
    words = _WORDS.findall(topic.casefold())
    content = [w for w in words if w not in STOP]
    words = content if len(content) >= 2 else words  # "world models": both words
    forms = [words]
    if model is not None:
        for k, w in enumerate(words):
            if len(w) >= 5 and model.seen and w not in model.seen:
                # a typo keeps the first two letters and about the length
                alike = [v for v in model.seen if v[:2] == w[:2] and abs(len(v) - len(w)) <= 2]
                forms += [
                    [*words[:k], near, *words[k + 1 :]]
                    for near in difflib.get_close_matches(w, alike, n=1, cutoff=0.85)
                ]
        for form in list(forms):
            forms += _abbreviated(form, model.acronyms)
    return [{_stem(w) for w in form} for form in forms if form]


def _abbreviated(words: list[str], acronyms: Mapping[str, tuple[str, ...]]) -> list[list[str]]:
    """``words`` with an abbreviation written out, or a long form abbreviated."""
    out = []
    for k, w in enumerate(words):
        longs = acronyms.get(w) or acronyms.get(w.removesuffix("s"), ())  # "LLMs"
        out += [[*words[:k], *long.split(), *words[k + 1 :]] for long in longs]
    joined = f" {' '.join(words)} "
    for short, longs in acronyms.items():
        out += [
            joined.replace(f" {long} ", f" {short} ").split()
            for long in longs
            if f" {long} " in joined
        ]
    return out


TOPIC_WINDOW = 4  # a topic's words lie within this many words of each other per word of it


def _near_each_other(stems: Sequence[str], form: set[str]) -> bool:
    """Every stem of ``form`` inside one stretch of ``stems`` of `TOPIC_WINDOW` words per
    stem ("world models" is not "real-world applications … twenty words on … models")."""
    if len(form) == 1:
        return not form.isdisjoint(stems)
    width = TOPIC_WINDOW * len(form)
    hits = [(i, s) for i, s in enumerate(stems) if s in form]
    count: Counter[str] = Counter()
    lo = 0
    for i, s in hits:
        count[s] += 1
        while hits[lo][0] <= i - width:
            count[hits[lo][1]] -= 1
            lo += 1
        if sum(1 for c in count.values() if c > 0) == len(form):
            return True
    return False


def _topic_hits(
    texts: Sequence[str], topics: Sequence[str], model: SemanticModel | None = None
) -> list[list[str]]:
    """The topics each text mentions: every word of the topic (or of another way of writing
    it, see `_topic_forms`), in any form, near each other."""
    wanted = [(t, _topic_forms(t, model)) for t in topics]
    out = []
    for text in texts:
        stems = [_stem(w) for w in _WORDS.findall(text.casefold().replace("-", " "))]
        present = set(stems)
        out.append(
            sorted(
                t
                for t, forms in wanted
                if any(f <= present and _near_each_other(stems, f) for f in forms)
            )
        )
    return out


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


def answers(per_question_row: np.ndarray, similarity_row: np.ndarray | None = None) -> list[str]:
    """The questions a paper answers: from the lexicon, or semantically (only the question the
    paper is closest to, and only when it is close)."""
    sims = similarity_row if similarity_row is not None else np.zeros(len(QUESTIONS))
    closest = float(np.max(sims))
    return [
        q
        for q, s, m in zip(QUESTIONS, per_question_row, sims, strict=True)
        if s >= ANSWERS_AT or (m >= SEMANTIC_ANSWERS_AT and m == closest)
    ]
