"""What a reader sees of a triaged paper on every surface (terminal table, digest items):
titles and evidence as typeset, markup that cannot break, claims that say what they claim."""

from __future__ import annotations

from consultations import digest
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


def test_a_dollar_amount_is_not_taken_for_math() -> None:
    (r,) = triage([Paper(id="d", title="$100K or 100 Days: Pre-Training on $5 GPUs")])
    assert r.title == "$100K or 100 Days: Pre-Training on $5 GPUs"
