"""The language answers are written in, when it is French or German, and what that says of an
amount typed with no currency: euros, said back as an assumption ("read as euros: you wrote in
French and typed no currency"), never dollars in silence. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable

from consultations.answers.model import Answer
from consultations.scripts import NumberKind, Question

_WORDS = {  # words of each language seldom typed in English answers
    "French": frozenset(
        [
            "environ",
            "par",
            "mois",
            "pour",
            "le",
            "la",
            "les",
            "des",
            "du",
            "est",
            "sont",
            "nous",
            "avec",
            "sur",
            "dans",
            "une",
            "pas",
            "mais",
            "très",
            "chaque",
            "fournisseurs",
            "fournisseur",
            "jours",
            "semaine",
            "semaines",
            "année",
            "ans",
            "c'est",
            "qu'un",
            "ça",
            "aux",
            "au",
            "notre",
            "nos",
            "leur",
            "coûts",
            "dépenses",
            "prix",
            "aucune",
            "idée",
            "peut",
            "être",
        ]
    ),
    "German": frozenset(
        [
            "etwa",
            "ungefähr",
            "rund",
            "im",
            "monat",
            "monatlich",
            "und",
            "der",
            "das",
            "ist",
            "wir",
            "nicht",
            "mit",
            "für",
            "bei",
            "alle",
            "anbieter",
            "ein",
            "eine",
            "jahr",
            "tage",
            "woche",
            "wochen",
            "auch",
            "aber",
            "sind",
            "haben",
            "kosten",
            "unsere",
            "unser",
            "kunden",
            "preis",
            "ausgaben",
            "keine",
            "ahnung",
            "vielleicht",
            "mio",
        ]
    ),
}
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "a",
        "an",
        "about",
        "around",
        "per",
        "month",
        "is",
        "we",
        "our",
        "for",
        "with",
        "it",
        "of",
        "to",
    ]
)
_WORD = re.compile(r"[a-zà-öø-ÿ']+")
_NOTE = "read as euros: you wrote in {} and typed no currency (type $ or CHF with it if not)"
_NOTED = re.compile(r"read as euros: you wrote in (\w+) and typed no currency")


def euros_because(answer: Answer) -> str | None:
    """The language an answer's euros were assumed from ("French"), or None when typed."""
    m = _NOTED.search(answer.note or "")
    return m.group(1) if m else None


def written_in(text: str) -> str | None:
    """ "environ 5000 par mois": French; "etwa 5000 im Monat": German; None for English, or
    too few words to tell (three of its words at least: "est. 5k, LA office" is English)."""
    words = set(_WORD.findall(text.casefold()))
    hits = {lang: len(words & vocabulary) for lang, vocabulary in _WORDS.items()}
    lang = max(hits, key=lambda k: hits[k])
    others = max(v for k, v in hits.items() if k != lang)
    if hits[lang] >= 3 and hits[lang] > others and hits[lang] > len(words & _ENGLISH):
        return lang
    return None


def euros_assumed(question: Question, answer: Answer, earlier: Iterable[Answer] = ()) -> Answer:
    """An amount with no currency, typed by someone writing French or German (in this answer or
    the ones before it): in euros, with the assumption said back. Unchanged otherwise, and when
    an earlier answer named a currency."""
    if question.kind is not NumberKind.MONEY or answer.currency or answer.skipped:
        return answer
    if answer.number is None and not answer.numbers:
        return answer
    before = list(earlier)
    if any(a.currency for a in before):
        return answer
    lang = written_in(answer.raw) or written_in(" ".join(a.raw for a in before))
    if lang is None:
        return answer
    note = "; ".join(filter(None, [answer.note, _NOTE.format(lang)]))
    return answer.model_copy(update={"currency": "EUR", "note": note})
