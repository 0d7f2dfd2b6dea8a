"""A consultation turn (load, decide, save) against a raw Redis GET+SET loop, same server, same run.

    .venv/bin/python bench/turn_bench.py [--turns 3000]

Prints turns per second, GET+SET pairs per second, the ratio, and the Redis round trips per turn
(counted by the server itself: INFO commandstats before and after).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consultations.adapters.embedded_redis import EmbeddedRedis  # noqa: E402
from consultations.adapters.redis_store import ConflictError, RedisConsultationStore  # noqa: E402
from consultations.catalog import load_catalog  # noqa: E402
from consultations.service import ConsultationService  # noqa: E402
from consultations.state import Owner  # noqa: E402

# commands a client sends; the commands a Lua script runs inside EVALSHA are not round trips
CLIENT_COMMANDS = ("hmget", "evalsha", "eval", "zrevrange", "get")


def round_trips(client: redis.Redis) -> int:
    stats = client.info("commandstats")
    return sum(stats.get(f"cmdstat_{c}", {}).get("calls", 0) for c in CLIENT_COMMANDS)


def main() -> None:
    import os

    from consultations.adapters.logs import configure_logging

    configure_logging("json", "INFO", open(os.devnull, "w"))  # noqa: SIM115 — as in production
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=3000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, EmbeddedRedis(Path(tmp)) as server:
        client = redis.Redis.from_url(server.url)
        store = RedisConsultationStore(client, ttl_seconds=3600)
        svc = ConsultationService(load_catalog(), store, ConflictError)
        owner = Owner(platform="slack", workspace="Tbench", user="Ubench")
        cid = svc.start(owner, "edge-economics").consultation.id
        svc.act(owner, cid, "5M")  # a realistic document: a few answers in
        svc.act(owner, cid, "1200 in, 300 out")
        doc = client.hget(f"na:{{{owner.key}}}:c:{cid}", "doc") or b""

        def turns(n: int) -> float:
            t0 = time.perf_counter()
            for i in range(n):  # answer then back: every call loads, decides and saves
                svc.act(owner, cid, "$3 / $15" if i % 2 == 0 else "back")
            return time.perf_counter() - t0

        def raw(n: int) -> float:
            t0 = time.perf_counter()
            for _ in range(n):
                client.get("bench:raw")
                client.set("bench:raw", doc)
            return time.perf_counter() - t0

        turns(200), raw(200)  # warm up
        before = round_trips(client)
        t_turns = turns(args.turns)
        per_turn = (round_trips(client) - before) / args.turns
        t_raw = raw(args.turns)
        tps, rps = args.turns / t_turns, args.turns / t_raw
        print(f"document size:           {len(doc):,} bytes")
        print(f"consultation turns/s:    {tps:,.0f}  ({t_turns / args.turns * 1e6:,.0f} µs/turn)")
        print(f"raw GET+SET pairs/s:     {rps:,.0f}  ({t_raw / args.turns * 1e6:,.0f} µs/pair)")
        print(f"ratio turn / GET+SET:    {t_turns / t_raw:.2f}x the time of a raw GET+SET")
        print(f"Redis round trips/turn:  {per_turn:.2f} (target: at most 3)")
        client.close()


if __name__ == "__main__":
    main()
