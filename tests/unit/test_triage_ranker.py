"""The learned ranking that ships (data/ranker.json) with the corpus's semantic model."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from consultations.adapters.triage_model import default_model
from consultations.triage.papers import Paper
from consultations.triage.pipeline import triage
from consultations.triage.ranker import FEATURES, Ranker
from consultations.triage.scorer import Profile, score


def paper(pid: str, title: str, abstract: str = "", **kw: object) -> Paper:
    return Paper(id=pid, title=title, abstract=abstract, **kw)  # type: ignore[arg-type]


COST = paper("cost", "Speculative Decoding with KV Cache Compression for Faster LLM Inference")
FAILURE = paper("failure", "Hallucination and Jailbreak Failure Modes of Language Models")
THEORY = paper("theory", "Minimax Regret Lower Bounds for Bandits with Sample Complexity")


def test_the_shipped_ranking_ranks_what_changes_decisions_first_and_theory_last() -> None:
    model = default_model()
    assert model.ranker is not None  # the product ranks with it
    pairs = [
        ("Does Quantization Really Preserve Reasoning in LLMs?", "Adaptive Quantization for LLMs"),
        ("Poisoning Attacks on LLM Agents through Tool Descriptions", "A Benchmark of LLM Agents"),
        ("Extreme KV Cache Compression for LLM Inference", "Adaptive KV Cache Compression"),
    ]
    for finding, variant in pairs:
        papers = [paper("variant", variant), paper("finding", finding), THEORY]
        ranked = triage(papers, top=None, semantic=model)
        assert [r.id for r in ranked] == ["finding", "variant", "theory"], finding


def test_with_the_learned_ranking_the_readers_weights_and_canon_still_count() -> None:
    model = default_model()
    by_cost = triage([COST, FAILURE], Profile(weights={"cost": 1, "failure": 0}), semantic=model)
    by_fail = triage([COST, FAILURE], Profile(weights={"cost": 0, "failure": 1}), semantic=model)
    assert by_cost[0].id == "cost" and by_fail[0].id == "failure"
    a = paper("a", "Efficient attention kernels", authors=("Tri Dao",))
    plain = score([a], semantic=model).combined[0]
    assert score([a], Profile(canon=("Tri Dao",)), semantic=model).combined[0] > plain


def test_a_ranker_file_round_trips_and_one_for_other_features_is_refused() -> None:
    model = default_model()
    assert model.ranker is not None
    again = Ranker.from_json(model.ranker.to_json())
    papers = [COST, FAILURE, THEORY, paper("abs", "KV cache", "We cut memory 4x on GPUs.")]
    a = score(papers, semantic=model).combined
    b = score(papers, semantic=dataclasses.replace(model, ranker=again)).combined
    assert np.allclose(a, b, atol=1e-3)
    body = json.loads(model.ranker.to_json())
    body["features"] = [*FEATURES[:-1], "title_contains_x"]
    with pytest.raises(ValueError, match="rebuild"):
        Ranker.from_json(json.dumps(body))
