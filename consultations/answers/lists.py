"""List answers: one item a line, or separated by semicolons or commas outside parentheses."""

from __future__ import annotations

import re

from consultations.answers.intro import introduced
from consultations.answers.pairs import two_named
from consultations.answers.vendors import MODEL_WORDS, VERSIONED_MODELS

__all__ = ["MODEL_WORDS", "VERSIONED_MODELS", "remarks", "split_list", "without_we"]

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2023\u25e6]|\d{1,2}[.)])\s+")
_JOINER = re.compile(  # "…, plus Mistral"; "eigentlich auch DALL-E", "en fait aussi DALL-E"
    r"^(?:(?:finally|lastly|also|plus|and)?,?\s*(?:then\s+)?there(?:'s|\s+is|\s+are)"
    r"(?:\s+also)?|plus|also|and also|as well as|and|then|und|sowie|dazu|zusätzlich|et|puis|"
    r"(?:(?:actually|eigentlich|en fait|und|et)\s+)?(?:also|auch|außerdem|ausserdem|aussi)|"
    r"(?:and\s+)?(?:honestly|frankly|tbh))\s+",
    re.I,
)
_ARTICLE = re.compile(  # "a support agent", "ein Support-Bot", "un agent": lower case only
    r"^(?:a|an|our|my|ein|eine|einen|unser|unsere|unseren|un|une|notre|nos)\s+(?=\S)(?!own\b)"
)
_ARTICLE_BEFORE = (
    r"(?:(?<![\w-])(?:a|an|our|my|ein|eine|einen|unser|unsere|unseren|un|une|notre|nos)\s+)?"
)


def as_typed(text: str, item: str) -> str:
    """An item as the user typed it, article and all ("a few hours is fine"), to quote what
    is left out; the item itself when the words are not there as one run."""
    m = re.search(_ARTICLE_BEFORE + re.escape(item), text, re.I)
    return m.group(0) if m else item


_AND_ARTICLE = re.compile(  # "a bot and one agent", "ein Bot und ein Agent", "un bot et un agent"
    r"\s+(?:and|und|et)\s+(?=(?:a|an|our|my|one|another|ein|eine|einen|un|une)\s)"
)
_PREAMBLE = re.compile(  # "we use gpt-4o for support, …": the list starts after the verb
    r"^\s*(?:(?:so|well|ok|okay|um|basically|so basically|honestly)\s*,?\s+)?"  # "So basically we"
    r"(?:(?:(?:today|currently|right now|mostly|mainly)\s*,?\s+)?(?:we|i)(?:\s+|(?='))"
    r"(?:(?:currently|mostly|mainly|also|just|only)\s+)?"
    r"(?:use|run|pay for|have|are using|'re using|"
    r"(?:are|'re) (?:evaluating|testing|trying|piloting|planning|building)|"
    r"(?:evaluate|test|try|pilot|plan|build))|"
    r"(?:wir|ich)\s+(?:haben|habe|nutzen|nutze|verwenden|verwende|setzen|setze|betreiben|"
    r"testen|bauen)"  # "wir haben so 3 Agenten"
    r"(?:\s+(?:so|etwa|aktuell|derzeit|momentan|gerade))?|"
    r"nous utilisons|on utilise|j'utilise|nous avons|on a)\s+"
    r"(?:(?:this|a|one)\s+thing\s+where\s+)?",  # "we have this thing where pages get chunked"
    re.I,
)
_PLANNING = re.compile(
    r"^(?:(?:still\s+)?planning|(?:we\s+)?plan\s+to\s+(?:build|add|launch)|thinking about)\s+"
    r"(?=(?:a|an|our|my)\s+\S)"
    # "planned: a purchasing agent", "geplant: ein Einkaufs-Agent", "prévu : un agent achats"
    r"|^(?:planned|coming|geplant|in planung|prévue?s?)\s*:\s*(?:(?:ein|eine|einen|un|une)\s+)?"
    r"(?=\S)",
    re.I,
)
_TRIAL = re.compile(
    r"^\s*(?:we|i)(?:\s+are|'re|\s+am|'m)?\s+(?:currently\s+|also\s+)?"
    r"(?:evaluat|test|try|trying|pilot)\w*\s+(?=\S)",
    re.I,
)


def _tried(part: str) -> str:
    """The part without the words before it ("we use", "we're piloting"); what is only being
    tried says so: "and we test Gemini" is "Gemini (being tested)"."""
    item = _PREAMBLE.sub("", part, count=1)
    tried = _TRIAL.match(part) and item.strip() and not item.rstrip(" .").endswith(")")
    return f"{item.rstrip(' .,;')} (being tested)" if tried else item


