"""Deleting keys by pattern without blocking Redis: SCAN in steps, UNLINK in batches."""

from __future__ import annotations

import redis

BATCH = 500


def unlink_matching(client: redis.Redis, pattern: str) -> int:
    """Delete every key matching ``pattern``; returns how many were deleted."""
    deleted = 0
    batch: list[bytes] = []
    for key in client.scan_iter(match=pattern, count=BATCH):
        batch.append(key)
        if len(batch) >= BATCH:
            deleted += int(client.unlink(*batch))
            batch = []
    if batch:
        deleted += int(client.unlink(*batch))
    return deleted
