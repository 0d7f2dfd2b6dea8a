"""The ports the core talks through; adapters implement them, tests use real ones or fakes at
the network boundary.

Inbound, the platforms call the service and the command desk. Outbound, the core asks for work
through the ``JobQueue`` and the workers post through the three poster protocols, picked by the
platform a consultation, digest or triage job belongs to.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from consultations.advisors.base import AdvisorInput
from consultations.digest import Subscription
from consultations.report import Report
from consultations.scripts import ConsultationScript, Question
from consultations.state import Consultation
from consultations.triage.papers import Paper
from consultations.triage.results import TriageResult


@dataclass(frozen=True)
class Narrative:
    """The text of a finished report, and who wrote it (shown to the user, honestly)."""

    text: str
    author: str  # "Claude (claude-...)" or "offline analysis"
    notice: str | None = None  # e.g. "Claude was unavailable; this is the offline analysis."


class Narrator(Protocol):
    def narrate(self, request: AdvisorInput, report: Report) -> Narrative: ...


TextSink = Callable[[str], None]  # receives a narrative's text piece by piece, as it is written


@runtime_checkable
class StreamingNarrator(Protocol):
    """A narrator that can hand its text over as it writes it (Claude's)."""

    def narrate(self, request: AdvisorInput, report: Report) -> Narrative: ...

    def narrate_streaming(
        self, request: AdvisorInput, report: Report, on_text: TextSink
    ) -> Narrative:
        """As ``narrate``; when the narrative returned has no notice, its text ends with
        everything given to ``on_text``, in order."""
        ...


class ReportStream(Protocol):
    """One report's narrative shown in its thread as it is written (a streamed message).

    ``append`` never raises: a refused or broken stream stops taking text and says so in
    ``state``. ``text``: everything given to ``append`` so far."""

    state: str  # "new" · "open" · "refused" (never shown) · "broken" (cut off) · "done"
    text: str

    def append(self, text: str) -> None: ...

    def finish(self, note: str | None = None) -> bool:
        """Flush and close the stream, ``note`` last; True when it closed with all the text."""
        ...


class JobQueue(Protocol):
    """Long work, done elsewhere (Celery workers in production). Arguments are ids, never
    snapshots: the worker reads the current state when it runs."""

    def request_report(self, c: Consultation) -> None: ...

    def post_digest(self, key: str, mode: str, period: str = "", user: str = "") -> None: ...

    def start_triage(self, job: str) -> None: ...

    def triage_chunk(self, job: str, index: int) -> None: ...

    def ready(self, timeout_s: float = 0.5) -> bool:
        """The queue's broker answers within ``timeout_s`` (for readiness probes)."""
        ...


class Parts(Protocol):
    """What a job has already posted (checkpoints): a retry skips those parts."""

    def posted(self, part: str) -> str | None: ...

    def record(self, part: str, ref: str = "1") -> None: ...


class ReportPoster(Protocol):
    """Posts into the chat a consultation lives in (its Slack thread, its Teams conversation)."""

    def post_report(self, c: Consultation, parts: Parts | None = None) -> None: ...

    def post_notice(
        self, c: Consultation, text: str, parts: Parts | None = None, part: str = "notice"
    ) -> None:
        """A short note in the consultation's chat; once per job round as ``part`` with
        ``parts``."""
        ...


STREAM_OPENED = "stream:open"  # the part a ReportStream records (its message id) once shown
STREAM_DONE = "stream"  # how a stream ended: "body", "replaced", "cut" or "-" (nothing shown)
STREAM_NOTE = "stream:note"  # the note that a stream was cut off
STREAM_STARTING = "starting"  # STREAM_OPENED before a stream's id is known (Teams)


@runtime_checkable
class StreamingPoster(Protocol):
    """A platform that can show a report's narrative as it is written (Slack; Teams in one-on-one
    chats, where elsewhere its stream is declined before anything is sent)."""

    def open_stream(self, c: Consultation, parts: Parts | None = None) -> ReportStream: ...

    def post_report(
        self, c: Consultation, parts: Parts | None = None, streamed: bool = False
    ) -> None: ...

    def post_stream_note(self, c: Consultation, text: str, parts: Parts | None = None) -> None:
        """The note that the stream was cut off, once (part ``STREAM_NOTE``)."""
        ...

    def stream_started(self, c: Consultation, mark: str) -> str | None:
        """The stream an earlier attempt was starting (``mark``: its in-flight mark) when its
        worker died: its id when it is in the chat, ``"?"`` when the chat cannot be read (it
        may be), None when it is not there (nothing was shown)."""
        ...

    def stream_stopped(self, c: Consultation, parts: Parts) -> bool:
        """Whether an earlier attempt's stop of the stream reached the platform though its
        answer never came back (the worker died); False where the chat cannot be read."""
        ...


@runtime_checkable
class LateStreamEnder(Protocol):
    """A platform that can still end a stream an earlier attempt left open (Teams)."""

    def end_stream_late(self, c: Consultation, parts: Parts, ending_sent: bool) -> str:
        """End it with the whole narrative: ``"now"``; ``"before"``: an end the earlier
        attempt was sending (``ending_sent``) had been taken; ``""``: neither."""
        ...


class CannotPost(Exception):
    """The platform refuses to post there for good (the app is not in that private channel,
    or it was archived or deleted): trying again will not help, telling someone will."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


class DigestPoster(Protocol):
    def post_digest(
        self, sub: Subscription, header: str, items: list[str], parts: Parts | None = None
    ) -> list[str]:
        """The header and one message per item; returns the items' message ids (may be [])."""
        ...

    def post_digest_preview(
        self, sub: Subscription, markdown: str, user: str, parts: Parts | None = None
    ) -> None:
        """Only to ``user`` where the platform can; once per job round with ``parts``."""
        ...

    def tell_subscriber(self, sub: Subscription, text: str) -> bool:
        """A note to the person who subscribed, where only they read it; False where they
        cannot be reached."""
        ...


TriageSpec = Mapping[str, str]


class TriagePoster(Protocol):
    def fetch_papers(self, spec: TriageSpec) -> list[Paper]: ...

    def triage_progress(self, spec: TriageSpec, text: str) -> None: ...

    def post_triage(
        self,
        spec: TriageSpec,
        results: list[TriageResult],
        total: int,
        parts: Parts | None = None,
    ) -> None: ...


class ChatGateway(ReportPoster, DigestPoster, TriagePoster, Protocol):
    """Everything the workers post to one platform."""


@dataclass(frozen=True)
class Understood:
    """What a language model made of an answer the rules could not read (or read two ways).

    ``reading``: the same answer restated so the rules read it unambiguously (it then goes
    through the same validation, ranges and plausibility as anything typed); or ``clarify``:
    one short question to ask instead; or neither, when the model could not help.
    """

    reading: str | None = None
    clarify: str | None = None


class Understanding(Protocol):
    def understand(
        self, script: ConsultationScript, question: Question, text: str, problem: str
    ) -> Understood: ...
