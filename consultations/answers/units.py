"""Units typed with numbers, in each question's own unit: times in milliseconds, months,
hours of staff, percent and tokens (pages, paragraphs, words). Our assumptions are named."""

from __future__ import annotations

import functools
import re

from consultations.scripts import NumberKind

DAYS_A_MONTH = 365.25 / 12  # one month, everywhere: 30.44 days (a year of 365.25 over 12)
MS = {  # milliseconds in each time unit
    "ns": 1e-6,
    "us": 1e-3,
    "ms": 1.0,
    "s": 1e3,
    "min": 6e4,
    "h": 3.6e6,
    "d": 8.64e7,
    "w": 6.048e8,
    "mo": 8.64e7 * DAYS_A_MONTH,
    "y": 8.64e7 * DAYS_A_MONTH * 12,
}
BUSINESS_HOURS_A_WEEK = 40.0  # our assumptions, said back
WORKING_DAYS_A_WEEK = 5.0
FTE_HOURS_A_WEEK = 40.0  # one person full time (our assumption, said back in the note)
TOKENS_A_PAGE = 500.0  # as the question says: "a page is about 500"
TOKENS_A_PARAGRAPH = 150.0  # about 110 words (our assumption)
TOKENS_A_SENTENCE = 25.0  # about 20 words (our assumption)
TOKENS_A_WORD = 4 / 3  # English prose, about three words to four tokens (our assumption)
TO_BASE = {
    NumberKind.DURATION_MS: MS,
    NumberKind.MONTHS: {"d": 1 / DAYS_A_MONTH, "w": 12 / 52, "mo": 1.0, "y": 12.0},
    NumberKind.HOURS: {"min": 1 / 60, "h": 1.0, "d": 8.0, "w": 40.0, "fte": FTE_HOURS_A_WEEK},
    NumberKind.PERCENT: {"%": 1.0},
    NumberKind.TOKENS: {
        "page": TOKENS_A_PAGE,
        "paragraph": TOKENS_A_PARAGRAPH,
        "sentence": TOKENS_A_SENTENCE,
        "word": TOKENS_A_WORD,
    },
}
M_MEANS = {
    NumberKind.DURATION_MS: "min",
    NumberKind.MONTHS: "mo",
    NumberKind.HOURS: "min",
}  # what a bare "m" means

# the units a kind of question takes spelled out with "a"/"an"/"one" ("a year", "under a sec")
SPELLED = {
    NumberKind.TOKENS: ("page", "paragraph", "sentence"),
    NumberKind.MONTHS: ("year", "month", "week"),
    NumberKind.HOURS: ("day", "hour", "week"),
    NumberKind.DURATION_MS: (
        "ms",
        "millisecond",
        "sec",
        "second",
        "min",
        "minute",
        "hour",
        "day",
        "week",
    ),
}


def spelled_out(text: str, units: tuple[str, ...]) -> str:
    """One of a unit in words as a figure the lexer reads: "a year and a half" → "1.5 years",
    "2 hours and a half" → "2 and a half hours", "a paragraph" → "1 paragraph", "an afternoon"
    → "0.5 day"; never "half a year" or "half an hour" (the lexer reads those)."""
    for pattern, repl in _spelled(units):
        text = pattern.sub(functools.partial(_one_unit, text, repl), text)
    return text


def _one_unit(text: str, repl: str, m: re.Match[str]) -> str:
    return m.group(0) if _rate(text, m) else m.expand(repl)


_AFTER_FIGURE = re.compile(  # "30 min a day", "an hour a day": "a day" is a rate, not 1 day
    r"(?:\d|(?<![a-z])(?:min|mins|minutes?|h|hrs?|hours?|days?|weeks?|pages?|words?|twice|"
    r"thrice|times|x))\s*$",  # "2h twice a week": a rate too
    re.I,
)


def _rate(text: str, m: re.Match[str]) -> bool:
    return m.group(0)[:1].casefold() == "a" and bool(_AFTER_FIGURE.search(text[: m.start()]))


