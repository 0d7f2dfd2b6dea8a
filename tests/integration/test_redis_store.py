"""The Redis store against a real Redis server: compare-and-set, TTL, AOF restart, forget."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime

import pytest
import redis

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.redis_store import (
    ConflictError,
    EventLedger,
    RedisConsultationStore,
    UnreadableRecord,
)
from consultations.answers import Answer
from consultations.catalog import Catalog
from consultations.service import ConsultationService, NotFound
from consultations.state import SCHEMA_VERSION, Consultation, Owner, Status

OWNER = Owner(platform="slack", workspace="T1", user="U1")
NOW = datetime(2026, 11, 23, tzinfo=UTC)


def fresh(cid: str = "abc123", owner: Owner = OWNER, **kw: object) -> Consultation:
    return Consultation(
        id=cid, owner=owner, slug="edge-economics", created_at=NOW, updated_at=NOW, **kw
    )  # type: ignore[arg-type]


def test_save_then_load_round_trips_and_bumps_the_version(redis_client: redis.Redis) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    c = fresh()
    c.answers["volume"] = Answer(key="volume", raw="5M", number=5e6)
    saved = store.save(c)
    assert saved.version == 1
    loaded = store.load(OWNER, c.id)
    assert loaded == saved
    assert store.save(loaded).version == 2


def test_a_stale_save_is_refused(redis_client: redis.Redis) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    first = store.save(fresh())
    store.save(first)  # version 2 now
    with pytest.raises(ConflictError):
        store.save(first)  # still thinks it is version 1
    assert store.load(OWNER, first.id).version == 2  # type: ignore[union-attr]


def test_ttl_is_set_on_every_write(redis_client: redis.Redis) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=1000)
    c = store.save(fresh(location={"place": "C1/111.222"}))
    keys = list(store.keys_of(OWNER))
    assert len(keys) == 3  # the consultation, the index, the thread binding
    redis_client.persist(keys[0])  # as a plain SET would leave it
    store.save(c)
    for key in store.keys_of(OWNER):
        assert 0 < redis_client.ttl(key) <= 1000, key


def test_concurrent_updates_lose_none(redis_client: redis.Redis) -> None:
    """50 threads each append one answer through load → change → compare-and-set, retrying."""
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    store.save(fresh())
    conflicts = 0
    lock = threading.Lock()

    barrier = threading.Barrier(50)

    def add(i: int) -> None:
        nonlocal conflicts
        barrier.wait()  # all start together
        while True:
            c = store.load(OWNER, "abc123")
            assert c is not None
            c.answers[f"a{i}"] = Answer(key=f"a{i}", raw=str(i))
            time.sleep(0.001)  # widen the window between reading and writing
            try:
                store.save(c)
                return
            except ConflictError:
                with lock:
                    conflicts += 1

    threads = [threading.Thread(target=add, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = store.load(OWNER, "abc123")
    assert final is not None
    assert sorted(final.answers) == sorted(f"a{i}" for i in range(50))
    assert final.version == 51
    assert conflicts > 0  # the threads really did collide


def test_list_is_newest_first_and_place_finds_the_thread(redis_client: redis.Redis) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    store.save(fresh("aaaaaa"))
    later = fresh("bbbbbb", location={"place": "C1/1.2"})
    later.updated_at = NOW.replace(hour=5)
    store.save(later)
    assert [c.id for c in store.list(OWNER)] == ["bbbbbb", "aaaaaa"]
    assert store.at(OWNER, "C1/1.2").id == "bbbbbb"  # type: ignore[union-attr]
    stranger = Owner(platform="slack", workspace="T1", user="U2")
    assert store.at(stranger, "C1/1.2") is None


def test_open_in_a_channel_finds_every_one_in_progress_there_however_old(
    redis_client: redis.Redis,
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)

    def at(cid: str, channel: str, hour: int) -> Consultation:
        c = fresh(cid, location={"channel": channel, "place": f"{channel}/{hour}.1"})
        c.updated_at = NOW.replace(hour=hour)
        return store.save(c)

    oldest, done = at("old000", "C1", 1), at("done00", "C1", 2)
    for n in range(60):  # newer, elsewhere
        at(f"new{n:03d}", "C2", 3)
    newest = at("late00", "C1", 4)
    assert [c.id for c in store.open_in(OWNER, "C1")] == ["late00", "done00", "old000"]
    store.save(done.model_copy(update={"status": Status.COMPLETED}))
    store.save(newest.model_copy(update={"status": Status.CANCELLED}))
    assert [c.id for c in store.open_in(OWNER, "C1")] == [oldest.id]
    assert store.open_in(OWNER, "C3") == []
    redis_client.delete(f"na:{{{OWNER.key}}}:open:C1")  # as saved before the index was kept:
    assert store.open_in(OWNER, "C1") == []  # found only among the latest
    assert [c.id for c in store.open_in(OWNER, "C1", recent=70)] == [oldest.id]
    store.forget(OWNER)
    assert store.open_in(OWNER, "C1") == [] and list(store.keys_of(OWNER)) == []


def test_forget_leaves_zero_keys_and_spares_others(redis_client: redis.Redis) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    other = Owner(platform="slack", workspace="T1", user="U2")
    for i in range(5):
        store.save(fresh(f"c{i}xxxx", location={"place": f"C/{i}"}))
    store.save(fresh("zzzzzz", owner=other))
    assert store.forget(OWNER) == 11  # five consultations, five thread bindings, the index
    assert list(store.keys_of(OWNER)) == []
    assert store.list(OWNER) == []
    assert store.load(other, "zzzzzz") is not None


def test_event_ledger_says_first_time_once(redis_client: redis.Redis) -> None:
    ledger = EventLedger(redis_client, ttl_seconds=60)
    assert ledger.first_time("slack", "Ev1") is True
    assert ledger.first_time("slack", "Ev1") is False
    assert ledger.first_time("teams", "Ev1") is True


def test_an_event_is_one_key_of_its_owner_whichever_listener_sees_it(
    redis_client: redis.Redis,
) -> None:
    """A thread answer (recorded with the thread's lookup) and any other event of the same
    person (the ledger) share one key, under the owner (so ``forget`` removes it); an event a
    release before 0ca9343 recorded under the old global key is not handled again."""
    store, ledger = RedisConsultationStore(redis_client, 3600), EventLedger(redis_client, 60)
    store.save(fresh(location={"place": "C/1"}))
    assert store.first_time_at(OWNER, "C/1", "slack", "EvA")[0] is True
    assert ledger.first_time("slack", "EvA", OWNER) is False  # the same key
    assert ledger.first_time("slack", "EvB", OWNER) is True
    assert store.first_time_at(OWNER, "C/1", "slack", "EvB") == (False, None)
    redis_client.set("na:seen:slack:EvOld", "1")  # an old release's record of an event
    assert store.first_time_at(OWNER, "C/1", "slack", "EvOld") == (False, None)
    assert ledger.first_time("slack", "EvOld", OWNER) is False
    seen, c = store.first_time_at(OWNER, "C/1", "slack", "EvC")
    assert seen is True and c is not None and c.id == "abc123"
    store.forget(OWNER)
    assert redis_client.keys("na:{*") == []  # the owner's seen events went with them


def test_state_survives_a_redis_restart_with_aof(tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = EmbeddedRedis(tmp_path / "data")
    server.start()
    port = server.port
    client = redis.Redis(port=port)
    store = RedisConsultationStore(client, ttl_seconds=3600)
    store.save(fresh())
    client.close()
    server.stop()

    again = EmbeddedRedis(tmp_path / "data", port=port)
    again.start()
    try:
        client = redis.Redis(port=port)
        loaded = RedisConsultationStore(client, ttl_seconds=3600).load(OWNER, "abc123")
        assert loaded is not None and loaded.version == 1
        client.close()
    finally:
        again.stop()


# --- no record can lock a user out ---------------------------------------------------------

V1_REPORT = {  # as the first release wrote an infinite payback: JSON null where a number goes
    "slug": "edge-economics",
    "title": "Edge Deployment Economics",
    "verdict": "Stay on the API",
    "summary": "Local never pays back at this volume.",
    "figures": [
        {"label": "API cost a month", "value": 81.0, "display": "$81"},
        {"label": "Payback", "value": None, "display": "never"},
    ],
}


def _write_raw(client: redis.Redis, cid: str, fields: dict[str, object]) -> None:
    key = f"na:{{{OWNER.key}}}:c:{cid}"
    client.hset(key, mapping=fields)  # type: ignore[arg-type]
    client.expire(key, 3600)
    client.zadd(f"na:{{{OWNER.key}}}:index", {cid: NOW.timestamp()})


def _v1_doc(cid: str, report: dict[str, object] = V1_REPORT, **kw: object) -> str:
    c = fresh(cid, status="completed", narrative="Stay on the API: $81 a month.", **kw)
    c.answers["requests"] = Answer(key="requests", raw="30000", number=30000)
    data = json.loads(c.model_dump_json())
    data["report"] = report
    return json.dumps(data)


def test_an_old_record_whose_report_no_longer_reads_keeps_its_answers(
    redis_client: redis.Redis,
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    broken = {**V1_REPORT, "figures": [{"label": "Payback", "value": "never", "display": "x"}]}
    _write_raw(redis_client, "old222", {"v": 2, "doc": _v1_doc("old222", report=broken)})
    c = store.load(OWNER, "old222")
    assert c is not None and c.answers["requests"].number == 30000
    assert c.narrative == "Stay on the API: $81 a month." and c.report is None  # dropped
    assert store.save(c).version == 3  # and it is writable again


def test_a_record_that_would_not_read_back_is_refused(redis_client: redis.Redis) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    saved = store.save(fresh())
    bad = saved.editable()
    bad.answers["requests"] = Answer(key="requests", raw="1e999", number=float("inf"))
    with pytest.raises(UnreadableRecord):
        store.save(bad)
    again = store.load(OWNER, saved.id)
    assert again == saved  # nothing was written
    assert store.save(again).version == 2  # and the user goes on


def test_an_old_version_record_is_migrated_and_keeps_its_answers(
    redis_client: redis.Redis,
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    _write_raw(redis_client, "old111", {"v": 4, "doc": _v1_doc("old111")})  # no schema: v1
    c = store.load(OWNER, "old111")
    assert c is not None and c.version == 4
    assert c.answers["requests"].number == 30000
    assert c.narrative == "Stay on the API: $81 a month."  # what the user read is kept
    assert c.report is not None  # a payback of "never" (null) is a valid figure now
    assert c.report.figures[1].value is None and c.report.figures[1].display == "never"
    store.save(c)
    assert redis_client.hget(f"na:{{{OWNER.key}}}:c:old111", "s") == str(SCHEMA_VERSION).encode()
    assert store.load(OWNER, "old111").version == 5  # type: ignore[union-attr]
    assert store.take_set_aside(OWNER) == []  # migrated, not set aside


def test_a_corrupt_record_is_set_aside_and_the_user_told_once(
    redis_client: redis.Redis,
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    good = store.save(fresh("good11"))
    broken = '{"id": "bad111", "slug": "edge-economics", "answers": {"requests": '  # cut off
    _write_raw(redis_client, "bad111", {"v": 2, "doc": broken, "s": SCHEMA_VERSION})

    assert [c.id for c in store.list(OWNER)] == [good.id]  # the others still load
    assert store.load(OWNER, "bad111") is None
    aside = f"na:{{{OWNER.key}}}:aside:bad111"
    assert redis_client.hget(aside, "doc") == broken.encode()  # kept for diagnosis
    assert b"ValidationError" in redis_client.hget(aside, "reason")  # type: ignore[operator]
    assert 0 < redis_client.ttl(aside) <= 3600

    told = store.take_set_aside(OWNER)
    assert [(x.cid, x.slug) for x in told] == [("bad111", "edge-economics")]
    assert store.take_set_aside(OWNER) == []  # said once
    assert store.save(store.load(OWNER, good.id)).version == 2  # type: ignore[arg-type]


def test_the_service_tells_the_user_and_every_command_keeps_working(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    service = ConsultationService(catalog, store, ConflictError)
    _write_raw(redis_client, "bad222", {"v": 1, "doc": "\x00garbage", "s": SCHEMA_VERSION})
    _write_raw(redis_client, "old222", {"v": 1, "doc": _v1_doc("old222")})

    assert [c.id for c in service.consultations(OWNER)] == ["old222"]
    (notice,) = service.notices(OWNER)
    assert "could not be restored" in notice and "start" in notice
    assert service.notices(OWNER) == ()
    with pytest.raises(NotFound):
        service.act(OWNER, "bad222", "5M")
    turn = service.start(OWNER, "edge-economics")  # a new one starts as usual
    assert service.act(OWNER, turn.consultation.id, "5M").changed
    assert service.earlier_answers(OWNER)["edge-economics.requests"].number == 30000


def test_a_record_without_pending_state_stays_readable_by_the_previous_release(
    redis_client: redis.Redis,
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    saved = store.save(fresh())
    doc = json.loads(redis_client.hget(f"na:{{{OWNER.key}}}:c:{saved.id}", "doc"))  # type: ignore[arg-type]
    assert "pending" not in doc and "editing" not in doc  # what a rollback would not know
    assert store.load(OWNER, saved.id) == saved


def _commands(client: redis.Redis) -> dict[str, int]:
    """Calls so far by command (those a script runs counted too)."""
    stats = client.info("commandstats")
    return {k.removeprefix("cmdstat_"): v["calls"] for k, v in stats.items()}


def test_a_thread_finds_its_consultation_in_one_round_trip(redis_client: redis.Redis) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    saved = store.save(fresh(location={"place": "C1/1.2"}))
    assert store.at(OWNER, "C1/1.2") == saved  # the script is loaded by now
    before = _commands(redis_client)
    assert store.at(OWNER, "C1/1.2") == saved
    after = _commands(redis_client)
    ran = {k: n - before.get(k, 0) for k, n in after.items() if n != before.get(k, 0)}
    assert ran == {"evalsha": 1, "get": 1, "hmget": 1, "info": 1}  # one script: one trip
    redis_client.delete(f"na:{{{OWNER.key}}}:c:{saved.id}")  # expired, its binding not yet
    assert store.at(OWNER, "C1/1.2") is None
    assert store.at(OWNER, "C9/9.9") is None


def test_a_save_that_reaches_a_frozen_redis_late_is_not_applied(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Redis frozen (SIGSTOP): the save times out, so the user is told to send the answer
    again; when Redis resumes it runs the queued save. Applied then, the answer sent again
    would be taken as the next question's."""
    import os
    import signal

    from consultations.adapters.embedded_redis import free_port

    own = EmbeddedRedis(tmp_path / "redis", port=free_port())
    own.start()
    assert own.pid is not None
    client = redis.Redis.from_url(own.url, socket_timeout=0.5, socket_connect_timeout=0.5)
    store = RedisConsultationStore(client, ttl_seconds=3600)
    try:
        saved = store.save(fresh())
        saved.answers["volume"] = Answer(key="volume", raw="5M", number=5e6)
        os.kill(own.pid, signal.SIGSTOP)
        try:
            with pytest.raises(redis.TimeoutError):
                store.save(saved)  # told: not saved
            time.sleep(2)  # past the client's timeout and the clocks' slack
        finally:
            os.kill(own.pid, signal.SIGCONT)
        late = redis.Redis.from_url(own.url)
        late.ping()  # Redis has run what was queued
        loaded = store.load(OWNER, saved.id)
        assert loaded is not None and loaded.version == 1 and "volume" not in loaded.answers
        assert store.save(saved).version == 2  # sent again: saved, once
    finally:
        client.close()
        own.stop()