_HEDGE = re.compile(  # "mostly claude, a bit of mistral": how much, not what
    r"^(?:just|only|mostly|mainly|primarily|some|a bit of|a little|a few|occasionally|sometimes)"
    r"\s+(?=\S)",
    re.I,
)
_MAYBE = re.compile(  # "maybe brainstorming", "idk maybe cohere"
    r"^(?:(?:idk|dunno|not sure|no idea|i think)[\s,]+)?(?:maybe|perhaps|probably|possibly|"
    r"vielleicht|eventuell|evtl\.?|peut-être|peut-etre|sans doute|misschien)\s+"
    r"(?=\S)",
    re.I,
)
_FILLER_ITEM = re.compile(
    r"(?:sometimes|maybe|occasionally|mostly|etc\.?|and so on|and more|stuff like that|"
    r"things like that|or so|i guess|i think|probably|really|too|as well|roughly|approximately|"
    r"give or take|tbh|idk|dunno|"
    r"(?:you know(?:,)?\s+)?(?:the\s+)?usual(?:\s+(?:stuff|things|suspects))?|you know|"
    r"no idea|not sure)[.!?]?",
    re.I,
)
_TRIED = re.compile(  # "tried Midjourney once", "ein Praktikant hat mal Midjourney probiert"
    r"(?:(?:we|i)\s+)?(?:(?:only|just|also)\s+)?tried\s+(?:out\s+)?(?!and\b)(?P<x>\S.*?)"
    r"(?:\s+(?P<how>once|twice|briefly|a couple of times|a few times|for a bit|last year))?"
    r"|(?:[\w\s]{0,30}?\s)?(?:hat|haben|habe)\s+(?:mal\s+|einmal\s+|kurz\s+)?(?P<y>\S.*?)\s+"
    r"(?:aus)?(?:probiert|getestet)",
    re.I,
)
_SAID_SO = re.compile(r"\s+(?:honestly|tbh|to be honest|really|lol)[.!]*$", re.I)
_UNSURE_AFTER = re.compile(  # a doubt said after the item: "Karpathy? no idea really"
    r"\s*\?+(?:\s*(?:no idea|not sure|idk|dunno|i think|i guess|maybe|perhaps)"
    r"(?:\s+(?:really|tbh|honestly))?[.!]*)?\s*$",
    re.I,
)
_ENUMERATED = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2})[.)]\s+")  # "1) a 2) b", "(1) a, (2) b"


_PLUS_SIGN = re.compile(r"\s+\+\s+")
_PLUS_IN_TASK = re.compile(  # "Claude for quest writing + lore": one vendor's two tasks
    r"(\bfor\s+[^,;+\n]*?)\s+\+\s+(?=[a-z])"
)


_ABOUT = re.compile(
    r"^(?:(?:stuff|things|anything|something|mostly|mainly|papers)\s+)?about\s+(?=[a-z])", re.I
)


