"""Corrections typed at any time: "actually it's 8 million requests a month, not 5",
"change the volume to 8M", "requests: 8M". Pure: finds which earlier question is meant and
the words to read as its new answer; the engine decides whether they read."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from consultations.answers.lexer import scan
from consultations.answers.naming import first_named
from consultations.scripts import Question, QuestionType

_CUE = re.compile(  # "hmm, actually …": a filler before the cue too
    r"^\s*(?:(?:hmm+|um+|uh+|oh+|ah+|ach|ok(?:ay)?|well|erm?)\b[\s,.!]*)*"
    r"(?:actually|correction|sorry|oops|wait|no|nope|i meant|i mean|make (?:that|it)|"
    r"scratch that|strike that|warte|pardon|attends|"
    r"change|set|update|fix|correct|let me correct|"
    r"eigentlich|korrektur|ich meinte|en fait|je voulais dire|corrige|corriger|nein|non|"
    r"änder(?:e|n)?|setze?|korrigiere|modifie|mets|mettre)\b"
    r"[\s,:;.!\-–—]*(?:(?:plutôt|eher|vielmehr|sondern)\b[\s,:]*)?",
    re.I,
)
NOT_CLAUSE = re.compile(  # "…, not 5": the figure taken back
    r"[,;]?\s*(?:and\s+|but\s+)?\b(?:not|instead of|rather than)\s+(?:[^,;.]|\.(?=\d))*",
    re.I,
)
_NOT_FIGURE = re.compile(  # "not 30k", "not ~30k": a figure taken back, not "not counting…"
    r"^[\s,;]*(?:and\s+|but\s+)?(?:not|instead of|rather than)\s+(?=[~≈$€£]?\s*\d)", re.I
)


_NOT_BUT = re.compile(  # "not 10 but 12", "nicht 5 sondern 8 Mio", "pas 5 mais 8 millions"
    r"^\s*(?:not|nicht|pas|non)\s+(?P<old>[~≈$€£]?\s*\d[^,;]*?)[\s,]+(?:but|sondern|mais)\s+"
    r"(?:rather\s+|eher\s+|plutôt\s+)?(?P<new>[~≈$€£]?\s*\d.*)$",
    re.I,
)


def taken_back(typed: str) -> tuple[str, str] | None:
    """ "40k not 30k calls a month": the words that keep a figure ("40k calls a month") and
    those of the figure taken back ("30k calls a month"); None when nothing is taken back."""
    if said := _NOT_BUT.match(typed):  # "not 10 but 12": the 12
        return said.group("new"), said.group("old")
    m = NOT_CLAUSE.search(typed)
    if (
        m is None
        or not scan(typed[: m.start()])
        or (figure := _NOT_FIGURE.match(m.group())) is None
    ):
        return None
    return typed[: m.start()] + typed[m.end() :], m.group()[figure.end() :]


_ASSIGN = re.compile(
    r"^\s*(?:should be|is|are|was|were|to|=|:|at|of|costs?|went to|goes to|rose to|fell to|"
    r"dropped to|grew to|became|becomes|auf|ist|sind|beträgt|à|est|sont)\s*"
    r"(?:now\s+|actually\s+|only\s+|just\s+)?"
    r"(?P<rest>.+)$",
    re.I,
)
_WHAT_IF = re.compile(  # "what if the volume was only 5M": the report's what-if, said in words
    r"^\s*(?:(?:and|but|ok|okay|so)[\s,]+)?(?:what if|what about|how about|if|suppose|"
    r"supposing|let'?s say|say|try)\b[\s,:;]*",
    re.I,
)


@dataclass(frozen=True)
class Correction:
    key: str
    text: str  # the words to read as the new answer
    add: bool = False  # the words add items to a list answer ("we also use Cohere")


_ADDED = re.compile(  # "we also use Cohere for embeddings", "add Gemini", "plus Cohere"
    r"(?:^|[,;.]|\band\b)\s*(?:(?:we|i)\s+)?(?:also\s+(?:use|have|run|call|got|need)|"
    r"also\s+(?P<where>sell|publish|operate|ship|launch|are live)\s+(?:in|to)|"  # "… in Japan"
    r"(?:forgot|missed)(?:\s+to\s+(?:mention|list|add))?|add|plus|there'?s\s+also)\s+"
    r"(?P<items>[^.;]+)",
    re.I,
)


def names_of(q: Question) -> tuple[str, ...]:
    return (*q.names, q.key.replace("_", " "))


def _matchable(q: Question) -> tuple[str, ...]:
    """Names a correction can use; short key words ("use", "role") are too common to count."""
    return tuple(n for n in names_of(q) if n in q.names or len(n) >= 5)


def find_correction(
    questions: Sequence[Question], answered: Collection[str], current: str | None, text: str
) -> Correction | None:
    """The earlier question ``text`` plainly corrects, or None (then it answers ``current``)."""
    cue = _CUE.match(text) or _WHAT_IF.match(text)
    body = text[cue.end() :] if cue else text
    hits = []
    for q in questions:
        if q.key not in answered or q.key == current:
            continue
        if m := _named(q, body):
            hits.append((q, m))
    if not hits and cue:
        return _added_to_the_list(questions, answered, current, body)
    if len(hits) != 1:
        return None
    q, m = hits[0]
    grows = q.type is QuestionType.LIST or q.type is QuestionType.CHOICE and q.multiple
    if grows and cue and (added := _ADDED.search(body)):  # "add RBI as a constraint" too
        return Correction(q.key, added.group("items").strip(" ,;."), add=True)
    assign = _ASSIGN.match(body[m.end() :])
    if cue is None and not (assign and m.start() <= 4):  # "the volume is 8M", "requests: 8M"
        return None
    if assign is None and q.type not in (QuestionType.NUMBER, QuestionType.CHOICE):
        return None  # free text that merely mentions a topic is an answer, not a correction
    words = assign.group("rest") if assign else body
    words = NOT_CLAUSE.sub("", words).strip(" ,;.")
    return Correction(q.key, words) if words else None


def _added_to_the_list(
    questions: Sequence[Question], answered: Collection[str], current: str | None, body: str
) -> Correction | None:
    """ "actually we also use Mistral" typed at a question it cannot answer (a figure, a choice)
    adds to the one list answered so far."""
    added = _ADDED.search(body)
    asked = next((q for q in questions if q.key == current), None)
    if added is None or (asked is not None and asked.type in _FREE):
        return None
    lists = [q for q in questions if q.type is QuestionType.LIST and q.key in answered]
    items = added.group("items").strip(" ,;.")
    if len(lists) > 1 and added.group("where"):  # "we also sell in Japan": the places
        lists = [q for q in lists if set(names_of(q)) & _PLACES]
    if len(lists) > 1:  # "we also have a third agent: an invoice matcher": the agents
        lists = [q for q in lists if any(_kind_said(n, items) for n in names_of(q))]
    if len(lists) != 1 or lists[0].key == current:
        return None
    for name in names_of(lists[0]):  # "a third agent: an invoice matcher" adds the matcher
        items = re.sub(
            rf"^{_ONE_MORE}{_singular(name)}s?\s*[:,\-–—]\s*(?=\S)", "", items, flags=re.I
        )
    return Correction(lists[0].key, items, add=True)


_PLACES = {"jurisdictions", "countries", "markets", "regions"}
_ONE_MORE = r"(?:(?:a|an|one|another|one more|a (?:second|third|fourth|fifth|new))\s+)?"


def _singular(name: str) -> str:
    return re.escape(name[:-1] if name.endswith("s") else name)


def _kind_said(name: str, items: str) -> bool:
    """ "a third agent: …" says which list it adds to ("agents")."""
    return re.search(rf"^{_ONE_MORE}{_singular(name)}s?\b", items, re.I) is not None


_FREE = (QuestionType.LIST, QuestionType.TEXT)
_POINTING = re.compile(r"^\s*(?:i meant|i mean|make (?:that|it))\b", re.I)
_LEAD = re.compile(
    r"^\s*(?:(?:it|that)(?:'s| is| was| should be| to)?|should be|to)\s+(?:be\s+)?", re.I
)


def back_reference(text: str) -> tuple[str, bool] | None:
    """The words of a correction that names no question ("wait, I meant 3 million"), and
    whether it plainly points back at the last answer ("I meant", "make that") rather than
    merely opening with a cue word ("sorry", "actually") that a fresh answer may also start with.
    None when ``text`` opens with no cue at all."""
    rest, cued, pointing = text, False, False
    while cue := _CUE.match(rest):
        cued, pointing = True, pointing or bool(_POINTING.match(rest))
        rest = rest[cue.end() :]
    if not cued:
        return None
    rest = _LEAD.sub("", rest)
    words = NOT_CLAUSE.sub("", rest).strip(" ,;.")
    return (words, pointing) if words else None


def _named(q: Question, text: str) -> re.Match[str] | None:
    return first_named(sorted(_matchable(q), key=len, reverse=True), text)


def named_questions(questions: Sequence[Question], text: str) -> set[str]:
    """The keys of the questions ``text`` names ("4 vendors" names the vendors question)."""
    return {q.key for q in questions if _named(q, text)}


_SUBJECT = re.compile(  # "the budget is 50k", "our headcount was 12": what a figure is about
    r"^\s*(?:the|our|my|its|their)\s+(?P<what>[a-z][a-z -]{1,30}?)\s+"
    r"(?:is|are|was|were|should be|would be|will be|comes to|to)\s+"
    r"(?:now\s+|actually\s+|about\s+|around\s+|roughly\s+|only\s+)*[$€£]?\d",
    re.I,
)
_GENERIC = {"answer", "number", "figure", "value", "amount", "total", "estimate", "one"}


def unknown_subject(questions: Sequence[Question], text: str) -> str | None:
    """ "actually the budget is 50k" where no question is about a budget: what the figure is
    said to be about, so that the user is asked which answer it is rather than one changed on
    a guess; None when a question names it or its words are in a question."""
    rest = text
    while cue := _CUE.match(rest):
        rest = rest[cue.end() :]
    m = _SUBJECT.match(rest)
    if m is None:
        return None
    what = m.group("what").strip()
    words = [w for w in re.findall(r"[a-z]+", what.casefold()) if len(w) >= 3]
    if not words or what.casefold() in _GENERIC or named_questions(questions, what):
        return None
    asked = " ".join(f"{q.text} {q.why} {' '.join(names_of(q))}" for q in questions).casefold()
    if any(re.search(rf"\b{w}", asked) for w in words):
        return None
    return what


_CONTINUED = re.compile(  # "and supplier onboarding", "also vendor master data", "+ Cohere"
    r"^\s*(?:(?:oh|ah|ach(?:\s+ja|so)?|achso|btw|by the way|p\.?s\.?|sorry|oops|eigentlich|"
    r"en fait|ah oui)[\s,:;.!\-–—]+)*"  # "eigentlich auch DALL-E", "sorry, also …"
    r"(?:(?:and(?:\s+also)?|also|plus|und(?:\s+auch)?|auch|au(?:ß|ss)erdem|et(?:\s+aussi)?|"
    r"aussi|en plus|(?:i\s+)?forgot|vergessen|j'ai oublié)(?![\w'])|\+|&)[\s,:;.\-–—]*",
    re.I,
)
_TOO = re.compile(  # "DALL-E too", "DALL-E auch noch": more of a list, unless it answers now
    r"^\s*(?P<what>\S.*?)[\s,]+(?:too|as well|auch(?:\s+noch)?|aussi)[\s.!]*$", re.I
)
_ASIDE = re.compile(  # "oh we also use Cohere", "btw, there's Mistral too": more of a list
    r"^\s*(?:oh|ah|btw|by the way|p\.?s\.?)\b[\s,:;.!\-–—]*(?=.*\b(?:also|too|as well)\b)", re.I
)


def continued(text: str) -> str | None:
    """The words of a message that continues the one before it ("and supplier onboarding"),
    or None when it opens as a message of its own."""
    m = _CONTINUED.match(text) or _ASIDE.match(text)
    rest = text[m.end() :].strip() if m else ""
    return rest or None


def also_after(text: str) -> str | None:
    """ "DALL-E too": the words said to be one more, or None."""
    m = _TOO.match(text)
    return m.group("what").strip() if m else None


_UNIT_WORDS = {  # a unit as people write it, from the lexer's name for it
    "page": "pages",
    "paragraph": "paragraphs",
    "sentence": "sentences",
    "word": "words",
    "min": "minutes",
    "h": "hours",
    "d": "days",
    "w": "weeks",
    "mo": "months",
    "y": "years",
    "fte": "people",
}
_NOTHING_AFTER = re.compile(
    r"[\s.,;:!?)~]*(?:(?:or so|ish|maybe|probably|i think|i guess|tops|max|at most)[\s.!?]*)?",
    re.I,
)


def carried_over(before: str, after: str, money: bool) -> str:
    """The words after a cue, with what the figure they replace said and they leave unsaid:
    its unit ("30 pages, actually more like 50": 50 pages), its scale ("5M, actually 3": 3M,
    when that stays within ten times) and, at a money question, its currency ("$3 / $15,
    actually 2.50 / 10": in dollars). As typed when a new figure has a unit, a currency or
    words of its own after it ("50k tokens")."""
    said, new = scan(before), scan(after)
    if not said or not new or len(new) > len(said) or any(q.unit or q.currency for q in new):
        return after
    if not _NOTHING_AFTER.fullmatch(after[new[-1].end :]):
        return after
    old = said[-1]
    if len(new) == 1 and old.unit in _UNIT_WORDS and not old.currency:
        return f"{after[: new[0].end]} {_UNIT_WORDS[old.unit]}{after[new[0].end :]}"
    codes = {x.currency for x in said}
    currency = f" {codes.pop()}" if money and len(codes) == 1 and None not in codes else ""
    for q in reversed(new):
        value, was = q.readings[0], old.readings[0] or 1
        grows = len(new) == 1 and q.scale == 1 and value < 1000 and old.unit is None
        scale = _SCALE_WORDS.get(old.scale, "") if grows else ""
        if scale and not 0.1 <= value * old.scale / was <= 10:
            scale = ""
        after = f"{after[: q.end]}{scale}{currency}{after[q.end :]}"
    return after


_SCALE_WORDS = {1e3: "k", 1e6: "M", 1e9: "B"}
