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
    weights = np.array([(profile or Profile()).weights[q] for q in QUESTIONS], dtype=np.float64)
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
                why=_why(s, int(i), answered, (row if sim is None else row + sim) * weights),
                source=p.source,
                url=p.urls[0] if p.urls else None,
            )
        )
    return results


def _why(s: Scores, i: int, answered: list[str], row: np.ndarray) -> str:
    # the question the paper answers most strongly (``row``: its strength times the reader's
    # weight) leads, with its own evidence
    best = sorted(answered, key=lambda q: -float(row[QUESTIONS.index(q)])) or [
        QUESTIONS[int(np.argmax(row))]
    ]
    q = QUESTIONS.index(best[0])
    evidence = [c for c in s.claims[i]][:2] + s.phrases(i, q, limit=6)
    if len(evidence) < 2:  # no lexicon phrase: the paper's words nearest the question
        evidence += s.near(i, q)
    # every phrase the paper matched, for any question: a word inside a longer one is no
    # evidence of its own ("inference" in "membership inference")
    matched = [e for k in range(len(QUESTIONS)) for e in s.phrases(i, k, limit=6)]
    evidence = _distinct([e.strip()[:40] for e in evidence], [*s.claims[i], *matched])[:3]
    named = ", ".join(best[:-1]) + f" and {best[-1]}" if len(best) > 1 else best[0]
    quoted = ", ".join(repr(e) for e in evidence)
    canon = f"; from your canon ({', '.join(s.canon[i][:2])})" if s.canon[i] else ""
    topics = s.topics[i] if i < len(s.topics) else []
    topic = f"; on your topic {', '.join(repr(t) for t in topics[:2])}" if topics else ""
    cues = list(s.cues[i][:2]) if i < len(s.cues) else []
    if answered:
        head = f"Answers {named}" + (f": {quoted}" if quoted else "")
    elif cues:  # the cue is why it ranks: it leads, and the nearest question is only that
        first = cues.pop(0)
        near = f" ({quoted})" if quoted else ""
        head = f"{first[0].upper()}{first[1:]}; nearest question {best[0]}{near}"
        head += ", not answered outright"
    else:
        head = f"No question outright; closest to {best[0]}" + (f": {quoted}" if quoted else "")
    cue = "".join(f"; {c}" for c in cues)
    return f"{head}{canon}{topic}{cue}."


def _distinct(evidence: list[str], matched: list[str]) -> list[str]:
    """Evidence without repeats: no phrase inside a longer matched one ("speculative" beside
    "speculative decoding", "compression" beside "6.4× compression") and one form of a word
    ("jailbreak", not also "jailbreaks" and "jailbreaking")."""
    out: list[str] = []
    seen: set[str] = set()
    for e in evidence:
        words = e.casefold().replace("-", " ").split()
        longer = [m.casefold().replace("-", " ") for m in matched]
        if any(f" {' '.join(words)} " in f" {m} " for m in longer if len(m.split()) > len(words)):
            continue
        key = " ".join(w[:6] for w in words)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


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
