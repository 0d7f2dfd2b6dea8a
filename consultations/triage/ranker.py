"""A small learned ranking over the scorer's generic features, fitted offline on the dev labels.

The scorer's hand-made parts each say something (lexicon question scores, LSA similarity to the
question prototypes, decision cues, numeric claims); how much each counts was hand-tuned. Here two
L2-regularised logistic regressions weigh them from the labelled dev half (bench/triage_labels):
one for "relevant" (label >= 1) and one for "changes a decision" (label 2, its few examples
weighted up and, for abstracts, its weights shrunk harder). A paper's rank score is P(relevant) +
two_weight * P(label 2), scaled to 0-1. Papers with an abstract and papers with a title alone have
a head each (their features mean different things). The features are 15 generic numbers per paper
(none names a paper), so 2 x 16 weights per head. The "relevant" regression also adds learned word
weights: a strongly regularised logistic regression over the paper's TF-IDF terms (the corpus
vocabulary of semantic.py), fitted on the same dev labels, whose sum over the paper's terms is one
more term of its log-odds (scaled by the reader's emphasis of the question the paper is closest to,
so a reader who weighs a question at 0 is not shown it through its words). Word weights name words,
never papers. `bench/triage_fit.py` fits it (with cross-validation on the dev half) and writes
`data/ranker.json`; `consultations.adapters.triage_model` loads it. Pure.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

FEATURES = (
    "cost",
    "failure",
    "compute",  # lexicon + numeric claims, 0-1 per question (times the reader's emphasis)
    "penalty",  # cues of theory with no path to deployment
    "sim_cost",
    "sim_failure",
    "sim_compute",  # LSA cosine to each question's prototype (times the reader's emphasis)
    "challenge",
    "attack",
    "step",
    "resource",  # decision cue strengths (decision.cues)
    "about",  # about the models businesses deploy
    "claims",  # a numeric claim was found
    "measured",  # kinds of measured result in the abstract (decision.measured), 0-2
    "finding",  # the abstract reports a finding ("we show", "we find")
)


@dataclass(frozen=True)
class Head:
    """Two logistic regressions over standardised features."""

    mean: np.ndarray  # (f,)
    scale: np.ndarray  # (f,)
    relevant: np.ndarray  # (f,) weights for label >= 1
    relevant_bias: float
    decisive: np.ndarray  # (f,) weights for label 2
    decisive_bias: float
    two_weight: float  # how much P(label 2) counts against P(relevant)
    # term -> weight added to the "relevant" log-odds per unit of the paper's TF-IDF of the term
    words: Mapping[str, float] = field(default_factory=dict)

    def score(self, x: np.ndarray, text: np.ndarray | None = None) -> np.ndarray:
        """0-1 per row of ``x`` (n, f); ``text`` (n,) is the rows' sum of ``words`` over their
        TF-IDF terms (see `Ranker.score`), already scaled by the reader's emphasis."""
        z = (x - self.mean) / self.scale
        f1 = z @ self.relevant + self.relevant_bias
        if text is not None:
            f1 = f1 + text
        p1 = _sigmoid(f1)
        p2 = _sigmoid(z @ self.decisive + self.decisive_bias)
        return np.asarray((p1 + self.two_weight * p2) / (1.0 + self.two_weight))

    def to_dict(self) -> dict[str, object]:
        return {
            "mean": _floats(self.mean),
            "scale": _floats(self.scale),
            "relevant": _floats(self.relevant),
            "relevant_bias": round(self.relevant_bias, 6),
            "decisive": _floats(self.decisive),
            "decisive_bias": round(self.decisive_bias, 6),
            "two_weight": self.two_weight,
            "words": {t: round(float(w), 4) for t, w in sorted(self.words.items())},
        }

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Head:
        def arr(key: str) -> np.ndarray:
            a = np.asarray(d[key], dtype=np.float64)
            if a.shape != (len(FEATURES),):
                raise ValueError(f"ranker: {key} has {a.shape}, expected ({len(FEATURES)},)")
            return a

        return cls(
            mean=arr("mean"),
            scale=arr("scale"),
            relevant=arr("relevant"),
            relevant_bias=float(d["relevant_bias"]),  # type: ignore[arg-type]
            decisive=arr("decisive"),
            decisive_bias=float(d["decisive_bias"]),  # type: ignore[arg-type]
            two_weight=float(d["two_weight"]),  # type: ignore[arg-type]
            words=_words(d.get("words", {})),
        )


