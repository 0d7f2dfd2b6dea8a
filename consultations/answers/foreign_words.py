"""Small numbers spelled out in German and French before what they count ("eine Stunde",
"zwei Tage", "deux heures", "trois mois"): written as digits, so the figure reads. Pure."""

from __future__ import annotations

import re

_GERMAN: tuple[str, ...] = ("ein|eine|einen|einem|einer", "zwei", "drei", "vier", "fünf|fuenf")
_GERMAN += ("sechs",)
_GERMAN += ("sieben", "acht", "neun", "zehn", "elf", "zwölf|zwoelf")
_FRENCH: tuple[str, ...] = ("un|une", "deux", "trois", "quatre", "cinq", "", "sept", "huit")
_FRENCH += ("neuf", "dix")  # "six" is English too, and read as such
_FRENCH += ("onze", "douze")
_VALUES = {
    word: n
    for words in (_GERMAN, _FRENCH)
    for n, alternatives in enumerate(words, 1)
    for word in alternatives.split("|")
    if word
}
_COUNTED = (  # what a small number is written before: times, pages, people, scales
    r"stunden?|std|tage?n?|wochen?|monate?n?|jahre?n?|minuten?|seiten?|personen|leute|"
    r"entwickler(?:innen)?|mitarbeiter(?:innen)?|millionen|million|milliarden?|tausend|"
    r"heures?|jours?|semaines?|mois|ans?|ann[ée]es?|minutes?|pages?|personnes?|"
    r"d[ée]veloppeurs?|millions?|milliards?|milliers?|mille|prozent|pour\s?cent"
)
_WORDS = "|".join(sorted(_VALUES, key=len, reverse=True))
_SPELLED = re.compile(  # "zwei Tage"; "ein bis zwei Millionen": the range's first number too
    rf"(?<![\w-])(?P<n>{_WORDS})\s+(?=(?:{_COUNTED})\b|(?:bis|oder|à|ou)\s+(?:{_WORDS}|\d))",
    re.I,
)


_HALVES = re.compile(  # "ein halber Tag", "eine halbe Stunde", "anderthalb Tage", "une demi-heure"
    r"(?<![\w-])(?:(?P<one>anderthalb|eineinhalb|einhalb)|(?:(?:ein|eine|einen|einem|einer)\s+)?"
    rf"halbe[nrs]?|(?:une?\s+)?demi-?)\s*(?=(?:{_COUNTED}|heure|journ[ée]e)\b)",
    re.I,
)
_ONE_YEAR = re.compile(  # "1 an": French for a year ("$5 an hour" is English's article)
    r"(?<![\w.,])(?P<n>\d+)\s+an(?=\s*(?:$|[,.;)])|\s+(?:et|de|pour|environ|ou|max)\b)", re.I
)


_DOZEN = re.compile(  # "ein Dutzend", "zwei Dutzend", "une douzaine de …"
    rf"(?<![\w-])(?:(?P<n>\d{{1,2}}|{'|'.join(sorted(_VALUES, key=len, reverse=True))})\s+)?"
    r"(?:dutzend|douzaines?)(?![\w-])(?:\s+de\b)?",
    re.I,
)


def _dozens(m: re.Match[str]) -> str:
    n = m.group("n")
    return str(12 * (int(n) if n and n.isdigit() else _VALUES.get((n or "").casefold(), 1)))


def foreign_numbers(text: str) -> str:
    """ "eine Stunde pro Woche" → "1 Stunde pro Woche"; "deux heures" → "2 heures"; "un an"
    → "1 ans" (a year, not 1 of the question's unit)."""
    text = _HALVES.sub(lambda m: "1.5 " if m.group("one") else "0.5 ", text)
    text = re.sub(r"(?<=0\.5 )journ[ée]e\b", "jour", text, flags=re.I)  # "demi-journée"
    text = _DOZEN.sub(_dozens, text)  # "ein Dutzend" is 12, "zwei Dutzend" 24
    text = _SPELLED.sub(lambda m: f"{_VALUES[m.group('n').casefold()]} ", text)
    return _ONE_YEAR.sub(lambda m: f"{m.group('n')} ans", text)
