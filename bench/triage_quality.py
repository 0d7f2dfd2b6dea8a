"""Ranking quality of the offline scorer against the hand labels in bench/triage_labels/.

    .venv/bin/python bench/triage_quality.py [--split dev|heldout]

Imported by bench/triage_bench.py (which reports the held-out half). Two settings:
- titles: every paper of both built-in sets scored from its title alone (6,279 papers);
- abstracts: the 418 COLM papers scored from title and abstract.
AUC is over the labelled papers of the split (relevant = label 1 or 2; and label 2 against the
rest); recall is the share of label-2 papers ranked inside the top 5% of the whole setting (the
LLM slice); precision@20 is the share of label >= 1 among the 20 best-ranked labelled papers.
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


def labels(split: str) -> dict[str, int]:
    with LABELS.open(newline="", encoding="utf-8") as f:
        return {r["id"]: int(r["label"]) for r in csv.DictReader(f) if r["split"] == split}


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


def evaluate(score: Scorer, split: str) -> dict[str, dict[str, float]]:
    truth = labels(split)
    out: dict[str, dict[str, float]] = {}
    for name, papers in corpora().items():
        s = score(papers)
        ids = [p.id for p in papers]
        order = np.argsort(-s, kind="stable")
        rank = np.empty(len(ids), dtype=np.int64)
        rank[order] = np.arange(len(ids))
        cut = max(1, int(np.ceil(len(ids) * 0.05)))
        lab = [(i, truth[pid]) for i, pid in enumerate(ids) if pid in truth]
        ls = [s[i] for i, _ in lab]
        ys = [y for _, y in lab]
        twos = [i for i, y in lab if y == 2]
        best20 = sorted(lab, key=lambda iy: -s[iy[0]])[:20]
        out[name] = {
            "n": len(lab),
            "auc": auc(ls, [y >= 1 for y in ys]),
            "auc2": auc(ls, [y == 2 for y in ys]),
            "recall5": float(np.mean([rank[i] < cut for i in twos])) if twos else float("nan"),
            "p20": float(np.mean([y >= 1 for _, y in best20])),
            "p20_2": float(np.mean([y == 2 for _, y in best20])),
            "cut": cut,
            # label-2 share in the sample × corpus size: how many label-2 papers the cut must hold
            "ceiling": min(1.0, cut / (len(ids) * (len(twos) / max(1, len(lab))))) if twos else 1,
        }
        if name == "titles":
            pos = {pid: rank[i] for i, pid in enumerate(ids)}
            for b in BRIEF_PAPERS:
                out[name][f"pct_{b}"] = 100 * pos[b] / len(ids)
    return out


def report(results: dict[str, dict[str, dict[str, float]]], split: str) -> None:
    print(f"\nranking quality on the {split} labels (bench/triage_labels, rubric in RUBRIC.md):")
    print(
        f"{'scorer':<12}{'setting':<11}{'n':>5}{'AUC':>7}{'AUC(2)':>8}{'recall@5%':>11}"
        f"{'~max':>9}{'P@20':>7}{'P@20(2)':>9}"
    )
    for scorer, res in results.items():
        for name, r in res.items():
            print(
                f"{scorer:<12}{name:<11}{r['n']:>5.0f}{r['auc']:>7.3f}{r['auc2']:>8.3f}"
                f"{r['recall5']:>11.2f}{r['ceiling']:>9.2f}{r['p20']:>7.2f}{r['p20_2']:>9.2f}"
            )
    for scorer, res in results.items():
        pct = ", ".join(f"{b}: {res['titles'][f'pct_{b}']:.1f}" for b in BRIEF_PAPERS)
        print(f"brief papers' percentile ({scorer}, titles, of 6,279; lower is better): {pct}")
    print(
        "targets: AUC >= 0.85 for titles and abstracts; recall@5% >= 0.8. ~max estimates the best "
        "recall any ranking can reach: top 5% / (label-2 share of the sample x corpus size)"
    )


def scorers() -> dict[str, Scorer]:
    from consultations.triage.scorer import score

    def lexicon(papers):  # type: ignore[no-untyped-def]
        return score(papers).combined

    def ours(papers):  # type: ignore[no-untyped-def]
        from consultations.adapters.triage_model import default_model

        return score(papers, semantic=default_model()).combined

    return {"lexicon": lexicon, "semantic": ours}


def main() -> None:
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "dev"
    results = {name: evaluate(fn, split) for name, fn in scorers().items()}
    report(results, split)


if __name__ == "__main__":
    main()
