"""Reading answers as people type them: numbers with units, choices, lists and free text.

Pure functions. ``parse_answer`` returns an :class:`Answer`, or raises :class:`AnswerError`
with a short reason shown to the user with the question again, or :class:`Unclear` with the
readings to choose from when the words allow more than one.
"""

from __future__ import annotations

import re

from consultations.answers.asked_for import asked_for
from consultations.answers.bare import figure_only
from consultations.answers.choices import choose, parse_choice
from consultations.answers.guess import as_guess, unsure_rest
from consultations.answers.hosted import SAID as SELF_HOSTED
from consultations.answers.language import euros_assumed
from consultations.answers.lexer import COUNT_WORDS
from consultations.answers.lists import as_typed, remarks, split_list
from consultations.answers.model import (
    MAX_ANSWER_CHARS,
    Answer,
    AnswerError,
    Unclear,
    clean_text,
    format_money,
    format_number,
)
from consultations.answers.numbers import RECANT, number_answer
from consultations.answers.places import places_apart
from consultations.answers.seats import seats_said
from consultations.answers.swaps import swapped
from consultations.scripts import Question, QuestionType

__all__ = [
    "MAX_ANSWER_CHARS",
    "Answer",
    "AnswerError",
    "Unclear",
    "clean_text",
    "format_money",
    "format_number",
    "parse_answer",
    "parse_choice",
    "split_list",
]


