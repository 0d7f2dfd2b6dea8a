"""What each command does, for every platform: the service calls behind Status, Resume,
Cancel, Forget, Digest, Triage and Help, and the words of the reply.

The platforms route text with ``consultations.router`` and hand the command here; they only
render what comes back (Markdown with ``**bold**``; every fragment the user typed is made inert
with ``text.inert`` before it is quoted). A ``Surface`` says the few things that differ: how a
command is typed, how to link to a consultation's thread, how to name a channel.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from consultations import engine, messages
from consultations.catalog import UnknownConsultation
from consultations.digest import named_channel, personal_channel
from consultations.digest_service import DigestService
from consultations.ports import JobQueue
from consultations.router import ARXIV_ID as _ARXIV_ID
from consultations.router import DIGEST_WORDS, Digest
from consultations.scripts import ConsultationScript
from consultations.service import ConsultationService, Turn
from consultations.state import Consultation, Owner, Status
from consultations.text import inert
from consultations.triage.load import BUILTIN, near_builtin


class TriageJobStore(Protocol):
    def create(self, **fields: str) -> str: ...
    def await_file(self, owner_key: str, place: str) -> None: ...
    def awaiting_file(self, owner_key: str, place: str) -> bool: ...


class FeedbackVotes(Protocol):
    def votes(self, owner: Owner, cids: list[str]) -> Mapping[str, str]:
        """The owner's vote ("up" or "down") on each consultation that has one."""
        ...


class PlaceIndex(Protocol):
    def forget(self, owner: Owner) -> int:
        """Remove every place this owner is recorded as holding; how many."""
        ...


VOTE_MARK = {"up": "👍", "down": "👎"}


@dataclass(frozen=True)
class Surface:
    prefix: str  # how a command is typed: "/neurips " in Slack, "" in Teams and the terminal
    link: Callable[[Consultation], str] = field(default=lambda c: "")  # " · open thread"
    channel: Callable[[str], str] = field(default=lambda ch: "this chat")
    digest_channel_words: bool = True  # `subscribe #channel` names another channel
    mine: str = "direct messages"  # where a user's own digest goes: "your …"
    direct: Callable[[str], bool] = field(default=lambda ch: False)  # a DM with the app


@dataclass(frozen=True)
class TriageRequest:
    """What `/neurips triage …` asked for: arXiv ids, a built-in paper list, or a file to be
    shared; or an error."""

    ids: tuple[str, ...] = ()
    builtin: str | None = None  # "neurips2025", "colm2025": shipped with the product
    error: str | None = None
    not_ids: tuple[str, ...] = ()  # typed like an id, but no arXiv id ("1234.5678": month 34)

    @property
    def wants_file(self) -> bool:
        return not self.ids and self.builtin is None and self.error is None


_ID_LIKE = re.compile(r"\b\d{4}\.\d{4,5}\b")
MAX_TRIAGE_IDS = 500


def stops_digest(words: tuple[str, ...]) -> bool:
    """`digest mine off` (or stop, unsubscribe, cancel)."""
    return bool(words) and words[0].casefold() in ("off", "stop", "unsubscribe", "cancel")


