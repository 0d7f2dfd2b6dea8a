"""Thin Celery tasks: take ids, call the service, post through the consultation's gateway."""

from __future__ import annotations

import structlog
from celery import Celery, Task

from consultations.service import NotFound
from consultations.state import Delivery, Owner
from workers.celery_app import REPORT_TASK

log = structlog.get_logger(__name__)


def register(app: Celery) -> None:
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
    from workers.runtime import runtime  # noqa: PLC0415

    rt = runtime()
    service = rt.app.service
    c = service.get(owner, cid)
    if c.delivery is Delivery.DELIVERED:
        log.info("report.already_delivered")
        return "already delivered"
    c = service.write_report(owner, cid, rt.app.narrator)
    gateway = rt.gateways.get(owner.platform)
    if gateway is None:
        raise RuntimeError(f"no chat gateway configured for {owner.platform}")
    gateway.post_report(c)
    service.mark_delivery(owner, cid, Delivery.DELIVERED)
    log.info("report.delivered", narrated_by=c.narrated_by)
    return "delivered"


def _give_up(owner: Owner, cid: str, error: Exception) -> None:
    from workers.runtime import runtime  # noqa: PLC0415

    rt = runtime()
    note = f"{type(error).__name__}: {str(error)[:200]}"
    try:
        c = rt.app.service.mark_delivery(owner, cid, Delivery.FAILED, note)
        gateway = rt.gateways.get(owner.platform)
        if gateway is not None:
            gateway.post_notice(
                c,
                "Sorry, the report could not be written or posted "
                f"({note}). Type `restart` or try `/neurips resume` later.",
            )
    except Exception:  # noqa: BLE001 — the failure is already logged; nothing more to do
        log.exception("report.give_up_failed")