_HOW_MANY = re.compile(
    r"\s*(?:(?:we\s+have|we've\s+got|we\s+run|there\s+are|i\s+have|about|around|maybe)\s+)?"
    rf"(?:\d{{1,3}}|one|{COUNT_WORDS}|a few|several)"
    r"(?:\s+(?:pipelines?|agents?|vendors?|models?|workflows?|tools?|things?|systems?|ones?))?"
    r"(?:\s+(?:of them|or so))?\s*[.!]?\s*",
    re.I,
)
_NONE = re.compile(  # "none", "nothing really", "n/a" at an optional question: nothing named
    r"\s*(?:(?:nah|nope|honestly|tbh|well|um+|hmm+|sadly|currently|so far|no|eigentlich|"
    r"ehrlich gesagt|bisher|derzeit|aktuell|gar|also|nein|non|pour l'instant)[\s,.!]+)*"
    r"(?:none|nothing|no|nope|nah|nada|nobody|no ?one|n/?a|not applicable|-+|all good|"
    r"keine|keiner|keins|nichts|nein|aucune?|rien|non|"  # German, French
    r"not really|no thanks|not (?:at the moment|right now)|"
    r"nothing (?:else|major|serious|significant|notable|big|much|bad|special|worth mentioning|"
    r"to report|comes to mind)|no (?:(?:major|real|serious|big) )?(?:incidents?|issues?|"
    r"problems?|failures?|outages?)|none that i know of|not that i know of|"
    r"(?:we|i)\s+(?:don'?t|do not)\s+(?:really\s+)?(?:have|use|run|need)\s+any|"  # "… any"
    r"(?:wir\s+haben\s+)?(?:noch\s+)?keine?|nichts|aucune?|rien|nein|nö|non)"
    r"(?:[\s,]+(?:really|yet|so far|not really|tbh|honestly|thanks|lol|"
    r"eigentlich|wirklich|bisher|vraiment|pour l'instant))*\s*[.!]?\s*",
    re.I,
)
_VAGUE = re.compile(  # "the usual ones": no item is named
    r"\s*(?:the\s+)?(?:usual|standard|normal|common|typical|popular|big|main|obvious)"
    r"(?:\s+(?:ones?|suspects|tools?|vendors?|players?|stuff))?\s*[.!]?\s*"
    r"|\s*(?:whatever|various|lots|many|a bunch|the ones everyone uses|anything|you pick|"
    r"you choose|you decide|your call|up to you|surprise me|no preference)\s*[.!]?\s*"
    r"|\s*(?:whatever|anything|what(?:ever)?\s+(?:matters|counts|is relevant))"  # "… for a bank"
    r"(?:\s+(?:matters|counts|relevant|is relevant|important|is important))?"
    r"\s+(?:for|to|in)\s+(?:a|an|the|our|us|me)?\s*[\w &/-]{1,40}[.!]?\s*"
    r"|\s*whatever\s+(?:the|our|they|we|is|people|someone|anyone)\b[^,;]*",  # "… devs pick"
    re.I,
)
THANKS = (  # a thanks, in the languages users write: "thank you", "merci", "danke schön"
    r"thanks?|thank\s*(?:you|u)|thx|ty|tysm|cheers|merci|danke|dankesch[öo]n|vielen dank|"
    r"gracias|grazie"
)
_NOD = re.compile(  # a nod or a sound, not an answer to "which …?" or "what …?"
    r"[\W_]*(?:(?:y|yes|yeah|yep|yup|ok|okay|k|kk|sure|cool|nice|great|perfect|awesome|"
    rf"(?:many\s+)?(?:{THANKS})(?:\s+(?:a lot|so much|beaucoup|schön|sehr))?|lol|haha|hmm+|hm+|"
    r"um+|uh+|erm|meh|right|got it|alright|actually|indeed|"
    r"ja|jawohl|genau|doch|eigentlich|oui|ouais|d'accord|en fait)[\W_]*)*",  # "eigentlich doch ja"
    re.I,
)
_DEPENDS = re.compile(  # "it depends": fair, but nothing to go on; never a vendor or a task
    r"\s*(?:(?:well|honestly|tbh|hmm+|um+)[\s,]+)?(?:(?:it\s+(?:really\s+)?)?(?:depends|varies|"
    r"changes)(?:\s+(?:a lot|on the month|on the day|month to month))?"
    r"|(?:(?:it's|its|it is)\s+)?(?:hard|difficult|tough|impossible) to say"
    r"|(?:it's\s+|its\s+)?(?:complicated|case by case))"
    r"(?:[\s,]+(?:really|tbh|honestly|lol))*\s*[.!?…]*\s*",
    re.I,
)
_UNKNOWN = re.compile(  # "idk", "keine Ahnung": no answer to a question asking for words
    r"\s*(?:(?:honestly|tbh|um+|hmm+)[\s,]+)?(?:idk|dunno|no idea|no clue|not sure|"
    r"(?:i\s+)?(?:don'?t|do not)\s+know|keine ahnung|wei(?:ß|ss) (?:ich )?nicht|"
    r"aucune idée|je (?:ne )?sais pas)(?:[\s,]+(?:really|tbh|honestly|lol|sorry))*\s*[.!?…]*\s*",
    re.I,
)
_EXPLAINS = re.compile(  # "none, it just answers", "none, all deterministic": why none
    r"(?:it|it's|its|we|they|i|just|only|that|this|there|nothing|no|all|everything|our|"
    r"mostly|always)\b",
    re.I,
)
_SAME_AS = re.compile(  # "same as above", "ditto": points at an answer this question cannot see
    r"\s*(?:(?:the\s+)?same(?:\s+(?:as|like)\s+(?:above|before|earlier|last time|the last one|"
    r"the other one|previous(?:ly)?|in the last consultation))?|see above|as (?:above|before)|"
    r"ditto|dito|idem|detto|s\.\s?o\.|wie oben|wie vorher|siehe oben|dasselbe|das gleiche|"
    r"pareil|comme avant|comme ci-dessus|voir ci-dessus|la même chose)\s*[.!]?\s*",
    re.I,
)
_STRUCK = re.compile(r"(?<!\S)~(?=[^\s~])[^~\n]*?(?<=[^\s~])~(?!\S)")


_NAMED = (QuestionType.TEXT, QuestionType.LIST)
_ROLE_ONLY = re.compile(  # a job title and nothing that says where: "VP Engineering", "CMIO"
    r"(?:(?:i'?m|i am|my role is)\s+)?(?:an?\s+|the\s+)?(?:[\w&/-]+\s+){0,4}?"
    r"(?:chief|officer|head|director|manager|vp|svp|evp|cto|ceo|cio|cfo|coo|cmo|cmio|cdo|ciso|"
    r"founder|co-?founder|lead|engineer|developer|consultant|analyst|architect|president|"
    r"owner|scientist|designer|directeur|directrice|responsable|chef|leiter(?:in)?|"
    r"geschäftsführer(?:in)?)"
    r"(?:\s+(?:of|de|du|des|für))?(?:\s+(?!(?:at|in|for|with|à|chez|bei|im)\b)[\w&/-]+){0,3}",
    re.I,
)
_CODE = re.compile(  # a pasted payload: JSON, XML or an HTML element, not words
    r"\s*(?:[{\[]\s*[\"'{\[]|<\?xml|<(?P<tag>[a-z][a-z0-9]*)\b[^>]*>.*</(?P=tag)>\s*$)",
    re.I | re.S,
)


