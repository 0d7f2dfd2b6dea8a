"""Semantic expansion: words the lexicon never names reach the right question through the
corpus, and each row still says which question it answers and why."""

from __future__ import annotations

import numpy as np

from consultations.triage.lexicon import LEXICON, QUESTIONS
from consultations.triage.papers import Paper
from consultations.triage.pipeline import triage
from consultations.triage.semantic import SemanticModel, fit

# a corpus where two made-up words keep company with one question's vocabulary each
COST_DOCS = [
    f"zorblat {w} for transformers {n}"
    for n in range(12)
    for w in ("quantization latency", "kv cache throughput", "speculative decoding speedup")
]
FAIL_DOCS = [
    f"vexil {w} in chat assistants {n}"
    for n in range(12)
    for w in ("jailbreak attack", "hallucination safety", "backdoor red teaming")
]
OTHER_DOCS = [f"graph coloring {w} {n}" for n in range(12) for w in ("planar", "regret", "ode")]


def model() -> SemanticModel:
    return fit(
        COST_DOCS + FAIL_DOCS + OTHER_DOCS,
        [LEXICON[q] for q in QUESTIONS],
        dims=8,
        min_df=2,
        max_df=0.5,
    )


def test_an_unknown_word_reaches_the_question_it_keeps_company_with() -> None:
    m = model()
    sim = m.similarity(["zorblat", "vexil", "graph coloring"])
    cost, failure = QUESTIONS.index("cost"), QUESTIONS.index("failure")
    assert sim[0, cost] > 0.6 and sim[0, cost] > sim[0, failure] + 0.3
    assert sim[1, failure] > 0.6 and sim[1, failure] > sim[1, cost] + 0.3
    assert sim[2, :].max() < 0.3
    assert m.closest("zorblat graph")[cost] == ["zorblat"]


def test_fitting_is_deterministic() -> None:
    a, b = model(), model()
    assert a.words == b.words and np.allclose(a.vectors, b.vectors, atol=1e-5)


def test_with_the_model_a_paper_without_lexicon_words_is_found_and_explained() -> None:
    papers = [
        Paper(id="z", title="Zorblat"),
        Paper(id="g", title="Graph coloring of planar maps"),
        Paper(id="v", title="Vexil"),
    ]
    plain = triage(papers, top=None)
    assert all(not r.questions for r in plain)  # the lexicon alone sees nothing
    ranked = {r.id: r for r in triage(papers, top=None, semantic=model())}
    assert ranked["z"].questions == ["cost"] and "'zorblat'" in ranked["z"].why
    assert ranked["v"].questions == ["failure"] and ranked["v"].why.startswith("Answers failure")
    assert ranked["g"].questions == [] and ranked["g"].score < ranked["z"].score


def test_a_readers_topics_lift_papers_in_any_spelling_and_say_so() -> None:
    from consultations.triage.profile import Profile

    papers = [
        Paper(id="a", title="Image generators and how they memorize their training sets"),
        Paper(id="b", title="Speculative decoding for chat assistants"),
    ]
    plain = [r.id for r in triage(papers, top=None)]
    reader = Profile(topics=("training set memorisation",))
    ranked = triage(papers, reader, top=None)
    assert plain[0] == "b" and ranked[0].id == "a"
    assert "on your topic 'training set memorisation'" in ranked[0].why


def test_abbreviations_are_learned_from_their_definitions_in_the_corpus() -> None:
    from consultations.triage.semantic import acronyms

    texts = [
        "We study reinforcement learning (RL) for agents.",
        "Scaling Reinforcement-Learning (RL) with verifiable rewards.",
        "Large Language Models (LLMs) are used; a Rare Unusual Thing (RUT) once.",
        "Mixture of Experts (MoE) routing, and large language models (LLM) again.",
        "Nothing is defined here (see Table 2).",
    ]
    found = acronyms(texts)
    assert found["rl"] == ("reinforcement learning",)
    assert found["llm"] == ("large language models",)  # "LLMs" and "LLM" alike
    assert "rut" not in found and "moe" not in found  # seen once: not the usage
