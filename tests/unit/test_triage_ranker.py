"""The learned ranking that ships (data/ranker.json) with the corpus's semantic model."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from consultations.adapters.triage_model import default_model
from consultations.triage.papers import Paper
from consultations.triage.pipeline import triage
from consultations.triage.ranker import FEATURES, Ranker, fit_head, fit_text_logistic
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


RELEVANT = [
    "We compress the KV cache of LLM inference to 2 bits and serve 4x more requests per GPU.",
    "A new jailbreak attack on aligned language models reaches 90% success on GPT-4o.",
    "Speculative decoding with a small draft model cuts LLM latency by 3x.",
]
IRRELEVANT = [
    "We predict protein structures and molecular properties with graph neural networks.",
    "Minimax regret lower bounds for linear bandits with sample complexity guarantees.",
    "Forecasting weather and traffic time series with seasonal decomposition.",
]


def test_the_shipped_word_weights_load_are_small_and_favour_deployment_words() -> None:
    model = default_model()
    assert model.ranker is not None
    text = model.ranker.to_json()
    assert len(text.encode()) < 200_000  # it ships with the package
    for head in (model.ranker.titles, model.ranker.abstracts):
        assert len(head.words) > 500  # the word weights are there
        known = sum(t in model.vocab for t in head.words)
        assert known == len(head.words)  # fitted on the vocabulary of this corpus model
        good = model.weigh(RELEVANT, head.words)
        bad = model.weigh(IRRELEVANT, head.words)
        assert good.mean() > bad.mean() + 0.5, (good, bad)
        assert (bad < 0).sum() >= 2 and (good > 0).all(), (good, bad)
    titles = model.ranker.titles.words  # fitted on 741 titles: every pair in order
    assert model.weigh(RELEVANT, titles).min() > model.weigh(IRRELEVANT, titles).max()


def test_with_its_word_weights_the_abstract_head_ranks_relevant_papers_above_irrelevant() -> None:
    model = default_model()
    papers = [paper(f"r{i}", "A study", t) for i, t in enumerate(RELEVANT)] + [
        paper(f"i{i}", "A study", t) for i, t in enumerate(IRRELEVANT)
    ]
    ranked = [r.id for r in triage(papers, top=None, semantic=model)]
    assert set(ranked[:3]) == {"r0", "r1", "r2"}, ranked


def test_a_readers_zero_weight_question_gets_no_lift_from_the_word_weights() -> None:
    model = default_model()
    assert model.ranker is not None
    bare = dataclasses.replace(
        model,
        ranker=dataclasses.replace(
            model.ranker,
            titles=dataclasses.replace(model.ranker.titles, words={}),
            abstracts=dataclasses.replace(model.ranker.abstracts, words={}),
        ),
    )
    cost_only = Profile(weights={"cost": 1, "failure": 0, "compute": 0})
    jailbreak = paper("j", "Jailbreak Attacks and Prompt Injection against LLM Agents")
    with_words = score([jailbreak], cost_only, semantic=model).combined[0]
    without = score([jailbreak], cost_only, semantic=bare).combined[0]
    assert with_words == pytest.approx(without)
    # for an even reader the words do count
    assert score([jailbreak], semantic=model).combined[0] != pytest.approx(
        score([jailbreak], semantic=bare).combined[0]
    )


def test_a_ranker_file_with_a_bad_word_weight_is_refused_and_one_without_words_loads() -> None:
    model = default_model()
    assert model.ranker is not None
    body = json.loads(model.ranker.to_json())
    body["abstracts"]["words"]["quantization"] = "heavy"
    with pytest.raises(ValueError, match="word weight"):
        Ranker.from_json(json.dumps(body))
    body["abstracts"]["words"]["quantization"] = float("nan")
    with pytest.raises(ValueError, match="word weight"):
        Ranker.from_json(json.dumps(body))
    for head in ("titles", "abstracts"):
        del body[head]["words"]
    old = Ranker.from_json(json.dumps(body))  # a file written before the word weights
    assert not old.titles.words and not old.abstracts.words
    assert (
        score([COST, THEORY], semantic=dataclasses.replace(model, ranker=old)).combined[0]
        > (score([COST, THEORY], semantic=dataclasses.replace(model, ranker=old)).combined[1])
    )


def test_the_dual_text_regression_learns_which_words_mean_relevant() -> None:
    rng = np.random.default_rng(0)
    x = rng.random((60, 200)) * (rng.random((60, 200)) < 0.05)
    y = np.arange(60) % 2 == 0
    x[y, 7] += 1.0  # word 7 marks the relevant rows
    x[~y, 9] += 1.0  # word 9 the others
    w, b = fit_text_logistic(x, y, l2=0.3)
    assert w[7] > 0.5 and w[9] < -0.5
    assert np.abs(np.delete(w, [7, 9])).max() < min(w[7], -w[9]) / 3
    p = 1 / (1 + np.exp(-(x @ w + b)))
    assert (p[y] > 0.5).all() and (p[~y] < 0.5).all()


def test_the_label_2_regression_is_shrunk_apart_from_the_relevant_one() -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((150, 4))
    labels = (x[:, 0] > 0).astype(int)
    labels[np.argsort(-x[:, 1])[:5]] = 2  # a handful of label-2 rows, marked by feature 1
    same = fit_head(x, labels, l2=3.0, two_positive_weight=5.0, two_weight=3.0)
    apart = fit_head(x, labels, 3.0, 5.0, 3.0, decisive_l2=100.0)
    assert np.allclose(same.relevant, apart.relevant)
    assert np.abs(apart.decisive).sum() < np.abs(same.decisive).sum() / 2
    assert np.argmax(apart.decisive) == 1  # still the feature that marks label 2
