"""The words the bot says during a consultation, as plain Markdown (``**bold**``, ``_italic_``).

Shared by the terminal, Slack and Teams; each adapter only converts the markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from consultations.answers import THANKS
from consultations.catalog import Catalog, UnknownConsultation
from consultations.engine import (
    Asked,
    Cancelled,
    Finished,
    Outcome,
    Refused,
    Restored,
    progress,
)
from consultations.scripts import ConsultationScript, Question, QuestionType
from consultations.state import Consultation, Delivery, SetAside, Status
from consultations.text import delink, inert

NOTE_LIMIT = 300  # characters of an echoed answer: the question after it always fits
SUMMARY_LIMIT = 2000  # the answers a report will use, each already cut when it was noted

CONTROLS = "type `back`, `skip`, `edit N` or `cancel` any time"
WHAT_IF = (  # under a finished report: the consultation still takes corrections
    "What if? Type `edit N` to change answer N, or write the correction in your own words, "
    "and the report is written again."
)


ASKED_AFTER = (  # a question typed under a finished report, which nothing answers
    "I cannot answer questions about the report, only write it again with other answers. " + WHAT_IF
)
THANKED = (  # "thanks, very useful" under a finished report
    "Glad it helps. " + WHAT_IF + " Or type `consult` to start another consultation."
)
_THANKS = re.compile(rf"\b(?:{THANKS})\b", re.I)
THANKS_WORDS = 8  # more is likely a correction or a request that also thanks


def thanked(text: str) -> bool:
    """Whether a line is thanks ("great, thanks", "merci !"), not a question or a request."""
    text = text.strip()
    return (
        bool(_THANKS.search(text)) and not text.endswith("?") and len(text.split()) <= THANKS_WORDS
    )


def intro(script: ConsultationScript) -> str:
    n = len(script.questions)
    return (
        f"**{script.title}** — consultation {script.number} of 8 · {n} questions · about "
        f"{script.minutes} minutes · {CONTROLS}\n{script.intro}"
    )


def question(asked: Asked) -> str:
    q = asked.question
    lines = []
    if asked.note:
        lines.append(f"_{inert(asked.note, NOTE_LIMIT)}_")
    if asked.settled:  # why the count moves on by more than one (or back)
        lines.append(f"_{delink(asked.settled)}_")  # ours, not the user's words
    if asked.reason:  # ours, or Claude's clarifying question (steerable by the answer)
        lines.append(f"⚠️ {delink(asked.reason)}")
    if asked.confirm:
        lines.append(f"**{asked.number}/{asked.total}** ❓ {delink(asked.confirm)}")
        return "\n".join(lines)
    optional = " _(optional: `skip` to leave it out)_" if q.optional else ""
    lines.append(f"**{asked.number}/{asked.total} {q.text}** {q.why}{optional}")
    if q.type is QuestionType.CHOICE:
        pick = "one or more" if q.multiple else "one"
        lines.append(
            f"Pick {pick}: " + "  ".join(f"`{i}` {c.label}" for i, c in enumerate(q.choices, 1))
        )
    elif q.example:
        lines.append(f"_For example: {q.example}_")
    return "\n".join(lines)


def outcome(outcome: Outcome) -> str:
    match outcome:
        case Asked():
            return question(outcome)
        case Finished(note=note, summary=summary, settled=settled):
            done = "That was the last question. Writing your report…"
            if summary:
                done = "That was the last question. Writing your report with: " + inert(
                    summary, SUMMARY_LIMIT
                )
            said = [f"_{inert(note, NOTE_LIMIT)}_"] if note else []
            said += [f"_{delink(settled)}_"] if settled else []
            return "\n".join([*said, done])
        case Cancelled():
            return (
                "Cancelled. Nothing more will be asked; type `undo` to pick it up again, or "
                "start a new consultation any time."
            )
        case Refused(reason=reason):
            return reason
        case Restored(note=note):
            return inert(note, NOTE_LIMIT)
    raise AssertionError(outcome)  # pragma: no cover


def status_line(script: ConsultationScript, c: Consultation) -> str:
    done, total = progress(script, c)
    if c.status is Status.ACTIVE:
        state = f"{done} of {total} answered, in progress"
    elif c.status is Status.CANCELLED:
        state = "cancelled"
    elif c.delivery is Delivery.DELIVERED:
        state = "finished, report delivered"
    elif c.delivery is Delivery.FAILED:
        state = f"finished, report failed{_why(c.delivery_note)}: in its thread, {WRITE_AGAIN}"
    else:
        state = "finished, report being written"
    return f"**{script.title}** ({c.id}) — {state} · updated {c.updated_at:%Y-%m-%d %H:%M} UTC"


WRITE_AGAIN = "type `restart`, then `undo`: your answers come back and it is written again"
_CLASS_NAMED = re.compile(r"\w+: ")  # "WorkersKeptDying: …", as older versions stored it


def _why(note: str | None) -> str:
    """Why a report failed, in the words stored for the user; none for a note an older
    version stored with the exception's name (its detail is in the log)."""
    return f" ({note})" if note and not _CLASS_NAMED.match(note) else ""


