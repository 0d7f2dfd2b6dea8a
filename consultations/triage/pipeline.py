"""Rank papers and explain each pick in one sentence built only from matched evidence. Pure."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Sequence

import numpy as np

from consultations.triage.lexicon import QUESTIONS
from consultations.triage.papers import Paper
from consultations.triage.results import TriageResult
from consultations.triage.scorer import Profile, Scores, answers, score
from consultations.triage.semantic import SemanticModel

_VERB = {"cost": "cost", "failure": "failure", "compute": "compute"}


def triage(
    papers: Sequence[Paper],
    profile: Profile | None = None,
    top: int | None = 20,
    semantic: SemanticModel | None = None,
) -> list[TriageResult]:
    """The ``top`` papers, best first. With ``semantic`` (the corpus's LSA model, from
    `consultations.adapters.triage_model.default_model()`), similarity to the questions counts."""
    if not papers:
        return []
    s = score(papers, profile, semantic)
    k = len(papers) if top is None else min(top, len(papers))
    order = np.argsort(-s.combined, kind="stable")[:k]
    results = []
    for i in order:
        p = papers[int(i)]
        row = s.per_question[i]
        sim = s.similarity[i] if s.similarity is not None else None
        answered = answers(row, sim)
        results.append(
            TriageResult(
                id=p.id,
                title=p.title,
                score=round(float(s.combined[i]), 1),
                scores={q: round(float(v), 3) for q, v in zip(QUESTIONS, row, strict=True)},
                questions=answered,
                why=_why(s, int(i), answered, row if sim is None else row + sim),
                source=p.source,
                url=p.urls[0] if p.urls else None,
            )
        )
    return results


def _why(s: Scores, i: int, answered: list[str], row: np.ndarray) -> str:
    best = answered or [QUESTIONS[int(np.argmax(row))]]
    q = QUESTIONS.index(best[0])
    evidence = [c for c in s.claims[i]][:2] + s.phrases(i, q, limit=3)
    if len(evidence) < 2:  # no lexicon phrase: the paper's words nearest the question
        evidence += s.near(i, q)
    evidence = list(dict.fromkeys(e.strip()[:40] for e in evidence))[:3]
    named = ", ".join(best[:-1]) + f" and {best[-1]}" if len(best) > 1 else best[0]
    head = f"Answers {named}" if answered else f"No question outright; closest to {best[0]}"
    tail = f": {', '.join(repr(e) for e in evidence)}" if evidence else ""
    canon = f"; from your canon ({', '.join(s.canon[i][:2])})" if s.canon[i] else ""
    topics = s.topics[i] if i < len(s.topics) else []
    topic = f"; on your topic {', '.join(repr(t) for t in topics[:2])}" if topics else ""
    cues = s.cues[i] if i < len(s.cues) else []
    cue = "".join(f"; {c}" for c in cues[:2])
    return f"{head}{tail}{canon}{topic}{cue}."


def to_jsonl(results: Sequence[TriageResult]) -> str:
    return "".join(
        json.dumps(r.model_dump(exclude={"url"}), ensure_ascii=False) + "\n" for r in results
    )


def to_csv(results: Sequence[TriageResult]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["id", "title", "score", *QUESTIONS, "questions", "why", "source"])
    for r in results:
        w.writerow(
            [
                r.id,
                r.title,
                r.score,
                *(r.scores[q] for q in QUESTIONS),
                ";".join(r.questions),
                r.why,
                r.source,
            ]
        )
    return out.getvalue()


def to_table(results: Sequence[TriageResult], width: int = 100) -> str:
    """A table for a terminal; a long title wraps under its column, whole."""
    lines = [f"{'#':>3}  {'score':>5}  {'answers':<22} title"]
    for n, r in enumerate(results, 1):
        first, *more = textwrap.wrap(r.title, max(width - 35, 20)) or [""]
        lines.append(f"{n:>3}  {r.score:>5.1f}  {','.join(r.questions) or '-':<22} {first}")
        lines += [f"{'':>35}{line}" for line in more]
        lines.append(f"{'':>13}{r.why}")
    return "\n".join(lines)
