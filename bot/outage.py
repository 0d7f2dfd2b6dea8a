"""Whether a failed request failed because the store is away: Redis, which also carries the job
queue. Slack and Teams both say so plainly, with what to do, instead of "an error"."""

from __future__ import annotations

import redis
from kombu.exceptions import OperationalError as BrokerDown


def caused_by(
    error: BaseException, kind: type[BaseException] | tuple[type[BaseException], ...]
) -> bool:
    """The failure is of ``kind``, directly or as the cause of another error."""
    seen: BaseException | None = error
    for _ in range(8):  # a chain of causes; bounded
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def store_away(error: BaseException) -> bool:
    """The failure is the store (or the job queue's broker) not answering."""
    return caused_by(error, (redis.RedisError, BrokerDown))
