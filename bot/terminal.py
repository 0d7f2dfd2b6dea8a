"""The terminal chat: one consultation at a time, answers read line by line (works piped: each
line is one answer, as `printf 'a\nb\n' | neurips-advisor chat 8` scripts it). At a terminal,
lines pasted together are one answer, and a list question takes one item per line until an
empty line (the question says so, and so does the prompt after the first item)."""

from __future__ import annotations

import re
import select
import shutil
import sys
from pathlib import Path
from typing import TextIO

from bot.profiles import save_profile
from consultations import messages, router
from consultations.catalog import UnknownConsultation
from consultations.corrected import label
from consultations.engine import (
    Asked,
    Finished,
    Outcome,
    Reply,
    command_from_text,
    current_question,
)
from consultations.ports import Narrator
from consultations.scripts import QuestionType
from consultations.service import ConsultationService, NotFound
from consultations.state import Consultation, Delivery, Owner, Status

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])_(.+?)_(?!\w)")
_LEAVE = {"quit", "exit", "q", ":q", "bye", "pause", "quitter", "beenden"}
_EDIT = re.compile(r"^\s*(?:edit|change)\b", re.I)
_UPDATE = {"update", "refresh", "rewrite", "update it", "write it again"}


class Terminal:
    def __init__(self, stdin: TextIO, stdout: TextIO, profile: Path | None = None) -> None:
        self._in, self._out = stdin, stdout
        self.profile = profile  # where a finished Research Curation's profile is written
        self._tty = stdout.isatty() and stdin.isatty()
        self._again: list[str] = []  # a line to read again (``edit 2`` typed at the picker)

    def say(self, markdown: str) -> None:
        # links were broken for chat platforms (no unfurl, no injected link); a terminal
        # links nothing, and the user copies them: "https://arxiv.org/abs/…" as typed
        markdown = markdown.replace(":\u200b", ":").replace("\u2024", ".")
        if self._tty:
            text = _BOLD.sub("\033[1m\\1\033[0m", markdown)
            text = _ITALIC.sub("\033[3m\\1\033[0m", text)
        else:
            text = _ITALIC.sub(r"\1", _BOLD.sub(r"\1", markdown))
        self._out.write(text + "\n\n")
        self._out.flush()

    def unread(self, line: str) -> None:
        self._again.append(line)

    def show(self, outcome: Outcome) -> None:
        """What the engine decided; at a terminal a list question says how to give its items."""
        text = messages.outcome(outcome)
        if self._tty and _lists(outcome):
            text += f"\n_{LIST_HINT}_"
        self.say(text)

    def ask(self, listing: bool = False) -> str | None:
        """The next answer. ``listing`` (a list question, at a terminal): a typed item is
        followed by more, one per line, until an empty line; a paste, or a control word
        (`back`, `skip`, `quit`, …) typed first, is the whole answer at once."""
        if self._again:
            return self._again.pop()
        lines = self._burst("> ")
        if lines is None:
            return None
        if listing and self._tty and len(lines) == 1 and lines[0].strip() and _item(lines[0]):
            while (more := self._burst(MORE_PROMPT)) is not None:
                for line in more:
                    if not line.strip():  # the empty line that finishes the list
                        return "\n".join(lines)
                    lines.append(line)
        return "\n".join(lines)

    def _burst(self, prompt: str) -> list[str] | None:
        """One line, with those pasted together with it; None at the end of the input."""
        if self._tty:
            self._out.write(prompt)
            self._out.flush()
        line = self._in.readline()
        if line == "":
            return None
        lines = [line.rstrip("\n")]
        while self._tty and _pasted_more(self._in):  # a pasted list: one answer, as in Slack
            more = self._in.readline()
            if more == "":
                break
            lines.append(more.rstrip("\n"))
        return lines


LIST_HINT = "One per line, then Enter on an empty line to finish (a pasted list goes in at once)."
MORE_PROMPT = "+ another, or Enter to finish: "


def _lists(outcome: Outcome) -> bool:
    """A list question is asked (not a yes-or-no about a reading of it)."""
    return (
        isinstance(outcome, Asked)
        and outcome.question.type is QuestionType.LIST
        and outcome.confirm is None
    )


