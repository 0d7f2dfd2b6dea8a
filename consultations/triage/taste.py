"""A channel's taste, and each reader's own, learned from 👍 and 👎 on digest items
(arxiv-sanity style). Pure.

Each digest item is remembered with its paper's vector (the LSA embedding of the scorer's
semantic model). A reaction makes it an example: liked (+1) or not (-1). `learn` fits a small
L2-regularised logistic regression on those examples; `rerank` adds its verdict to the offline
score of the next digest's candidates, and says so in `why` when a paper matches the taste.
With no reactions yet, nothing changes.

Whose examples: a channel's digest learns from every reaction in that channel; a reader's own
digest (in their DMs) learns from that reader's reactions anywhere. Their triage in a channel
`blend`s the two: the reader's own taste counts more with each reaction they gave.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from consultations.triage.papers import Paper
from consultations.triage.results import TriageResult
from consultations.triage.semantic import SemanticModel

STRENGTH = 80.0  # points (of 100) between a paper the taste rejects and one it wants
MATCH_AT = 0.7  # taste probability from which `why` says the paper matches the taste
OWN_FULL_AT = 10  # a reader's own reactions from which their taste counts as much as a channel's
CHANNEL, YOURS = "this channel's", "your"  # whose taste it is, as `why` says it


@dataclass(frozen=True)
class Taste:
    weights: np.ndarray  # (k,)
    bias: float
    examples: int
    whose: str = CHANNEL
    liked: int = 0  # of the examples

    @property
    def discerning(self) -> bool:
        """Seen both likes and dislikes: only then can it say a paper matches it (all 👍 would
        make every paper match)."""
        return 0 < self.liked < self.examples

    def probability(self, vectors: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights + self.bias)))


def vectors(papers: Sequence[Paper], model: SemanticModel) -> dict[str, list[float]]:
    """Each paper's feature vector (rounded: it is stored with the digest item)."""
    embedded = model.embed([f"{p.title}. {p.abstract}" for p in papers])
    return {
        p.id: [round(float(x), 4) for x in row] for p, row in zip(papers, embedded, strict=True)
    }


@dataclass(frozen=True)
class Blend:
    """Several tastes at once, each with its weight (they add up to 1)."""

    parts: tuple[tuple[Taste, float], ...]


def blend(own: Taste | None, channel: Taste | None, full_at: int = OWN_FULL_AT) -> Blend | None:
    """A reader's own taste mixed into a channel's: own weight n / (n + full_at) for n own
    examples (the whole weight without a channel taste, none without own examples)."""
    if own is None or channel is None:
        taste = own or channel
        return Blend(((taste, 1.0),)) if taste else None
    w = own.examples / (own.examples + full_at)
    return Blend(((own, w), (channel, 1.0 - w)))


def learn(
    examples: Sequence[tuple[Sequence[float], int]], l2: float = 0.05, whose: str = CHANNEL
) -> Taste | None:
    """Logistic regression (Newton steps, L2 on the weights) on (vector, +1/-1) examples."""
    usable = [(v, 1.0 if y > 0 else 0.0) for v, y in examples if y and len(v)]
    if not usable:
        return None
    width = len(usable[0][0])
    usable = [(v, y) for v, y in usable if len(v) == width]
    x = np.column_stack(
        [np.asarray([v for v, _ in usable], dtype=np.float64), np.ones(len(usable))]
    )
    y = np.array([t for _, t in usable])
    reg = np.full(width + 1, l2)
    reg[-1] = 1e-3  # the bias is barely held back
    w = np.zeros(width + 1)
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    liked = int(y.sum())
    return Taste(w[:-1], float(w[-1]), examples=len(usable), whose=whose, liked=liked)


def rerank(
    results: Sequence[TriageResult],
    features: Mapping[str, Sequence[float]],
    taste: Taste | Blend | None,
    strength: float = STRENGTH,
) -> list[TriageResult]:
    """The results re-ordered by offline score plus the taste's verdict (unchanged without one);
    `why` says whose taste a paper matches (the reader's own first)."""
    mix = taste if isinstance(taste, Blend) else Blend(((taste, 1.0),)) if taste else None
    if mix is None or not results:
        return list(results)
    width = len(mix.parts[0][0].weights)
    known = [r for r in results if len(features.get(r.id, ())) == width]
    if not known:
        return list(results)
    x = np.asarray([features[r.id] for r in known], dtype=np.float64)
    each = [(t.whose, t.probability(x), t.discerning) for t, _ in mix.parts]
    total = np.sum([w * p for (_, w), (_, p, _) in zip(mix.parts, each, strict=True)], axis=0)
    verdict = {r.id: n for n, r in enumerate(known)}
    out = []
    for r in results:
        n = verdict.get(r.id)
        if n is None:
            out.append(r)
            continue
        why = r.why
        whose = next(
            (who for who, p, able in sorted(each, key=_own_first) if able and p[n] >= MATCH_AT),
            None,
        )
        if whose is not None:
            why = why.rstrip(".") + f"; matches {whose} taste."
        score = round(r.score + strength * (float(total[n]) - 0.5), 1)
        out.append(r.model_copy(update={"score": score, "why": why}))
    return sorted(out, key=lambda r: -r.score)


def _own_first(part: tuple[str, np.ndarray, bool]) -> int:
    return 0 if part[0] == YOURS else 1
