"""What the load bench measures besides latency: CPU per process and Redis per consultation.

CPU is read from /proc (user + system ticks, children reaped included), so a noisy machine
slows the run but does not inflate the figures the way wall time would.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

import redis

TICK = os.sysconf("SC_CLK_TCK")


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def group_cpu_s(pgid: int) -> float:
    """CPU seconds of every live process in a process group, with the children they reaped."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process exited meanwhile
            continue
        if int(fields[2]) == pgid:
            total += sum(int(x) for x in fields[11:15])
    return total / TICK


def process_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / TICK


def self_cpu_s() -> float:
    t = os.times()
    return t.user + t.system


_OWNER_KEY = re.compile(r"\{[^}]*\}")
_IDS = re.compile(r"(?<=[:/])[A-Za-z]*\d[\w.]*")


def footprint(r: redis.Redis, owners: list[str], prefix: str = "na") -> tuple[float, float, int]:
    """Per finished consultation (one per owner): bytes Redis uses (MEMORY USAGE summed over
    all the owner's keys), bytes of payload (field names and values, members, strings), and
    how many keys."""
    used = payload = keys = 0
    for owner in owners:
        for key in r.scan_iter(match=f"{prefix}:{{{owner}}}:*", count=500):
            keys += 1
            used += int(r.memory_usage(key, samples=0) or 0)
            kind = r.type(key).decode()
            if kind == "hash":
                payload += sum(len(k) + len(v) for k, v in r.hgetall(key).items())
            elif kind == "string":
                payload += int(r.strlen(key))
            elif kind == "zset":
                payload += sum(len(m) + 8 for m in r.zrange(key, 0, -1))
            elif kind == "set":
                payload += sum(len(m) for m in r.smembers(key))
    n = max(len(owners), 1)
    return used / n, payload / n, keys // n


def breakdown(r: redis.Redis, users: int, top: int = 8) -> list[tuple[str, int, float]]:
    """Every key in the database by kind (owner and ids blanked): count, KB per user."""
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key in r.scan_iter(count=1000):
        name = _IDS.sub("*", _OWNER_KEY.sub("{owner}", key.decode(errors="replace")))
        by[name][0] += 1
        by[name][1] += int(r.memory_usage(key, samples=0) or 0)
    rows = sorted(by.items(), key=lambda kv: -kv[1][1])[:top]
    return [(name, n, size / 1024 / max(users, 1)) for name, (n, size) in rows]