@dataclass(frozen=True)
class Ranker:
    titles: Head  # papers with a title alone
    abstracts: Head  # papers with an abstract

    def score(
        self,
        x: np.ndarray,
        has_abstract: np.ndarray,
        words: Callable[[Mapping[str, float]], np.ndarray] | None = None,
        text_scale: np.ndarray | None = None,
    ) -> np.ndarray:
        """0-1 per paper. ``words(weights)`` sums term weights over each paper's TF-IDF terms
        (n,) (`SemanticModel.weigh` on "title. abstract"); without it the word weights are left
        out. ``text_scale`` (n,) scales that sum per paper (the reader's emphasis, 1 by default)."""
        scale = np.ones(len(x)) if text_scale is None else text_scale

        def text(head: Head) -> np.ndarray | None:
            return None if words is None or not head.words else words(head.words) * scale

        out = self.titles.score(x, text(self.titles))
        if has_abstract.any():
            t = text(self.abstracts)
            out[has_abstract] = self.abstracts.score(
                x[has_abstract], None if t is None else t[has_abstract]
            )
        return out

    def to_json(self) -> str:
        body = {
            "features": list(FEATURES),
            "titles": self.titles.to_dict(),
            "abstracts": self.abstracts.to_dict(),
        }
        return json.dumps(body, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Ranker:
        d = json.loads(text)
        if tuple(d.get("features", ())) != FEATURES:
            raise ValueError("ranker: its features are not the scorer's; rebuild it")
        return cls(titles=Head.from_dict(d["titles"]), abstracts=Head.from_dict(d["abstracts"]))


def features(
    per_question: np.ndarray,
    penalty: np.ndarray,
    similarity: np.ndarray,
    strength: np.ndarray,
    about: np.ndarray,
    claims: np.ndarray,
    emphasis: np.ndarray,
    measured: np.ndarray,
) -> np.ndarray:
    """The (n, 15) feature matrix in FEATURES order; ``emphasis`` (3,) is the reader's weight of
    each question relative to equal weights (1, 1, 1 by default); ``measured`` (n, 2) is
    `decision.measured`."""
    weighed = per_question * emphasis
    return np.column_stack(
        [
            weighed,
            penalty,
            similarity * emphasis,
            strength,
            about,
            claims,
            measured,
        ]
    ).astype(np.float64)


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float, positive_weight: float = 1.0
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton steps (the bias is not held back)."""
    t = y.astype(np.float64)
    sw = np.where(t > 0, positive_weight, 1.0)
    xb = np.column_stack([x, np.ones(len(x))])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 1e-4
    w = np.zeros(xb.shape[1])
    for _ in range(50):
        p = _sigmoid(xb @ w)
        grad = xb.T @ ((p - t) * sw) + reg * w
        hess = (xb.T * (p * (1 - p) * sw)) @ xb + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def fit_text_logistic(
    x: np.ndarray, y: np.ndarray, l2: float, bias_scale: float = 3.0
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression over many columns (TF-IDF terms) and few rows, by
    Newton steps in the dual (an n x n system per step: the weights are x.T @ alpha). The bias is
    a constant column of ``bias_scale``, so it is regularised ``bias_scale**2`` times less."""
    xb = np.column_stack([x, np.full(len(x), bias_scale)])
    k = xb @ xb.T
    t = y.astype(np.float64)
    alpha = np.zeros(len(x))
    for _ in range(50):
        p = _sigmoid(k @ alpha)
        grad = p - t + l2 * alpha
        s = np.maximum(p * (1 - p), 1e-12)
        step = np.linalg.solve(s[:, None] * k + l2 * np.eye(len(x)), grad)
        alpha -= step
        if np.abs(step).max() < 1e-9:
            break
    w = xb.T @ alpha
    return w[:-1], float(w[-1] * bias_scale)


def fit_head(
    x: np.ndarray,
    labels: Sequence[int],
    l2: float,
    two_positive_weight: float,
    two_weight: float,
    mean: np.ndarray | None = None,
    scale: np.ndarray | None = None,
    words: Mapping[str, float] | None = None,
    words_bias: float = 0.0,
    decisive_l2: float | None = None,
) -> Head:
    """Both regressions on labelled rows ``x``; ``mean``/``scale`` standardise (default: x's).
    ``words`` (and their bias, added to the "relevant" bias) come from `fit_text_logistic`
    fitted apart on the same rows, scaled by how much they count. ``decisive_l2`` regularises
    the label-2 regression apart (default ``l2``): it has a handful of positive rows, so it
    needs far more shrinkage than the "relevant" one."""
    y = np.asarray(labels)
    mu = x.mean(axis=0) if mean is None else mean
    sd = x.std(axis=0) if scale is None else scale
    sd = np.where(sd > 1e-9, sd, 1.0)
    z = (x - mu) / sd
    w1, b1 = fit_logistic(z, y >= 1, l2)
    l2_two = l2 if decisive_l2 is None else decisive_l2
    w2, b2 = fit_logistic(z, y == 2, l2_two, two_positive_weight)
    return Head(mu, sd, w1, b1 + words_bias, w2, b2, two_weight, dict(words or {}))


def _sigmoid(v: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(v, -30.0, 30.0))))


def _words(raw: object) -> dict[str, float]:
    if not isinstance(raw, dict):
        raise ValueError("ranker: words must map terms to weights")
    out = {}
    for term, w in raw.items():
        if not isinstance(term, str) or not isinstance(w, (int, float)) or not math.isfinite(w):
            raise ValueError(f"ranker: bad word weight {term!r}: {w!r}")
        out[term] = float(w)
    return out


def _floats(a: np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in a]