@functools.cache
def _spelled(units: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    alt = "|".join(units)
    rules = [
        (rf"(?<!half )\b(?:a|an|one)\s+({alt})s?\s+and\s+a\s+half\b", r"1.5 \1s"),
        (rf"\b(\d+|two|three)\s+({alt})s?\s+and\s+a\s+half\b", r"\1 and a half \2s"),
        (rf"(?<!half )\b(?:a|an|one)\s+(?=(?:{alt})s?\b)", "1 "),
    ]
    if "day" in units:
        rules.insert(0, (r"\b(?:an?|one)\s+(?:afternoon|morning)\b", "0.5 day"))
        # "Jens spends half his time on it": one person, half time
        rules.insert(0, (r"\bhalf\s+(?:of\s+)?(?:his|her|their|my)\s+time\b", "1 person half time"))
    return tuple((re.compile(p, re.I), r) for p, r in rules)


def unit_word(kind: NumberKind | None) -> str:
    """What a question of this kind asks for, as "… but I need ___ here" says it."""
    return _WANTED.get(kind, "a number") if kind else "a number"


_WANTED = {
    NumberKind.DURATION_MS: "a time",
    NumberKind.MONTHS: "months or years",
    NumberKind.HOURS: "hours",
    NumberKind.PERCENT: "a percentage",
    NumberKind.MONEY: "an amount of money",
    NumberKind.TOKENS: "a number of tokens (a page is about 500)",
}


# Things a count counts, typed after the figure ("3.5M requests", "500 users", "40 papers"):
# never an amount of money, nor a time; the noun is said back when the figure is refused
THINGS = re.compile(
    r"\s*(?:(?:api|model|llm|ai|agent|chat|support|user|input|output)\s+)?"
    r"(?P<noun>requests?|reqs?|calls?|quer(?:y|ies)|tokens?|toks?|users?|customers?|"
    r"subscribers?|messages?|msgs?|conversations?|chats?|sessions?|documents?|docs?|files?|"
    r"images?|pictures?|photos?|videos?|tickets?|e-?mails?|runs?|jobs?|transactions?|orders?|"
    r"invoices?|incidents?|vendors?|models?|prompts?|completions?|generations?|searches|"
    r"visits?|visitors?|page\s?views?|hits|clicks?|seats?|licen[cs]es?|accounts?|articles?|"
    r"papers?|contracts?|claims?|leads?|records?|rows?|events?|traces?|spans?|"
    r"sprints?|agents?(?!\s+on\b)|"  # not "2 agents on the team": people
    r"(?P<foreign>(?:durch)?läufe|anfragen|aufrufe|nutzer(?:innen)?|kunden|nachrichten|"
    r"dokumente|bilder|vorgänge|rechnungen|verträge|gespräche|requêtes|appels|utilisateurs))"
    r"(?![\w-])",  # German and French nouns are said back as typed
    re.I,
)


def things_named(noun: str) -> str:
    """A counted noun as "a number of ___" says it: "requests", "queries", "tokens"."""
    low = noun.casefold()
    if low in ("dau", "mau"):  # daily or monthly active users
        return "users"
    if (foreign := THINGS.fullmatch(noun)) and foreign["foreign"]:  # "Anfragen": as typed
        return noun
    if low.endswith("y"):
        return low[:-1] + "ies"
    return low if low.endswith("s") else low + "s"


_FRACTION_UNIT = (  # what a fraction typed with a slash is a share of: "1/2 day", "3/4 FTE"
    r"(?:(?:of\s+)?(?:an?|one|the)\s+)?(?P<unit>days?|hours?|hrs?|h|weeks?|months?|years?|"
    r"ftes?|persons?|people|engineers?|devs?|developers?)(?![\w-])"
)
_SLASHED = re.compile(  # "1/2 day", "2 1/2 days", "¾ of a FTE" (NFKC: "3⁄4"), "2½" ("21⁄2")
    r"(?<![\w.,/⁄])(?:(?P<whole>\d{1,3})(?:\s+|\s*-\s*|(?=\d⁄)))?(?P<n>\d)\s*(?P<slash>[/⁄])"
    rf"\s*(?P<d>[2-9]|1[0-2])(?![\d/⁄.,])(?P<after>\s*{_FRACTION_UNIT})?",
    re.I,
)
_DECIMAL_OF = re.compile(  # "0.75 of an engineer": 0.75 FTE, not 0.75 hours
    r"(?<![\w.,])(?P<v>\d*[.,]\d+)\s+of\s+(?:an?|one|the)\s+(?=(?:ftes?|persons?|engineers?|"
    r"devs?|developers?)(?![\w-]))",
    re.I,
)


def written_fractions(text: str) -> str:
    """A share written as a fraction, as a decimal the lexer reads: "1/2 day" → "0.5 day",
    "¾ of a FTE" → "0.75 FTE", "2 1/2 days" → "2.5 days". A slash between two figures is
    read so only before a time or people ("2.5/10" stays two prices); "½" always."""

    def decimal(m: re.Match[str]) -> str:
        n, d = int(m["n"]), int(m["d"])
        if n >= d or (m["slash"] == "/" and m["after"] is None):
            return m.group(0)
        value = (int(m["whole"]) if m["whole"] else 0) + n / d
        return f"{value:.4g} {m['unit']}" if m["after"] else f"{value:.4g}"

    return _DECIMAL_OF.sub(lambda m: f"{m['v']} ", _SLASHED.sub(decimal, text))


_H_MIN = re.compile(  # "2h30", "2h30min", "2:30 h": hours and minutes in one
    r"(?<![\w.,:])(?P<h>\d{1,3})\s?(?:h|hrs?|std)(?P<m>[0-5]\d)(?:\s?(?:m|mins?|minutes?))?"
    r"(?![\w%.,:])|(?<![\w.,:])(?P<ch>\d{1,3}):(?P<cm>[0-5]\d)(?P<unit>\s?(?:h|hrs?|hours?|std))?"
    r"(?![\w%.,:])",
    re.I,
)


def hours_and_minutes(text: str, hours_asked: bool) -> str:
    """ "2h30" → "2.5h" (the 30 was never read), and "2:30" too where hours are asked."""

    def decimal(m: re.Match[str]) -> str:
        if m["ch"] is not None and not (m["unit"] or hours_asked):
            return m.group(0)
        h, mins = (m["h"], m["m"]) if m["h"] is not None else (m["ch"], m["cm"])
        return f"{int(h) + int(mins) / 60:.4g}h"

    return _H_MIN.sub(decimal, text)
