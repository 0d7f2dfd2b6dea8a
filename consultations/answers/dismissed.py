"""Options told away: "diversity no", "price, diversity not really", and a clause that says the
one before it is no main concern, in English, French or German ("budget is tight but not the
main problem", "le budget est serré mais ce n'est pas le problème principal", "das Budget ist
nicht das Hauptproblem", "Budget spielt keine Rolle"). The words of what was told away, for a
choice to leave out. Pure."""

from __future__ import annotations

import re

_LETTERS = r"[a-z\xdf-\xf6\xf8-\xff]"
_NO_AFTER = re.compile(  # "diversity no", "diversity: no", "diversity not really"
    rf"\b({_LETTERS}+)\s*[:=]?\s+(?:no|nope|nah|not(?:\s+really)?|nein|non)"
    r"(?=\s*(?:[,;.!]|$|\band\b|\bbut\b|\bund\b|\bet\b))"
)
_MAIN = r"(?:main|biggest|real|big|major|key|primary)"
_TROUBLE = r"(?:problem|issue|constraint|concern|blocker|worry|bottleneck)"
_NOT_MAIN = re.compile(  # the clause before it (or its own subject) is no main concern
    r"(?:(?:it|that|this|which)(?:'s|\s+is)\s+|(?:is|are|was)\s+)?"
    r"(?:not|isn't|aren't|wasn't|no(?:t|n't)\s+really)\s+(?:really\s+)?"
    rf"(?:(?:the|our|a|my)\s+{_MAIN}\s+{_TROUBLE}|(?:that|so|very|too)\s+important|a\s+{_TROUBLE})"
    r"|(?:is|are)\s+secondary|matters?\s+less|less\s+important"
    r"|(?:ce\s+|c'|il\s+|elle\s+)?n'(?:est|sont)\s+pas\s+(?:le|la|les|notre|un|une|vraiment\s+"
    r"(?:le|la|un|une))\s+(?:(?:vrai|principal|plus\s+gros)\s+)?(?:problème|souci|contrainte|"
    r"frein|sujet)s?(?:\s+(?:principale?|majeure?))?"
    r"|(?:mais\s+)?pas\s+(?:le|la|notre)\s+(?:problème|souci|frein|contrainte)\s+principale?"
    r"|(?:n'est\s+)?pas\s+(?:si|très|vraiment|trop)\s+important(?:e|s|es)?|secondaire"
    r"|ne\s+(?:pose|posent)\s+pas\s+(?:de\s+|vraiment\s+de\s+)?problème"
    r"|(?:(?:ist|sind)\s+)?nicht\s+(?:das|unser|mein)\s+(?:hauptproblem|größte\s+problem|"
    r"eigentliche\s+problem)|(?:ist|sind)\s+(?:nicht\s+das\s+problem|kein(?:e)?\s+(?:problem|"
    r"thema|hindernis))|(?:ist|sind)\s+nicht\s+(?:so\s+|sehr\s+|besonders\s+)?wichtig"
    r"|weniger\s+wichtig|nebensächlich|zweitrangig"
    r"|spiel(?:t|en)\s+keine\s+(?:große\s+)?rolle"
)
_BUT_ONLY = re.compile(  # "…, but not the main problem": the clause before the comma is told
    r"\s*(?:(?:but|mais|aber|though|although|however|yet|jedoch|doch|cependant|it|es|ce)\b\s*)*"
)
_CLAUSE_END = re.compile(r"[,;.!?]|\b(?:and|und|et|also|aussi|auch)\b")


def without_no_after(folded: str) -> str:
    """ "diversity no" without the option told away, so it is no near-miss of one."""
    return _NO_AFTER.sub(" ", folded).strip()


def not_main_at(folded: str, at: int) -> bool:
    """A "not the main problem" starts at ``at`` (after a "but"): no exception to a list."""
    return _NOT_MAIN.match(folded, at) is not None


def dismissed(folded: str) -> set[str]:
    """The words of the options told away in ``folded`` (already casefolded)."""
    out = set(_NO_AFTER.findall(folded))
    for m in _NOT_MAIN.finditer(folded):
        before = folded[: m.start()]
        ends = list(_CLAUSE_END.finditer(before))
        start = ends[-1].end() if ends else 0
        subject = before[start:]
        if _BUT_ONLY.fullmatch(subject) and ends:
            # "budget is tight, but it's not the main problem": the clause before the comma
            prior = ends[-2].end() if len(ends) >= 2 else 0
            subject = before[prior : ends[-1].start()]
        out |= set(re.findall(rf"{_LETTERS}+", subject))
    return out