_DROP = re.compile(  # "…, actually drop contract review", "scratch the last one"
    r"^(?:(?:actually|sorry|oh|wait|no|oops|hmm)[,!.]?\s+)*(?:please\s+)?(?:drop|remove|scratch|"
    r"delete|forget|leave out|take out|strike|streich\w*|lösch\w*|ohne|not)\s+"
    r"(?:the\s+|die\s+|den\s+|das\s+)?"
    r"(?P<what>.+?)(?:\s+(?:please|pls|again|after all))?$",
    re.I,
)


_DASHED_DROP = re.compile(r"\s+[—–-]+\s+(?=(?:scratch|drop|remove|delete|forget)\b)", re.I)
_CUE_ONLY = re.compile(
    r"\s*(?:no,?\s+wait|wait|actually|sorry|oops|i mean|correction)\s*[.!:]?\s*", re.I
)


def without_dropped(items: list[str]) -> tuple[list[str], str | None]:
    """ "invoice matching, contract review, actually drop contract review": the item taken back
    goes, and so does the instruction, said back; "scratch the last one" drops the one before."""
    kept: list[str] = []
    gone: list[str] = []
    items = [piece for item in items for piece in _DASHED_DROP.split(item)]  # "b — scratch b"
    swaps: list[str] = []
    for item in items:
        if _CUE_ONLY.fullmatch(item):  # "…, no wait, not claude": the cue names nothing
            continue
        if (swap := swapped(kept, item)) is not None:  # "…, gemini instead of claude"
            kept, said = list(swap[0]), swap[1]
            swaps.append(said)
            continue
        m = _DROP.match(item)
        if m is None:
            kept.append(item)
            continue
        what = m.group("what").casefold().strip(" .")
        hit = (
            len(kept) - 1
            if what in ("last one", "last", "that", "that one", "it") and kept
            else next((i for i, k in enumerate(kept) if k.casefold() == what), None)
        )
        if hit is None:
            kept.append(item)  # names nothing listed: an item after all ("delete old backups")
            continue
        gone.append(kept.pop(hit))
    note = f"left out {', '.join(f'“{g}”' for g in gone)} as you said" if gone else None
    return kept, "; ".join(filter(None, [note, *swaps])) or None


_STOPPED = re.compile(  # "we tried gemini but dropped it", "gemini (not anymore)"
    r"\b(?:dropped|ditched|abandoned|stopped using|no longer|not anymore|not any more|"
    r"gave up on|switched away from|phased out|retired|nicht mehr|plus maintenant)\b",
    re.I,
)
_CLOSING = re.compile(  # the end of a list, not an item: "ad copy, nothing else really"
    r"\s*(?:nothing|none|no(?:thing)? other(?:s)?)\s+(?:else|more)(?:\s+(?:really|tbh))?"
    r"\s*[.!]?\s*|\s*that'?s\s+(?:it|all)\s*[.!]?\s*",
    re.I,
)
_AMOUNT_ONLY = re.compile(
    r"\s*(?:lots|a lot|lots and lots|many|plenty|several|loads|tons|a ton|a bunch|a few|"
    r"heaps|viele|sehr viele|beaucoup)(?:\s+(?:tbh|lol|honestly|really))?[\s.!?]*",
    re.I,
)


def for_example(question: Question) -> str:
    """ " (for example: …)" after a refusal, when the question has an example."""
    return f" (for example: {question.example})" if question.example else ""


def _no_nothing(question: Question) -> bool:
    """A choice with no option for "none" ("n/a" at the optional paper sources: skipped)."""
    return question.type is QuestionType.CHOICE and not any(
        c.value == "none" or c.label.casefold() in {"no", "none"} for c in question.choices
    )


