"""Semantic expansion learned from the corpus itself: LSA term vectors and question prototypes.

Pure numpy. `fit(texts)` builds a TF-IDF term-document matrix over unigrams and bigrams of the
corpus (the papers that ship with the package: 6,279 titles, 418 with abstracts), takes its
truncated SVD (randomised, on the sparse matrix) and keeps one vector per term. Each question's
prototype is the weighted sum of the vectors of its lexicon phrases, so a paper that never says
"quantization" but says "low-bit weights" still lands near cost, and "memorisation" near
failure, as far as the corpus uses those words together. A paper's vector is the TF-IDF-weighted
sum of its terms' vectors; its similarity to each prototype is one more feature of the scorer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from consultations.triage.ranker import Ranker

_WORD = re.compile(r"[a-z][a-z0-9]+")
STOP = frozenset(
    """a about above across after again against all almost also although always among an and any
    are as at be because been before being below between both but by can could did do does doing
    done during each either even every few for from further had has have having here how however
    i if in into is it its itself just less more most much must no nor not now of off often on once
    one only or other our ours out over own per rather same several should show shows shown since
    so some such than that the their them then there these they this those through thus to too
    two under until up upon use used uses using very via was we well were what when where whether
    which while who whom why will with within without would yet you your new novel propose proposed
    proposes approach approaches method methods paper work results result based towards toward
    via existing extensive experiments experiment demonstrate demonstrates study studies task tasks
    problem problems model models framework performance significantly achieve achieves""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class SemanticModel:
    vocab: dict[str, int]
    words: tuple[str, ...]  # vocab's terms by index
    idf: np.ndarray  # (V,)
    vectors: np.ndarray  # (V, k) unit term vectors
    prototypes: np.ndarray  # (q, k) unit question prototypes
    ranker: Ranker | None = None  # the learned ranking over the scorer's features (ranker.py)
    # abbreviations the corpus defines ("reinforcement learning (RL)"): "rl" → its long forms
    acronyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    seen: frozenset[str] = frozenset()  # every word of the corpus (a reader's typo is near one)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's unit vector (n, k); zeros for a text with no known term."""
        rows, cols, vals = _tfidf(texts, self.vocab, self.idf)
        docs = _sum_rows(rows, vals[:, None] * self.vectors[cols], len(texts))
        norms = np.linalg.norm(docs, axis=1, keepdims=True)
        return np.divide(docs, norms, out=np.zeros_like(docs), where=norms > 0)

    def tfidf(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The texts' unit TF-IDF rows over the vocabulary, sparse: (rows, columns, values)."""
        return _tfidf(texts, self.vocab, self.idf)

    def weigh(self, texts: Sequence[str], weights: Mapping[str, float]) -> np.ndarray:
        """Per text, the sum of ``weights`` over its terms times their TF-IDF (n,); terms not in
        the vocabulary count 0 (the learned word weights of ranker.py)."""
        return self.weigher(texts)(weights)

    def weigher(self, texts: Sequence[str]) -> Callable[[Mapping[str, float]], np.ndarray]:
        """`weigh` for several sets of weights over the same texts (their TF-IDF counted once)."""
        rows, cols, vals = self.tfidf(texts)

        def weigh(weights: Mapping[str, float]) -> np.ndarray:
            w = np.zeros(len(self.words), dtype=np.float64)
            for term, v in weights.items():
                j = self.vocab.get(term)
                if j is not None:
                    w[j] = v
            return np.bincount(rows, weights=vals * w[cols], minlength=len(texts))

        return weigh

    def closest(self, text: str, limit: int = 2) -> list[list[str]]:
        """Per prototype, the terms of ``text`` nearest to it (evidence for a semantic match)."""
        ids = sorted({j for t in terms(text) if (j := self.vocab.get(t)) is not None})
        if not ids:
            return [[] for _ in range(len(self.prototypes))]
        sims = self.vectors[ids] @ self.prototypes.T  # (terms, q)
        n = sims.shape[1]
        out = []
        for q in range(n):
            # near this question and not as near every question ("designed" is near all three)
            others = (sims.sum(axis=1) - sims[:, q]) / max(n - 1, 1)
            order = np.argsort(-sims[:, q])[:limit]
            out.append(
                [
                    self.words[ids[i]]
                    for i in order
                    if sims[i, q] > 0.6 and sims[i, q] - others[i] > 0.2
                ]
            )
        return out

    def similarity(self, texts: Sequence[str]) -> np.ndarray:
        """Cosine of each text's vector to each prototype (n, q); 0 without a known term."""
        return self.embed(texts) @ self.prototypes.T


# "Long Words Written Out (LWWO)": the abbreviation in brackets, the words before it
_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")


def acronyms(texts: Sequence[str], min_count: int = 2) -> dict[str, tuple[str, ...]]:
    """The abbreviations ``texts`` define, each with the long forms it stands for there, lower
    case ("rl" → ("reinforcement learning",)): the words before the brackets whose initials
    spell it, seen at least ``min_count`` times (a one-off is not taken as the usage)."""
    seen: Counter[tuple[str, str]] = Counter()
    for text in texts:
        for m in _DEFINED.finditer(text) if "(" in text else ():
            short = m.group(1)
            letters = short.casefold()
            if len(letters) > 2 and short.endswith("s"):  # "LLMs"
                letters = letters[:-1]
            before = re.split(r"[\s-]+", text[max(0, m.start() - 120) : m.start()].strip())
            words = before[-len(letters) :]
            if len(words) == len(letters) and all(
                w.isalnum() and w[0].casefold() == c for w, c in zip(words, letters, strict=True)
            ):
                seen[(letters, " ".join(w.casefold() for w in words))] += 1
    out: dict[str, tuple[str, ...]] = {}
    for (short, long), n in seen.most_common():
        if n >= min_count:
            out[short] = (*out.get(short, ()), long)
    return out


def terms(text: str) -> list[str]:
    words = [w for w in _WORD.findall(text.lower().replace("-", " ")) if w not in STOP]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def _tfidf(
    texts: Sequence[str], vocab: Mapping[str, int], idf: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows: list[int] = []
    cols: list[int] = []
    counts: list[int] = []
    for r, text in enumerate(texts):
        found = Counter(j for t in terms(text) if (j := vocab.get(t)) is not None)
        rows.extend([r] * len(found))
        cols.extend(found.keys())
        counts.extend(found.values())
    row = np.asarray(rows, dtype=np.int64)
    col = np.asarray(cols, dtype=np.int64)
    w = (1.0 + np.log(np.asarray(counts, dtype=np.float64))) * idf[col].astype(np.float64)
    norm = np.sqrt(np.bincount(row, weights=w * w, minlength=len(texts)))
    vals = w / norm[row] if len(row) else w
    return row, col, vals.astype(np.float32)


def _sum_rows(keys: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """Rows of ``values`` summed by ``keys`` (sorted ascending) into a (size, width) array."""
    out = np.zeros((size, values.shape[1]), dtype=np.float32)
    if len(keys):
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        out[keys[starts]] = np.add.reduceat(values, starts, axis=0)
    return out


def _orthonormal(y: np.ndarray) -> np.ndarray:
    """An orthonormal basis of y's columns (Cholesky QR: one small Gram matrix, fast and
    accurate enough for a randomised SVD; a tiny ridge keeps it defined)."""
    y64 = y.astype(np.float64)
    gram = y64.T @ y64
    gram[np.diag_indices_from(gram)] += 1e-10 * np.trace(gram) + 1e-30
    r = np.linalg.cholesky(gram).T  # gram = r.T @ r
    return np.linalg.solve(r.T, y64.T).T.astype(np.float32)


def fit(
    texts: Sequence[str],
    seeds: Sequence[Mapping[str, float]],
    dims: int = 96,
    min_df: int = 3,
    max_df: float = 0.1,
    seed: int = 0,
) -> SemanticModel:
    """LSA over ``texts``; one prototype per mapping of seed phrases to weights."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(terms(text)))
    limit = max_df * len(texts)
    kept = sorted(t for t, c in df.items() if min_df <= c <= limit)
    vocab = {t: i for i, t in enumerate(kept)}
    idf = np.log(len(texts) / np.array([df[t] for t in kept], dtype=np.float32)).astype(np.float32)
    rows, cols, vals = _tfidf(texts, vocab, idf)
    n, v = len(texts), len(vocab)
    k = min(dims, n - 1, v - 1)

    by_col = np.argsort(cols, kind="stable")

    def a_dot(m: np.ndarray) -> np.ndarray:  # A @ m, A is (n, v)
        return _sum_rows(rows, vals[:, None] * m[cols], n)

    def at_dot(m: np.ndarray) -> np.ndarray:  # A.T @ m
        c = by_col
        return _sum_rows(cols[c], vals[c, None] * m[rows[c]], v)

    rng = np.random.default_rng(seed)
    q = _orthonormal(a_dot(rng.standard_normal((v, k + 10)).astype(np.float32)))
    for _ in range(2):  # power iterations sharpen the spectrum
        q = _orthonormal(a_dot(_orthonormal(at_dot(q))))
    b = at_dot(q).T  # (k + 10, v)
    _, s, vt = np.linalg.svd(b, full_matrices=False)
    vectors = (vt[:k].T * s[:k]).astype(np.float32)  # (v, k)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    protos = np.zeros((len(seeds), k), dtype=np.float32)
    for i, phrases in enumerate(seeds):
        for phrase, weight in phrases.items():
            for t in terms(phrase)[-1:]:  # the phrase itself (its last term is the bigram)
                j = vocab.get(t)
                if j is not None:
                    protos[i] += weight * vectors[j]
    pn = np.linalg.norm(protos, axis=1, keepdims=True)
    protos = np.divide(protos, pn, out=np.zeros_like(protos), where=pn > 0)
    return SemanticModel(
        vocab=vocab,
        words=tuple(kept),
        idf=idf,
        vectors=vectors,
        prototypes=protos,
        acronyms=acronyms(texts),
        seen=frozenset(t for t in df if " " not in t),
    )
