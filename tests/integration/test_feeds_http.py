"""Feeds and HTTP against a real local server: hostile XML, size caps, redirects, timeouts, and
arXiv's one-request-per-3-s limit shared by separate processes through a real Redis."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from consultations.adapters import http_client
from consultations.adapters.paper_feeds import read_feed
from consultations.adapters.rate_limit import RateLimiter, RedisRateLimiter
from consultations.triage.sources import SourceError
from tests.conftest import ROOT
from tests.fakes.http import FakeServer, Recorded

RSS = (
    b"<rss><channel><item><title>4-bit quantization on phones</title>"
    b"<link>https://arxiv.org/abs/2501.00003</link><description>fast</description></item>"
    b"</channel></rss>"
)
LATE_DOCTYPE = (
    b'<?xml version="1.0"?>\n<!-- '
    + b"x" * 3000
    + b' -->\n<!DOCTYPE rss [<!ENTITY a "boom">]>\n'
    + RSS.replace(b"fast", b"&a;")
)
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b"<rss><channel><item><title>&lol2;</title></item></channel></rss>"
)


class Site(FakeServer):
    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        routes: dict[str, tuple[int, dict[str, str], bytes]] = {
            "/feed.xml": (200, {"Content-Type": "application/rss+xml"}, RSS),
            "/late-doctype.xml": (200, {}, LATE_DOCTYPE),
            "/laughs.xml": (200, {}, BILLION_LAUGHS),
            "/big": (200, {}, b"x" * 5000),
            "/to-feed": (302, {"Location": "/feed.xml"}, b""),
            "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
            "/to-ftp": (301, {"Location": "ftp://example.org/feed.xml"}, b""),
            "/loop": (302, {"Location": "/loop"}, b""),
        }
        if rec.path == "/slow":
            time.sleep(1.5)
            return 200, {}, b"late"
        return routes.get(rec.path, (404, {}, b""))


@pytest.fixture(scope="module")
def site() -> Site:
    with Site() as s:
        yield s  # type: ignore[misc]


def test_a_feed_is_read_and_a_same_scheme_redirect_followed(site: Site) -> None:
    (paper,) = read_feed(f"{site.url}/to-feed")
    assert paper.title == "4-bit quantization on phones" and paper.arxiv_id == "2501.00003"


@pytest.mark.parametrize("path", ["/late-doctype.xml", "/laughs.xml"])
def test_a_doctype_anywhere_is_refused(site: Site, path: str) -> None:
    with pytest.raises(SourceError, match="refusing XML with a DTD"):
        list(read_feed(f"{site.url}{path}"))


def test_a_body_over_the_cap_is_refused(site: Site) -> None:
    assert http_client.get(f"{site.url}/big", max_bytes=5000) == b"x" * 5000
    with pytest.raises(http_client.FetchError, match="over 4,999 bytes"):
        http_client.get(f"{site.url}/big", max_bytes=4999)


def test_redirects_only_to_http_and_not_forever(site: Site) -> None:
    for path in ("/to-file", "/to-ftp"):
        with pytest.raises(http_client.FetchError, match="another scheme"):
            http_client.get(f"{site.url}{path}")
    before = len(site.requests)
    with pytest.raises(http_client.FetchError, match="HTTP 302"):
        http_client.get(f"{site.url}/loop")
    assert len(site.requests) - before <= http_client.MAX_REDIRECTS + 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x"])
def test_other_schemes_are_never_fetched(url: str) -> None:
    with pytest.raises(http_client.FetchError, match="only http"):
        http_client.get(url)


def test_a_slow_server_times_out(site: Site) -> None:
    t0 = time.monotonic()
    with pytest.raises(http_client.FetchError, match="did not answer in time"):
        http_client.get(f"{site.url}/slow", timeout=0.3)
    assert time.monotonic() - t0 < 1.4


def test_a_server_that_is_down_is_said_in_words() -> None:
    """The triage progress message showed '<urlopen error [Errno 111] Connection refused>'."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(http_client.FetchError, match="could not be reached") as e:
        http_client.get(f"http://127.0.0.1:{port}/api/query")
    assert "urlopen" not in str(e.value) and "Errno" not in str(e.value)


WAITER = """
import json, sys, time
import redis
from consultations.adapters.rate_limit import RedisRateLimiter
limiter = RedisRateLimiter(redis.Redis.from_url(sys.argv[1]), "test:ratelimit", 0.4)
print("ready", flush=True)
sys.stdin.readline()
stamps = []
for _ in range(3):
    limiter.wait()
    stamps.append(time.time())
print(json.dumps(stamps), flush=True)
"""


def test_two_processes_share_one_limit_through_redis(redis_client: redis.Redis) -> None:
    url = redis_client.connection_pool.connection_kwargs
    redis_url = f"redis://{url['host']}:{url['port']}/{url.get('db', 0)}"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WAITER, redis_url],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    go = time.time()
    for p in procs:  # both start at once
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    stamps = sorted(s for p in procs for s in json.loads(p.communicate(timeout=30)[0]))
    gaps = [b - a for a, b in zip(stamps, stamps[1:], strict=False)]
    # one call every 0.4 s in all: the sixth no sooner than five intervals after the go (a
    # busy machine only makes a call later; Redis counts in ms), and no two calls together
    # (a stamp taken late narrows the gap after it by what the machine delayed it)
    assert len(stamps) == 6 and stamps[-1] - go >= 5 * 0.4 - 0.01 and min(gaps) >= 0.3, stamps


def test_without_redis_the_limit_still_holds_in_the_process() -> None:
    # refused at once: redis-py's default retries would spend ~4 s on each call first
    down = redis.Redis(
        host="127.0.0.1", port=1, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0)
    )
    now = [0.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    local = RateLimiter(3.0, clock=lambda: now[0], sleep=sleep)
    limiter = RedisRateLimiter(down, "test:ratelimit:down", 3.0, sleep=sleep, fallback=local)
    limiter.wait()
    limiter.wait()
    assert slept == [3.0]