def parse_answer(question: Question, raw: str) -> Answer:
    text = clean_text(raw)
    if not text:
        raise AnswerError("I did not catch an answer.")
    if (
        question.optional
        and _NONE.fullmatch(text)
        and (question.type in _NAMED or _no_nothing(question))
    ):
        return Answer(key=question.key, raw=text, skipped=True)  # said back as "none"
    if question.type in _NAMED and _CODE.match(text):  # a pasted payload: no one's answer
        example = for_example(question)
        raise AnswerError(
            f"That looks like code or JSON, not an answer: a few words, please{example}."
        )
    if question.type in _NAMED and _SAME_AS.fullmatch(text):  # "same as above": which?
        raise AnswerError(
            f"“{text.strip()}”: I cannot see from here which answer that means; type it again, "
            f"please{for_example(question)}."
        )
    if question.type in _NAMED and _NOD.fullmatch(text):  # "ok", "lol", "👍": no answer yet
        example = for_example(question)
        skip = ", or `skip` it" if question.optional else ""
        raise AnswerError(
            f"I could not read that as an answer: a few words, please{example}{skip}."
        )
    unknown = question.type is QuestionType.TEXT and not question.optional  # "dunno": no role
    if question.type is not QuestionType.CHOICE and (
        _DEPENDS.fullmatch(text) or (unknown and _UNKNOWN.fullmatch(text))
    ):
        skip = ", or `skip` it" if question.optional else ""
        raise AnswerError(
            f"“{text}” is fair, but the report needs a rough answer{for_example(question)}: "
            f"what is usual will do, and `edit N` changes it later{skip}."
        )
    match question.type:
        case QuestionType.TEXT:
            if len(text) < 2:
                raise AnswerError("A few words, please.")
            if _AMOUNT_ONLY.fullmatch(text):  # "lots": typed for a figure asked later
                example = for_example(question)
                raise AnswerError(
                    f"“{text.strip()}” reads like an amount, not an answer to this question: "
                    f"a few words, please{example}."
                )
            if _mashed(text):  # "asdfgh" ("🚀🚀🚀" is refused above, with the nods)
                example = for_example(question)
                raise AnswerError(
                    f"I could not read that as an answer: a few words, please{example}."
                )
            if figure_only(text):  # "~1.5k runs/day" at "What failures have you seen?"
                raise AnswerError(
                    f"I read a figure, but this question asks for words{for_example(question)}."
                )
            if question.not_a_role and _ROLE_ONLY.fullmatch(text.strip(" .!")):
                raise AnswerError(  # "Chief Medical Information Officer" at "Which industry?"
                    f"“{text.strip()}” reads like a role, not an answer to this question: "
                    f"{question.text[0].lower()}{question.text[1:]}{for_example(question)}"
                )
            return Answer(key=question.key, raw=text, text=text)
        case QuestionType.LIST:
            if _HOW_MANY.fullmatch(text) or _VAGUE.fullmatch(text):  # "3", "the usual ones"
                example = f", for example: {question.example}" if question.example else ""
                raise AnswerError(f"Name each one, please{example}.")
            if figure_only(text):  # "20k runs a day" at "Which tools …?": a later answer
                example = for_example(question)
                raise AnswerError(
                    f"I read a figure, but this question asks for {asked_for(question)}{example}; "
                    "the figure has its own question."
                )
            if all(_mashed(w) for w in re.split(r"[\s,;]+", text.strip(" ,;")) if w):  # "asdf"
                example = for_example(question)
                raise AnswerError(
                    f"I could not read that as a list: name each one, please{example}."
                )
            split = split_list(text, named=question.named_items, steps=question.steps_joined)
            items, dropped = without_dropped(split)
            if question.places:  # "US and Europe, maybe Japan later": US; Europe; Japan later
                items = places_apart(items)
            items = items[: question.max_items]
            mashed = [i for i in items if _mashed(i)]  # "agents, asdfgh": no topic
            items = [i for i in items if i not in mashed]
            if mashed and not items:  # "and asdfgh"
                example = for_example(question)
                raise AnswerError(
                    f"I could not read that as a list: name each one, please{example}."
                )
            aside = [  # "no US cloud" after the tools; a goal may be one ("no data outside the EU")
                i
                for i in remarks(items)[1]
                if not _NONE.fullmatch(i) and not question.rules_are_items
            ]
            items = [i for i in items if i not in aside]
            if not items and question.optional and (aside or not dropped):  # "no MCP yet", "idk"
                return Answer(key=question.key, raw=text, skipped=True)
            if not items:
                raise AnswerError("List at least one item, separated by commas or new lines.")
            said_why = len(items) > 1 and _EXPLAINS.match(items[1])  # "none, it just answers…"
            if question.optional and _NONE.fullmatch(items[0]) and (len(items) == 1 or said_why):
                return Answer(key=question.key, raw=text, skipped=True)
            nothing = [  # "none yet, planning a bot"; "ad copy, none else": the list's end
                i for i in items if _NONE.fullmatch(i) or _CLOSING.fullmatch(i)
            ]
            items = [i for i in items if i not in nothing]
            figures = [i for i in items if figure_only(i)]  # "gpt-4o, claude, 18k a month"
            items = [i for i in items if i not in figures]
            if figures:
                nothing.append(figures[0])
            if nothing and not items:
                raise AnswerError(
                    f"You said “{nothing[0]}”: this consultation needs at least one to weigh. "
                    "Name what comes closest, or type `cancel` to leave it."
                )
            said = [i for i in nothing if not _CLOSING.fullmatch(i)]  # "…, nothing else": done
            left = (
                f"“{as_typed(text, said[0])}” is not one of them, so it is left out"
                if said
                else None
            )
            stopped = [i for i in items if question.named_items and _STOPPED.search(i)]
            stopped = stopped if len(stopped) < len(items) else []  # one in use stays, at least
            items = [i for i in items if i not in stopped]  # "…, gemini (not anymore)"
            seats = seats_said(tuple(items)) if question.named_items else None  # "Copilot"
            kept_apart = _left_out(text, aside, "a remark, not an item")
            unread = _left_out(text, mashed, "I could not read it")
            gone = _left_out(text, stopped, "no longer in use")
            note = "; ".join(filter(None, [dropped, left, kept_apart, unread, gone, seats])) or None
            return Answer(key=question.key, raw=text, items=tuple(items), note=note)
        case QuestionType.CHOICE:
            picked, note = _choose_corrected(question, text)
            if not picked and all(_mashed(w) for w in re.split(r"[\s,;]+", text) if w):
                raise AnswerError(  # "asdf": no source of the user's own either
                    "I could not read that: pick one or more by number, or name your own "
                    f"source{for_example(question)}."
                )
            return Answer(key=question.key, raw=text, choices=picked, note=note)
        case QuestionType.NUMBER if (unsure := unsure_rest(text)) and unsure[1]:
            hedged = parse_answer(question, unsure[1])  # "no idea, our own GPU": none, not a guess
            guess = hedged if hedged.note == SELF_HOSTED else as_guess(hedged, unsure[0])
            return euros_assumed(question, guess.model_copy(update={"raw": text}))  # "no idea, 5M"
        case QuestionType.NUMBER:  # "~5M~ 6M": struck through in Slack, so taken back
            figure = number_answer(question, _STRUCK.sub(" ", text).strip() or text)
            return figure.model_copy(update={"raw": text}) if figure.raw != text else figure
    raise AssertionError(question.type)  # pragma: no cover


