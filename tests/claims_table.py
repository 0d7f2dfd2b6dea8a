"""The claim-to-source table (prompts/claims.toml), checked against the in-repo source texts.

``python -m tests.claims_table`` prints the counts (supported / hedged / assumption) and any
problem; tests/unit/test_claims.py asserts there are none.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROMPTS = ROOT / "prompts"
SOURCES = PROMPTS / "sources"
STATUSES = ("supported", "hedged", "assumption")
MAX_ANCHOR_WORDS = 20
HEDGES = (
    "may", "might", "appear", "suggest", "expect", "roughly", "article", "average", "demo",
    "could", "benchmarks", "illustration", "simulation", "can still",
)  # fmt: skip
OURS = ("our ", "assum", "suggestion", "caution", "check", "rule of thumb")
# research text the product states (where every sentence with a figure must rest on a claim)
CONTEXT_FIELDS = ("conference", "filter", "lab_signals", "advice_by_role")
SHIFT_FIELDS = ("summary", "facts", "consequence", "could_be_wrong")
SCRIPT_FIELDS = ("intro", "brief")
QUESTION_FIELDS = ("why",)
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
NOT_RESEARCH = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight) questions\b|\b(?:0-3|3-6|6-12) months\b|"
    r"2023-24"
)

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm(text: str) -> str:
    text = text.translate(_QUOTES).replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


@cache
def source_text(name: str) -> str:
    return norm((SOURCES / name).read_text(encoding="utf-8"))


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@cache
def product_text(file: str) -> str:
    """All the words a product file can show: TOML strings, or Python string literals."""
    path = ROOT / file
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        return norm("\n".join(_strings(tomllib.loads(raw))))
    tree = ast.parse(raw)
    parts = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    return norm("\n".join(p for p in parts if isinstance(p, str)))


def load_claims() -> list[dict[str, object]]:
    return list(tomllib.loads((PROMPTS / "claims.toml").read_text(encoding="utf-8"))["claims"])


def claim_problems(claims: list[dict[str, object]]) -> list[str]:
    problems: list[str] = []
    ids = [str(c.get("id")) for c in claims]
    problems += [f"{i}: id used twice" for i, n in Counter(ids).items() if n > 1]
    for c in claims:
        cid, status = c.get("id"), c.get("status")
        if status not in STATUSES:
            problems.append(f"{cid}: status {status!r} is not one of {STATUSES}")
            continue
        if status == "assumption":
            if not c.get("basis"):
                problems.append(f"{cid}: an assumption needs a basis")
        else:
            source, anchor = str(c.get("source", "")), str(c.get("anchor", ""))
            if not (SOURCES / source).is_file():
                problems.append(f"{cid}: no source file {source!r} in prompts/sources")
            elif norm(anchor) not in source_text(source):
                problems.append(f"{cid}: anchor not found verbatim in {source}: {anchor!r}")
            if len(anchor.split()) > MAX_ANCHOR_WORDS:
                problems.append(f"{cid}: anchor longer than {MAX_ANCHOR_WORDS} words")
            if (SOURCES / source).is_file():
                figures = set(FIGURE.findall(source_text(source))) | {"2025"}
                for u in c.get("used_in") or []:  # type: ignore[attr-defined]
                    for f in FIGURE.findall(norm(u["text"])):
                        if f not in figures:
                            problems.append(
                                f"{cid}: {u['file']} says {f}, which {source} never does"
                            )
        conditions = [str(k) for k in c.get("conditions") or []]  # type: ignore[attr-defined]
        used = c.get("used_in") or []
        if not used:
            problems.append(f"{cid}: used nowhere")
        for u in used:  # type: ignore[attr-defined]
            file, text = u["file"], norm(u["text"])
            if not (ROOT / file).is_file():
                problems.append(f"{cid}: no file {file}")
            elif text not in product_text(file):
                problems.append(f"{cid}: {file} does not say {text!r}")
            low = text.casefold()
            if status == "hedged" and not any(h in low for h in HEDGES):
                problems.append(f"{cid}: {file} states a hedged claim without a hedge: {text!r}")
            if status == "assumption" and not any(o in low for o in OURS):
                problems.append(f"{cid}: {file} states an assumption as fact: {text!r}")
            if conditions and not any(k.casefold() in low for k in conditions):
                problems.append(
                    f"{cid}: {file} states it without its condition ({' / '.join(conditions)}): "
                    f"{text!r}"
                )
    return problems


def research_sentences() -> dict[str, list[str]]:
    """Sentences with a figure in the research text of context.toml and the consultation TOMLs."""
    out: dict[str, list[str]] = {}
    ctx = tomllib.loads((PROMPTS / "context.toml").read_text(encoding="utf-8"))
    texts = [ctx[f] for f in CONTEXT_FIELDS] + [
        s for shift in ctx["shifts"] for f in SHIFT_FIELDS for s in _strings(shift.get(f, ""))
    ]
    out["prompts/context.toml"] = texts
    for path in sorted((PROMPTS / "consultations").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        texts = [data[f] for f in SCRIPT_FIELDS] + [
            q[f] for q in data["questions"] for f in QUESTION_FIELDS
        ]
        out[f"prompts/consultations/{path.name}"] = texts
    sentences: dict[str, list[str]] = {}
    for file, chunks in out.items():
        for chunk in chunks:
            for s in re.split(r"(?<=[.;?!])\s+", norm(chunk)):
                if re.search(r"\d", NOT_RESEARCH.sub("", s)):
                    sentences.setdefault(file, []).append(s)
    return sentences


def uncovered(claims: list[dict[str, object]]) -> list[str]:
    """Research sentences with a figure that no claim's used_in text covers."""
    said: dict[str, list[str]] = {}
    for c in claims:
        for u in c.get("used_in") or []:  # type: ignore[attr-defined]
            said.setdefault(u["file"], []).append(norm(u["text"]))
    missing = []
    for file, sentences in research_sentences().items():
        for s in sentences:
            if not any(t in s or s in t for t in said.get(file, [])):
                missing.append(f"{file}: {s}")
    return missing