def split_list(text: str, named: bool = False, steps: bool = False) -> list[str]:
    """Items of a list; ``named``: items name things (vendors, models), so a lower-case
    sentence among capitalised names is a comment on the item before it, not an item;
    ``steps``: a "+" joins the steps of one item ("chunker + vector search")."""
    text = _PREAMBLE.sub("", text, count=1)  # "we run a contract agent and …": the agents
    rest, via = introduced(text)  # "Vendors: OpenAI, Anthropic", "MCP: jira, github"
    if via is not None and len(items := split_list(rest, named, steps)) > 1:
        return [f"{item} via {via}" for item in items]
    text = text if via is not None else rest
    if named:
        text = _PLUS_IN_TASK.sub(r"\1 and ", text)
    text = text if steps else _PLUS_SIGN.sub(", ", text)  # "deepmind + ai2": a list
    text = _enumeration_as_lines(text)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > 1:
        parts = lines
    elif ";" in text:
        parts = [piece for p in text.split(";") for piece in _labelled(p)]
    elif "," not in text and _SLASH.search(text):  # "GPT-4o / Claude / Gemini"; not "in/out"
        parts = _SLASH.split(text)
    elif "," not in text and len(dashed := _DASHED.split(text)) > 2:  # "invoices - claims - KYC"
        parts = dashed
    elif "," not in text and named and len(names := _slashed_names(text)) > 1:
        parts = names  # "gpt4o/claude/gemini", "openai/anthropic"
    else:
        parts = _split_commas(text, final_and=not named)  # names split on 'and' below
    parts = [s for p in parts for s in _sentences(_BULLET.sub("", p))]  # "e-mail. no US cloud"
    if named:  # "…, and we are evaluating Stable Diffusion 3": a vendor, not a comment
        parts = [_tried(_JOINER.sub("", p.strip())) for p in parts]
        parts = _routes_joined(parts)
        parts = [item for p in _comments_joined(parts) for item in _names_joined_by_and(p)]
    parts = [piece for p in _clauses_joined(parts) for piece in _split_and_article(p)]
    parts = [piece for p in parts for piece in _two_actions(p)]  # "we chunk … and summarise …"
    if not named:  # "long context & RAG eval and agent reliability": "&" lists them
        parts = _ampersands(parts)
        parts = [piece for p in parts for piece in two_named(p, _does)]
    seen: dict[str, str] = {}
    for part in parts:
        item = _JOINER.sub("", _BULLET.sub("", part).strip(" \t.,;"))
        item = _tried(item)  # "…, and we're piloting an agent that …"
        item = without_we(item)  # "we split the lore …": what is done
        if planned := _PLANNING.match(item):  # "planning a triage assistant": one, planned
            item = f"{item[planned.end() :]} (planned)"
        if named and (unsure := _MAYBE.match(item)):  # "idk maybe cohere": a vendor, in doubt
            item = f"{item[unsure.end() :]} (maybe)"
        if named and (once := _TRIED.fullmatch(item)):  # "tried Midjourney once"
            item = f"{once.group('x') or once.group('y')} (tried {once.group('how') or 'once'})"
        if named:  # "ChatGPT honestly": how it was said, not the name
            item = _SAID_SO.sub("", item)
        item = _ARTICLE.sub("", _HEDGE.sub("", item) if named else _MAYBE.sub("", item))
        item = _ABOUT.sub("", item)  # "about hallucination": the topic is hallucination
        item = _UNSURE_AFTER.sub("", item)  # "Karpathy? no idea really": Karpathy
        if _FILLER_ITEM.fullmatch(item):  # "ad copy, sometimes": not an item
            continue
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return _one_counted(list(seen.values()))


_ONE = re.compile(
    r"(?:just|only)?\s*(?:one|a single|a|1)\s+(?P<noun>agent|bot|pipeline|vendor|workflow|"
    r"model|system|tool|chatbot|assistant|script|job)",
    re.I,
)
_IT_DOES = re.compile(r"(?:it|which)\s+(?=[a-z]+s\b)", re.I)  # "it books demos …"


def _one_counted(items: list[str]) -> list[str]:
    """ "just one agent, it books demos from inbound emails": one item, "agent that books demos
    from inbound emails", not the count and a sentence about it."""
    if len(items) == 2 and (one := _ONE.fullmatch(items[0])) and (does := _IT_DOES.match(items[1])):
        return [f"{one['noun']} that {items[1][does.end() :]}"]
    return items


_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][\w .-]{0,20}):\s+(?P<rest>.+)$")


def _labelled(part: str) -> list[str]:
    """ "MCP: core banking API, document OCR" names two, each via MCP."""
    m = _LABEL.match(part)
    pieces = _split_commas(m.group("rest"), final_and=False) if m else [part]
    if m is None or len(pieces) < 2:
        return [part]
    return [f"{p.strip()} via {m.group('label').strip()}" for p in pieces if p.strip()]


_SENTENCE_END = re.compile(r"(?<=[a-z)]{2})\.\s+(?=[A-Za-z]{2})")


def _enumeration_as_lines(text: str) -> str:
    """ "we chunk everything: 1) pdf splitter 2) summariser" on one line: one item a line, the
    words before a colon that introduce them dropped. Only a run 1, 2, 3… counts."""
    if "\n" in text:
        return text
    marks = list(_ENUMERATED.finditer(text))
    if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
        return text
    lead = text[: marks[0].start()].strip()
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.end() : end] for m, end in zip(marks, ends, strict=True)]
    # "4) a reranker … long pages. honestly the whole thing is duct tape": the list ends there
    items[-1] = _SENTENCE_END.split(items[-1], maxsplit=1)[0]
    kept = [lead] if lead and not lead.endswith(":") else []
    return "\n".join(kept + [i.strip(" ,;") for i in items])


