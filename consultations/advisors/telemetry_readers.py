"""Who debugs the agents, and what they cannot answer today, as people say it: "on-call SREs;
they cannot see why a tool was chosen", "nobody really, the on-call dev", "me, I cant tell
why it said what it said". Pure."""

from __future__ import annotations

import re

_CANNOT = re.compile(
    r"^(?:(?:we|they|i|the team|our team|nobody|no one)\s+)?(?:can(?:no|'|’)?t|cannot|can not|"
    r"don'?t|do not|are unable to)\s+(?:(?:see|answer|tell|know|say)\s+)?",
    re.I,
)


def split(blind: str) -> tuple[str | None, str]:
    """ "on-call SREs; they cannot see why a tool was chosen" → (who, what they cannot answer);
    "we can't see why it picked a tool" names no one but the team itself."""
    if lead := _NOBODY.match(blind):  # "nobody really, the on-call dev; …": who does it
        rest = blind[lead.end() :].strip()
        who, gap = split(rest) if rest else (None, "")
        short = who is None and rest and len(rest.split()) <= 5 and not _CANNOT.match(rest)
        return (rest, "") if short else (who, gap)
    for sep in (";", " — ", ": ", ", "):
        head, found, tail = blind.partition(sep)
        head, tail = _DOES_IT.sub("", head.strip()), tail.strip()  # "the vendor would debug"
        short = len(head.split()) <= (8 if sep in (";", " — ") else 5)  # "model risk team + …"
        if found and tail and short and not _CANNOT.match(head):
            about_them = _ABOUT_THEM.match(tail)  # "2 devs, one is part time": no question
            return head, "" if _ASIDE.match(tail) or about_them else tail
    words = len(blind.split())  # "me", "the on-call dev", "two engineers in the program office"
    named = words <= 4 or words <= 8 and _PEOPLE.search(blind) and not _VERB.search(blind)
    if named and not _CANNOT.match(blind) and not _ASKING.search(blind):
        return blind.strip(), ""  # who, with no gap named
    return None, blind.strip()


_DOES_IT = re.compile(  # "the vendor would debug": who, without what they do
    r"\s+(?:would|will|does|do|has to|have to|should|must)?\s*(?:debug|fix|handle|look at)s?"
    r"(?:\s+(?:it|them|the agents?))?$",
    re.I,
)
_ABOUT_THEM = re.compile(  # a remark on the people named: how many, how much of their time
    r"(?:one|two|both|all|each|some|most|half|none)(?: of (?:us|them))?\s+(?:is|are|was|were|"
    r"works?|only)\b(?![^,;]*\b(?:why|what|how|which|when|where|can'?t|cannot)\b)",
    re.I,
)
_PEOPLE = re.compile(
    r"\b(?:engineers?|devs?|developers?|team|sres?|analysts?|on-call|people|staff|leads?)\b", re.I
)
_VERB = re.compile(r"\b(?:look|looks|check|checks|read|reads|grep|use|uses|try|tries)\b", re.I)
_ASIDE = re.compile(r"(?:which|that)(?:'s|\s+is|\s+was)\b|and that(?:'s|\s+is)\b", re.I)
_ASKING = re.compile(r"\b(?:why|what|how|which|when|where|can'?t|cannot|no idea|unclear)\b", re.I)


_NOBODY = re.compile(  # no one named as debugging them, perhaps before who does it anyway
    r"^\s*(?:nobody|no one|noone|none)"
    r"(?:\s+(?:owns?|debugs?|looks? after|maintains?|is responsible for)"  # "nobody owns them"
    r"(?:\s+(?:them|it|the agents?|those|these))?)?"
    r"(?:\s+(?:really|in particular|specific|dedicated|yet))*"
    r"(?:\s*[,;:.—–-]+\s*(?:just\s+|only\s+|maybe\s+|so\s+)?|\s*$)",
    re.I,
)


_OWNED = re.compile(r"^(?:the|our|my|your|their|a|an|you|whoever|every|each|all|\w+'s)\b", re.I)
_FIRST_PERSON = ((re.compile(r"\b(?:me|myself)\b", re.I), "you"), (re.compile(r"^i\b"), "you"))


_FOREIGN = re.compile(  # German or French words: quoted, not made an English role name
    r"(?<![\w'’-])(?:der|die|das|den|dem|und|oder|nicht|sie|wir|ich|unser\w*|ein|eine|zwei|drei|"
    r"vier|fünf|le|la|les|l|du|et|ou|pas|ne|nous|je|moi|notre|nos|une|deux|trois|quatre|cinq)"
    r"(?![\w-])|entwickler|mitarbeiter|kolleg|d[ée]veloppeu|personnes|[ée]quipe|ingénieu",
    re.I,
)


def reader_of(blind: str) -> str:
    who, gap = split(blind)
    if who and _FOREIGN.search(who):  # "zwei Entwickler": not "the zwei Entwickler"
        return f"the people you named (“{who}”)"
    if who:
        who = re.sub(
            r"^(?:just|only|simply|basically|mostly)\s+(?=(?:me|myself|i)\b)", "", who, flags=re.I
        )
        for pattern, repl in _FIRST_PERSON:  # "me and one other dev" → "you and one other dev"
            who = pattern.sub(repl, who)
        bare = who[:1].islower() and not _OWNED.match(who)  # "platform team": the platform team
        return f"the {who}" if bare else who
    if _NOBODY.fullmatch(blind):
        return "an owner you name (nobody debugs them today)"
    return "your team" if re.match(r"^(?:we|our|i)\b", gap, re.I) else "whoever debugs the agents"


def unanswered(blind: str) -> str:
    gap = split(blind)[1]
    if _FOREIGN.search(gap):  # "sie können nicht sehen, …": their words, quoted
        return f"“{gap}”"
    return _CANNOT.sub("", gap.removeprefix("they ")).strip() or gap
