"""The long-running processes' heap: start-up's objects frozen out of the garbage collector's
sight, young collections a tenth as often, and the collector's pauses counted for /healthz.

At Python's defaults each server spent ~0.3 s collecting during the load bench's 1,600 answers,
in pauses of up to 150 ms shared by every request in flight (a full collection walks every
object the process holds: modules, the catalog, Bolt's listeners, pydantic's models). Frozen,
~0.03 s, with pauses under 25 ms. A request's objects mostly die by reference count; the few
hundred that live long enough to be collected make a young collection every 7,000 cheap."""

from __future__ import annotations

import gc
import time
from typing import Any

GC_YOUNG = 7_000

_pauses = {"collections": 0, "full": 0, "total_s": 0.0, "max_s": 0.0}
_started = [0.0]


def _timed(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _started[0] = time.perf_counter()
        return
    took = time.perf_counter() - _started[0]
    _pauses["collections"] += 1
    _pauses["full"] += info.get("generation") == 2
    _pauses["total_s"] += took
    _pauses["max_s"] = max(_pauses["max_s"], took)


def settle() -> None:
    """Call once, when start-up is done and before the first request."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG, 10, 10)
    if _timed not in gc.callbacks:
        gc.callbacks.append(_timed)


def stats() -> dict[str, float | int]:
    """The collector since :func:`settle`: collections (full ones too), total and longest pause
    in milliseconds, and how many objects start-up left frozen."""
    return {
        "collections": _pauses["collections"],
        "full_collections": _pauses["full"],
        "pause_total_ms": round(_pauses["total_s"] * 1000, 1),
        "pause_max_ms": round(_pauses["max_s"] * 1000, 1),
        "frozen_objects": gc.get_freeze_count(),
    }
