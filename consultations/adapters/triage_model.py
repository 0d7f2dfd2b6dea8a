"""The triage scorer's semantic model, fitted once per process on the papers that ship.

LSA over the built-in corpus (`neurips2025` titles and `colm2025` titles and abstracts) with the
lexicon's three questions as prototypes: 1-3 s once per process, then cached; with it the
learned ranking (`data/ranker.json`, see consultations/triage/ranker.py). It reads package
data, so it is an adapter; the model itself (`consultations/triage/semantic.py`) is pure.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from importlib.resources import files

from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from consultations.adapters.paper_sources import builtin
from consultations.triage.lexicon import LEXICON, QUESTIONS
from consultations.triage.load import BUILTIN
from consultations.triage.ranker import Ranker
from consultations.triage.semantic import SemanticModel, fit


@lru_cache(maxsize=1)
def default_model() -> SemanticModel:
    """The LSA model with the learned ranking that ships."""
    return dataclasses.replace(semantic_model(), ranker=default_ranker())


@lru_cache(maxsize=1)
def semantic_model() -> SemanticModel:
    """The LSA model alone (bench/triage_fit.py fits the ranking from it, so a ranking file
    written for other features does not stop it)."""
    texts = [f"{p.title}. {p.abstract}" for name in BUILTIN for p in builtin(name)]
    # one BLAS thread: the matrices are small, and a multi-threaded BLAS on a busy machine
    # spends seconds waiting for its threads (measured: 9 s against 2 s on two loaded cores)
    with threadpool_limits(limits=1):
        return fit(texts, [LEXICON[q] for q in QUESTIONS])


@lru_cache(maxsize=1)
def default_ranker() -> Ranker | None:
    """The learned ranking that ships (`data/ranker.json`, built by bench/triage_fit.py)."""
    path = files("consultations.triage").joinpath("data", "ranker.json")
    return Ranker.from_json(path.read_text(encoding="utf-8")) if path.is_file() else None