class Desk:
    def __init__(
        self,
        service: ConsultationService,
        digests: DigestService,
        triage_jobs: TriageJobStore,
        jobs: JobQueue,
        feedback: FeedbackVotes | None = None,
        places: PlaceIndex | None = None,
    ) -> None:
        self.feedback = feedback
        self.places = places
        self.service = service
        self.catalog = service.catalog
        self.digests = digests
        self.triage_jobs = triage_jobs
        self.jobs = jobs

    # --- consultations ----------------------------------------------------------------------

    def find(self, ref: str, prefix: str = "") -> ConsultationScript | str:
        """The script a user asked for, or what to tell them (their words made inert): the
        closest one offered, typed with ``prefix`` ("/neurips " in Slack), if one is near."""
        try:
            return self.catalog.find(ref)
        except UnknownConsultation:
            n = len(self.catalog.scripts)
            near = self.catalog.closest(ref)
            meant = f" Did you mean {near.title} (`{prefix}consult {near.number}`)?" if near else ""
            return (
                f"No consultation called '{inert(ref, 40)}'.{meant} Choose 1-{n} or a name: "
                + ", ".join(s.slug for s in self.catalog.scripts)
            )

    def help(self, surface: Surface, unknown: str | None = None, meant: str | None = None) -> str:
        """How to use the bot; with ``meant``, only the command a mistyped one likely was."""
        p = surface.prefix
        if unknown and meant:
            return f"I don't know `{inert(unknown, 40)}`: did you mean `{p}{inert(meant, 80)}`?"
        lead = f"I don't know `{inert(unknown, 40)}`.\n" if unknown else ""
        lines = [
            "**neurips-advisor** turns NeurIPS 2025 research into decisions.",
            f"• `{p}consult` — pick one of eight consultations (or `{p}consult 3`, "
            f"`{p}consult edge-economics`)",
            ("• Answer in the thread; type " if p else "• Answer each question here; type ")
            + "`back`, `skip`, `edit N`, `undo`, `restart` or `cancel` "
            + ("there" if p else "any time"),
            f"• `{p}status` — your consultations and where each stands",
            f"• `{p}resume` — continue the latest one",
        ]
        if p:
            lines.append(f"• `{p}cancel` — cancel the latest one in progress")
            lines.append(
                f"• `{p}triage <arXiv ids or links>` — rank papers by cost, failure and compute "
                f"(`{p}triage neurips2025` or `colm2025`: the built-in lists; no arguments: "
                "share a CSV or JSONL file in the thread)"
            )
        where = "[#channel] " if surface.digest_channel_words else ""
        lines += [
            f"• `{p}digest subscribe {where}[day] [HH:MM] [time zone] [top N]` — a weekly research "
            "digest (also `unsubscribe`, `preview`, `now`); `digest mine` — your own, in "
            + ("DMs" if surface.mine == "direct messages" else f"your {surface.mine}"),
            f"• `{p}forget` — delete everything stored about you",
        ]
        return lead + "\n".join(lines)

    def notices(self, owner: Owner) -> str:
        """What must be said first (a consultation that could not be restored), or ""."""
        return "\n".join(self.service.notices(owner))

    def also_in_progress(
        self, owner: Owner, c: Consultation, surface: Surface, paused: Consultation | None = None
    ) -> str:
        """What the user should know as ``c`` starts, else "": the same consultation already
        in progress, with answers or none yet (started again by mistake, or on purpose), and
        ``paused``, the one this place held (a Slack agent thread or a Teams chat now answers
        ``c``)."""
        said = []
        resume = f"`{surface.prefix}resume` continues it when this one is done"
        if paused is not None and paused.status is Status.ACTIVE and paused.id != c.id:
            other = self.catalog.by_slug(paused.slug)
            done, total = engine.progress(other, paused)
            if paused.slug == c.slug:
                return (
                    f"You already have this consultation in progress here ({done} of {total} "
                    f"answered): this one starts fresh, and that one keeps its answers "
                    f"({resume})."
                )
            said.append(
                f"**{other.title}** ({done} of {total} answered) is paused meanwhile: {resume}."
            )
        script = self.catalog.by_slug(c.slug)
        for same in self.service.consultations(owner):
            if same.slug != c.slug or same.id == c.id or same.status is not Status.ACTIVE:
                continue
            if paused is not None and same.id == paused.id:
                continue
            done, total = engine.progress(script, same)
            said.append(  # none answered: sent twice by mistake, most likely
                f"You already have this consultation in progress ({done} of {total} "
                f"answered{surface.link(same)}): this one starts fresh, and that one "
                "keeps its answers."
                if done
                else f"You already have this consultation open (nothing answered yet"
                f"{surface.link(same)}): this one starts fresh, and that one waits unanswered."
            )
            break
        return " ".join(said)

    def status(self, owner: Owner, surface: Surface) -> str:
        found = self.service.consultations(owner)
        told = self.notices(owner)  # listing may have set an unreadable record aside
        lead = f"{told}\n\n" if told else ""
        mine = self.digests.personal(owner) if owner.platform in ("slack", "teams") else None
        tail = f"\nYour own digest: {mine.describe()}, in your {surface.mine}." if mine else ""
        if not found:
            none = f"You have no consultations yet. `{surface.prefix}consult` starts one."
            return lead + none + tail
        votes = self.feedback.votes(owner, [c.id for c in found]) if self.feedback else {}
        lines = [
            "• "
            + messages.status_line(self.catalog.by_slug(c.slug), c)
            + (f" · your feedback {VOTE_MARK[votes[c.id]]}" if c.id in votes else "")
            + surface.link(c)
            for c in found
        ]
        text = "**Your consultations**\n" + "\n".join(lines)
        if votes:
            ups = sum(v == "up" for v in votes.values())
            text += f"\nYour feedback on reports: 👍 {ups} · 👎 {len(votes) - ups}"
        return lead + text + tail

    def resume(self, owner: Owner, here: str | None = None) -> Turn | None:
        """The latest consultation in progress (the latest begun ``here``, a thread's own,
        first), where it stands (no answer is changed). Its place is its own again: a thread
        where another one was started since (the Slack agent thread) takes the answers typed
        there for this one."""
        active = [c for c in self.service.consultations(owner) if c.status is Status.ACTIVE]
        own = (c for c in active if here is not None and c.location.get("place") == here)
        c = next(own, None) or next(iter(active), None)
        if c is None:
            return None
        place = c.location.get("place")
        if place and getattr(self.service.at(owner, place), "id", None) != c.id:
            c = self.service.claim_place(c)
        return Turn(self.catalog.by_slug(c.slug), c, self.service.where(c), False)

    def cancel(self, owner: Owner) -> Turn | None:
        c = self.service.latest_active(owner)
        if c is None:
            return None
        return self.service.act(owner, c.id, engine.Cancel())

    def forget(self, owner: Owner) -> int:
        """Everything stored about this user: consultations, profile, subscriptions they made."""
        held = self.places.forget(owner) if self.places is not None else 0
        return held + self.service.forget(owner) + self.digests.forget(owner)

    # --- digests ----------------------------------------------------------------------------

    def digest(self, owner: Owner, here: str, cmd: Digest, surface: Surface) -> str:
        p = surface.prefix
        named = named_channel(cmd.words) if cmd.action != "mine" else None
        if named and not surface.digest_channel_words:  # Teams: no channel can be named
            return (
                f"A digest here belongs to the chat or channel it is typed in, so "
                f"'#{inert(named, 80)}' cannot be named: type `{p}digest {cmd.action}` without "
                "it in that channel (mention me there). Nothing was changed."
            )
        if cmd.action == "subscribe" and not named and surface.direct(here):
            return (
                f"This is our direct message, not a channel: `{p}digest mine weekly` gives you a "
                "digest of your own here, ranked by your curation profile and your 👍/👎. To "
                f"subscribe a channel, type `{p}digest subscribe` there. Nothing was subscribed."
            )
        here = named or here  # `unsubscribe #research` typed in #general
        if cmd.action == "subscribe":
            was = self.digests.subscription(owner, here)
            try:
                sub = self.digests.subscribe(owner, here, cmd.words)
            except ValueError as e:
                return f"That subscription does not work: {inert(str(e), 300)}"
            ranked_by = (
                "your curation profile"
                if sub.profile.canon or sub.profile.topics
                else "the default filter (consultation 5 makes your own)"
            )
            if was is not None:  # one digest a channel: this one replaces it
                return (
                    f"Changed {surface.channel(sub.channel)}'s research digest: now "
                    f"{sub.describe()} (was {was.describe()}), ranked by {ranked_by}."
                )
            return (
                f"Subscribed {surface.channel(sub.channel)} to the research digest "
                f"{sub.describe()}, ranked by {ranked_by}."
            )
        if cmd.action == "unsubscribe":
            done = self.digests.unsubscribe(owner, here)
            name = surface.channel(here)
            return f"Unsubscribed {name}." if done else f"{opening(name)} had no digest."
        if cmd.action in ("preview", "now"):
            if not self.digests.request(owner, here, cmd.action):
                mine = cmd.action == "preview" and self.digests.personal(owner) is not None
                return (
                    f"{opening(surface.channel(here))} has no digest yet: "
                    f"`{p}digest subscribe` first."
                    + (f" Your own digest: `{p}digest mine preview`." if mine else "")
                )
            if cmd.action == "preview":
                return "Preparing a preview only you will see…"
            return "Posting this channel's digest now…"
        if cmd.action == "mine":
            return self._my_digest(owner, cmd.words, surface)
        status = self._digest_status(owner, here, surface)
        if cmd.action == "help" and not named and cmd.words and cmd.words[0] not in ("help", "?"):
            typed = cmd.words[0]
            close = difflib.get_close_matches(typed.casefold(), DIGEST_WORDS, n=1, cutoff=0.7)
            meant = " ".join((close[0], *cmd.words[1:])) if close else ""
            return (
                f"I don't know `digest {inert(typed, 40)}`"
                + (f": did you mean `{p}digest {inert(meant, 120)}`?\n" if close else ".\n")
                + status
            )
        return status

    def _my_digest(self, owner: Owner, words: tuple[str, ...], surface: Surface) -> str:
        p, where = surface.prefix, f"in your {surface.mine}"
        if owner.platform not in ("slack", "teams"):
            return "Your own digest comes in Slack or Microsoft Teams."
        if not words:
            mine = self.digests.personal(owner)
            if mine is None:
                return f"You have no digest of your own: `{p}digest mine weekly` starts one."
            return f"Your own digest: {mine.describe()}, {where}."
        if words[0].casefold() == "preview":  # `digest mine preview`: an issue now, to you
            if not self.digests.request(owner, personal_channel(owner.user), "preview"):
                return f"You have no digest of your own: `{p}digest mine weekly` starts one."
            return f"Preparing a preview of your own digest, {where}…"
        if stops_digest(words):
            done = self.digests.unsubscribe_personal(owner)
            return "Your own digest is stopped." if done else "You had no digest of your own."
        try:
            sub = self.digests.subscribe_personal(owner, words)
        except ValueError as e:
            return f"That does not work for your digest: {inert(str(e), 300)}"
        return f"Your own digest: {sub.describe()}, {where}."

    def _digest_status(self, owner: Owner, here: str, surface: Surface) -> str:
        p = surface.prefix
        sub, mine = self.digests.subscription(owner, here), self.digests.personal(owner)
        name = surface.channel(here)
        lines = [
            f"**Research digest** · {name}: " + (sub.describe() if sub else "none"),
            f"Your own ({surface.mine}): "
            + (mine.describe() if mine else "none — consultation 5 or `digest mine` starts one"),
        ]
        where = " [#channel]" if surface.digest_channel_words else ""
        return "\n".join(lines) + (
            f"\n`{p}digest subscribe{where} [day] [HH:MM] [time zone] [top N]`, "
            f"`{p}digest unsubscribe{where}`, `{p}digest preview{where}`, `{p}digest now{where}`, "
            f"`{p}digest mine [daily|weekly|biweekly|monthly] [day] [HH:MM] [zone] [top N]`, "
            f"`{p}digest mine preview`, `{p}digest mine off`"
        )

    # --- triage -----------------------------------------------------------------------------

    @staticmethod
    def triage_request(arg: str) -> TriageRequest:
        name = re.sub(r"[\s_-]+", "", arg.casefold())  # "colm 2025", "NeurIPS-2025"
        if name in BUILTIN:
            return TriageRequest(builtin=name)
        ids = tuple(dict.fromkeys(_ARXIV_ID.findall(arg)))[:MAX_TRIAGE_IDS]
        not_ids = tuple(w for w in dict.fromkeys(_ID_LIKE.findall(arg)) if not _ARXIV_ID.match(w))
        if arg.strip() and not ids and not not_ids and (near := near_builtin(name)):
            return TriageRequest(
                error=f"No built-in list is called `{inert(arg.strip(), 40)}`: did you mean "
                f"`/neurips triage {near}`? (built in: {', '.join(f'`{b}`' for b in BUILTIN)})"
            )
        if arg.strip() and not ids:
            wrong = f" ({', '.join(not_ids[:5])}: no arXiv id has that month)" if not_ids else ""
            return TriageRequest(
                error=f"I found no arXiv ids or links there{wrong}. Try `/neurips triage "
                f"2505.06708`, or a built-in list: {', '.join(f'`{b}`' for b in BUILTIN)}."
            )
        return TriageRequest(ids=ids, not_ids=not_ids[:20])

    def start_triage(
        self, owner: Owner, channel: str, thread: str, progress: str, **source: str
    ) -> str:
        """Create the job (ranked by the user's curation profile) and queue it; its id."""
        profile = self.digests.profile(owner)
        job = self.triage_jobs.create(
            platform=owner.platform,
            workspace=owner.workspace,
            user=owner.user,
            channel=channel,
            thread_ts=thread,
            progress_ts=progress,
            top="10",
            profile=profile.model_dump_json() if profile else "{}",
            **source,
        )
        self.jobs.start_triage(job)
        return job


def opening(name: str) -> str:
    """A place's name as a sentence's first words ("this chat": "This chat"; "<#C1>" as is)."""
    return name[:1].upper() + name[1:]