MAX_COPIED_WORDS = 12  # facts come from the sources, never their sentences


def _words(text: str) -> list[str]:
    return re.findall(r"[\w%@'.,-]+", norm(text).casefold().replace("τ_", "tau_"))


def _bare(words: list[str]) -> list[str]:
    return [w.strip(".,") for w in words]


@cache
def _source_grams(n: int) -> frozenset[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for path in SOURCES.iterdir():
        if path.name != "README.md":
            w = _bare(_words(path.read_text(encoding="utf-8")))
            grams.update(tuple(w[i : i + n]) for i in range(len(w) - n + 1))
    return frozenset(grams)


def copied(text: str, max_words: int = MAX_COPIED_WORDS) -> list[str]:
    """Runs of more than ``max_words`` consecutive words ``text`` shares with a source;
    a paper's title (prompts/context.toml) may be quoted, and breaks a run."""
    n, grams = max_words + 1, _source_grams(max_words + 1)
    ctx = tomllib.loads((PROMPTS / "context.toml").read_text(encoding="utf-8"))
    titles = [" ".join(_bare(_words(s.get("paper", "")))) for s in ctx["shifts"]]
    said = " ".join(_bare(_words(text)))
    for t in titles:
        said = said.replace(t, "⟨title⟩") if t else said
    w, out, i = said.split(), [], 0
    while i <= len(w) - n:
        if tuple(w[i : i + n]) not in grams:
            i += 1
            continue
        j = i + n
        while j < len(w) and tuple(w[j - n + 1 : j + 1]) in grams:
            j += 1
        out.append(" ".join(w[i:j]))
        i = j
    return out


def copied_runs(files: list[str]) -> list[str]:
    return [f"{file}: {run}" for file in files for run in copied(product_text(file))]


def counts(claims: list[dict[str, object]]) -> Counter[str]:
    return Counter(str(c["status"]) for c in claims)


def main() -> int:
    claims = load_claims()
    c = counts(claims)
    places = sum(len(x.get("used_in") or []) for x in claims)  # type: ignore[arg-type]
    print(
        f"{len(claims)} claims: {c['supported']} supported, {c['hedged']} hedged, "
        f"{c['assumption']} assumption; {places} places in the product cite them"
    )
    problems = claim_problems(claims) + [f"uncovered: {u}" for u in uncovered(claims)]
    for p in problems:
        print(f"  problem: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