_CLAUSE = re.compile(
    r"^\s*(?:which|that|who|because|since|where|as it|as we|but it|welche[rsmn]?|weil|"
    r"qui|que|parce que|car)\b"
    r"|^\s*(?:der|die|das|den|dem)\s+\S.*\s(?-i:[a-zäöüß]+)[\s.!]*$",  # "…, der Rechnungen prüft"
    re.I,
)


_THEN = re.compile(  # a next step; not "and then there's the summariser": a next item
    r"^\s*(?:and\s+)?(?:then|after that|afterwards)\b(?!\s+there(?:'s|\s+is|\s+are)\b)", re.I
)
_DONE = re.compile(r"\s*(?:that'?s|thats)\s+(?:it|all)(?:\s+really)?[\s.!]*", re.I)


_OUR_NOTE = re.compile(r"^(?P<item>.*?)\s*\((?P<note>being tested|planned|maybe)\)\s*$")


def with_note(item: str, said: str) -> str:
    """ "Gemini (being tested)" with "which looks cheaper": one bracket, "Gemini (being tested;
    which looks cheaper)"; a note of ours at the end of what is said joins the same bracket."""
    notes = []
    if mine := _OUR_NOTE.match(item):
        item, notes = mine["item"], [mine["note"]]
    if theirs := _OUR_NOTE.match(said):
        said, notes = theirs["item"], [*notes, theirs["note"]]
    return f"{item.rstrip(' ,')} ({'; '.join([*notes, said.strip(' .,;')])})"


def _clauses_joined(parts: list[str]) -> list[str]:
    """ "markdown pricing, which we tried in 2023 and it failed": the clause says something
    about the item before it, so it goes with that item (in brackets), not in an item of its
    own; a clause inside an item is bracketed the same way."""
    out: list[str] = []
    for part in parts:
        if out and _DONE.fullmatch(part):  # "ad copy, that's it": the end, no comment on it
            continue
        if out and _CLAUSE.match(part):
            out[-1] = with_note(out[-1], part)
            continue
        if out and _THEN.match(part):  # "we chunk …, then at query time we pull …": one item
            out[-1] = f"{out[-1]}, {part.strip()}"
            continue
        head, sep, tail = part.partition(", ")
        if sep and _CLAUSE.match(tail):
            part = with_note(head, tail)
        out.append(part)
    return out


def _split_commas(text: str, final_and: bool = True) -> list[str]:
    """Split on commas outside parentheses, and (``final_and``) on the last item's ' and ' when
    the commas list items the plain way ("a, b and c")."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    if len(parts) > 1:
        parts[-1] = _LEADING_AND.sub("", parts[-1])
        last = [*_LAST_AND.finditer(parts[-1])][-1:]
        head, tail = (
            (parts[-1][: last[0].start()], parts[-1][last[0].end() :]) if last else ("", "")
        )
        plain = not any(_LAST_AND.search(p) for p in parts[:-1])  # "a, b and c", not "a and b, c"
        if final_and and plain and head.strip() and tail.strip() and "(" not in parts[-1]:
            parts[-1:] = [head, tail]
    return parts


# the word before a list's last item, in German and French too ("…, Rechnungsprüfung und
# Kundenanfragen", "…, contrôle des factures et demandes clients")
_LAST_AND = re.compile(r"\s(?:and|und|sowie|et)\s", re.I)
_LEADING_AND = re.compile(r"^\s*(?:and|und|sowie|et)\s+", re.I)


_AMPERSAND = re.compile(r"\s+&\s+")


def _ampersands(parts: list[str]) -> list[str]:
    """Items joined by a spaced "&" are separate items ("M&A" is one word), and where "&"
    lists them, the last " and " ends the list as a comma would ("a & b and c")."""
    out: list[str] = []
    for part in parts:
        pieces = _AMPERSAND.split(part)
        if len(pieces) == 1 or any(p.count("(") != p.count(")") for p in pieces):
            out.append(part)
            continue
        head, sep, tail = pieces[-1].rpartition(" and ")
        if sep and head.strip() and tail.strip() and "(" not in pieces[-1]:
            pieces[-1:] = [head, tail]
        out.extend(pieces)
    return out


def _split_and_article(part: str) -> list[str]:
    """ "a support agent (LangGraph) and an internal research agent" names two things: "and"
    before an article starts a new item, outside parentheses."""
    pieces = _AND_ARTICLE.split(part)
    balanced = all(p.count("(") == p.count(")") for p in pieces)
    return pieces if len(pieces) > 1 and balanced else [part]


def _is_name(part: str) -> bool:
    return any(ch.isupper() or ch.isdigit() for ch in part) or _names_model(part.split()[:1])


def _names_model(words: list[str]) -> bool:
    """A word that names a model or vendor, in any case: "claude", "gpt-4o", "llama3"."""
    return any(
        re.split(r"[-\d.]", w.casefold().strip("(),.;:"), maxsplit=1)[0] in MODEL_WORDS
        for w in words
    )


_AND = re.compile(  # "gpt4 + claude", "openai and also mistral"
    r"\s+(?:and(?:\s+(?:also|as well))?|und|et|&)\s+(?=[A-Za-z0-9])|\s*\+\s*(?=[A-Za-z])"
)
_PLUS = re.compile(r"\s+plus\s+(?=[A-Za-z0-9])", re.I)  # "OpenAI plus Mistral"; "ChatGPT Plus"
_SLASH = re.compile(r"\s+/\s+")
_DASHED = re.compile(r"\s+[-–—|·]\s+")  # a spaced dash or bar between three or more items
_FAMILY = re.compile(r"[a-z]+", re.I)


def _slashed_names(text: str) -> list[str]:
    """ "gpt4o/claude/gemini": vendors or models joined by a bare slash, each named by a word
    of its own ("gpt", "claude"); [] when a piece is no such name ("EU/US", "in/out")."""
    pieces = [p.strip() for p in text.split("/")]
    first = [_FAMILY.match(p) for p in pieces]
    if all(m is not None and m.group().casefold() in MODEL_WORDS for m in first):
        return pieces
    return []


def _names_joined_by_and(part: str) -> list[str]:
    """ "GPT-4o for chat and Claude Sonnet for code" names two things; "Claude for research and
    development" names one: split on "and" (or "plus") only where a name starts on both sides;
    "ChatGPT Plus and sometimes claude" is one, a plan's name."""
    if not _starts_with_name(part):
        return [part]
    for joiner in (_AND, _PLUS):
        pieces = _task_goes_on(part, joiner)
        balanced = all(p.count("(") == p.count(")") for p in pieces)  # "GPT-4o (chat and Q&A)"
        named = all(_starts_with_name(_owned(p)) for p in pieces)  # "… and sometimes claude"
        if len(pieces) > 1 and balanced and named:
            return [item for p in pieces for item in _names_joined_by_and(p)]
    return [part]


