"""What a typed line means to a consultation: an answer, or a control word (`back`, `undo`,
`skip`, `edit N`, `change 3 to $25k`, `edit the price`, …). Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from consultations.answers import clean_text
from consultations.answers.corrections import names_of
from consultations.scripts import ConsultationScript


@dataclass(frozen=True)
class Reply:
    """An answer (or a control word typed as text); ``reading``: the same answer restated by
    an understanding adapter (Claude) for the rules to read; ``text`` is what is stored."""

    text: str
    reading: str | None = None


@dataclass(frozen=True)
class Back:
    """One question back; ``undo``: first, take back the last change of an earlier answer."""

    undo: bool = False


@dataclass(frozen=True)
class Skip:
    pass


@dataclass(frozen=True)
class Restart:
    pass


@dataclass(frozen=True)
class Cancel:
    pass


@dataclass(frozen=True)
class Where:
    """Show where the consultation stands; changes nothing."""


@dataclass(frozen=True)
class Help:
    """A call for help ("help", "?"): the question again, with how to answer it; changes
    nothing (it was stored as the answer 'help')."""


@dataclass(frozen=True)
class Edit:
    """Answer question ``number`` again (1-based); reopens a finished consultation. With
    ``text`` ("change 3 to $25k"), that is the new answer, given at once."""

    number: int
    text: str | None = None
    typed: str = ""  # the whole line, read as an answer when there is no question ``number``


@dataclass(frozen=True)
class EditNamed:
    """Answer the question ``name`` names again ("edit the price"); when no question has that
    name, ``text`` is an ordinary reply ("change the latency to batch")."""

    name: str
    text: str


Command = Reply | Back | Skip | Restart | Cancel | Where | Help | Edit | EditNamed

_CONTROL_WORDS: dict[str, Command] = {
    **dict.fromkeys(("back", "previous", "back please", "go back please"), Back()),
    "undo": Back(undo=True),
    **dict.fromkeys(
        ("skip", "pass", "skip it", "skip this", "skip this one", "skip that", "skip for now")
        + ("pass for now",),
        Skip(),
    ),
    **dict.fromkeys(("restart", "start over", "start again", "start from scratch"), Restart()),
    **dict.fromkeys(("cancel", "stop", "abort"), Cancel()),
    **dict.fromkeys(("status", "where", "repeat"), Where()),
    **dict.fromkeys(("help", "help?", "help me", "help please", "?", "??", "huh?"), Help()),
    # the same words in German and French, as Teams users type them
    **dict.fromkeys(("zurück", "zurueck", "retour", "précédent", "precedent"), Back()),
    **dict.fromkeys(("rückgängig", "rueckgaengig"), Back(undo=True)),
    **dict.fromkeys(("überspringen", "ueberspringen", "passer"), Skip()),
    **dict.fromkeys(("neu starten", "von vorne", "recommencer"), Restart()),
    **dict.fromkeys(("abbrechen", "annuler"), Cancel()),
    **dict.fromkeys(("hilfe", "aide", "hilfe?", "aide?"), Help()),
}


_EDIT = re.compile(
    r"^(?:edit|change|redo|fix|(?:go\s+)?back\s+to|return\s+to|revisit|ändere|ändern|"
    r"bearbeite|korrigiere|zurück\s+zu|modifier|modifie|corriger|corrige|revenir\s+à)\s+"
    r"(?:question\s+|q\s*|#|number\s+|frage\s+|antwort\s+|la\s+(?:question|réponse)\s+)?"
    r"(\d{1,2})$"
    r"|^(?:frage|antwort)\s+(\d{1,2})\s+(?:ändern|bearbeiten|korrigieren)$"  # German order
)
_EDIT_TO = re.compile(  # "change 3 to $25k", "set answer 3 to 25k", "edit q3: 25k"
    r"^\s*(?:edit|change|set|ändere|setze|korrigiere|modifier|modifie|mets|corrige)\s+"
    r"(?:question\s+|answer\s+|q\s*|#|frage\s+|antwort\s+|la\s+(?:question|réponse)\s+)?"
    r"(\d{1,2})\s*(?:\bto\b|\bauf\b|\bzu\b|\bà\b|\ben\b|=|:|->|→)\s*(?P<text>\S.*)$",
    re.I | re.S,
)


def takes_back(text: str) -> bool:
    """ "undo": what picks up a cancelled consultation again."""
    return command_from_text(text) == Back(undo=True)


_BACK = re.compile(  # "go back", "wait, go back please", "previous question", "undo that"
    r"^(?:(?:wait|sorry|oops|oh|no|ok|okay)[,.!]?\s+)?(?:(?:can we|could we|let me|let's|"
    r"i want to|please|pls)\s+)?(?:(?:go|step|take me)\s+back(?:\s+(?:one|a step|one step|"
    r"one question))?|back\s+(?:one|a step|one step|one question)|(?:back\s+to\s+)?(?:the\s+)?"
    r"(?:previous|last)\s+question|undo(?:\s+(?:that|it|this|last))?|one back)"
    r"(?:[,.!]?\s+(?:please|pls))?$"
)
_EDIT_NAMED = re.compile(  # "edit the price", "go back to the volume question"
    r"^(?:edit|change|redo|fix|(?:go\s+)?back\s+to|return\s+to|revisit)\s+(?:the\s+|my\s+)?"
    r"(?:answer\s+(?:to|for|about)\s+(?:the\s+)?)?(?P<name>[a-z][a-z' -]{1,40}?)"
    r"(?:\s+(?:question|answer))?$"
)


_LEAD_IN = re.compile(  # "actually, change 3 to 12", "hold on, go back", "no wait, edit 2"
    r"^(?:(?:actually|wait|sorry|oops|oh|no|ok|okay|hmm+|um+|uh+|erm?|hold on|hang on|"
    r"my bad|scratch that)[,.!:;]?\s+)+",
    re.I,
)


def _is_control(rest: str) -> bool:
    """What follows a lead-in is a control on its own: `edit 2`, `change 3 to 12`, `go back`,
    `back`, `undo`, `skip`."""
    return bool(
        _EDIT.match(rest)
        or _EDIT_TO.match(rest)
        or _BACK.match(rest)
        or rest in ("back", "back please", "undo", "skip", "restart")
    )


def command_from_text(text: str) -> Command:
    """A typed line becomes a control command when it is only a control word or `edit N`."""
    word = clean_text(text).casefold().strip(" .!`'\"")
    if (lead := _LEAD_IN.match(word)) and _is_control(word[lead.end() :]):
        word, text = word[lead.end() :], _LEAD_IN.sub("", clean_text(text).strip(), count=1)
    if m := _EDIT.match(word):
        return Edit(int(m.group(1) or m.group(2)))
    if m := _EDIT_TO.match(text):
        return Edit(int(m.group(1)), m.group("text").strip(), text)
    if _BACK.match(word):  # "undo that" takes back the last change; "go back" goes back
        return Back(undo="undo" in word)
    if m := _EDIT_NAMED.match(word):
        return EditNamed(m.group("name").strip(), text)
    return _CONTROL_WORDS.get(word, Reply(text))


def resolve(script: ConsultationScript, command: Command) -> Command:
    """ "edit the price" as `edit 3`; a name no question has is an ordinary reply."""
    if not isinstance(command, EditNamed):
        return command
    named = [i for i, q in enumerate(script.questions, 1) if command.name in names_of(q)]
    return Edit(named[0]) if len(named) == 1 else Reply(command.text)
