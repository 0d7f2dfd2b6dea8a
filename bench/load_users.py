"""The load bench's simulated users and the fake Slack they watch (see bench/load_bench.py).

Each user is a thread with its own Slack thread: it starts a consultation, answers every
question as soon as it appears (or after a think time), and waits for the report. The fake
Slack indexes posts by thread and wakes only the user a post is for. Both count the CPU their
threads use (``time.thread_time``), so the bench can tell the generator's share of the bench
process from the fake Slack's.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import random
import re
import socket
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.http import Recorded
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import SECRET, Stack

_events = itertools.count(1)
MENTION = re.compile(r"^<@(\w+)>")
STEP = re.compile(r"\b(\d)/8\b")


class _Headers(dict[str, str]):
    """A request's headers by lower-cased name: what the fake reads of them."""

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return dict.get(self, name.lower(), default)


def _lean_parse_request(h: Any, standard: Callable[[Any], bool]) -> bool:
    """``BaseHTTPRequestHandler.parse_request`` for the HTTP/1.1 requests our clients send,
    without the email parser it reads headers with (half the fake Slack's CPU per post);
    anything else is left to the standard one (nothing of it has been read yet)."""
    line = str(h.raw_requestline, "iso-8859-1").rstrip("\r\n")
    words = line.split()
    if len(words) != 3 or words[2] != "HTTP/1.1":
        return standard(h)
    h.requestline = line
    h.command, h.path, h.request_version = words
    headers = _Headers()
    while True:
        raw = h.rfile.readline(65537)
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("iso-8859-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    h.headers = headers
    h.close_connection = headers.get("connection", "").lower() == "close"
    return True


class IndexedSlack(FakeSlack):
    """The fake Slack, with posts indexed by thread; each user waits on its own condition, so
    a post wakes only the user it is for (no scans, no herd). Request headers are read without
    the email parser (see :func:`_lean_parse_request`), so the bench's CPU goes to the servers."""

    def __init__(self) -> None:
        super().__init__()
        self._index_lock = threading.Lock()
        self._conditions: dict[str, threading.Condition] = {}
        self.threads: dict[tuple[str, str], list[tuple[float, dict[str, Any]]]] = defaultdict(list)
        self.parents: dict[str, tuple[str, str]] = {}
        self._owner: dict[tuple[str, str], str] = {}
        self.cpu_s = 0.0  # CPU of the threads serving requests, reading and writing included
        handler = self._server.RequestHandlerClass
        serve_one = handler.handle_one_request
        fake = self

        def timed(h: Any) -> None:
            t = time.thread_time()
            try:
                serve_one(h)
            finally:
                spent = time.thread_time() - t
                with fake._index_lock:
                    fake.cpu_s += spent

        handler.handle_one_request = timed  # type: ignore[method-assign]
        standard = handler.parse_request
        handler.parse_request = lambda h: _lean_parse_request(h, standard)  # type: ignore[method-assign]

    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        out = super().handle(rec)
        if rec.path == "/api/chat.postMessage" and getattr(rec, "ok", False):
            p: dict[str, Any] = rec.params  # type: ignore[attr-defined]
            with self._index_lock:
                user = None
                if p.get("thread_ts"):
                    where = (p["channel"], p["thread_ts"])
                    self.threads[where].append((rec.at, p))
                    user = self._owner.get(where)
                elif m := MENTION.match(str(p.get("text", ""))):
                    user = m.group(1)
                    where = (p["channel"], rec.ts)  # type: ignore[attr-defined]
                    self.threads.setdefault(where, [])
                    self.parents[user] = where
                    self._owner[where] = user
                if user and (cond := self._conditions.get(user)):
                    cond.notify_all()
        return out

    def wait(self, user: str, predicate: Any, timeout: float) -> Any:
        with self._index_lock:
            cond = self._conditions.setdefault(user, threading.Condition(self._index_lock))
        with cond:
            return cond.wait_for(predicate, timeout)


class Line:
    """One user's line to a server: a kept-alive socket, requests signed as Slack signs them
    (hmac, as ``Stack.post``), bodies built by ``Stack``'s own methods. httpx cost the
    generator ~4 ms of CPU per answer, more than the server it loads, ``http.client`` (its
    email parser for every answer's headers) a tenth of that; the request written and the
    answer read here, half of that again, so the bench's CPU goes to what it measures."""

    command = Stack.command
    event = Stack.event
    message = Stack.message

    def __init__(self, stack: Stack) -> None:
        self._sock = socket.create_connection(("127.0.0.1", stack.port), timeout=30)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._file = self._sock.makefile("rb")
        self._key = SECRET.encode()

    def post(
        self, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> _Status:
        ts = str(int(time.time()))
        mac = hmac.new(self._key, b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
        head = [
            "POST /slack/events HTTP/1.1",
            "Host: 127.0.0.1",
            f"Content-Type: {content_type}",
            f"Content-Length: {len(body)}",
            f"X-Slack-Request-Timestamp: {ts}",
            f"X-Slack-Signature: v0={mac.hexdigest()}",
            *(f"{k}: {v}" for k, v in (headers or {}).items()),
        ]
        self._sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        status = int(self._file.readline().split()[1])
        length, chunked, close = 0, False, False
        while (line := self._file.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding":
                chunked = "chunked" in value
            elif name == "connection":
                close = value == "close"
        if chunked:  # not what the server sends its acks as; read all the same
            while size := int(self._file.readline().split(b";")[0], 16):
                self._file.read(size + 2)
            while self._file.readline() not in (b"\r\n", b""):
                pass
        else:
            self._file.read(length)
        if close:
            raise RuntimeError("the server closed a kept-alive connection")
        return _Status(status)

    def close(self) -> None:
        self._file.close()
        self._sock.close()


@dataclass
class _Status:
    status_code: int


class Countdown:
    """Calls ``then`` once, in the thread that counts the last of ``n``: the moment every user
    has had the answer to its last question (or failed), before the reports' tail."""

    def __init__(self, n: int, then: Callable[[], None]) -> None:
        self._n, self._then, self._lock = n, then, threading.Lock()

    def done(self) -> None:
        with self._lock:
            self._n -= 1
            last = self._n == 0
        if last:
            self._then()


@dataclass
class Result:
    acks: list[float] = field(default_factory=list)
    answer_acks: list[float] = field(default_factory=list)  # the acks of thread answers only
    turns: list[float] = field(default_factory=list)
    turns_by_step: dict[int, list[float]] = field(default_factory=dict)  # 1 = the first answer
    tails: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lost: int = 0
    doubled: int = 0
    reports: int = 0
    requests: int = 0
    answers: int = 0
    wall_s: float = 0.0  # from the first request to the last answer's next message
    answered_at: float = 0.0  # when the last answer's next message was posted (monotonic)
    generator_cpu_s: float = 0.0

    def add(self, other: Result) -> None:
        for name in ("acks", "answer_acks", "turns", "tails", "errors"):
            getattr(self, name).extend(getattr(other, name))
        for k, v in other.turns_by_step.items():
            self.turns_by_step.setdefault(k, []).extend(v)
        for name in ("lost", "doubled", "reports", "requests", "answers"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wall_s += other.wall_s
        self.generator_cpu_s += other.generator_cpu_s


def is_report(post: dict[str, Any]) -> bool:
    return (post.get("blocks") or [{}])[0].get("type") == "header"


def run_user(
    i: int,
    stack: Stack,
    slack: IndexedSlack,
    answers: list[str],
    think: float,
    res: Result,
    lock: threading.Lock,
    countdown: Countdown | None = None,
) -> None:
    user, channel = f"UL{i:04d}", f"CL{i % 20}"
    acks: list[float] = []
    turns: list[float] = []
    cpu0 = time.thread_time()
    counted = False
    line = Line(stack)
    try:
        t = time.monotonic()
        r = line.command("consult 3", user, channel)
        acks.append(time.monotonic() - t)
        if r.status_code != 200:
            raise RuntimeError(f"consult: HTTP {r.status_code}")
        if not slack.wait(user, lambda: user in slack.parents, 60):
            raise RuntimeError("no thread")
        where = slack.parents[user]
        posts = slack.threads[where]
        if not slack.wait(user, lambda: len(posts) >= 1, 60):
            raise RuntimeError("no first question")
        last = answered = 0.0
        for answer in answers:
            if think:  # people read at different speeds: 0.5x to 1.5x the mean
                time.sleep(random.uniform(0.5, 1.5) * think)
            n = len(posts)
            last = time.monotonic()
            r = line.message(user, where[0], where[1], answer, f"EvL{next(_events):07d}")
            acks.append(time.monotonic() - last)
            if r.status_code != 200:
                raise RuntimeError(f"answer: HTTP {r.status_code}")
            if not slack.wait(user, lambda n=n: len(posts) > n, 60):
                raise RuntimeError("no next question")
            turns.append(posts[n][0] - last)
            answered = posts[n][0]
        cpu = time.thread_time() - cpu0
        counted = True
        if countdown:
            countdown.done()
        ok = slack.wait(user, lambda: any(is_report(p) for _, p in posts), 300)
        seen = list(posts)
        steps = Counter(
            m.group(1)
            for _, p in seen
            for m in [STEP.search(str(p.get("blocks")))]
            if m and not is_report(p)
        )
        reports = [at for at, p in seen if is_report(p)]
        with lock:
            res.acks += acks
            res.answer_acks += acks[1:]
            res.turns += turns
            for k, turn in enumerate(turns, 1):
                res.turns_by_step.setdefault(k, []).append(turn)
            res.requests += 1 + len(answers)
            res.answers += len(answers)
            res.generator_cpu_s += cpu
            res.answered_at = max(res.answered_at, answered)
            res.lost += sum(1 for k in range(1, 9) if steps[str(k)] == 0) + (0 if ok else 1)
            res.doubled += sum(v - 1 for v in steps.values() if v > 1) + max(0, len(reports) - 1)
            res.reports += min(1, len(reports))
            if reports:
                res.tails.append(reports[0] - last)
    except Exception as e:  # noqa: BLE001 — counted and printed
        with lock:
            res.errors.append(f"{user}: {e}")
            res.acks += acks
            res.answer_acks += acks[1:]
            res.turns += turns
            res.generator_cpu_s += time.thread_time() - cpu0
        if countdown and not counted:
            countdown.done()
    finally:
        line.close()


def run(
    users: int,
    offset: int,
    stacks: list[Stack],
    slack: IndexedSlack,
    answers: list[str],
    think: float,
    on_answered: Callable[[], None] | None = None,
) -> Result:
    """``on_answered`` is called once every user has answered its last question."""
    res, lock = Result(), threading.Lock()
    countdown = Countdown(users, on_answered) if on_answered else None
    threads = [
        threading.Thread(
            target=run_user,
            args=(offset + i, stacks[i % len(stacks)], slack, answers, think, res, lock, countdown),
        )
        for i in range(users)
    ]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    res.wall_s = (res.answered_at or time.monotonic()) - t0
    return res
