"""Choice answers: by number, by the option's words and synonyms, or by a number in its band."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

from consultations.answers.choice_figures import by_band, by_count
from consultations.answers.dismissed import dismissed, not_main_at, without_no_after
from consultations.answers.guess import UNSURE
from consultations.answers.labelled import CLAUSES, told, told_next
from consultations.answers.lexer import NUMBER_WORDS
from consultations.answers.model import AnswerError
from consultations.answers.settings import stricter, told_apart
from consultations.scripts import Choice, Question

_WORD = re.compile(r"[a-z0-9\xdf-\xf6\xf8-\xff]+")  # "fachkräfte", "conformité": one word each
_QUALIFIER = r"(?:any\s+|real\s+|too\s+|other\s+|third[\s-]party\s+|fremden?\s+|andere[n]?\s+)?"
# "no for the rest", "none for the others": the "no" is the answer, said of items, not "no X"
_NOT_AN_OBJECT = r"(?!(?:for|to|in|on|at|with|from|of|and|or|but|für|pour|de)\b)"
_NEGATED = re.compile(  # "keine fremden Marken": no brands (of others)
    r"\b(?:no|not|non|without|never|nothing|none|nicht|keine[n]?|kein)[\s-]+"
    rf"{_NOT_AN_OBJECT}{_QUALIFIER}([a-z0-9\xdf-\xf6\xf8-\xff]+)"
)
_DISMISSED = re.compile(  # "latency is not an issue", "budget doesn't matter": not that one
    r"\b([a-z\xdf-\xf6\xf8-\xff]+)\s+(?:(?:(?:is|are|was)(?:\s+not|n't)|isn't|aren't|wasn't)\s+"
    r"(?:an?\s+|really\s+|much\s+of\s+an?\s+)*(?:issue|problem|concern|constraint|worry|"
    r"priority|factor)\b|(?:doesn't|does\s+not|don't|do\s+not)\s+(?:really\s+)?matter\b)"
)
_NOT_X = re.compile(  # "not budget", "budget, not regulation"; not "not enough time"
    r"\b(?:not|nicht)\s+(?!enough\b|genug\b)(?:really\s+|so\s+much\s+)?"
    rf"{_QUALIFIER}([a-z\xdf-\xf6\xf8-\xff]+)"
)
_NO_PROBLEM = re.compile(  # "no regulation to speak of", "no real budget issues": not that one
    r"\b(?:no|not|nicht|keine[n]?|kein)\s+(?:real\s+|big\s+|major\s+|great\s+)?"
    r"([a-z\xdf-\xf6\xf8-\xff]+)\s+(?:issues?|problems?|concerns?|worries|worry)\b"
    # a burden "to speak of" is none; a resource ("no budget to speak of") is one lacking
    r"|\b(?:no|not|nicht|keine[n]?|kein)\s+(?!(?:budget|money|funding|cash|time|capacity|"
    r"people|staff|engineers|skills|headcount)\b)([a-z\xdf-\xf6\xf8-\xff]+)\s+to speak of\b"
)
_NEGATOR = re.compile(
    rf"\b(no|not|non|without|never|nicht|keine[n]?|kein)[\s-]+{_NOT_AN_OBJECT}{_QUALIFIER}"
    r"[a-z0-9\xdf-\xf6\xf8-\xff]"
)


_OURS = re.compile(  # "our own logos"; not "our clients' logos", which the clients own
    r"\b(?:our|my|unsere[nmrs]?|meine[nmrs]?)\s+(?:own\s+|eigene[nmrs]?\s+)?"  # "unsere eigenen"
    r"(?!(?:clients?|customers?|partners?|kunden)\b)([a-z]+)"
    r"(?:\s+([a-z]+))?"
)
_ALL = re.compile(
    r"(?:all|all of (?:the above|them|these|it)|everything|every one|each of them)"
    r"(?:,?\s+(?:really|honestly|basically|tbh|lol))?"  # "everything really"
)
_FILLER = re.compile(
    r"^(?:(?:ok(?:ay)?|so|um+|hmm+|well|uh+|then|i guess|i'd say|let's say|probably|maybe|"
    r"option|number|nr\.?|no\.)[\s,:.!]+)+|[\s,]+(?:i guess|i think|probably|honestly|tbh|"
    r"to be honest|lol)$"  # "no settled reason honestly": the option ("not really" is a "no")
)
_OPTION = re.compile(r"^(?:option|number|nr\.?|no\.|choice|answer)\s")
_ORDINALS = ("fir", "sec", "thi", "fou", "fif", "six", "sev", "eig")  # "first", "second" …
_ORDINAL = re.compile(
    r"(?:the\s+)?(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|last|1st|2nd|3rd|"
    r"[4-8]th)(?:\s+(?:one|option|choice|answer))?"
)
_KEYCAP = re.compile(r"(\d)\ufe0f?\u20e3")  # "2️⃣": a digit on a key
_NOTHING = {"none"}  # "None of these": never beside another pick
# "We use only one", beside a reason only several can have (a second view, a backup, each best
# at something): the reasons hold. Beside price or compliance it may say why one is enough.
_ALONE = {"single"}
_SEVERAL = {"diversity", "redundancy", "capability"}
_ONLY_NOTHING = re.compile(  # "nothing, just abstract art": what follows is what it is instead
    r"^(?:nothing|none|no)\b[\s,.;:!—–-]+(?:really[\s,.;:!—–-]+)?(?:just|only|simply|purely|merely)\b"
)
_EXCEPT = re.compile(  # "all of them except newsletters", "arxiv, excluding blogs"
    r"[\s,;]*\b(?:except(?:\s+for)?|excluding|apart from|other than|but not|minus)\b[\s:]*"
    r"|(?:(?<=all)|(?<=thing)|(?<=above)|(?<=them)|(?<=these)|(?<=those))\s+but\s+"  # "all but"
)
_LEFT_TO_US = re.compile(
    r"(?:whatever(?: you think| works| you recommend)?|you pick|you choose|your call|up to you|"
    r"i don'?t care|don'?t care|dont care|default|standard|the usual|recommended|"
    r"you decide)(?:\s+(?:tbh|lol|really|honestly))?"
)
_ANY = re.compile(r"(?:any|anything|any of (?:them|these|those|the above))")
_NO_APOSTROPHE = re.compile(r"\b(do|does|did|ca|wo|is|are|was|were|has|have|could|would)nt\b")
_FOREIGN_NO = {"nein", "non"}
_NOT_A_TYPO = {"none", "no", "nope", "nothing", "neither", "nobody", "no one", "not", "n/a"}
_NOT_A_TYPO |= {"keine", "kein", "keinen", "nicht"}  # a German "no" is no typo of "keins"


def parse_choice(question: Question, text: str) -> tuple[str, ...]:
    return choose(question, text)[0]


def choose(question: Question, text: str) -> tuple[tuple[str, ...], str | None]:
    """The options picked, and a note when the reading is worth saying back ("whatever you
    think": the option we picked is said to be ours)."""
    if _YES_AND_NO.fullmatch(text.casefold().strip(" .!")) and (half := _partial(question)):
        return (half,), f"“{text.strip()}” read as {question.label_of(half)}"
    if (strict := stricter(question, text, lambda p: _choose(question, p)[0])) is not None:
        return strict  # "hours fine in dev, minutes in live ops": minutes
    if (two := told_apart(question, text, lambda p: _choose(question, p)[0])) is not None:
        raise AnswerError(_one_or_other(question, two[:2]))  # "UPI can't go down, OCR …"
    try:
        picked, note = _choose(question, text)
    except AnswerError as e:
        own = unmatched(question, text) if question.keeps_others else []  # "HAL" alone: kept
        if own and all(len(o.split()) <= _OWN_WORDS for o in own):
            named = " and ".join(f"“{o}”" for o in own)
            kept = "it is kept as your own" if len(own) == 1 else "they are kept as yours"
            return (), f"{named} {'matches' if len(own) == 1 else 'match'} no option, so {kept}"
        if (apart := _told_apart(question, text, ())) is None:
            if away := _told_away(question, text, ()):  # "diversity no": which one, then?
                named = " and ".join(f"“{question.label_of(v)}”" for v in away)
                raise AnswerError(f"You ruled out {named}; which holds, then? {e}") from e
            raise
        picked, note = apart, None
    if (apart := _told_apart(question, text, picked)) is not None:
        picked = apart  # "invoices yes, claims no": a yes for one, a no for the other
    no = [c.value for c in question.choices if c.value in _NOTHING or c.label.casefold() == "no"]
    if picked == tuple(no) and _YES_TOO.search(text) and (which := _which_yes(question)):
        number = next(i for i, c in enumerate(question.choices, 1) if c.value == no[0])
        raise AnswerError(  # "yes for finance, no for the rest": a yes somewhere, so which?
            f"You said yes and no; which holds: `{number}` {question.label_of(no[0])} or "
            + which.removeprefix("Yes — which one: ")
        )
    if picked == tuple(no) and _SOON.search(text) and (which := _which_yes(question)):
        number = next(i for i, c in enumerate(question.choices, 1) if c.value == no[0])
        raise AnswerError(  # "not yet but soon": the report is for what will be needed
            f"“{text.strip()}”: the report plans for what you will need, so which will it be: "
            + which.removeprefix("Yes — which one: ").removesuffix("?")
            + f"? Or `{number}` {question.label_of(no[0])} if nothing is planned."
        )
    if note is None and _LEFT_TO_US.fullmatch(text.casefold().strip(" .!")):
        note = f"you left it to me: {', '.join(question.label_of(v) for v in picked)}"
    away = _told_away(question, text, picked)  # "budget is tight but not the main problem"
    if note is None and away:
        note = f"left out {' and '.join(f'“{question.label_of(v)}”' for v in away)}, as you said"
    elif note is None and question.multiple and (others := unmatched(question, text)):
        named = " and ".join(f"“{u}”" for u in others)
        note = f"{named} {'matches' if len(others) == 1 else 'match'} no option, so "
        if question.keeps_others:  # "arXiv, HAL": HAL is the user's own source
            note += "it is kept as your own" if len(others) == 1 else "they are kept as yours"
        else:
            note += "it is left out" if len(others) == 1 else "they are left out"
    alone = [v for v in picked if v in _ALONE]
    if alone and set(picked) & _SEVERAL:  # "we only use one really … diversity": several
        picked = tuple(v for v in picked if v not in _ALONE)
        left = f"“{question.label_of(alone[0])}” left out beside your reasons for the others"
        note = "; ".join(filter(None, [note, left]))
    return picked, note


def _told_away(question: Question, text: str, picked: tuple[str, ...]) -> list[str]:
    """The options named only to be told away ("diversity no", "budget spielt keine Rolle")."""
    words = dismissed(text.casefold().replace("’", "'"))
    words |= {stem(w) for w in words}
    return [
        c.value
        for c in question.choices
        if c.value not in picked and any(n in words or stem(n) in words for n in _names(c))
    ]


_PIECES = CLAUSES  # one way to cut an answer into what it says of each item


def _told_apart(question: Question, text: str, picked: tuple[str, ...]) -> tuple[str, ...] | None:
    """At a question of several picks, the options told item by item ("customs: yes;
    complaints: only a person", "invoices yes, claims no"), each item's words read on their
    own; None unless that picks more than ``picked``."""
    if not question.multiple:
        return None
    found: set[str] = set(picked)
    for piece in _PIECES.split(text):
        said = told(piece)  # only what is told of an item: the rest was read as a whole
        if said and len(said.strip(" .!")) >= 2 and _picks(question, said):
            found.update(_choose(question, said)[0])
    if not found - set(picked):
        return None
    return tuple(c.value for c in question.choices if c.value in found)


def unmatched(question: Question, text: str) -> list[str]:
    """The parts of a list of picks that pick nothing ("arxiv + HF daily papers + twitter":
    the last two); none when the answer is not a list."""
    text = re.sub(r"\([^()]*\)", " ", text)  # "(GDPR, BaFin rules)" explains the pick before it
    pieces = [p.strip(" .!") for p in _PIECES.split(text)]
    pieces = [p for p in pieces if len(p) >= 3 and re.search(r"[^\W\d_]", p)]
    if len(pieces) == 1 and question.keeps_others and _OWN_NAME.fullmatch(pieces[0]):
        one = pieces[0]  # "HAL" alone: a name, not a hedge ("idk") nor a "none"
        if not (
            UNSURE.match(one)
            or _picks(question, one)
            or one.casefold() in _NOT_A_TYPO
            or _NO_NAME.fullmatch(one)
            or _BARE_YES.fullmatch(one.casefold())
        ):
            return [one]
    if len(pieces) < 2:
        return []
    out = []
    picks = lambda p: _picks(question, p) or _picks(question, told(p) or "")  # noqa: E731
    for n, (piece, *after) in enumerate(told_next(pieces, picks)):
        if after or (said := told(piece)) and _picks(question, said):  # "customs: yes"
            continue
        if _FILLER.fullmatch(piece.casefold()) or _HEDGE_ONLY.fullmatch(piece.casefold()):
            continue
        if SAME_AS_BEFORE.search(piece) and n > 0:  # "customs declarations too": as before
            continue
        if n > 0 and _PARTLY_AFTER.search(piece):  # "KYC partly": the cautious option,
            continue  # read per item in the report
        if not _picks(question, piece):
            out.append(piece)
    return out[:3]


_NO_NAME = re.compile(  # "same", "n/a", "tbd": no source named, whatever it says
    r"(?:(?:the\s+)?same(?:\s+as\s+(?:above|before|usual))?|ditto|as above|n/?a|tbd|tba|"
    r"nah|meh|ok(?:ay)?|\?+|-+|\.+|etc)",
    re.I,
)
_OWN_WORDS = 4  # "Hugging Face daily papers": a name; a longer answer is a sentence
_OWN_NAME = re.compile(r"(?=.*[^\W\d_])[\w.&/:' -]{2,40}")  # "HAL", "Papers with Code"
_PARTLY_WORDS = r"(?:only\s+)?(?:partly|partially|in part|somewhat|sort of|teilweise)"
PARTLY = re.compile(_PARTLY_WORDS, re.I)  # "refunds partly": said of an item, the cautious one
_PARTLY_AFTER = re.compile(rf"\s{_PARTLY_WORDS}$", re.I)
SAME_AS_BEFORE = re.compile(  # "customs declarations too": what the piece before said
    r"\b(?:too|as well|also|likewise|the same|same there|auch|aussi)\s*$", re.I
)


def _picks(question: Question, text: str) -> bool:
    try:
        _choose(question, text)
    except AnswerError:
        return False
    return True


_HEDGE_ONLY = re.compile(
    r"(?:tbh|mostly|maybe|probably|i guess|i think|sometimes|also|etc|honestly|to be honest|"
    r"really|lol)"
)


_NUMBERS_THEN_WORDS = re.compile(  # "1 and 3, also …", "1, 5 - and honestly …": not "1-2 s"
    r"(\d{1,2}(?:\s*(?:,|and|&|\+|/)\s*\d{1,2})*)\s*(?:[,;:]|\s[-–—]\s)\s*(?=[^\W\d])"
)


def _choose(question: Question, text: str) -> tuple[tuple[str, ...], str | None]:
    choices = question.choices
    folded = text.casefold().replace("’", "'")  # a phone's apostrophe too
    folded = "".join(ch for ch in folded if unicodedata.category(ch) != "So")  # "everything 😩"
    folded = folded.strip(" .!") or text.casefold().strip(" .!")
    folded = _NO_APOSTROPHE.sub(r"\1n't", folded)  # "they dont fit": "don't fit"
    named = _OPTION.match(folded)  # "option two": a number, not the word "two"
    folded = _FILLER.sub("", folded) or folded  # "ok so 2", "hmm, 3 i guess": 2, 3
    if folded in _FOREIGN_NO and not any(folded in c.synonyms for c in choices):
        folded = "no"  # "nein" at "What could the images resemble…?": as "no" reads there
    if named and folded in NUMBER_WORDS:
        folded = str(NUMBER_WORDS[folded])
    if (nth := _ORDINAL.fullmatch(folded)) and folded != "second":  # "second": a second's wait
        word = nth["o"]  # "the second one", "2nd", "the last": that option's number
        n = word[0] if word[0].isdigit() else len(choices) if word == "last" else None
        folded = str(n or _ORDINALS.index(word[:3]) + 1)
    spelled = [w for w in re.split(r"[\s,&+/]+|\band\b", folded) if w]
    if len(spelled) > 1 and all(w in NUMBER_WORDS for w in spelled):  # "two and four"
        folded = ", ".join(str(NUMBER_WORDS[w]) for w in spelled)
    digits = _KEYCAP.sub(r"\1", folded).replace("#", "")  # "2️⃣", "#2"
    digits = re.sub(r"\((\d{1,2})\)", r"\1", digits)  # "(1) and (3)"
    numbers = re.fullmatch(r"\d{1,2}(?:\s*(?:,|and|&|\+|/|\s)\s*\d{1,2})*", digits)
    if numbers:
        picks = [int(n) for n in re.findall(r"\d{1,2}", digits)]
        if any(p < 1 or p > len(choices) for p in picks):
            raise AnswerError(f"Pick a number from 1 to {len(choices)}.")
        values = tuple(dict.fromkeys(choices[p - 1].value for p in picks))
        return _one_or_many(question, values), None
    if question.multiple and (lead := _NUMBERS_THEN_WORDS.match(digits)):
        picks = [int(n) for n in re.findall(r"\d{1,2}", lead.group(1))]  # "1 and 3, also …"
        if all(1 <= p <= len(choices) for p in picks):
            try:  # what the comment names counts too ("… the models hallucinated": models)
                commented = choose(question, digits[lead.end() :])[0]
            except AnswerError:
                commented = ()
            numbered = {choices[p - 1].value for p in picks} | set(commented)
            return tuple(c.value for c in choices if c.value in numbered), None
    if question.multiple and _ALL.fullmatch(folded):  # "all of the above"
        return tuple(c.value for c in choices if c.value not in _NOTHING | _ALONE), None
    if (ruled := _ruled_out(question, folded)) is not None:
        return ruled
    nothing = [c.value for c in choices if c.value in _NOTHING]
    if nothing and _ONLY_NOTHING.match(folded):  # "nothing, just abstract art": not artwork
        return (nothing[0],), None
    banded = by_band(question, folded)
    # "no PII, public docs": not confidential; but "no budget" is what constrains
    if question.lacking:  # "not budget" still rules budget out
        negated = {w for ws in _NO_PROBLEM.findall(folded) for w in ws if w}
        negated |= set(_NOT_X.findall(folded))
    else:
        negated = set(_NEGATED.findall(folded))
    negated |= set(_DISMISSED.findall(folded))  # "latency is not an issue": not latency
    negated |= dismissed(folded)  # "diversity no", "… mais ce n'est pas le problème principal"
    if question.not_ours:  # "our own brand logos": not someone else's brand
        negated |= {w for m in _OURS.finditer(folded) for w in m.groups() if w}
    words = set(_WORD.findall(folded)) - negated
    if negated:  # "spot checks, no legal review": this "no" negates; it does not say "none"
        words -= {m.group(1) for m in _NEGATOR.finditer(folded)}
    words |= {stem(w) for w in words}  # "checked" answers an option named "check"
    if banded and not question.strictest:
        phrased = [  # "dictation can't go down, the rest can wait an hour": two answers
            c.value
            for c in choices
            if c.value not in banded
            and any(
                " " in n and _contains(folded, words, n) and not _leads_in(folded, n)
                for n in c.synonyms
            )
        ]
        if phrased and not question.multiple:
            raise AnswerError(_one_or_other(question, (phrased[0], banded[0])))
        return banded, None
    said = "no" if folded in ("nope", "nah", "no way", "not at all") else folded  # "nope": "no"
    said = "yes" if _BARE_YES.fullmatch(said) else said  # "yeah", "sure": an option's "yes"
    exact = [c.value for c in choices if said in _names(c) or said in c.whole]
    if exact:
        return (exact[0],), None
    if not banded and question.band is None and _COUNT_ONLY.fullmatch(folded):
        raise AnswerError(_pick(question))  # "40 people": a count for another question
    matched = {  # "we can wait a few minutes": the phrase leads into the figure, no answer
        c.value: [
            n
            for n in _names(c)
            if _contains(folded, words, n) and not (" " in n and _leads_in(folded, n))
        ]
        for c in choices
    }
    longer = [(v, n) for v, ns in matched.items() for n in ns if " " in n]
    hits = {  # a name inside another option's longer one counts for that one alone: "every
        v: sum(  # other monday morning" is every two weeks, not weekly for its "monday"
            not any(w != v and m != n and _contains(m, _stems(m), n) for w, m in longer) for n in ns
        )
        for v, ns in matched.items()
    }
    hits = {v: n for v, n in hits.items() if n}
    if banded:  # "a bad clause could cost a client 100k+": the amount's band, beside the words
        hits[banded[0]] = hits.get(banded[0], 0) + 1
    if (counted := by_count(question, folded)) is not None:  # "~2.000 past NDAs": many logged
        if not hits:
            return (counted[0],), f"read from the count, {counted[1]}"
        hits[counted[0]] = hits.get(counted[0], 0) + 1
    picked = tuple(v for v in (c.value for c in choices) if v in hits)
    if (
        question.not_ours
        and not hits
        and _OURS.search(folded)
        and any(c.value == "none" for c in choices)
    ):
        return ("none",), "what is your own is not someone else's"
    if not hits and nothing and (denied := _denied(choices, negated)):  # "no logs": "No"
        return (nothing[0],), f"read from what {denied[4:]}"
    if question.strictest and len(picked) > 1:  # "customer PII, some health data": regulated
        others = ", ".join(question.label_of(v).split(" (")[0] for v in picked[:-1])
        return (picked[-1],), f"the strictest you named, over {others}"
    more = _typos_fixed(question, folded) if hits and question.multiple else None
    if more is not None and set(more[0]) > set(hits):  # "the prize and the backup": price too
        return more
    if len(hits) > 1 and not question.multiple and (nobody := _nobody_does(folded)):
        return ("none",), f"read from “{nobody}”"  # "me and 2 designers, nobody checks"
    if question.weakest and len(picked) > 1:  # "editor checks all, social posts directly"
        others = ", ".join(question.label_of(v) for v in picked[:-1])
        return (picked[-1],), (
            f"the weakest you named, over {others}: the path with the least review is where "
            "a claim gets through"
        )
    if hits:
        ranked = sorted(hits, key=lambda v: -hits[v])
        mixed = _NOTHING & set(hits) and len(hits) > 1  # "legal signs off X, Y goes out directly"
        if (
            not question.multiple
            and not mixed
            and len(ranked) > 1
            and hits[ranked[0]] > hits[ranked[1]]
        ):
            return (ranked[0],), None
        if (
            question.mixed
            and not question.multiple
            and (len(picked) > 1 or _BUT_NOT.search(folded))
        ):
            return _mixed(question, picked)  # "Azure covers us, Midjourney doesn't"
        # "product shots, sometimes celebs"; "yes for NDAs, nothing for invoices" keeps both
        if question.multiple and len(picked) > 1 and not _NONE_FOR.search(folded):
            picked = tuple(v for v in picked if v not in _NOTHING) or picked
        return _one_or_many(question, picked), None
    names = {n: c.value for c in choices for n in _names(c)}
    said = _NEGATED.sub(" ", without_no_after(folded)).strip()  # "not newsletters", "… no"
    close = (  # a typo of an option ("prcie"), never another word ("none" is not "one")
        []
        if folded in _NOT_A_TYPO or not said
        else difflib.get_close_matches(said, list(names), n=1, cutoff=0.75)
    )
    close = [n for n in close if _typo_of(said, n)]  # "has indemnity" is no "no indemnity"
    if close:
        return (names[close[0]],), None
    if (fixed := _typos_fixed(question, folded)) is not None:
        return fixed
    yes = _BARE_YES.fullmatch(folded) or _YES_AND.match(folded)  # "yes, finance audits us"
    if yes and (which := _which_yes(question)) is not None:
        raise AnswerError(which)  # "yes" at "do you need an audit trail?": which yes
    if question.partly and _PARTLY.fullmatch(folded):  # "some of them": which ones
        raise AnswerError(question.partly)
    raise AnswerError(_pick(question))


_COUNT_ONLY = re.compile(  # "40 people", "about 40 engineers", "2 GPUs": a count, no option
    r"(?:about|around|roughly|maybe|ca\.?|~)?\s*\d[\d.,']*\s*[km]?\s+"
    r"(?!(?:days?|weeks?|months?|years?|hours?|mins?|minutes?|seconds?|tage?n?|wochen?|"
    r"monate?n?|jahre?n?|stunden?|jours?|semaines?|mois|ans?)\b)[a-z-]+(?:\s+[a-z-]+)?"
)  # a time ("2 weeks") may name a cadence
_PARTLY = re.compile(  # "some", "partly", "some of them", "teilweise": not which ones
    r"(?:(?:i guess|i think|maybe|probably|well|hmm+|um+|yes|yeah|ja|oui)[\s,]+)*"
    r"(?:some(?:\s+of\s+them)?(?:\s+(?:can|are|do|yes))?|partly|partially|in part|"
    r"a few(?: of them)?|"
    r"a couple(?: of them)?|half(?: of them)?|a mix|mixed|not all(?: of them)?|only some|"
    r"some yes,? some no|some can,? some can'?t|depends on the workflow|"
    r"teilweise|teils|zum teil|manche|einige|en partie|partiellement|certains|certaines|"
    r"quelques-uns|quelques-unes)(?:[\s,]+(?:i guess|i think|maybe|probably|tbh|really))*"
)


_NOBODY_DOES = re.compile(  # "nobody checks", "no one really reviews them", "niemand prüft"
    r"\b(?:nobody|no[- ]?one|niemand|keiner|personne)\s+(?:really\s+|actually\s+|ever\s+)?"
    r"(?:checks?|reviews?|looks?|approves?|signs?|vets?|prüft|kontrolliert|schaut|vérifie|"
    r"relit|contrôle)\b"
)
_DOES = re.compile(  # someone checking, elsewhere in the answer: "legal signs off the ads"
    r"\b(?:checks?|checked|reviews?|reviewed|approves?|signs? off|vets?|eyeballs?|prüf\w*|"
    r"vérifi\w*|relit|contrôl\w*)\b"
)


def _nobody_does(folded: str) -> str | None:
    """ "me and 2 designers, nobody checks": who makes the images, then "nobody checks" says
    who checks them; the words said back. None when another part of the answer has someone
    checking ("designers check some, nobody checks the rest")."""
    m = _NOBODY_DOES.search(folded)
    if m is None or _DOES.search(folded[: m.start()] + " " + folded[m.end() :]):
        return None
    return m.group(0)


_NONE_FOR = re.compile(  # a "none" said of some of the things asked about
    r"\b(?:nothing|none|no|keine|nichts|aucun|aucune|rien)\s+(?:\w+\s+)?(?:for|für|bei|pour)\b"
)


_BARE_YES = re.compile(
    r"(?:yes|yeah|yep|yup|ja|oui|sure|definitely|absolutely|of course|correct|we do|i do)"
    r"(?:[\s,!.]+(?:we do|i do|definitely|absolutely|for sure|of course))*"
)


_YES_TOO = re.compile(r"(?:^|[,;.]\s*|\band\s+)(?:yes|yeah|yep|ja|oui)\b", re.I)  # "…, yes for X"
_SOON = re.compile(  # "not yet but soon", "no, planned for Q3", "noch nicht, aber bald"
    r"(?<!not )(?<!nicht )(?<!pas )\b(?:soon|shortly|planned|planning|next (?:year|quarter|"
    r"month)|bald|demnächst|geplant|bientôt|prochainement|prévu)\b",
    re.I,
)
_YES_AND = re.compile(r"(?:yes|yeah|yep|yup|ja|oui|sure|definitely|absolutely)\b[\s,;:.!-]+\w")


_YES_AND_NO = re.compile(  # "yes and no", "kind of", "ja und nein": neither all nor nothing
    r"(?:(?:well|hmm+|honestly|tbh)[\s,]+)?(?:yes and no|yes,? and no|yes\s*/\s*no|"
    r"sort of|kind of|kinda|ja und nein|jein|oui et non)(?:[\s,]+(?:really|tbh|i guess))?"
)


def _partial(question: Question) -> str | None:
    """The option that says "partly" ("Some, incomplete"), where the question has one."""
    return next((c.value for c in question.choices if "partly" in c.synonyms), None)


def _which_yes(question: Question) -> str | None:
    """ "Yes — which one: `2` For internal review or `3` Yes, a regulator …?" when no option
    claims a bare yes and more than one is not the "No"."""
    number = {c.value: i for i, c in enumerate(question.choices, 1)}
    yes = [c for c in question.choices if c.value not in _NOTHING and c.label.casefold() != "no"]
    if len(yes) < 2 or len(yes) == len(question.choices):
        return None
    named = " or ".join(f"`{number[c.value]}` {c.label}" for c in yes)
    return f"Yes — which one: {named}?"


def _stems(text: str) -> set[str]:
    words = set(_WORD.findall(text))
    return words | {stem(w) for w in words}


_PLURALS = ({"s", "es", "x"}, {"n", "en", "e"})  # French and English ones; German ones


def _other_language(word: str, near: str) -> bool:
    """ "variantes" and "varianten": one stem, a French plural and a German one — the same word
    in another language, not a slip of the keyboard."""
    shared = min(len(word), len(near))
    stem = word[: next((i for i in range(shared) if word[i] != near[i]), shared)]
    ends = {word[len(stem) :], near[len(stem) :]}
    return len(stem) >= 5 and all(ends & group for group in _PLURALS)


def _typos_fixed(question: Question, folded: str) -> tuple[tuple[str, ...], str | None] | None:
    """ "few secunds is ok": the options read with each misspelt word ("secunds") put right, and
    said back; None when no word is a near-miss of an option's word or nothing is picked then."""
    vocabulary = {w for c in question.choices for n in _names(c) for w in _WORD.findall(n)}
    vocabulary = {w for w in vocabulary if len(w) >= 5}
    fixes: dict[str, str] = {}
    for word in set(_WORD.findall(folded)) - vocabulary - _NOT_A_TYPO:  # "keine" is no "keins"
        if len(word) >= 5 and (near := difflib.get_close_matches(word, vocabulary, 1, 0.8)):
            fixes[word] = near[0]
    if not fixes:
        return None
    fixed = _WORD.sub(lambda m: fixes.get(m.group(0), m.group(0)), folded)
    if fixed == folded:  # nothing put right ("qualités"): reading it again would never end
        return None
    try:
        picked, note = choose(question, fixed)
    except AnswerError:
        return None
    typos = sorted((w, r) for w, r in fixes.items() if not _other_language(w, r))
    said = ", ".join(f"“{w}” as “{r}”" for w, r in typos)  # "variantes" is French: no typo
    return picked, "; ".join(filter(None, [f"read {said}" if said else None, note])) or None


_BUT_NOT = re.compile(  # "…, but not Midjourney", "Firefly is indemnified, MJ and Canva not"
    r"\b(?:but|and) not\b|\bexcept\b|\bapart from\b|,[^,]*\w\s+not\s*$"
)


def _mixed(question: Question, picked: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """One option for some of what is asked about, another for the rest: the question's mixed
    option, said back with what was named for each."""
    mixed = question.mixed or picked[0]
    if mixed in picked and len(picked) <= 2:  # "yes, capped at 1M": the mixed option itself
        return (mixed,), None
    said = [question.label_of(v).lower() for v in picked]
    others = said[1] if len(said) > 1 else "not"
    return (mixed,), f"{said[0]} for some, {others} for others; the report takes each as you said"


def _ruled_out(question: Question, folded: str) -> tuple[tuple[str, ...], str | None] | None:
    """ "everything except newsletters": every option but those named after the cue, and said
    back; "arxiv and openreview, excluding blogs": those before it but those after it."""
    cue = _EXCEPT.search(folded)
    said_not = folded.rfind("not", cue.start(), cue.end()) if cue is not None else -1
    if said_not >= 0 and not_main_at(folded, said_not):
        return None  # "budget is tight but not the main problem": told away, no exception
    if cue is None or not question.multiple:
        if cue is not None and _ANY.fullmatch(folded[: cue.start()].strip(" ,")):
            raise AnswerError(_pick(question))  # "anything but daily": which one, then?
        return None
    head, tail = folded[: cue.start()].strip(" ,;"), re.split(r"[;.]", folded[cue.end() :])[0]
    try:
        out = set(choose(question, tail)[0])
    except AnswerError:
        return None
    every = tuple(c.value for c in question.choices if c.value not in _NOTHING)
    whole = not head or _ALL.fullmatch(head) or _ANY.fullmatch(head)
    base = every if whole else choose(question, head)[0]
    kept = tuple(v for v in base if v not in out)
    if not kept:
        raise AnswerError(_pick(question))
    if not whole:
        return kept, None
    return kept, "all but " + ", ".join(question.label_of(v) for v in every if v in out)


def _pick(question: Question) -> str:
    options = ", ".join(f"{i}. {c.label}" for i, c in enumerate(question.choices, 1))
    some = "one or more" if question.multiple else "one"
    return f"Pick {some} of: {options} (a number or the words will do)."


def _names(c: Choice) -> list[str]:
    """An option's value, label and synonyms; and each half of a label joined by "and" that
    says something on its own ("too many variations" of "Too many variations and edge cases")."""
    halves = (
        [h for h in c.label.split(" and ") if len(h.split()) >= 2] if " and " in c.label else []
    )
    names = [c.value.replace("-", " ").replace("_", " "), c.label.casefold(), *c.synonyms, *halves]
    return list(dict.fromkeys(n.casefold() for n in names))


def _contains(folded: str, words: set[str], name: str) -> bool:
    """The option's name in the answer: as a phrase, a word, its stem or its adjective
    ("risky" says "risk")."""
    name = name.casefold().replace("-", " ")  # "built-in" and "built in" alike
    folded = folded.replace("-", " ")
    if " " in name or "'" in name:  # "doesn't" is two words to _WORD: match it whole
        return re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", folded) is not None
    return name in words or stem(name) in words or (len(name) >= 4 and f"{name}y" in words)


_SUFFIXES = (
    ("ations", "at"),
    ("ation", "at"),
    ("ings", ""),
    ("ing", ""),
    ("ed", ""),
    ("ies", "y"),  # "policies", "companies": "policy", "company"
    ("es", ""),
)


def stem(word: str) -> str:
    """A crude English stem, enough to match "checked", "checks" and "checking" to "check", or
    "simulated" and "simulation" to "simulate"; short words are left whole."""
    for suffix, repl in (*_SUFFIXES, ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + repl
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


_FIGURE_NEXT = r"\s+(?:a\s+few|a\s+couple|an?|\d|one|two|three|several|up\s+to|about|max)\b"


def _leads_in(folded: str, phrase: str) -> bool:
    """ "we can wait a few minutes": the phrase leads into the figure, it is no answer of its
    own ("we can wait, it's internal" is one)."""
    return re.search(rf"\b{re.escape(phrase)}{_FIGURE_NEXT}", folded) is not None


def _one_or_other(question: Question, values: tuple[str, ...]) -> str:
    """ "can't go down … can wait an hour": the two options the words name, to pick one."""
    number = {c.value: i for i, c in enumerate(question.choices, 1)}
    named = " or ".join(f"`{number[v]}` {question.label_of(v)}" for v in values)
    return f"Your words fit two answers; which one holds overall: {named}?"


def _one_or_many(question: Question, values: tuple[str, ...]) -> tuple[str, ...]:
    if len(values) > 1 and not question.multiple:
        named = " or ".join(question.label_of(v) for v in values)
        raise AnswerError(f"Just one, please: {named}?")
    return values


def _denied(choices: Sequence[Choice], negated: set[str]) -> str | None:
    """The word of an option said with "no" before it ("no logs", "no history"), where nothing
    else was picked: the answer is the option that means none."""
    return next(
        (
            f"you ruled out “{w}”"
            for c in choices
            if c.value not in _NOTHING
            for w in sorted(negated)
            if w in c.synonyms or stem(w) in {stem(n) for n in _names(c)}
        ),
        None,
    )


def _typo_of(said: str, name: str) -> bool:
    """No word of the name swapped for another word in ``said``: a typo changes letters, not a
    whole word ("has indemnity" is not a typo of "no indemnity"); words added are fine."""
    a, b = said.split(), name.split()
    swaps = [
        (x, y)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes()
        if op == "replace"
        for x, y in zip(a[i1:i2], b[j1:j2], strict=False)
    ]
    return all(difflib.SequenceMatcher(None, x, y).ratio() >= 0.75 for x, y in swaps)
