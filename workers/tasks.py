"""Thin Celery tasks: take ids, call the service, post through the consultation's gateway."""

from __future__ import annotations

import structlog
from celery import Celery, Task

from consultations.adapters.celery_queue import DIGEST_POST, DIGEST_TICK, REPORT_TASK
from consultations.service import NotFound
from consultations.state import Delivery, Owner
from workers.runtime import runtime
from workers.triage_jobs import register_triage

log = structlog.get_logger(__name__)


def register(app: Celery) -> None:
    register_report(app)
    register_digest(app)
    register_triage(app)


def register_report(app: Celery) -> None:
    @app.task(
        name=REPORT_TASK, bind=True, max_retries=5, acks_late=True, reject_on_worker_lost=True
    )
    def write_report(self: Task, platform: str, workspace: str, user: str, cid: str) -> str:
        owner = Owner(platform=platform, workspace=workspace, user=user)
        structlog.contextvars.bind_contextvars(task_id=self.request.id, cid=cid, owner=owner.key)
        try:
            return deliver_report(owner, cid)
        except NotFound:
            log.warning("report.gone")  # forgotten or expired meanwhile: nothing to post
            return "gone"
        except Exception as e:
            if self.request.retries < self.max_retries:
                log.warning("report.retry", error=str(e), attempt=self.request.retries + 1)
                raise self.retry(exc=e, countdown=min(2**self.request.retries, 30)) from e
            _give_up(owner, cid, e)
            raise
        finally:
            structlog.contextvars.clear_contextvars()


def deliver_report(owner: Owner, cid: str) -> str:
    """Write the report once, post it once: each step checks the stored state first."""
    rt = runtime()
    service = rt.service
    c = service.get(owner, cid)
    if c.delivery is Delivery.DELIVERED:
        log.info("report.already_delivered")
        return "already delivered"
    c = service.write_report(owner, cid, rt.narrator)
    if c.slug == "research-curation":  # the profile drives this user's triage and digests
        from consultations.advisors.curation import profile_from_answers
        from consultations.triage.profile import Profile

        rt.digest_store.save_profile(owner, Profile.model_validate(profile_from_answers(c.answers)))
    rt.gateway(owner.platform).post_report(c)
    service.mark_delivery(owner, cid, Delivery.DELIVERED)
    log.info("report.delivered", narrated_by=c.narrated_by)
    return "delivered"


def _give_up(owner: Owner, cid: str, error: Exception) -> None:
    rt = runtime()
    note = f"{type(error).__name__}: {str(error)[:200]}"
    try:
        c = rt.service.mark_delivery(owner, cid, Delivery.FAILED, note)
        rt.gateway(owner.platform).post_notice(
            c,
            "Sorry, the report could not be written or posted "
            f"({note}). Type `restart` or try `/neurips resume` later.",
        )
    except Exception:  # noqa: BLE001 — the failure is already logged; nothing more to do
        log.exception("report.give_up_failed")


def register_digest(app: Celery) -> None:
    @app.task(name=DIGEST_TICK, ignore_result=True)
    def digest_tick() -> int:
        """Run by beat: enqueue the digest of every subscription whose weekly slot has come."""
        from datetime import UTC, datetime

        from consultations.digest import due_period

        rt = runtime()
        store = rt.digest_store
        now = datetime.now(UTC)
        sent = 0
        for sub in store.subscriptions():
            period = due_period(sub, now, store.last_period(sub.key))
            if period and store.claim_period(sub.key, period):  # once per period, even if
                rt.jobs.post_digest(sub.key, "scheduled", period)  # two ticks race
                sent += 1
        return sent

    @app.task(
        name=DIGEST_POST, bind=True, max_retries=3, acks_late=True, reject_on_worker_lost=True
    )
    def digest_post(self: Task, key: str, mode: str, period: str, user: str) -> int:
        structlog.contextvars.bind_contextvars(task_id=self.request.id, digest=key, mode=mode)
        try:
            return post_digest(key, mode, period, user)
        except Exception as e:
            if self.request.retries < self.max_retries:
                raise self.retry(exc=e, countdown=5 * (self.request.retries + 1)) from e
            raise
        finally:
            structlog.contextvars.clear_contextvars()


def post_digest(key: str, mode: str, period: str, user: str) -> int:
    """Post (or preview, only to ``user``) the best papers not yet posted to this channel."""
    from consultations import digest
    from consultations.adapters.paper_sources import papers_from
    from consultations.adapters.triage_model import default_model
    from consultations.triage import taste
    from consultations.triage.dedupe import dedupe
    from consultations.triage.pipeline import triage

    rt = runtime()
    store = rt.digest_store
    sub = store.subscription(key)
    if sub is None:
        log.info("digest.unsubscribed")
        return 0
    s = rt.settings
    papers = dedupe(
        papers_from(s.neurips_digest_source, s.arxiv_api_url, s.openreview_api_url, redis=rt.redis)
    )
    posted = store.posted(key)
    profile = digest.nudged(sub.profile, store.nudges(key))
    ranked = triage(papers, profile, top=None, semantic=default_model())
    features = taste.vectors(papers, default_model())  # the channel's 👍/👎 re-rank these
    ranked = taste.rerank(ranked, features, taste.learn(store.examples(key)))
    items = digest.pick(ranked, posted, sub.top)
    gateway = rt.gateway(sub.platform)
    if mode == "preview":
        gateway.post_digest_preview(sub, digest.render(items), user)
        return len(items)
    lines = [digest.item(n, r) for n, r in enumerate(items, 1)]
    where = gateway.post_digest(sub, digest.header(items, period or None), lines)
    store.remember_items(
        key,
        {ts: r.questions for ts, r in zip(where, items, strict=False)},
        vectors={ts: features[r.id] for ts, r in zip(where, items, strict=False)},
    )
    store.mark_posted(key, [i.id for i in items])
    if period:
        store.set_last_period(key, period)
    log.info("digest.posted", papers=len(items), of=len(papers))
    return len(items)
