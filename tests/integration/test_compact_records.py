"""Finished consultations stored compact, against a real Redis: small, each text once, and
every record written before still reads."""

from __future__ import annotations

import json
import zlib

import pytest
import redis

from consultations.adapters import record_codec
from consultations.adapters.offline_narrator import OfflineNarrator
from consultations.adapters.redis_store import ConflictError, RedisConsultationStore
from consultations.catalog import Catalog
from consultations.service import ConsultationService
from consultations.state import Consultation, Owner, Status
from tests.personas import BANK
from tests.unit.test_engine import SLUGS, typical

OWNER = Owner(platform="slack", workspace="T1", user="U1")
PLACE = {"place": "C0123ABCD/1764100000.123456", "channel": "C0123ABCD"}
LIMIT = 4096  # bytes Redis may use for one finished consultation, report included


def finished(
    catalog: Catalog,
    store: RedisConsultationStore,
    slug: str,
    answers: dict[str, str] | None = None,
    thread: str = "1764100000.123456",
) -> Consultation:
    service = ConsultationService(catalog, store, ConflictError)
    location = {**PLACE, "place": f"{PLACE['channel']}/{thread}", "thread_ts": thread}
    turn = service.start(OWNER, slug, location)
    for q in catalog.by_slug(slug).questions:
        turn = service.act(OWNER, turn.consultation.id, (answers or {}).get(q.key, typical(q)))
    service.place(turn.consultation, {"progress_ts": "1764100001.000100"})
    return service.write_report(OWNER, turn.consultation.id, OfflineNarrator())


def doc_key(c: Consultation) -> str:
    return f"na:{{{OWNER.key}}}:c:{c.id}"


@pytest.mark.parametrize("slug", SLUGS)
def test_a_finished_consultation_takes_at_most_4_kb_of_redis(
    redis_client: redis.Redis, catalog: Catalog, slug: str
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    c = finished(catalog, store, slug)
    assert c.report is not None and c.narrative and c.status is Status.COMPLETED
    keys = list(store.keys_of(OWNER))
    assert len(keys) == 3  # the record, the index, the thread binding
    used = sum(int(redis_client.memory_usage(k, samples=0) or 0) for k in keys)
    assert used <= LIMIT, f"{slug}: {used} bytes"
    assert store.load(OWNER, c.id) == c  # and it reads back as it was


def test_each_text_is_stored_once(redis_client: redis.Redis, catalog: Catalog) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    c = finished(catalog, store, "diffusion-ip-risk")  # opens with a free-text answer
    first = c.answers[catalog.by_slug("diffusion-ip-risk").questions[0].key]
    assert first.text == first.raw and len(first.raw) > 20
    doc = redis_client.hget(doc_key(c), "doc")
    assert doc is not None and doc.startswith(b"z2")  # compressed, its format marked
    assert redis_client.hget(doc_key(c), "s") == b"4"
    plain = zlib.decompressobj(-15, record_codec._ZDICTS[b"z2"]).decompress(doc[2:]).decode()
    assert plain.count(json.dumps(first.raw, ensure_ascii=False)) == 1  # raw, not text again
    assert '"key"' not in plain  # each answer's key is the key it is filed under
    # the narrative repeats the report's summary; compressed, the repeat is a reference
    assert c.report is not None and c.report.summary in c.narrative  # type: ignore[operator]
    alone = c.model_copy(update={"narrative": c.narrative.replace(c.report.summary, "")})  # type: ignore[union-attr]
    with_repeat, _ = record_codec.encode(c)
    without, _ = record_codec.encode(alone)
    assert len(with_repeat) - len(without) < 40 < len(c.report.summary)


def test_a_record_written_uncompressed_by_the_previous_release_still_loads(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    c = finished(catalog, store, "edge-economics")
    key = doc_key(c)
    # as the release before compact records wrote a finished one: plain JSON, schema 2
    old = c.model_dump_json(exclude={"pending", "editing"})
    redis_client.hset(key, mapping={"doc": old, "s": 2})
    loaded = store.load(OWNER, c.id)
    assert loaded == c
    assert store.take_set_aside(OWNER) == []
    resaved = store.save(loaded)  # written compact from now on
    assert redis_client.hget(key, "s") == b"4"
    assert len(redis_client.hget(key, "doc") or b"") < len(old) / 3
    assert store.load(OWNER, c.id) == resaved


def test_a_running_consultation_stays_plain_for_the_previous_release(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    service = ConsultationService(
        catalog, RedisConsultationStore(redis_client, ttl_seconds=3600), ConflictError
    )
    turn = service.start(OWNER, "edge-economics", PLACE)
    turn = service.act(OWNER, turn.consultation.id, "about 5M")
    fields = redis_client.hgetall(doc_key(turn.consultation))
    assert fields[b"s"] == b"2"  # what the release before compact records reads
    assert Consultation.model_validate_json(fields[b"doc"]) == turn.consultation


def test_a_damaged_compact_record_is_set_aside_and_a_newer_one_left_alone(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    c = finished(catalog, store, "edge-economics")
    doc = redis_client.hget(doc_key(c), "doc") or b""
    redis_client.hset(doc_key(c), "s", 5)  # a later release's record: not ours to move
    assert store.load(OWNER, c.id) is None
    assert redis_client.exists(doc_key(c)) and store.take_set_aside(OWNER) == []
    redis_client.hset(doc_key(c), mapping={"s": 4, "doc": doc[:-40]})  # cut short
    assert store.load(OWNER, c.id) is None
    (told,) = store.take_set_aside(OWNER)
    assert told.cid == c.id
    assert told.slug is None  # the damaged document cannot be read, its slug neither


def test_a_banks_ten_item_roadmap_takes_at_most_4_kb_of_redis(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    """A bank that ran the seven other consultations gets a roadmap of ten items and more: its
    record took 5.4 KB. The texts reports share are now a preset dictionary, so each costs a
    reference; the bank's own reports are not in that dictionary."""
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    for n, slug in enumerate(s for s in SLUGS if s != "strategy-synthesis"):
        finished(catalog, store, slug, dict(BANK.answers.get(slug, {})), f"1764100000.00000{n}")
    c = finished(catalog, store, "strategy-synthesis", dict(BANK.answers["strategy-synthesis"]))
    assert c.report is not None and len(c.report.recommendations) >= 10
    thread = f"{PLACE['channel']}/1764100000.123456"
    mine = [k for k in store.keys_of(OWNER) if c.id.encode() in k or thread.encode() in k]
    assert len(mine) == 2  # the record and its thread binding (the index is every record's)
    used = sum(int(redis_client.memory_usage(k, samples=0) or 0) for k in mine)
    assert used <= LIMIT, f"{used} bytes"
    assert store.load(OWNER, c.id) == c


def test_a_record_compressed_by_the_previous_release_still_loads(
    redis_client: redis.Redis, catalog: Catalog
) -> None:
    store = RedisConsultationStore(redis_client, ttl_seconds=3600)
    c = finished(catalog, store, "model-convergence")
    doc, _ = record_codec.encode(c)
    text = zlib.decompressobj(-15, record_codec._ZDICTS[b"z2"]).decompress(doc[2:])
    z = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, record_codec._ZDICT)
    redis_client.hset(doc_key(c), mapping={"doc": b"z1" + z.compress(text) + z.flush(), "s": 3})
    assert store.load(OWNER, c.id) == c
    assert store.take_set_aside(OWNER) == []