def _left_out(text: str, items: list[str], why: str) -> str | None:
    """ "“a Gemini pilot we dropped” left out: no longer in use", quoted as typed."""
    if not items:
        return None
    return " and ".join(f"“{as_typed(text, i)}”" for i in items) + f" left out: {why}"


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _mashed(text: str) -> bool:
    """One run of letters no one writes as an answer: no vowel ("sdfkjh"), a keyboard row
    ("asdf", "qwer") or one letter three times ("xxxx"); acronyms ("SRE", "CTO") are words."""
    if not text.isalpha() or len(text) < 4 or (text.isupper() and len(text) <= 6):
        return False
    low = text.casefold()
    rows = any(row[i : i + 4] in low for row in _ROWS for i in range(len(row) - 3))
    vowelless = len(low) >= 5 and not set(low) & set("aeiouy")  # "fmcg" is an industry
    return rows or vowelless or re.search(r"(.)\1\1", low) is not None


_NO_LEAD = re.compile(r"^(?:no|nope)\b[\s,:;.!\-–—]+(?=\S)", re.I)
_ADDING = re.compile(r"^(?:also|and|plus|as well)\b|\b(?:too|as well)$", re.I)


def _choose_corrected(question: Question, text: str) -> tuple[tuple[str, ...], str | None]:
    """ "hours, actually no we need instant failover": what follows the last cue decides."""
    for cue in reversed(list(RECANT.finditer(text))):
        after = _NO_LEAD.sub("", text[cue.end() :].strip(" ,;."))  # "…, actually no, legal…"
        if cue.start() == 0 or not after:
            continue
        if question.multiple and _ADDING.search(after):  # several: "…, actually also budget"
            break
        try:
            picked, note = choose(question, after)
        except AnswerError:
            continue
        was = _picked_before(question, text[: cue.start()])
        if was is None or was == picked:  # "it's actually mostly batch": nothing taken back
            return picked, note
        said = ", ".join(question.label_of(v) for v in was)
        said = f"corrected from {said} after “{cue.group('cue')}”"
        return picked, "; ".join(filter(None, [note, said]))
    return choose(question, text)


def _picked_before(question: Question, before: str) -> tuple[str, ...] | None:
    """What the words before a cue picked on their own, if anything."""
    try:
        return choose(question, before.strip(" ,;.") or "-")[0]
    except AnswerError:
        return None
