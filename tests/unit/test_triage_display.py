"""What a reader sees of a triaged paper on every surface (terminal table, digest items):
titles and evidence as typeset, markup that cannot break, claims that say what they claim."""

from __future__ import annotations

import pytest

from consultations import digest
from consultations.adapters.paper_sources import builtin
from consultations.triage.papers import Paper
from consultations.triage.pipeline import to_table, triage

LATEX = Paper(
    id="s2q",
    title=r"$\text{S}^2$Q-VDiT: Accurate Quantized Video Diffusion Transformer with KV Cache",
    abstract=r"Our $\mathbf{4}$-bit model cuts inference cost: a jailbreak attack success rate of "
    r"\textbf{93.5\%} drops, with only 5\% of the memory and 2.5x faster decoding.",
)


def test_latex_in_a_title_and_its_evidence_shows_as_typeset_everywhere() -> None:
    (r,) = triage([LATEX])
    shown = [to_table([r]), digest.item(1, r, "teams"), digest.render([r], "slack")]
    for text in shown:
        assert "S²Q-VDiT: Accurate" in text
        assert "$" not in text and "\\" not in text and "{" not in text, text
    assert "a measured result ('attack success rate of 93.5%')" in r.why


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        (r"E$^2$-RAG: Editable Efficient RAG", "E²-RAG: Editable Efficient RAG"),
        (
            r"On the $O(\frac{\sqrt{d}}{T^{1/4}})$ Convergence Rate",
            "On the O(√d/T^(1/4)) Convergence Rate",
        ),
        (r"Clipped SGD on $(L_0,L_1)$-Smooth Functions", "Clipped SGD on (L₀,L₁)-Smooth Functions"),
        (r"\textsc{Sneekdoor}: Stealthy Backdoor Attacks", "Sneekdoor: Stealthy Backdoor Attacks"),
        (r"Two-Sample Schr\"{o}dinger Bridge", "Two-Sample Schrödinger Bridge"),
        (
            r"Lifting Diffusion Video Generation Models to 360$^\circ$",
            "Lifting Diffusion Video Generation Models to 360°",
        ),
        (r"Information \\ by Contrastive Interactions", "Information by Contrastive Interactions"),
    ],
)
def test_titles_of_the_built_in_lists_read_as_typeset(typed: str, shown: str) -> None:
    (r,) = triage([Paper(id="t", title=typed)])
    assert r.title == shown


def test_a_dollar_amount_is_not_taken_for_math() -> None:
    (r,) = triage([Paper(id="d", title="$100K or 100 Days: Pre-Training on $5 GPUs")])
    assert r.title == "$100K or 100 Days: Pre-Training on $5 GPUs"


def why_of(title: str, abstract: str) -> str:
    (r,) = triage([Paper(id="m", title=title, abstract=abstract)])
    return r.why


def test_a_measured_result_is_told_with_its_figure_or_not_at_all() -> None:
    (backdoor,) = [
        p for p in builtin("colm2025") if p.title.startswith("Backdoor Attacks on Dense Retrieval")
    ]
    why = triage([backdoor])[0].why
    assert "attack success rate with a minimal corpus" not in why
    assert "a measured result ('corpus poisoning rate of only 0.048%')" in why
    no_figure = why_of(
        "Jailbreaking Frontier Models with Role Play",
        "Our jailbreak attack reaches a high attack success rate against the latest Claude 3.7.",
    )
    assert "jailbreak" in no_figure and "measured result" not in no_figure
    ranged = why_of(
        "Multi-Agent Systems Execute Arbitrary Malicious Code",
        "Prompt injection makes agents run malicious code in 58-90\\% of trials.",
    )
    assert "a measured result ('malicious code in 58-90% of trials')" in ranged
