"""Ranking quality of the offline scorer against the hand labels in bench/triage_labels/.

    .venv/bin/python bench/triage_quality.py [--split dev|heldout]

Imported by bench/triage_bench.py (which reports both halves). Two settings:
- titles: every paper of both built-in sets scored from its title alone (6,279 papers);
- abstracts: the 418 COLM papers scored from title and abstract.
Each setting is reported per source of its labelled papers. AUC is over the labelled papers of
the split (relevant = label 1 or 2); AUC(2) is label 2 against the rest; recall@5% is the share
of label-2 papers ranked inside the top 5% of the whole setting (the LLM slice), with the count;
P@20 is the share of label >= 1 among the 20 best-ranked labelled papers of that source.
`label` is the current (v2) rubric, `label_v1` the first one (only the v1 sample has it).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LABELS = ROOT / "bench" / "triage_labels" / "labels.csv"
BRIEF_PAPERS = ("121421", "120216", "115731", "119372", "119944")
SETTINGS = {"titles": ("neurips2025", "colm2025"), "abstracts": ("colm2025",)}


def labels(split: str, column: str = "label") -> dict[str, tuple[str, int]]:
    """id -> (source, label) for the split; papers without a value in ``column`` left out."""
    with LABELS.open(newline="", encoding="utf-8") as f:
        return {
            r["id"]: (r["source"], int(r[column]))
            for r in csv.DictReader(f)
            if r["split"] == split and r[column] != ""
        }


def auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(positive, dtype=bool)
    pos, neg = s[y], s[~y]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def corpora():  # type: ignore[no-untyped-def]
    from consultations.adapters.paper_sources import builtin

    neurips, colm = list(builtin("neurips2025")), list(builtin("colm2025"))
    titles = neurips + [p.model_copy(update={"abstract": ""}) for p in colm]
    return {"titles": titles, "abstracts": colm}


Scorer = Callable[[Sequence[object]], np.ndarray]
Row = dict[str, float]


def evaluate(score: Scorer, split: str, column: str = "label", corpus=None) -> dict[str, Row]:  # type: ignore[no-untyped-def]
    """Figures per "setting/source", plus the brief papers' ranks under "titles"."""
    truth = labels(split, column)
    out: dict[str, Row] = {}
    for name, papers in (corpus or corpora()).items():
        s = score(papers)
        ids = [p.id for p in papers]
        order = np.argsort(-s, kind="stable")
        rank = np.empty(len(ids), dtype=np.int64)
        rank[order] = np.arange(len(ids))
        cut = max(1, int(np.ceil(len(ids) * 0.05)))
        sources = SETTINGS[name] + (("all",) if len(SETTINGS[name]) > 1 else ())
        for source in sources:
            lab = [
                (i, truth[pid][1])
                for i, pid in enumerate(ids)
                if pid in truth and source in (truth[pid][0], "all")
            ]
            ys = [y for _, y in lab]
            ls = [s[i] for i, _ in lab]
            twos = [i for i, y in lab if y == 2]
            best20 = sorted(lab, key=lambda iy: -s[iy[0]])[:20]
            out[f"{name}/{source}"] = {
                "n": len(lab),
                "auc": auc(ls, [y >= 1 for y in ys]),
                "auc2": auc(ls, [y == 2 for y in ys]),
                "twos": len(twos),
                "hits": sum(int(rank[i] < cut) for i in twos),
                "p20": float(np.mean([y >= 1 for _, y in best20])),
                "cut": cut,
            }
        if name == "titles":
            pos = {pid: int(rank[i]) for i, pid in enumerate(ids)}
            out["brief"] = {b: pos[b] for b in BRIEF_PAPERS} | {"cut": cut, "of": len(ids)}
    return out


def report(results: dict[str, dict[str, Row]], title: str) -> None:
    print(f"\n{title}")
    print(
        f"{'scorer':<18}{'setting/source':<22}{'n':>5}{'AUC':>7}{'AUC(2)':>8}"
        f"{'recall@5%':>15}{'P@20':>7}"
    )
    for scorer, res in results.items():
        for key, r in res.items():
            if key == "brief":
                continue
            recall = (
                f"{r['hits'] / r['twos']:.2f} ({r['hits']:.0f}/{r['twos']:.0f})"
                if r["twos"]
                else "-"
            )
            print(
                f"{scorer:<18}{key:<22}{r['n']:>5.0f}{r['auc']:>7.3f}{r['auc2']:>8.3f}"
                f"{recall:>15}{r['p20']:>7.2f}"
            )


def report_brief(results: dict[str, dict[str, Row]]) -> None:
    """Where the brief's five NeurIPS shift papers rank (titles setting); reported only."""
    for scorer, res in results.items():
        b = res["brief"]
        ranks = ", ".join(f"{p}: {b[p] + 1:.0f}" for p in BRIEF_PAPERS)
        inside = sum(b[p] < b["cut"] for p in BRIEF_PAPERS)
        print(
            f"brief papers' rank ({scorer}, titles, of {b['of']:,.0f}; top 5% = "
            f"{b['cut']:.0f}): {ranks}; {inside} of 5 inside the top 5%"
        )


def scorers() -> dict[str, Scorer]:
    from consultations.adapters.triage_model import default_model
    from consultations.triage.scorer import score

    def lexicon(papers):  # type: ignore[no-untyped-def]
        return score(papers, cues=False).combined

    def no_cues(papers):  # type: ignore[no-untyped-def]
        return score(papers, semantic=default_model(), cues=False).combined

    def hand(papers):  # type: ignore[no-untyped-def]
        return score(papers, semantic=default_model(), learned=False).combined

    def ours(papers):  # type: ignore[no-untyped-def]
        return score(papers, semantic=default_model()).combined

    return {"lexicon": lexicon, "lsa (no cues)": no_cues, "lsa + cues": hand, "learned": ours}


def main() -> None:
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "dev"
    corpus = corpora()
    for column in ("label", "label_v1"):
        results = {n: evaluate(fn, split, column, corpus) for n, fn in scorers().items()}
        report(results, f"{split} half, `{column}` (rubric in bench/triage_labels/RUBRIC.md):")
    report_brief(results)


if __name__ == "__main__":
    main()