def report_failed(why: str) -> str:
    """Said in a consultation's thread when its report was given up (``why``: plain words)."""
    return (
        f"Sorry, the report could not be written or posted{_why(why)}. "
        f"{WRITE_AGAIN[0].upper()}{WRITE_AGAIN[1:]}."
    )


def cancelled_here(script: ConsultationScript, prefix: str = "") -> str:
    """Said to the owner who writes (or presses a button) where a cancelled consultation was."""
    return (
        f"**{script.title}** was cancelled, so nothing more is asked or answered here: "
        f"`undo` picks it up again, or `{prefix}consult {script.number}` starts it afresh."
    )


def press_unknown(prefix: str = "") -> str:
    """Said to one who pressed a button whose consultation is not theirs to move: deleted
    (`forget`), expired, or another person's."""
    return (
        "Nothing was changed: that button's consultation is not stored for you (deleted, "
        f"expired, or someone else's). `{prefix}consult` starts one."
    )


def triage_typed(arg: str, where: str) -> str:
    """Said when `triage …` is typed where answers are read: a command, run elsewhere."""
    return f"`triage {inert(arg, 80)}` was not taken as an answer. {where}"


def paused(script: ConsultationScript, c: Consultation, prefix: str = "") -> str:
    """Said to `quit` typed mid-consultation: nothing needs stopping."""
    done, total = progress(script, c)
    return (
        f"**{script.title}** stays as it is ({done} of {total} answered): come back and answer "
        f"here whenever you like, days later too. `{prefix}cancel` ends it instead."
    )


def held_by(whose: str, script: ConsultationScript, where: str, start: str) -> str:
    """Said to someone writing where another's consultation runs: whose, and how to start one."""
    return (
        f"This {where} holds {whose} consultation, **{script.title}**: only their answers move "
        f"it. {start}"
    )


def stale_press(
    script: ConsultationScript, c: Consultation, key: str, prefix: str = "", there: str = "here"
) -> str:
    """Said (to the presser alone) when a button of a question no longer waiting is pressed:
    what stands, and what to type instead."""
    if c.status is Status.CANCELLED:
        return cancelled_here(script, prefix)
    number = next((n for n, q in enumerate(script.questions, 1) if q.key == key), None)
    was = c.answers.get(key)
    if number is None or was is None:
        return "That question is not the one waiting for an answer, so nothing was changed."
    shown = inert(was.display(script.questions[number - 1]), NOTE_LIMIT)
    where = "" if c.status is Status.ACTIVE else " (the report is written again)"
    return (
        f"Question {number} is already answered ({shown}), so nothing was changed. "
        f"To change it, type `edit {number}` {there}{where}."
    )


def changed_after(
    script: ConsultationScript,
    c: Consultation,
    sent: str | None,
    deleted: bool,
    there: str = "here",
) -> str | None:
    """Said (to its writer alone) when a message they sent in a consultation's place is edited
    or deleted afterwards: an answer is taken as first sent, so which one stands and how to
    change it; None when there is nothing to say (a cancelled consultation, or a message that
    was no answer deleted, or edited after the report). ``sent``: the message as first sent,
    None when the platform does not say (Teams): then how to change any answer."""
    if c.status is Status.CANCELLED:
        return None
    if sent is None:
        again = "" if c.status is Status.ACTIVE else " (the report is written again)"
        said = (
            "Deleting a message does not take its answer back."
            if deleted
            else "I read each message once, as first sent, so your edit changed nothing."
        )
        return f"{said} To change an answer, type `edit N` {there}, N its question's number{again}."
    typed = sent.strip()
    keys = {q.key: n for n, q in enumerate(script.questions, 1)}
    key = next(
        (k for k in reversed(c.trail) if k in c.answers and c.answers[k].raw.strip() == typed),
        None,
    )
    if key is None or not typed:
        if deleted or c.status is not Status.ACTIVE:
            return None
        return (
            "I read each message once, as first sent, so your edit changed nothing. "
            "Send the answer again as a new message."
        )
    number = keys[key]
    shown = inert(c.answers[key].display(script.questions[number - 1]), NOTE_LIMIT)
    where = "" if c.status is Status.ACTIVE else " (the report is written again)"
    said = (
        f"Deleting a message does not take its answer back: question {number} still reads {shown}."
        if deleted
        else f"I do not read edits, so question {number} keeps your answer as first sent ({shown})."
    )
    return f"{said} To change it, type `edit {number}` {there}{where}."


