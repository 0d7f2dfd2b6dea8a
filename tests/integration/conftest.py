"""Fixtures the end-to-end modules share: one local Slack API server per module, and no
worker process outliving the session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from consultations.adapters.embedded_redis import EmbeddedRedis
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import reap


@pytest.fixture(scope="session", autouse=True)
def _workers_reaped(redis_server: EmbeddedRedis) -> Iterator[None]:
    """Stopped stacks' workers finish their warm shutdown while the next tests run; none is
    left behind when the session ends, and none loses its Redis before it is out."""
    yield
    reap()


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake
