"""Thin Celery tasks: take ids, call the service, post through the consultation's gateway."""

from __future__ import annotations

import json
from typing import Any

import structlog
from celery import Celery, Task

from consultations import messages
from consultations.adapters.celery_queue import (
    DIGEST_POST,
    DIGEST_TICK,
    REPORT_TASK,
    schedule_digest,
)
from consultations.adapters.checkpoints import PENDING, mark, once
from consultations.digest import Subscription
from consultations.ports import (
    STREAM_DONE,
    STREAM_OPENED,
    CannotPost,
    LateStreamEnder,
    Narrator,
    Parts,
    ReportStream,
    StreamingNarrator,
    StreamingPoster,
)
from consultations.service import NotFound
from consultations.state import Consultation, Delivery, Owner
from workers.recovery import leases, parts_for, register_sweep, run_job
from workers.runtime import runtime
from workers.triage_jobs import register_triage

log = structlog.get_logger(__name__)


def register(app: Celery) -> None:
    register_report(app)
    register_digest(app)
    register_triage(app)
    register_sweep(app)


def register_report(app: Celery) -> None:
    @app.task(
        name=REPORT_TASK, bind=True, max_retries=5, acks_late=True, reject_on_worker_lost=True
    )
    def write_report(
        self: Task,
        platform: str,
        workspace: str,
        user: str,
        cid: str,
        lease: list[str] | None = None,
    ) -> str:
        owner = Owner(platform=platform, workspace=workspace, user=user)
        structlog.contextvars.bind_contextvars(task_id=self.request.id, cid=cid, owner=owner.key)
        try:
            return run_job(
                self,
                lease,
                lambda: deliver_report(owner, cid, lease),
                countdown=min(2**self.request.retries, 30),
                give_up=lambda e: _give_up(owner, cid, e),
            )
        finally:
            structlog.contextvars.clear_contextvars()


def report_parts_key(owner: Owner, cid: str, round_: str) -> str:
    """Under the owner's keys: ``forget`` removes a report's checkpoints with the rest."""
    return f"na:{{{owner.key}}}:parts:{cid}:{round_}"


def deliver_report(owner: Owner, cid: str, lease: list[str] | None = None) -> str:
    """Write the report once, post each part once: the stored state and the checkpoints are
    read first, so a retry (or a second worker after a sweep) skips what is already out.

    With Claude and a platform that streams (Slack), the narrative goes into the thread as it
    is written; the computed figures follow. A stream refused at its start changes nothing
    (the report is posted whole); one cut off midway is said once, then the report follows
    whole."""
    rt = runtime()
    service = rt.service
    parts = parts_for(lease, report_parts_key(owner, cid, lease[1]) if lease else None)
    try:
        c = service.get(owner, cid)
        if c.delivery is Delivery.DELIVERED:
            log.info("report.already_delivered")
            return "already delivered"
        gateway = rt.gateway(owner.platform)
        stream = _report_stream(gateway, rt.narrator, c, parts)
        c = service.write_report(owner, cid, rt.narrator, stream.append if stream else None)
    except NotFound:
        log.warning("report.gone")  # forgotten or expired meanwhile: nothing to post
        return "gone"
    note = None
    if c.slug == "research-curation":  # the profile drives this user's triage and digests
        from workers.digest_plan import after_curation

        note = after_curation(owner, c)
    streamed = _end_stream(gateway, stream, c, parts)
    if streamed == "cut" and isinstance(gateway, StreamingPoster):
        gateway.post_stream_note(c, STREAM_CUT, parts)
    if streamed == "body" and isinstance(gateway, StreamingPoster):
        gateway.post_report(c, parts, streamed=True)
    else:
        gateway.post_report(c, parts)
    if note:  # after the report: why its digest is not scheduled yet
        gateway.post_notice(c, note, parts, "digest:note")
    service.mark_delivery(owner, cid, Delivery.DELIVERED)
    log.info("report.delivered", narrated_by=c.narrated_by, streamed=streamed)
    return "delivered"


STREAM_CUT = "The streamed report above was cut off; here it is whole."
STREAM_REPLACED = "Stopped here: the report below replaces this text."


def _report_stream(
    gateway: object, narrator: Narrator, c: Consultation, parts: Parts | None
) -> ReportStream | None:
    """A stream for a report Claude is about to write, on a platform that streams; none when
    the narrative is already written or an earlier attempt already opened one."""
    if c.narrative is not None or not isinstance(narrator, StreamingNarrator):
        return None
    if not isinstance(gateway, StreamingPoster):  # a platform that cannot stream: posted whole
        return None
    if parts is not None and parts.posted(STREAM_OPENED) is not None:
        return None  # a worker died while streaming: this attempt posts the report whole
    if parts is not None and (starting := parts.posted(PENDING + STREAM_OPENED)) is not None:
        shown = gateway.stream_started(c, starting)  # a worker died starting one: is it there?
        if shown is not None:
            parts.record(STREAM_OPENED, shown)
            log.info("report.stream_found_started", ts=shown)
            return None
        log.info("report.stream_never_shown")  # nothing was shown: stream as if first
    return gateway.open_stream(c, parts)


def _end_stream(
    gateway: object, stream: ReportStream | None, c: Consultation, parts: Parts | None
) -> str:
    """``"body"``: the narrative stands in the thread as streamed; ``"cut"``: part of it was
    shown; ``""``: nothing was (refused at start, or no stream). Checkpointed, so a retry
    after a crash decides the same; the outcome a stop would give is marked before the stop,
    so a retry whose worker died waiting for the stop's answer finds it in the thread."""
    if parts is not None and (done := parts.posted(STREAM_DONE)) is not None:
        return done if done != "-" else ""
    if stream is None:
        if parts is None or parts.posted(STREAM_OPENED) is None:
            return ""
        return _stopped_before(gateway, c, parts) or _ended_late(gateway, c, parts) or "cut"
    body = stream.text.strip()
    stands = bool(body) and (c.narrative or "").endswith(body)
    if stream.state in ("new", "refused"):  # nothing shown yet: nothing to close
        outcome = ""
    else:
        mark(parts, STREAM_DONE, "body" if stands else "replaced")
        was_open = stream.state == "open"
        if stream.finish(None if stands else STREAM_REPLACED):
            outcome = "body" if stands else "replaced"
        else:  # a stop the platform carried out though it answered an error is in the chat
            found = was_open and parts is not None and _stopped_before(gateway, c, parts)
            outcome = found or "cut"
    if parts is not None:
        parts.record(STREAM_DONE, outcome or "-")
    log.info("report.streamed", outcome=outcome or "not shown", chars=len(body))
    return outcome


def _stopped_before(gateway: object, c: Consultation, parts: Parts) -> str:
    """How the stream ended when its stop reached the platform though no answer said so (its
    worker died before checkpointing it, or the answer was an error); "" when it did not (or
    the chat cannot be read)."""
    pending = parts.posted(PENDING + STREAM_DONE)
    if pending not in ("body", "replaced") or not isinstance(gateway, StreamingPoster):
        return ""
    if not gateway.stream_stopped(c, parts):
        return ""
    parts.record(STREAM_DONE, pending)
    log.info("report.stream_found_stopped", outcome=pending)
    return pending


def _ended_late(gateway: object, c: Consultation, parts: Parts) -> str:
    """How the stream an earlier attempt left open (its worker died) ends, where the platform
    can still end it (Teams): ``"body"``, ended now with the whole narrative; the outcome that
    attempt was sending, when the platform had taken it; "" when it cannot be ended."""
    if not isinstance(gateway, LateStreamEnder):
        return ""
    pending = parts.posted(PENDING + STREAM_DONE)
    sending = pending in ("body", "replaced")
    if pending is None:  # a retry of this one, dying after the end was taken, knows it
        mark(parts, STREAM_DONE, "body")
    how = gateway.end_stream_late(c, parts, sending)
    outcome = {"now": "body", "before": pending or ""}.get(how, "")
    if outcome:
        parts.record(STREAM_DONE, outcome)
    log.info("report.stream_ended_late", outcome=outcome or "left as it was")
    return outcome


class WorkersKeptDying(RuntimeError):
    """A job swept again and again: each worker that took it died before finishing."""


def abandon_report(platform: str, workspace: str, user: str, cid: str) -> None:
    """The sweep gave up on a report (its workers kept dying): say so in its thread."""
    owner = Owner(platform=platform, workspace=workspace, user=user)
    try:
        c = runtime().service.get(owner, cid)
    except NotFound:
        return
    if c.delivery is not Delivery.DELIVERED:
        _give_up(owner, cid, WorkersKeptDying("every worker writing it stopped"))


def _give_up(owner: Owner, cid: str, error: Exception) -> None:
    """The report is given up: the user reads what happened in plain words, in its thread and
    in `status`; the exception (its name, its text) is said only in the log."""
    rt = runtime()
    why = _said(error)
    log.error("report.gave_up", why=why, error=f"{type(error).__name__}: {str(error)[:300]}")
    try:
        c = rt.service.mark_delivery(owner, cid, Delivery.FAILED, why)
        rt.gateway(owner.platform).post_notice(c, messages.report_failed(why))
    except Exception:  # noqa: BLE001 — the failure is already logged; nothing more to do
        log.exception("report.give_up_failed")


def _said(error: Exception) -> str:
    """Why, for the user: what the platform answered or what happened, never the exception's
    name or text (a Slack error carries the API's address and its whole answer: logged)."""
    from msrest.exceptions import HttpOperationError
    from slack_sdk.errors import SlackApiError

    if isinstance(error, SlackApiError):
        return f"Slack answered {str(error.response.get('error'))[:60]}"
    if isinstance(error, HttpOperationError):
        return f"Teams answered HTTP {getattr(error.response, 'status_code', '?')}"
    if isinstance(error, WorkersKeptDying):
        return str(error)
    return "something failed on our side"


def register_digest(app: Celery) -> None:
    @app.task(name=DIGEST_TICK, ignore_result=True)
    def digest_tick() -> int:
        """Run by beat: enqueue the digest of every subscription whose weekly slot has come."""
        from datetime import UTC, datetime

        from consultations.digest import due_period

        store = runtime().digest_store
        now = datetime.now(UTC)
        sent = 0
        for sub in store.subscriptions():
            period = due_period(sub, now, store.last_period(sub.key))
            # once per period, even if two ticks race or a claim reaches Redis late
            if period and schedule_digest(app, leases(), sub.key, period):
                sent += 1
        return sent

    @app.task(
        name=DIGEST_POST, bind=True, max_retries=3, acks_late=True, reject_on_worker_lost=True
    )
    def digest_post(
        self: Task, key: str, mode: str, period: str, user: str, lease: list[str] | None = None
    ) -> int | str:
        structlog.contextvars.bind_contextvars(task_id=self.request.id, digest=key, mode=mode)
        try:
            return run_job(
                self,
                lease,
                lambda: post_digest(key, mode, period, user, lease),
                countdown=5 * (self.request.retries + 1),
                give_up=lambda e: digest_given_up(key, mode, period, user, lease, e),
            )
        finally:
            structlog.contextvars.clear_contextvars()


def post_digest(key: str, mode: str, period: str, user: str, lease: list[str] | None = None) -> int:
    """Post (or preview, only to ``user``) the best papers not yet posted to this channel.

    The chosen papers are checkpointed before anything is posted, so a retry posts the same
    digest (not a fresh pick) and skips the messages already out."""
    rt = runtime()
    store = rt.digest_store
    sub = store.subscription(key)
    if sub is None:
        log.info("digest.unsubscribed")
        return 0
    parts = parts_for(lease)
    planned = parts.posted("plan") if parts is not None else None
    plan = json.loads(planned) if planned else _plan_digest(sub, period)
    gateway = rt.gateway(sub.platform)
    if mode == "preview":
        gateway.post_digest_preview(sub, plan["markdown"], user, parts)
        return len(plan["ids"])
    if parts is not None and planned is None:
        parts.record("plan", json.dumps(plan))
    try:
        where = gateway.post_digest(sub, plan["header"], plan["lines"], parts)
    except CannotPost as e:  # for good: retries would fail alike, so the subscriber is told
        told = gateway.tell_subscriber(
            sub, messages.digest_not_posted(sub.platform, sub.channel, e.why)
        )
        log.warning("digest.cannot_post", why=e.why, subscriber_told=told)
        if period:
            store.set_last_period(key, period)
        return 0
    questions = plan["questions"]
    vectors = plan.get("vectors") or [None] * len(questions)
    store.remember_items(
        key,
        dict(zip(where, questions, strict=False)),
        vectors={ts: v for ts, v in zip(where, vectors, strict=False) if v},
    )
    store.mark_posted(key, plan["ids"])
    if period:
        store.set_last_period(key, period)
    log.info("digest.posted", papers=len(plan["ids"]), of=plan["of"])
    return len(plan["ids"])


def abandon_digest(key: str, mode: str, period: str, user: str, lease: list[str]) -> None:
    """The sweep gave up on a digest (its workers kept dying): the subscriber is told once,
    and `digest now` is theirs to try; its claim is kept, so no tick sends again a digest
    that took every worker down. It was held for 14 days, said only in the log."""
    error = WorkersKeptDying("every worker posting it stopped")
    digest_given_up(key, mode, period, user, lease, error, send_again=False)


def digest_given_up(
    key: str,
    mode: str,
    period: str,
    user: str,
    lease: list[str] | None,
    error: Exception,
    send_again: bool = True,
) -> None:
    """Every retry of a digest failed (the platform kept failing): the subscriber is told, once
    a period, and a scheduled digest's claim is let go, so the next tick sends it again (its
    checkpoints skip what is already out). It was lost for the week, said only in the log."""
    rt = runtime()
    try:
        sub = rt.digest_store.subscription(key)
        if sub is None:
            return
        again = send_again and mode == "scheduled" and bool(period) and lease is not None
        if again and lease is not None:
            leases().retry_claim(lease[0])
        delay = rt.settings.neurips_digest_tick_s if again else None
        command = "digest now"
        if mode == "preview":  # whoever asked for the preview is told, not the subscriber
            sub, command = sub.model_copy(update={"subscribed_by": user}), "digest preview"
        why = str(error) if isinstance(error, WorkersKeptDying) else None
        text = messages.digest_delayed(sub.platform, sub.channel, delay, command, why)
        told = once(
            parts_for(lease), "told", lambda: rt.gateway(sub.platform).tell_subscriber(sub, text)
        )
        log.warning("digest.gave_up", error=str(error)[:200], again=again, told=told)
    except Exception:  # noqa: BLE001 — the failure is already logged; nothing more to do
        log.exception("digest.give_up_failed")


def _plan_digest(sub: Subscription, period: str) -> dict[str, Any]:
    from workers.digest_plan import plan_digest

    return plan_digest(sub, period)
