"""The service with a real Redis: concurrent answers, resuming, forgetting, reports once."""

from __future__ import annotations

import threading

import redis

from consultations.adapters.offline_narrator import OfflineNarrator
from consultations.adapters.redis_store import ConflictError, RedisConsultationStore
from consultations.catalog import Catalog
from consultations.engine import Asked, Finished
from consultations.scripts import QuestionType
from consultations.service import ConsultationService
from consultations.state import Delivery, Owner
from tests.unit.test_engine import typical

OWNER = Owner(platform="slack", workspace="T9", user="U9")


def service(client: redis.Redis, catalog: Catalog) -> ConsultationService:
    store = RedisConsultationStore(client, ttl_seconds=3600)
    return ConsultationService(catalog, store, ConflictError)


def test_fifty_concurrent_answers_to_one_consultation_lose_none(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    svc = service(redis_client, catalog)
    script = catalog.by_slug("edge-economics")
    cid = svc.start(OWNER, "edge-economics").consultation.id
    texts = [typical(script.questions[i % len(script.questions)]) for i in range(50)]
    accepted: list[tuple[str, str]] = []
    saves: list[str] = []  # every turn that changed the consultation (answers, confirmations)
    lock = threading.Lock()
    barrier = threading.Barrier(50)

    def answer(text: str) -> None:
        barrier.wait()
        turn = svc.act(OWNER, cid, text)
        if turn.changed:
            with lock:
                saves.append(text)
        if turn.changed and turn.consultation.pending is None:  # not held for a confirmation
            key = turn.consultation.trail[-1]
            with lock:
                accepted.append((key, text))

    threads = [threading.Thread(target=answer, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = svc.get(OWNER, cid)
    # every answer the service said it took is stored, under the question it was taken for
    assert sorted(accepted) == sorted((k, a.raw) for k, a in final.answers.items())
    assert len({k for k, _ in accepted}) == len(accepted)  # no question taken twice
    assert final.version == 1 + len(saves)
    assert len(accepted) >= 2  # several answers did land on the same consultation


def test_resume_finds_the_unfinished_consultation(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    svc = service(redis_client, catalog)
    svc.start(OWNER, 1)
    second = svc.start(OWNER, "edge-economics").consultation
    svc.act(OWNER, second.id, "5M")
    latest = svc.latest_active(OWNER)
    assert latest is not None and latest.id == second.id
    outcome = svc.where(latest)
    assert isinstance(outcome, Asked) and outcome.number == 2


def test_report_is_written_once_and_forget_removes_everything(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    svc = service(redis_client, catalog)
    script = catalog.by_slug("edge-economics")
    c = svc.start(OWNER, "edge-economics").consultation
    turn = None
    for q in script.questions:
        turn = svc.act(OWNER, c.id, typical(q) if q.type is not QuestionType.CHOICE else "1")
    assert turn is not None and isinstance(turn.outcome, Finished)
    assert turn.consultation.delivery is Delivery.PENDING
    first = svc.write_report(OWNER, c.id, OfflineNarrator())
    again = svc.write_report(OWNER, c.id, OfflineNarrator())
    assert first.narrative and again.version == first.version  # not written twice
    assert "offline" in (first.narrated_by or "").casefold()
    assert svc.forget(OWNER) > 0
    assert svc.consultations(OWNER) == []
    assert list(redis_client.scan_iter(match=f"*{OWNER.key}*")) == []


def test_placing_a_copy_saved_meanwhile_keeps_both_changes(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """The thread's progress message is recorded on the consultation the server just saved;
    an answer saved in between (another server, the same user typing fast) is kept too."""
    svc = service(redis_client, catalog)
    script = catalog.by_slug("edge-economics")
    started = svc.start(OWNER, "edge-economics", {"channel": "C1", "thread_ts": "1.1"})
    copy = started.consultation
    placed = svc.place(copy, {"progress_ts": "1.2"})  # nobody saved it since: saved at once
    assert placed.version == copy.version + 1
    svc.act(OWNER, copy.id, typical(script.questions[0]))  # saved after the copy was taken
    svc.place(placed, {"progress_ts": "1.3"})  # an out-of-date copy: read again, not lost
    stored = svc.get(OWNER, copy.id)
    assert stored.location == {"channel": "C1", "thread_ts": "1.1", "progress_ts": "1.3"}
    assert script.questions[0].key in stored.answers
    assert svc.place(placed, {"progress_ts": "1.3"}) == stored  # already so: nothing saved
    assert svc.get(OWNER, copy.id).version == stored.version
