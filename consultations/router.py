"""The one command router: a line of text in, a typed command out. Pure.

Slack's slash command, a Teams message and the terminal all parse through here; each platform
only renders the outcome. Two surfaces differ in one way: after ``/neurips`` every word is a
command (``slash=True``), while in a chat a line is an answer unless it is a command word on its
own (``status``) or a command with arguments that cannot be an answer (``consult 3``,
``digest subscribe``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Literal

from consultations.answers import clean_text
from consultations.triage.load import BUILTIN

DigestAction = Literal["subscribe", "unsubscribe", "preview", "now", "mine", "status", "help"]


@dataclass(frozen=True)
class Consult:
    ref: str | None  # a number or a name; None: show the eight


@dataclass(frozen=True)
class Status:
    pass


@dataclass(frozen=True)
class Resume:
    pass


@dataclass(frozen=True)
class Cancel:
    pass


@dataclass(frozen=True)
class Forget:
    pass


@dataclass(frozen=True)
class Pause:
    """`quit`, `exit`, `bye` typed in a chat: leave for now; everything is kept anyway."""


@dataclass(frozen=True)
class Help:
    unknown: str | None = None  # the word that was not understood, if any
    meant: str | None = None  # the command it most likely was ("cosult edge": "consult edge")


@dataclass(frozen=True)
class Digest:
    action: DigestAction
    words: tuple[str, ...] = ()  # the rest: channel, day, time, zone for `subscribe`; for
    # "help", every word typed (`digest subscibe monday`: a word no action is)


@dataclass(frozen=True)
class Triage:
    arg: str  # arXiv ids or links, a built-in source name, or nothing (share a file)


@dataclass(frozen=True)
class Answer:
    text: str  # an answer (or back/skip/restart/cancel) for the consultation in this place


Command = Consult | Status | Resume | Cancel | Forget | Pause | Help | Digest | Triage | Answer

_SINGLE: dict[str, Command] = {
    "status": Status(),
    "statut": Status(),  # French (German writes "Status")
    "resume": Resume(),
    "fortsetzen": Resume(),  # German
    "reprendre": Resume(),  # French
    "forget": Forget(),
    **dict.fromkeys(("quit", "exit", "bye", "pause", "quitter", "beenden"), Pause()),
    "help": Help(),
    "?": Help(),
}
DIGEST_WORDS = ("subscribe", "unsubscribe", "preview", "now", "mine", "status")
_DIGEST: dict[str, DigestAction] = {
    "subscribe": "subscribe",
    "unsubscribe": "unsubscribe",
    "preview": "preview",
    "now": "now",
    "mine": "mine",  # the user's own digest, in their DMs
    "status": "status",
}
MAX_ARG = 2000  # characters of a command's argument that are read at all
ARXIV_ID = re.compile(r"\b(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?\b")  # YYMM.NNNNN


def parse(text: str, *, slash: bool) -> Command:
    """``slash``: the text after ``/neurips`` (every word is a command); else a chat line."""
    line = clean_text(text or "")[:MAX_ARG].strip()
    words = line.split(maxsplit=1)
    head = words[0].casefold() if words else ""
    rest = words[1].strip() if len(words) > 1 else ""
    if slash:
        return _slash(head, rest)
    if head == "consult" or (head in _CONSULT_ALIASES and re.fullmatch(r"[1-8]", rest)):
        return Consult(rest or None)  # "Beratung 3", "consultation 3": a number only, as
    if head == "digest":  # "consultation with lawyers" may be an answer
        return _digest(rest)
    if head == "triage" and rest and all(map(_triage_word, rest.replace(",", " ").split())):
        return Triage(rest)  # "triage support tickets" is an answer: a workflow
    if not rest and head in _SINGLE:
        return _SINGLE[head]
    return Answer(text)


def _triage_word(word: str) -> bool:
    """A built-in list's name, an arXiv id or an arXiv link: what only triage is given."""
    word = word.casefold()
    found = ARXIV_ID.search(word)
    return word in BUILTIN or bool(found and (found.group(0) == word or "arxiv.org" in word))


def _slash(head: str, rest: str) -> Command:
    if head in ("", "consult"):
        return Consult(rest or None)
    if head.isdigit():
        return Consult(head)
    if head == "cancel":
        return Cancel()
    if head == "digest":
        return _digest(rest)
    if head == "triage":
        return Triage(rest)
    if head in _SINGLE:
        return _SINGLE[head]
    return Help(unknown=head, meant=meant(f"{head} {rest}", slash=True))


_SLASH_WORDS = ("consult", "status", "resume", "cancel", "digest", "triage", "forget", "help")
_CHAT_WORDS = ("consult", "status", "resume", "digest", "forget", "help")
_START_WORDS = ("start", "begin", "new", "open", "run")  # what people say for `consult`
_CONSULT_ALIASES = ("beratung", "konsultation", "consultation")  # German, French, English
_NO_REF = ("", "consultation", "a consultation", "one", "a new one")


def meant(text: str, *, slash: bool) -> str | None:
    """The command a line whose first word is mistyped most likely was ("cosult edge": "consult
    edge"), to be offered, never run; None when the first word is near no command."""
    words = clean_text(text or "")[:MAX_ARG].split(maxsplit=1)
    head = words[0].casefold() if words else ""
    if head in _START_WORDS and slash:  # "start 3": a chat line so begun may be an answer
        rest = words[1] if len(words) > 1 else ""
        return "consult" + ("" if rest.casefold() in _NO_REF else f" {rest}")
    known = _SLASH_WORDS if slash else _CHAT_WORDS
    close = get_close_matches(head, known, n=1, cutoff=0.75) if len(head) >= 4 else []
    if not close or close[0] == head:
        return None
    return " ".join([close[0], *words[1:]])


def _digest(rest: str) -> Digest:
    words = rest.split()
    action = _DIGEST.get(words[0].casefold(), "help") if words else "help"
    return Digest(action, tuple(words[1:] if action != "help" else words))  # help: as typed
