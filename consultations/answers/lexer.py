"""Every number in a line as people write it: digits in any convention, words, scales, units.

``scan`` finds the quantities; each keeps every value its digits allow (``1.200`` is 1.2 or
1,200), its scale (k, M, "million"), its unit (``ms``, ``years``, ``%``) and its currency as
typed. Deciding between readings is left to :mod:`consultations.answers.numbers`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from consultations.answers.money import PREFIX, SUFFIX, currency_code

_GROUP_SPACES = " \u00a0\u202f\u2009'’"
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<digits>\d{1,3}(?:[ \u00a0\u202f\u2009'’]\d{3}(?!\d))+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)*|[.,]\d+)"
    r"(?P<exp>[eE][+-]?\d{1,3}(?!\d)|\s*[x×*]\s*10\s*\^\s*[+-]?\d{1,3}|\s*\^\s*\d{1,2}(?!\d))?"
    r"|(?P<words>\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|couple|(?<!\bin\s)half|quarter|"
    r"a|an|and|(?<=[a-z] )point(?=\s+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b)|"
    r"(?<=point )oh)"
    r"(?:[\s-]+|\b))+)",
    re.IGNORECASE,
)
_SMALL = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        + ["eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
        + ["eighteen", "nineteen"]
    )
}
NUMBER_WORDS: dict[str, int] = dict(_SMALL)  # "zero" … "nineteen"
# the words for more than one that counts are written in ("eleven vendors", "for all three")
COUNT_WORDS = "|".join(w for w, n in _SMALL.items() if n > 1)
_TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FRACTIONS = {"half": 0.5, "quarter": 0.25}

_MULT = re.compile(
    r"\s?(?P<m>(?:millionen|milliarden?|milliards?|tausend|mille|"  # German and French words
    r"thousands?|hundreds?|millions?|billions?|trillions?|grand|mio|mln|mn|mm|kk|bn|"
    r"mill|milions?|millons?|millones|millón|milioni|milione|miljoen|milhões|milhão|mila|"
    r"duizend|tn|mil|bil|lakhs?|crores?|mrd|tsd|k|m|b|万|億)(?![a-zµμ])"
    r"|t(?=\s?(?:€|eur(?![a-z]))))",  # "40 TEUR", "40 T€": German, Tausend Euro
    re.IGNORECASE,
)
_MULTS = {
    "thousand": 1e3,
    "hundred": 1e2,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "grand": 1e3,
    "mio": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "kk": 1e6,  # "5kk": a thousand thousand
    "bn": 1e9,
    "tn": 1e12,
    "mil": 1e6,  # "2.5 mil"
    "mill": 1e6,  # "5 mill", and "million" as typed in a hurry or in Spanish, Italian, Dutch
    **dict.fromkeys(("milion", "millon", "millone", "millón", "milioni", "milione"), 1e6),
    **dict.fromkeys(("miljoen", "milhões", "milhão"), 1e6),
    "mila": 1e3,  # Italian: "20 mila euro"
    "duizend": 1e3,  # Dutch
    "bil": 1e9,
    "lakh": 1e5,  # Indian numbering: 5 lakh = 500,000, 2 crore = 20,000,000
    "crore": 1e7,
    "万": 1e4,  # Japanese and Chinese: 300万 = 3,000,000; 1億 = 100,000,000
    "億": 1e8,
    "mrd": 1e9,  # German: Milliarde, Tausend
    "millionen": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "milliard": 1e9,  # French: "3 milliards"
    "tausend": 1e3,
    "mille": 1e3,  # French: "douze mille euros"
    "tsd": 1e3,
    "t": 1e3,
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
}
_WORD_SCALE = re.compile(r"thousands?|millions?|billions?", re.IGNORECASE)
_ABBREVIATED = {"mio", "mrd", "tsd", "mln", "mn", "bn"}  # "Mio.": its point ends no sentence
_AFTER_HUNDRED = {"k", "grand", "tsd", "mio", "mln", "mn"}  # "3 hundred k": 300 thousand
_HALF = re.compile(r"\s+and\s+an?\s+(half|quarter)\b", re.IGNORECASE)
_UNIT = re.compile(
    r"\s*(?P<u>[µμu]s|ns|ms|msecs?|millis(?:econds?)?|micro(?:second)?s?|nanoseconds?|s|secs?|"
    r"seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|mths?|months?|y|yrs?|"
    r"years?|%|per\s?cent|pct|pages?|paragraphs?|sentences?|words?|people|persons?|engineers?|devs?|developers?|"
    r"ftes?|guys?|[kmgt]i?b|[kmgt]bytes?|(?:kilo|mega|giga|tera)bytes?|bytes?|"
    r"tag(?:e|en)?|stunden?|std|wochen?|monat(?:e|en)?|jahr(?:e|en)?|minuten|seiten?|"  # German
    r"sekunden?|sek|millisekunden?|"
    r"w[öo]rter|worte?|"
    r"personen|leute|mitarbeiter(?:innen)?|entwickler(?:innen)?|vollzeitstellen?|"
    r"vollzeitkräfte|vzä|"
    r"mois|ans|ann[ée]es?|semaines?|jours?|journ[ée]es?|heures?|secondes?|mots?|"  # French
    r"personnes|d[ée]veloppeu(?:r|rs|se|ses)|ing[ée]nieu(?:r|rs|re|res))(?![a-zµμäöüßéè])"
    r"(?!['’][a-zé])",  # "2 millions d'euros": French "of", no day
    re.IGNORECASE,
)
_HYPHEN_UNIT = re.compile(
    r"-(?P<u>pages?|paragraphs?|sentences?|words?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"persons?|people|engineers?)(?![a-z])",
    re.IGNORECASE,
)
_UNIT_NAMES = {  # to one canonical name each
    "ns": "ns",
    "nanosecond": "ns",
    "us": "us",
    "µs": "us",
    "μs": "us",
    "micro": "us",
    "microsecond": "us",
    "ms": "ms",
    "msec": "ms",
    "milli": "ms",
    "millisecond": "ms",
    "s": "s",
    "sec": "s",
    "second": "s",
    "m": "min",
    "min": "min",
    "minute": "min",
    "h": "h",
    "hr": "h",
    "hour": "h",
    "d": "d",
    "day": "d",
    "w": "w",
    "wk": "w",
    "week": "w",
    "mo": "mo",
    "mth": "mo",
    "month": "mo",
    "y": "y",
    "yr": "y",
    "year": "y",
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pct": "%",
    "page": "page",
    "word": "word",
    "paragraph": "paragraph",
    "sentence": "sentence",
    "people": "fte",  # "two people half time": staff, read as working hours by HOURS questions
    "person": "fte",
    "engineer": "fte",
    "dev": "fte",
    "developer": "fte",
    "guy": "fte",  # "one guy half time"
    "fte": "fte",
    **dict.fromkeys(("tag", "tage", "tagen"), "d"),  # German: "1,5 Tage pro Woche"
    **dict.fromkeys(("stunde", "stunden", "std"), "h"),
    **dict.fromkeys(("sekunde", "sekunden", "sek"), "s"),
    **dict.fromkeys(("millisekunde", "millisekunden"), "ms"),
    **dict.fromkeys(("woche", "wochen"), "w"),
    **dict.fromkeys(("monat", "monate", "monaten"), "mo"),
    **dict.fromkeys(("jahr", "jahre", "jahren"), "y"),
    "minuten": "min",
    **dict.fromkeys(("seite", "seiten"), "page"),
    **dict.fromkeys(("wort", "worte", "wörter", "worter", "mot"), "word"),  # "mots": "mot"
    # French: "36 mois", "3 ans", "2 jours par semaine" ("an" alone is English's article)
    "mois": "mo",
    **dict.fromkeys(("ans", "année", "années", "annee", "annees"), "y"),
    **dict.fromkeys(("semaine", "semaines"), "w"),
    **dict.fromkeys(("jour", "jours", "journée", "journées", "journee", "journees"), "d"),
    **dict.fromkeys(("heure", "heures"), "h"),
    **dict.fromkeys(("seconde", "secondes"), "s"),
    **dict.fromkeys(("personen", "leute", "mitarbeiter", "entwickler"), "fte"),
    **dict.fromkeys(("mitarbeiterinnen", "entwicklerinnen", "personnes"), "fte"),
    **dict.fromkeys(("développeur", "développeurs", "developpeur", "developpeurs"), "fte"),
    **dict.fromkeys(("développeuse", "développeuses", "developpeuse", "developpeuses"), "fte"),
    **dict.fromkeys(("ingénieur", "ingénieurs", "ingenieur", "ingenieurs"), "fte"),
    **dict.fromkeys(("ingénieure", "ingénieures", "ingenieure", "ingenieures"), "fte"),
    **dict.fromkeys(("vollzeitstelle", "vollzeitstellen", "vollzeitkräfte", "vzä"), "fte"),
    **{  # a file size ("300 KB"): never tokens, people or time
        size: "bytes"
        for size in ("kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib", "byte", "kbyte")
        + ("mbyte", "gbyte", "tbyte", "kilobyte", "megabyte", "gigabyte", "terabyte")
    },
}


@dataclass(frozen=True)
class Quantity:
    readings: tuple[float, ...]  # every value the written form allows, scale applied
    start: int
    end: int
    scale: float = 1.0  # k/M/B/"million" that multiplied it
    unit: str | None = None  # canonical: ns us ms s min h d w mo y %
    currency: str | None = None
    convention: str | None = None  # "en" (1,234.5), "eu" (1.234,5) or None (no evidence)
    note: str | None = None
    text: str = ""
    rate: str | None = None  # given per a period ("a day"): s min h d w mo y
    words: bool = False  # written in words ("two GPUs") rather than digits


def unit_name(token: str) -> str:
    t = re.sub(r"\s+", " ", token.casefold())
    return _UNIT_NAMES.get(t) or _UNIT_NAMES.get(t.rstrip("s")) or _UNIT_NAMES[t[:5]]


def digit_readings(digits: str) -> tuple[tuple[float, ...], str | None]:
    """The values written digits allow, and the convention they show ("en", "eu" or None)."""
    if any(ch in digits for ch in _GROUP_SPACES):
        body = re.sub(f"[{_GROUP_SPACES}]", "", digits)
        return (float(body.replace(",", ".")),), None
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        point = "." if digits.rfind(".") > digits.rfind(",") else ","
        group = "," if point == "." else "."
        whole, _, frac = digits.rpartition(point)
        if not (_grouped(whole, group) or point == "." and _INDIAN.fullmatch(whole)):
            return (), None
        return (float(whole.replace(group, "") + "." + frac),), ("en" if point == "." else "eu")
    sep = "." if dots else "," if commas else ""
    if not sep:
        return (float(digits),), None
    if digits.count(sep) > 1:
        return (
            ((float(digits.replace(sep, "")),), "eu" if sep == "." else "en")
            if _grouped(digits, sep) or sep == "," and _INDIAN.fullmatch(digits)
            else ((), None)
        )
    head, tail = digits.split(sep)
    decimal = float(f"{head or 0}.{tail}")
    if len(tail) == 3 and head and head != "0" and len(head) <= 3:
        if sep == ",":  # "1,200": thousands, as nearly everyone who types a comma means
            return (float(head + tail),), "en"
        if tail == "000":  # "2.000": no one writes 2 as 2.000, so thousands
            return (float(head + tail),), None
        return (decimal, float(head + tail)), None  # "1.200": 1.2 or 1,200
    return (decimal,), ("eu" if sep == "," else "en")


_INDIAN = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}")  # "2,50,000", "1,20,00,000": lakh, crore


def _grouped(digits: str, sep: str) -> bool:
    groups = digits.split(sep)
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def words_value(run: str, article_after: bool = False) -> float | None:
    """ "two and a half million" → 2,500,000; None when the words hold no number."""
    tokens = [t for t in re.split(r"[\s-]+", run.casefold()) if t]
    counted = any(
        t in _SMALL or t in _TENS or t in _SCALES or t in ("dozen", "hundred", "couple")
        for t in tokens
    )
    fraction = any(  # "a half", "a quarter"; not "last quarter" or "half the time"
        t in _FRACTIONS and (i > 0 and tokens[i - 1] in ("a", "an", "one", "and") or article_after)
        for i, t in enumerate(tokens)
    )
    if not (counted or fraction):
        return None
    total, current, place = 0.0, 0.0, 1.0
    for i, t in enumerate(tokens):
        if t == "point":  # "two point five million": the digits after it are decimals
            place = 0.1
        elif place < 1 and (t in _SMALL and _SMALL[t] < 10 or t == "oh"):
            current += _SMALL.get(t, 0) * place
            place /= 10
        elif t in _SMALL:
            current += _SMALL[t]
        elif t in _TENS:
            current += _TENS[t]
        elif t == "hundred":
            current = (current or 1) * 100
        elif t == "dozen":
            current = (current or 1) * 12
        elif t == "couple":  # "a couple percent", "a couple hundred"
            current = (current or 1) * 2
        elif t in _FRACTIONS:
            after_and = i >= 2 and tokens[i - 2] == "and" or i >= 1 and tokens[i - 1] == "and"
            current = current + _FRACTIONS[t] if after_and else (current or 1) * _FRACTIONS[t]
        elif t in _SCALES:
            total += (current or 1) * _SCALES[t]
            current, place = 0.0, 1.0
    return round(total + current, 6)  # "two point oh five million": 2,050,000, not 2,049,999.99…


def _power(base: float, exponent: int) -> float:
    try:
        return float(base**exponent)
    except OverflowError:  # "999999^99": too large, said so later; not a crash
        return math.inf


def scan(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (already cleaned), in order."""
    found: list[Quantity] = []
    consumed = 0
    for m in _NUMBER.finditer(text):
        if m.start() < consumed:  # the scale or fraction words of the number before
            continue
        scale = 1.0
        start = m.start()
        readings: tuple[float, ...]
        if m.group("words"):
            whole = run = m.group("words").rstrip(" -")
            while (trimmed := re.sub(r"(?:\s+|^)(?:and|an?)$", "", run, flags=re.I)) != run:
                run = trimmed
            value = words_value(run, article_after=len(whole) > len(run))
            if value is None or _per_quarter(text, found, start, run):
                continue
            bare_fraction = run.casefold() in _FRACTIONS  # "half an hour": the unit follows
            readings, convention = (value,), None
            end = start + len(whole if bare_fraction else run)
            scales = [v for w, v in _SCALES.items() if w in run.casefold()]
            scale = max(scales, default=1.0)
            if value < 1 and (of := _OF_SCALE.match(text, start + len(run))):  # "a quarter of
                scale = _SCALES[of.group("s").casefold()]  # a million": 250,000, not 1,000,000
                readings, end = (value * scale,), of.end()
            if scale == 1 and (said := _SAID_SCALE.match(text, end)):  # "twelve grand",
                name = said.group("m").casefold()  # "half a mil", "five lakh", "five hundred k"
                scale = _MULTS.get(name, _MULTS.get(name.rstrip("s"), 1.0))
                end, readings = said.end(), (value * scale,)
        else:
            readings, convention = digit_readings(m.group("digits"))
            end = m.end()
            if (exp := m.group("exp")) and exp.lstrip().startswith("^"):  # "10^6": a power
                readings = tuple(_power(r, int(exp.lstrip(" ^"))) for r in readings)
            elif exp:
                power = float("1e" + re.sub(r"^.*?(?:[eE]|\^)\s*", "", exp))  # inf, not a crash
                readings = tuple(r * power for r in readings)
            if half := _HALF.match(text, end):
                readings = tuple(r + _FRACTIONS[half.group(1).casefold()] for r in readings)
                end = half.end()
            while mult := _MULT.match(text, end):  # "3 hundred thousand": both scales
                name = mult.group("m").casefold()
                more = _MULTS.get(name, _MULTS.get(name.rstrip("s"), 1.0))
                after_hundred = scale == 100 and name in _AFTER_HUNDRED  # "a few hundred k"
                if (
                    scale > 1
                    and not after_hundred
                    and (more <= scale or not _WORD_SCALE.fullmatch(name))
                ):
                    break
                scale *= more
                readings = tuple(r * more for r in readings)
                end = mult.end()
                if name in _ABBREVIATED and text[end : end + 1] == ".":  # "2 Mio. Wörter"
                    end += 1
        if scale == 1 and (odd := _LIKE_A_SCALE.match(text, end)):  # never read as 5
            readings, end = (), odd.end()
        if scale == 1 and (t := _TSD_EUR.match(text, end)):  # "45 T€": German thousands
            scale, end = 1e3, t.end()
            readings = tuple(r * 1e3 for r in readings)
        if ish := _ISH.match(text, end):  # "30-ish pages": about 30 pages
            end = ish.end()
        if _NEGATIVE.search(text[:start]):
            readings = tuple(-r for r in readings)
        q = Quantity(readings, start, end, scale, convention=convention, words=bool(m["words"]))
        q = _suffixes(text, q)
        consumed = q.end
        found.append(q)
    return found