_FOR_TASK = re.compile(r"\s(?:for|für|pour)\s", re.I)


def _task_goes_on(part: str, joiner: re.Pattern[str]) -> list[str]:
    """The pieces between the joiners; one that only goes on with the task before it ("Sarvam
    for Hindi and Tamil voice": Tamil is a language, not a vendor) stays with it."""
    pieces: list[str] = []
    end = len(part)  # the end of the words not yet made a piece
    for m in reversed([*joiner.finditer(part)]):
        after = part[m.end() : end]
        continued = (
            _FOR_TASK.search(part[: m.start()].split(",")[-1])
            and not _FOR_TASK.search(after)
            and not _names_model(after.split()[:1])
        )
        if not continued:
            pieces.insert(0, after)
            end = m.start()
    return [part[:end], *pieces]


_OWN = re.compile(r"^(?:(?:our|my)\s+)?(?:own|in-house|in house|self-hosted)\s+(?=\S)", re.I)


def _owned(part: str) -> str:
    """The name in "our own SD 1.5 LoRA", "sometimes claude": the words before it dropped."""
    return _OWN.sub("", _HEDGE.sub("", part.strip()))


def _starts_with_name(part: str) -> bool:
    words = part.split()
    return bool(words) and _is_name(words[0])


_OURS = re.compile(r"(?:(?:our|my)\s+own|(?:an?\s+|our\s+)?in-house)\b", re.I)  # a thing of ours


_ROUTE = re.compile(  # "claude, via bedrock", "llama, on our own GPUs": how it is reached
    r"^\s*(?:via|through|thru|using|hosted on|served from|on\s+(?:our|azure|aws|gcp|google|"
    r"vertex|bedrock|prem))\b",
    re.I,
)