def started_elsewhere(
    script: ConsultationScript,
    started: Consultation,
    here: Consultation | None,
    catalog: Catalog,
    link: Callable[[Consultation], str],
) -> str:
    """Said where ``here`` lives (None: another's place) when another consultation was asked
    for there and started in a place of its own (``link``: where, as the platform links it)."""
    said = f"Started **{script.title}** in a thread of its own{link(started)}."
    if here is None or here.status is not Status.ACTIVE:
        return said
    mine = catalog.by_slug(here.slug)
    done, total = progress(mine, here)
    return (
        f"{said} **{mine.title}** keeps its answers ({done} of {total}): answer the question "
        "above here whenever you like."
    )


def file_unread(name: str, answered: bool) -> str:
    """Said (to its writer alone) of a file shared as an answer: files are not opened."""
    shown = inert(name, 80)
    if answered:
        return f"I read the words of your message only; {shown} was not opened."
    return (
        f"I do not open files such as {shown}, so nothing was answered. Type the answer in "
        "words (a rough one will do)."
    )


def catalog_list(catalog: Catalog) -> str:
    return "\n".join(
        f"{s.number}. **{s.title}** (`{s.slug}`) — {s.decision}" for s in catalog.scripts
    )


def choice_labels(q: Question) -> list[tuple[str, str]]:
    """(number typed, label) for buttons; pressing one sends the number back as the answer."""
    return [(str(i), c.label) for i, c in enumerate(q.choices, 1)]


def set_aside(catalog: Catalog, x: SetAside) -> str:
    """Told once when a stored consultation could not be read back."""
    try:
        script = catalog.by_slug(x.slug or "")
        which = f"your **{script.title}** consultation (number {script.number})"
    except UnknownConsultation:
        which = "one of your consultations"
    return (
        f"⚠️ Sorry: {which} could not be restored, so I set it aside "
        f"(kept for our engineers, reference `{x.cid}`). Everything else works as before; "
        "you can start that consultation again any time."
    )


def digest_delayed(
    platform: str,
    channel: str,
    again_in_s: float | None,
    command: str = "digest now",
    why: str | None = None,
) -> str:
    """To whoever subscribed (a preview: whoever asked for it), when a digest could not be
    posted though every retry was made (``why``; by default, the platform kept failing);
    ``again_in_s``: when it is sent again (None: it is not, ``command`` tries again)."""
    name, there = ("Slack", f"<#{channel}>") if platform == "slack" else ("Teams", "your channel")
    where = "your own research digest" if channel.startswith("@") else f"the digest for {there}"
    done = "posted"
    if command == "digest preview":
        where, done = f"the preview of {where.replace('your own research', 'your own')}", "shown"
    then = f"`{command}` tries again."
    if again_in_s is not None:
        minutes = max(1, round(again_in_s / 60))
        within = "a minute" if minutes == 1 else f"{minutes} minutes"
        then = f"It is tried again within {within}, and nothing is posted twice."
    return f"Sorry, {where} could not be {done} just now: {why or name + ' kept failing'}. {then}"


def digest_not_posted(platform: str, channel: str, why: str) -> str:
    """To whoever subscribed a channel whose digest could not be posted there, for good."""
    if platform == "slack":
        where, stop = f"<#{channel}>", f"/neurips digest unsubscribe <#{channel}>"
    else:
        where, stop = "the channel you subscribed", "digest unsubscribe"
    return (
        f"The research digest for {where} could not be posted: {why}. Add the app there and the "
        f"next one comes at its usual time, or `{stop}` stops it. Nothing is retried until then."
    )