def _item(line: str) -> bool:
    """A line that gives an item, not a command said at the list question (`back`, `skip`,
    `edit 2`, `status`, `quit`, …), which acts at once."""
    word = line.strip().casefold()
    return (
        word not in _LEAVE | _UPDATE
        and isinstance(router.parse(line, slash=False), router.Answer)
        and isinstance(command_from_text(line), Reply)
    )


PASTE_GAP = 0.05  # seconds: lines that follow each other faster than this were pasted together


def _pasted_more(stream: TextIO) -> bool:
    """Whether another line is already waiting: typed lines come seconds apart."""
    return bool(select.select([stream], [], [], PASTE_GAP)[0])


def program() -> str:
    """How to run this program again, as typed: ``neurips-advisor`` when it is on PATH, else the
    path it was started by (``make chat`` starts ``.venv/bin/neurips-advisor``)."""
    started = sys.argv[0] if sys.argv else ""
    if shutil.which("neurips-advisor") or not started.endswith("neurips-advisor"):
        return "neurips-advisor"
    return started


def run_chat(
    service: ConsultationService, narrator: Narrator, owner: Owner, ref: str | None, term: Terminal
) -> int:
    c = _choose(service, owner, ref, term)
    if c is None:
        return 0 if ref is None else 2
    if c.status is Status.COMPLETED and c.delivery is not Delivery.DELIVERED:
        # every question was answered by earlier consultations
        c = _deliver(service, narrator, c, term)
    while True:
        line = term.ask(listing=_waits_for_list(service, c))
        if line is None or line.strip().casefold() in _LEAVE:
            if c.status is Status.ACTIVE:
                term.say(f"Saved. Run `{program()} chat` again to pick up where you left off.")
            return 0
        if c.status is Status.COMPLETED and line.strip().casefold() in _UPDATE:
            c = _deliver(service, narrator, service.rewrite(c.owner, c.id), term)
            continue
        cmd = router.parse(line, slash=False)
        if isinstance(cmd, router.Consult) and cmd.ref:
            switched = _choose(service, owner, cmd.ref, term)
            c = switched or c
            continue
        if not isinstance(cmd, router.Answer):
            term.say(_terminal_reply(service, owner, cmd))
            continue
        try:
            turn = service.act(owner, c.id, line)
        except NotFound:  # set aside (unreadable) or expired since it was loaded
            if not _tell_notices(service, owner, term):
                term.say("That consultation is no longer stored; start it again any time.")
            return 1
        term.show(turn.outcome)
        c = turn.consultation
        if isinstance(turn.outcome, Finished) and turn.changed:
            c = _deliver(service, narrator, c, term)
        elif c.status is Status.CANCELLED:
            return 0


def _waits_for_list(service: ConsultationService, c: Consultation) -> bool:
    """The question waiting is a list (not a yes-or-no about a reading of it)."""
    if c.status is not Status.ACTIVE or c.pending is not None:
        return False
    q = current_question(service.catalog.by_slug(c.slug), c)
    return q is not None and q.type is QuestionType.LIST


HELP = (
    "Answer the question, or {controls}. `status` lists your consultations, `consult 3` "
    "switches to another, `quit` leaves (everything is saved). Digests and triage live in "
    "Slack and Teams; `neurips-advisor triage` ranks papers here."
)


DIGEST_HERE = (
    "Digests are posted in Slack and Teams (`/neurips digest` there). Here, "
    "`neurips-advisor triage neurips2025` (or arxiv:QUERY, a .csv or .jsonl file) ranks "
    "papers now, with the profile your Research Curation saved."
)


def _terminal_reply(service: ConsultationService, owner: Owner, cmd: router.Command) -> str:
    """What the router's commands mean in the terminal, where one consultation is open."""
    if isinstance(cmd, router.Status):
        found = service.consultations(owner)
        lines = [messages.status_line(service.catalog.by_slug(x.slug), x) for x in found]
        return "**Your consultations**\n" + "\n".join(f"• {x}" for x in lines)
    if isinstance(cmd, router.Digest):  # the digest is posted in Slack or Teams, never here
        return DIGEST_HERE
    if isinstance(cmd, router.Forget):
        return f"To delete everything stored about you, quit and run `{program()} forget`."
    return HELP.format(controls=messages.CONTROLS)


def _tell_notices(service: ConsultationService, owner: Owner, term: Terminal) -> bool:
    notices = service.notices(owner)
    for notice in notices:
        term.say(notice)
    return bool(notices)