def _routes_joined(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if out and _ROUTE.match(part):
            out[-1] = with_note(out[-1], part)
        else:
            out.append(part)
    return out


def _comments_joined(parts: list[str]) -> list[str]:
    if not any(_is_name(p) for p in parts):
        return parts  # all lower case: names typed that way, not comments
    out: list[str] = []
    for part in parts:
        core = _ARTICLE.sub("", _JOINER.sub("", part.strip()))  # "plus an sdxl fine-tune …"
        words = core.split()
        comment = (
            len(words) >= 4
            and (
                # no name at all: "cost matters most here" ("search on claude haiku" names one)
                not (_is_name(core) or _names_model(words))
                or (  # a sentence that mentions one; "fine-tuned Llama on our GPUs …" names one
                    len(words) >= 7 and not _starts_with_name(core) and not _names_model(words[:3])
                )
            )
        )
        if out and comment and not _OURS.match(part.strip()):  # "our own LoRA trained on …"
            out[-1] = f"{out[-1].rstrip()} ({part.strip(' .,;')})"
        else:
            out.append(part)
    return out


_DOING = (  # what a pipeline does to content, as people say it
    r"(?:chunk|split|summari[sz]|embed|extract|pars|transcrib|translat|classif|index|ocr|convert|"
    r"clean|tag|re-?rank|retriev|scrap|crawl|redact|compress|label|rout|feed|pull|ingest|"
    r"normali[sz]|dedup|filter|caption|vectori[sz]|digest|condens|truncat|stuff|pre-?process)"
    r"[a-z]*"
)
_ACTION = re.compile(  # "we chunk contracts", "then summarise transcripts": a verb and its object
    rf"^\s*(?:(?:we|i|they|then|also)\s+)*(?:(?:also|then|just|mostly)\s+)?{_DOING}\s+\S",
    re.I,
)
_DOES = re.compile(_DOING, re.I)


def _does(word: str) -> bool:
    """ "chunk", "embedding": a step of a pipeline."""
    return _DOES.fullmatch(word) is not None


_AND_SPLIT = re.compile(r"\s+and\s+(?!then\b)")  # "and then": steps of one


def _two_actions(part: str) -> list[str]:
    """ "we chunk contracts for RAG and summarise call transcripts" is two pipelines: "and"
    between two clauses that each do something to something; "sales and marketing docs" and
    "chunk and embed contracts" stay one."""
    pieces = _AND_SPLIT.split(part)
    if len(pieces) != 2 or part.count("(") != part.count(")"):
        return [part]
    if _ON_THE_SAME.match(pieces[1]):  # "split the lore into chunks and embed them": one
        return [part]
    return pieces if all(_ACTION.match(p) for p in pieces) else [part]


_ON_THE_SAME = re.compile(  # a second step on what the first made: "… and embed them"
    rf"^\s*(?:(?:then|also)\s+)?{_DOING}\s+(?:them|it|those|these|the chunks|the results)\b",
    re.I,
)
_WE_DO = re.compile(rf"^(?:we|i)\s+(?=(?:(?:also|then|just|mostly)\s+)?{_DOING}\s)", re.I)


def without_we(item: str) -> str:
    """ "we split the lore bible into chunks": the pipeline, "split the lore bible into chunks"."""
    return _WE_DO.sub("", item)


_STOP = re.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Za-z])")  # a full stop, then the next sentence
_ABBREVIATION = re.compile(r"(?:^|\s)(?:e\.g|i\.e|etc|vs|approx|ca|incl|inc|ltd|co|no|nr)$", re.I)


def _sentences(part: str) -> list[str]:
    """ "e-mail. no US cloud": two sentences, so two pieces; "e.g. Jira" and "v2. x" stay one."""
    pieces, start = [], 0
    for stop in _STOP.finditer(part):
        if _ABBREVIATION.search(part[start : stop.start()]) or part.count(
            "(", 0, stop.start()
        ) > part.count(")", 0, stop.start()):
            continue
        pieces.append(part[start : stop.start()])
        start = stop.end()
    return [*pieces, part[start:]]


_REMARK = re.compile(  # a rule or an aside among the items, not one of them
    r"(?:no|not|never|nothing)\s+(?!one\b|idea\b|sure\b|clue\b|certain\b)\S.*"
    r"|(?:we|everything|all|it|data|they|this|that|nothing|anything)\b.{0,60}?\b(?:must|mustn't|"
    r"have to|has to|needs? to|cannot|can't|may not|not allowed|is forbidden|are forbidden)\b.*"
    r"|(?:that's|that is|thats) (?:it|all)|(?:and )?that's about it"
    r"|\([^()]*\)",  # "(we dropped cohere last year)": an aside in brackets
    re.I,
)


def remarks(items: list[str]) -> tuple[list[str], list[str]]:
    """The items, and the rules or asides typed among them ("no US cloud", "everything must
    run in our data centre"), which name nothing to put in the list."""
    said = [i for i in items if _REMARK.fullmatch(i)]
    return [i for i in items if i not in said], said
