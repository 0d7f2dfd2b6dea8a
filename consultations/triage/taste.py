"""A channel's taste, learned from its 👍 and 👎 on digest items (arxiv-sanity style). Pure.

Each digest item is remembered with its paper's vector (the LSA embedding of the scorer's
semantic model). A reaction makes it an example: liked (+1) or not (-1). `learn` fits a small
L2-regularised logistic regression on those examples; `rerank` adds its verdict to the offline
score of the next digest's candidates, and says so in `why` when a paper matches the taste.
With no reactions yet, nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from consultations.triage.papers import Paper
from consultations.triage.results import TriageResult
from consultations.triage.semantic import SemanticModel

STRENGTH = 40.0  # points (of 100) between a paper the taste rejects and one it wants
MATCH_AT = 0.7  # taste probability from which `why` says the paper matches the channel's taste


@dataclass(frozen=True)
class Taste:
    weights: np.ndarray  # (k,)
    bias: float
    examples: int

    def probability(self, vectors: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights + self.bias)))


def vectors(papers: Sequence[Paper], model: SemanticModel) -> dict[str, list[float]]:
    """Each paper's feature vector (rounded: it is stored with the digest item)."""
    embedded = model.embed([f"{p.title}. {p.abstract}" for p in papers])
    return {
        p.id: [round(float(x), 4) for x in row] for p, row in zip(papers, embedded, strict=True)
    }


def learn(examples: Sequence[tuple[Sequence[float], int]], l2: float = 0.05) -> Taste | None:
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
    return Taste(weights=w[:-1], bias=float(w[-1]), examples=len(usable))


def rerank(
    results: Sequence[TriageResult],
    features: Mapping[str, Sequence[float]],
    taste: Taste | None,
    strength: float = STRENGTH,
) -> list[TriageResult]:
    """The results re-ordered by offline score plus the taste's verdict (unchanged without one)."""
    if taste is None or not results:
        return list(results)
    width = len(taste.weights)
    known = [r for r in results if len(features.get(r.id, ())) == width]
    if not known:
        return list(results)
    probs = taste.probability(np.asarray([features[r.id] for r in known], dtype=np.float64))
    verdict = {r.id: float(p) for r, p in zip(known, probs, strict=True)}
    out = []
    for r in results:
        p = verdict.get(r.id)
        if p is None:
            out.append(r)
            continue
        why = r.why
        if p >= MATCH_AT:
            why = why.rstrip(".") + "; like the papers this channel liked."
        out.append(
            r.model_copy(update={"score": round(r.score + strength * (p - 0.5), 1), "why": why})
        )
    return sorted(out, key=lambda r: -r.score)
