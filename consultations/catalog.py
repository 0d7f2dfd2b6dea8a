"""Loading the eight consultation scripts and the shared research context from prompts/."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from consultations.answers import AnswerError, parse_answer
from consultations.scripts import ConsultationScript, ResearchContext

_T = TypeVar("_T", ConsultationScript, ResearchContext)

DEFAULT_PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"


class CatalogError(RuntimeError):
    """A prompts file is missing or does not validate; the message names the file."""


class UnknownConsultation(LookupError):
    pass


_FILLER = {  # words that name no consultation
    "the",
    "one",
    "a",
    "an",
    "please",
    "consultation",
    "consult",
    "on",
    "about",
    "for",
    "start",
    "do",
    "thing",
    "i",
    "want",
    "to",
    "run",
    "open",
    "go",
    "with",
    "lets",
    "let's",
    "let",
    "us",
}


_ONE_TO_EIGHT = ("one", "two", "three", "four", "five", "six", "seven", "eight")
_FIRST_TO_EIGHTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_NUMBER_WORDS = {  # "three", "third", "no. 3", "3rd"
    **{w: str(n) for n, w in enumerate(_ONE_TO_EIGHT, 1)},
    **{w: str(n) for n, w in enumerate(_FIRST_TO_EIGHTH, 1)},
    **{f"no. {n}": str(n) for n in range(1, 9)},
    **{
        f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd' if n == 3 else 'th'}": str(n)
        for n in range(1, 9)
    },
}


def _words_of(s: ConsultationScript) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", f"{s.slug} {s.title}".casefold()))


@dataclass(frozen=True)
class Catalog:
    scripts: tuple[ConsultationScript, ...]
    context: ResearchContext

    def find(self, ref: str | int) -> ConsultationScript:
        """By number ("3"), slug ("edge-economics"), a unique start of the slug or title, or
        words only one of them has ("the edge one"); when several have them, only those are
        offered."""
        text = " ".join(str(ref).strip().casefold().lstrip("#").split())
        text = _NUMBER_WORDS.get(text, text)  # "three", "no. 3", "the 3rd"
        slug = text.replace(" ", "-").replace("_", "-")  # "attention readiness"
        for s in self.scripts:
            if text in (str(s.number), s.title.casefold()) or slug == s.slug:
                return s
        starts = [
            s
            for s in self.scripts
            if s.slug.startswith(slug) or s.title.casefold().startswith(text)
        ]
        if text and len(starts) == 1:
            return starts[0]
        words = self._spelled(set(re.findall(r"[a-z0-9]+", text))) - _FILLER  # "the edge one"
        number = _NUMBER_WORDS.get(next(iter(words)), next(iter(words))) if len(words) == 1 else ""
        for s in self.scripts if number.isdigit() else ():  # "3 please", "three, thanks"
            if number == str(s.number):
                return s
        named = [s for s in self.scripts if words and words <= _words_of(s)]
        if len(named) == 1:
            return named[0]
        some = named or self.scripts
        raise UnknownConsultation(
            f"No consultation called {str(ref)[:40]!r}. Choose 1-{len(self.scripts)} or a name: "
            + ", ".join(s.slug for s in some)
        )

    def closest(self, ref: str) -> ConsultationScript | None:
        """The one consultation a mistyped name is nearest to ("edgy": edge-economics), by
        edits to its slug or a word of its slug or title; None when none is near, or two are."""
        text = " ".join(str(ref).casefold().lstrip("#").split())
        typed = {text.replace(" ", "-"), *re.findall(r"[a-z0-9]+", text)} - _FILLER
        best: dict[str, int] = {}
        for s in self.scripts:
            known = {s.slug, *(w for w in _words_of(s) if len(w) >= 4)}
            for t in (t for t in typed if len(t) >= 4):
                d = min(edit_distance(t, k) for k in known)
                if d <= (1 if len(t) <= 5 else 2):
                    best[s.slug] = min(d, best.get(s.slug, d))
        if not best:
            return None
        nearest = min(best.values())
        slugs = [slug for slug, d in best.items() if d == nearest]
        return self.by_slug(slugs[0]) if len(slugs) == 1 else None

    def _spelled(self, words: set[str]) -> set[str]:
        """Each word as the catalog spells it: a slip of the keyboard ("economcs", "attension",
        "cosult") read as the one word it is closest to; a word near none is kept as typed."""
        known = set().union(_FILLER, *(_words_of(s) for s in self.scripts))
        out = set()
        for w in words:
            close = get_close_matches(w, known, n=1, cutoff=0.8) if len(w) >= 5 else []
            out.add(w if w in known or not close else close[0])
        return out

    def by_slug(self, slug: str) -> ConsultationScript:
        for s in self.scripts:
            if s.slug == slug:
                return s
        raise UnknownConsultation(slug)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein: the fewest single-character insertions, deletions and substitutions."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def load_catalog(prompts_dir: Path = DEFAULT_PROMPTS_DIR) -> Catalog:
    files = sorted((prompts_dir / "consultations").glob("*.toml"))
    if not files:
        raise CatalogError(f"no consultation scripts in {prompts_dir / 'consultations'}")
    scripts = tuple(_load(f, ConsultationScript) for f in files)
    for script in scripts:
        _settles(script)
    numbers = [s.number for s in scripts]
    if numbers != list(range(1, len(scripts) + 1)):
        raise CatalogError(
            f"consultations must be numbered 1..{len(scripts)} in file order: {numbers}"
        )
    context = _load(prompts_dir / "context.toml", ResearchContext)
    return Catalog(scripts=scripts, context=context)


def _settles(script: ConsultationScript) -> None:
    """Each answer a script records for a question it does not ask reads by that question's
    own rules (a typo in "We use only one" would fail the first user it settles)."""
    for q in script.questions:
        if q.moot is not None and q.moot.answer is not None:
            try:
                parse_answer(q, q.moot.answer)
            except AnswerError as e:
                raise CatalogError(f"{script.slug}: {q.key}: moot answer: {e}") from e


def _load(path: Path, model: type[_T]) -> _T:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return model.model_validate(data)
    except FileNotFoundError as e:
        raise CatalogError(f"missing prompts file: {path}") from e
    except (tomllib.TOMLDecodeError, ValidationError) as e:
        raise CatalogError(f"{path}: {e}") from e