_OF_SCALE = re.compile(r"\s+of\s+(?:a|an|one)\s+(?P<s>thousand|million|billion)\b", re.I)
_AFTER_A_FIGURE = re.compile(r"\s*(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)


def _per_quarter(text: str, found: list[Quantity], start: int, run: str) -> bool:
    """ "1 sprint a quarter", "$5k a quarter": a period after a figure, not a fourth."""
    if run.casefold() != "a quarter" or not found or re.match(r"\s+of\b", text[start + 9 :]):
        return False
    return bool(_AFTER_A_FIGURE.fullmatch(text, found[-1].end, start))


_SAID_SCALE = re.compile(  # a short scale after words: "twelve grand", "half a mil", "ten k"
    r"\s?(?P<m>grand|k|mil|mill|mio|mln|mn|bn|lakhs?|crores?)(?![a-z0-9])", re.IGNORECASE
)
_LIKE_A_SCALE = re.compile(  # "5 milion", "3 bilion", "2 thousnd": a scale no list knows
    r"\s?(?:[mb]il+[a-z]*on[a-z]*|thou?s[a-z]*|tausen[a-z]*)(?![a-z])", re.IGNORECASE
)
_TSD_EUR = re.compile(r"\s?T(?=\s?(?:€|EUR\b))")
_ISH = re.compile(r"-?ish(?![a-z])", re.IGNORECASE)
_NEGATIVE = re.compile(r"(?:^|[(:=,;])\s*(?:[-−]\s?[$€£¥₹]?|[$€£¥₹]\s?[-−])$")  # "-$5k", "$-5k"
_CENTS = re.compile(r"\s?(?P<c>cents?|cts?|¢)(?![a-z])", re.IGNORECASE)  # "0,25 ct", "15 cents"


_ROLE = re.compile(
    r"\s*(?:ml|ai|data|backend|frontend|platform|senior|junior|ops|devops|qa|sre|software|infra|"
    r"mlops|full[- ]?stack)(?=\s+(?:engineers?|devs?|developers?|people)\b)",
    re.I,
)


def _suffixes(text: str, q: Quantity) -> Quantity:
    end, currency, unit, convention = q.end, None, None, q.convention
    if s := SUFFIX.match(text, end):
        currency, end = currency_code(s.group("c")), s.end()
        convention = convention or "eu"  # "30.000 $", "1.200 EUR": the European way round
    role = _ROLE.match(text, end)  # "2 ML engineers": the people, their role aside
    if u := _UNIT.match(text, role.end() if role else end) or _HYPHEN_UNIT.match(text, end):
        unit, end = unit_name(u.group("u")), u.end()
    if currency is None and (s := SUFFIX.match(text, end)):
        currency, end = currency_code(s.group("c")), s.end()
    if p := PREFIX.search(text[max(0, q.start - 5) : q.start]):
        currency = currency_code(p.group("c"))
    readings, note = q.readings, q.note
    if unit is None and (c := _CENTS.match(text, end)):  # a hundredth of the currency
        readings, end = tuple(r / 100 for r in q.readings), c.end()
        currency = currency or ("USD" if c.group("c") == "¢" else None)
        note = f"{text[q.start : end].strip()} is {readings[0]:.10g}"
    return replace(
        q,
        readings=readings,
        end=end,
        unit=unit,
        currency=currency,
        convention=convention,
        text=text[q.start : end],
        note=note,
    )


def with_unit_m(q: Quantity, unit: str) -> Quantity:
    """ "5m" of a duration or a span means minutes or months, not millions."""
    if q.scale != 1e6 or q.unit is not None or not re.search(r"\dm\b|\d m\b", q.text, re.I):
        return q
    return replace(q, readings=tuple(r / 1e6 for r in q.readings), scale=1.0, unit=unit)
