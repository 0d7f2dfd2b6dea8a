"""Counting a fixed vocabulary of phrases (1- to n-grams of word tokens) in texts. Pure numpy.

The same counts as scikit-learn's ``CountVectorizer(vocabulary=…, token_pattern=r"(?u)\\b\\w+\\b",
lowercase=True)`` for phrases of up to three words, without scikit-learn or scipy: a dict lookup
of the n-grams that start with a word some phrase starts with. The result is a small CSR matrix
(`Counts`) with the two products the scorer needs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_TOKEN = re.compile(r"\b\w+\b")


@dataclass(frozen=True)
class Counts:
    """A CSR matrix of phrase counts: row ``i`` holds ``indices[indptr[i]:indptr[i+1]]``."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    width: int

    @property
    def rows(self) -> int:
        return len(self.indptr) - 1

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.indptr[i], self.indptr[i + 1]
        return self.indices[a:b], self.data[a:b]

    def row_ids(self) -> np.ndarray:
        return np.repeat(np.arange(self.rows), np.diff(self.indptr))

    def clipped(self, top: float) -> Counts:
        return Counts(self.indptr, self.indices, np.minimum(self.data, top), self.width)

    def dense(self) -> np.ndarray:
        out = np.zeros((self.rows, self.width), dtype=np.float32)
        out[self.row_ids(), self.indices] = self.data
        return out


def weighted_dot(parts: Sequence[tuple[Counts, float]], weights: np.ndarray) -> np.ndarray:
    """``sum(scale * counts) @ weights`` for counts of the same shape: (rows, weights' columns)."""
    w2 = weights.reshape(weights.shape[0], -1)
    n = parts[0][0].rows
    out = np.zeros((n, w2.shape[1]), dtype=np.float64)
    for counts, scale in parts:
        rows = counts.row_ids()
        for k in range(w2.shape[1]):
            out[:, k] += scale * np.bincount(
                rows, weights=counts.data * w2[counts.indices, k], minlength=n
            )
    return out if weights.ndim == 2 else out[:, 0]


class PhraseCounter:
    """Counts each phrase of a fixed vocabulary (lower case, word tokens joined by one space)."""

    def __init__(self, phrases: Sequence[str]) -> None:
        self.phrases = list(phrases)
        self.index = {p: i for i, p in enumerate(self.phrases)}
        self.longest = max((len(p.split()) for p in self.phrases), default=1)
        self.starts = {p.split()[0] for p in self.phrases if p.split()}

    def count(self, texts: Sequence[str]) -> Counts:
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        index, starts, longest = self.index, self.starts, self.longest
        for text in texts:
            tokens = _TOKEN.findall(text.lower())
            found: dict[int, int] = {}
            for i, t in enumerate(tokens):
                if t not in starts:
                    continue
                for n in range(1, min(longest, len(tokens) - i) + 1):
                    j = index.get(t if n == 1 else " ".join(tokens[i : i + n]))
                    if j is not None:
                        found[j] = found.get(j, 0) + 1
            for j in sorted(found):
                indices.append(j)
                data.append(found[j])
            indptr.append(len(indices))
        return Counts(
            np.asarray(indptr, dtype=np.int64),
            np.asarray(indices, dtype=np.int64),
            np.asarray(data, dtype=np.float32),
            len(self.phrases),
        )
