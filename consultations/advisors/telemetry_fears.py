"""Failures as people list them: seen, feared, or none yet. "none in production yet, but we
fear it hallucinates medication" is one failure, feared; "aber wir fürchten, dass …" too. Pure."""

from __future__ import annotations

import re

_NONE_YET = re.compile(  # "none in production yet", "nothing so far", "noch keine in Produktion"
    r"^(?:none|nothing|zero|no (?:failures?|incidents?|problems?|issues?)|not any|"
    r"(?:we |i )?(?:haven'?t|have not|didn'?t|did not)(?: (?:seen|had|noticed))? any(?:thing)?|"
    r"noch (?:keine?|nichts)|keine|nichts|aucune?|rien|pas encore)\b"
    r"(?=.{0,40}\b(?:yet|so far|in prod(?:uction)?|live|seen|bisher|noch|in produktion|encore|"
    r"en production|pour l'instant|pour le moment|jusqu'ici)\b|\W*$)",
    re.I,
)
_FEAR = (  # the words that say a failure is feared, not seen
    r"(?:fear(?:s|ed)?|afraid|worr(?:y|ied|ies)|scared|concern(?:s|ed)?|nightmare|"
    r"(?:be)?fürchten|angst|sorge|crai(?:nt|ns|gnons|ndre)|peur|inquiet(?:s|e|es)?)"
)
_LEAD = re.compile(  # "but we also fear (that)", "aber wir fürchten, dass", "biggest worry is"
    r"^(?:(?:but|and|also|aber|und|auch|mais|et|what|was|ce que)\s+)*"
    r"(?:(?:we|i|we're|i'm|wir|ich|nous|je|on|our|my|the team|they)\s+)?"
    r"(?:(?:are|am|sind|bin|also|mostly|really|most|auch|vor allem|biggest|main|big|greatest|"
    r"haben|avons|ai|a)\s+)*"
    rf"{_FEAR}\b(?:[\s,:—-]+(?:most|the most|mostly|about|that|of|is|are|dass|davor|vor|que|"
    r"qu'|de|d'))*[\s,:—-]*",
    re.I,
)

_THAT = re.compile(r"^(?:that|dass|que|qu'|about|of)\s*", re.I)


def labelled(pieces: list[str]) -> list[tuple[str, bool]]:
    """Each failure with whether it is feared (from a fear word on, within one sentence);
    "none yet" is no failure, and a lone "we fear" heads the pieces after it."""
    out: list[tuple[str, bool]] = []
    fearing = False
    for piece in pieces:
        if _NONE_YET.match(piece):
            continue
        if lead := _LEAD.match(piece):
            fearing = True
            piece = piece[lead.end() :].strip()
            if not piece:
                continue
        elif fearing:  # "aber wir fürchten, dass er …": what follows the lone lead
            piece = _THAT.sub("", piece)
        out.append((piece, fearing))
    return out


def none_yet(text: str) -> bool:
    """The whole answer says nothing has failed yet."""
    return bool(_NONE_YET.match(text.strip(" ."))) and not _LEAD.search(text)