def _choose(
    service: ConsultationService, owner: Owner, ref: str | None, term: Terminal
) -> Consultation | None:
    active = [c for c in service.consultations(owner) if c.status is Status.ACTIVE]
    _tell_notices(service, owner, term)  # reading them may have set an unreadable one aside
    if ref is None and active:
        return _resume(service, active[0], term)
    listed = False
    while ref is None:
        if not listed:  # the list once (and again on `help`), not after every miss
            term.say(
                "Which consultation? Type a number or a name.\n"
                + messages.catalog_list(service.catalog)
            )
            listed = True
        line = term.ask()
        if line is None or line.strip().casefold() in _LEAVE | {"cancel"}:
            return None
        if line.strip().casefold() in {"help", "?", "list", "menu"}:
            listed = False
            continue
        done = next((c for c in service.consultations(owner) if c.status is Status.COMPLETED), None)
        if done is not None and _EDIT.match(line):  # "edit 2" after the report: reopen it
            term.say(f"Your latest report: **{service.catalog.by_slug(done.slug).title}**.")
            term.unread(line)
            return done
        try:
            service.catalog.find(line)
            ref = line
        except UnknownConsultation as e:
            fixed = service.corrected_by(owner, line)
            if fixed is not None:  # "sorry, the price is €3 / €12" the next day: that report
                term.say(f"That corrects **{service.catalog.by_slug(fixed.slug).title}**.")
                term.unread(line)
                return fixed
            term.say(str(e))
    try:
        script = service.catalog.find(ref)
    except UnknownConsultation as e:
        term.say(str(e))
        return None
    same = next((c for c in active if c.slug == script.slug), None)
    if same is not None:
        return _resume(service, same, term)
    done = next(
        (
            c
            for c in service.consultations(owner)
            if c.slug == script.slug and c.status is Status.COMPLETED
        ),
        None,
    )
    if done is not None:  # `chat 6` the next day, to correct the report: not a blank one
        return _reopen(service, done, term)
    turn = service.start(owner, script.slug)
    term.say(messages.intro(script))
    term.show(turn.outcome)
    return turn.consultation


def _resume(service: ConsultationService, c: Consultation, term: Terminal) -> Consultation:
    script = service.catalog.by_slug(c.slug)
    outcome = service.where(c)
    done = sum(1 for q in script.questions if q.key in c.answers)  # "edit 5" may answer out of turn
    term.say(
        f"Resuming **{script.title}** ({done} of {len(script.questions)} answered). "
        f"{messages.CONTROLS}."
    )
    term.show(outcome)
    return c


def _reopen(service: ConsultationService, c: Consultation, term: Terminal) -> Consultation:
    script = service.catalog.by_slug(c.slug)
    answers = "\n".join(
        f"{i}. {label(q)}: {c.answers[q.key].display(q) if q.key in c.answers else '(none)'}"
        for i, q in enumerate(script.questions, 1)
    )
    term.say(
        f"You finished **{script.title}** on {c.updated_at:%Y-%m-%d}; its report was written "
        f"from these answers:\n{answers}"
    )
    if changed := service.changed_since(c):
        term.say(
            f"Since it was written you finished or changed: {', '.join(changed)}. It is built "
            "on them: type `update` to write it again from them."
        )
    term.say(
        "Type `edit N` to change answer N, or write the correction (e.g. `change the volume to "
        "8M`), and the report is written again; `restart` starts it over from a blank page; "
        "`quit` leaves."
    )
    return c


def _deliver(
    service: ConsultationService, narrator: Narrator, c: Consultation, term: Terminal
) -> Consultation:
    owner, cid = c.owner, c.id
    done = service.write_report(owner, cid, narrator)
    term.say(f"— Report by {done.narrated_by} —")
    term.say(done.narrative or "")
    if done.slug == "research-curation" and term.profile is not None:
        save_profile(term.profile, done.answers)
        term.say(
            f"Your curation profile is saved in {term.profile}. Here in the terminal, "
            "`neurips-advisor triage neurips2025` (or arxiv:QUERY, a .csv or .jsonl file) ranks "
            "papers with it; your own digest is delivered in Slack or Teams (`digest mine` "
            "there), not in the terminal."
        )
    term.say(f"_{messages.WHAT_IF} `quit` leaves._")
    return service.mark_delivery(owner, cid, Delivery.DELIVERED)
