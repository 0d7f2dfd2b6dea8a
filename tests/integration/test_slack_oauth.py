"""Installable by any workspace: the OAuth routes of our real server process against the local
Slack API, installations in a real Redis, each workspace answered with its own token, and an
uninstall that removes the installation and the workspace's data."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import redis
from pydantic import SecretStr
from slack_sdk.oauth.installation_store.models.installation import Installation

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.settings import Settings
from consultations.adapters.slack.installations import Installations
from consultations.catalog import Catalog
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import Stack
from tests.unit.test_engine import typical

_codes = itertools.count(1)


def oauth_settings(**extra: object) -> Settings:
    return Settings(
        slack_client_id="111.222",
        slack_client_secret=SecretStr("client-secret"),
        **extra,  # type: ignore[arg-type]
    )


def installation(team: str, token: str, user: str = "UADMIN") -> Installation:
    return Installation(
        app_id="A1",
        team_id=team,
        bot_token=token,
        bot_id="BBOT",
        bot_user_id="UBOT",
        bot_scopes="commands,chat:write",
        user_id=user,
    )


# --- the store, against a real Redis --------------------------------------------------------


def test_an_installation_round_trips_and_each_workspace_has_its_token(
    redis_client: redis.Redis,
) -> None:
    inst = Installations(oauth_settings(), redis_client)
    inst.store.save(installation("T2", "xoxb-two"))
    inst.store.save(installation("T3", "xoxb-three", user="UOTHER"))
    assert inst.bot_token("T2") == "xoxb-two" and inst.bot_token("T3") == "xoxb-three"
    assert inst.bot_token("T4") is None  # not installed there: nothing to post with
    found = inst.store.find_installation(enterprise_id=None, team_id="T3", user_id="UOTHER")
    assert found is not None and found.bot_token == "xoxb-three" and found.user_id == "UOTHER"
    with pytest.raises(LookupError):
        inst.web_client("T4")
    assert inst.web_client("T2").token == "xoxb-two"
    inst.store.delete_bot(enterprise_id=None, team_id="T2")
    assert inst.bot_token("T2") is None and inst.bot_token("T3") == "xoxb-three"
    # Bolt authorizes with find_installation: a revoked bot leaves nothing to act with there
    assert inst.store.find_installation(enterprise_id=None, team_id="T2") is None
    assert inst.store.find_installation(enterprise_id=None, team_id="T3") is not None


def test_single_token_mode_posts_everywhere_with_that_token(redis_client: redis.Redis) -> None:
    inst = Installations(Settings(slack_bot_token=SecretStr("xoxb-only")), redis_client)
    assert inst.bot_token("T1") == "xoxb-only" and inst.bot_token("T9") == "xoxb-only"


def test_a_bad_workspace_id_is_refused_before_it_reaches_redis(redis_client: redis.Redis) -> None:
    inst = Installations(oauth_settings(), redis_client)
    for bad in ("T1*", "t1", "T1:U1", "x" * 40):
        with pytest.raises(ValueError):
            inst.bot_token(bad)
    assert redis_client.dbsize() == 0


def test_an_oauth_state_is_good_once(redis_client: redis.Redis) -> None:
    states = Installations(oauth_settings(), redis_client).states
    state = states.issue()
    assert states.consume(state) is True
    assert states.consume(state) is False
    assert states.consume("made-up") is False and states.consume("") is False


def test_forgetting_a_workspace_leaves_the_others(redis_client: redis.Redis) -> None:
    inst = Installations(oauth_settings(), redis_client)
    inst.store.save(installation("T2", "xoxb-two"))
    inst.store.save(installation("T3", "xoxb-three"))
    redis_client.hset("na:{slack:T2:U1}:c:abcdef", "doc", "{}")
    redis_client.set("na:{slack:T2:U7}:index", "x")
    redis_client.set("na:{slack:T3:U1}:index", "kept")
    redis_client.set("na:{slack:T22:U1}:index", "kept too")  # a prefix of T2 is not T2
    redis_client.hset("na:digest:subs", mapping={"slack:T2:C1": "{}", "slack:T3:C1": "{}"})
    redis_client.set("na:digest:last:slack:T2:C1", "2026-W47")
    assert inst.forget_workspace("T2") == 4
    assert inst.bot_token("T2") is None and inst.bot_token("T3") == "xoxb-three"
    left = sorted(k.decode() for k in redis_client.keys("na:*"))
    assert left == [
        "na:digest:subs",
        "na:slack:install:111.222:none-T3",
        "na:{slack:T22:U1}:index",
        "na:{slack:T3:U1}:index",
    ]
    assert redis_client.hkeys("na:digest:subs") == [b"slack:T3:C1"]


# --- end to end: the real server installs a second workspace --------------------------------


@pytest.fixture(scope="module")
def stack(redis_server: EmbeddedRedis, slack: FakeSlack, tmp_path_factory) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    s = Stack(
        redis_server.url,
        6,
        slack.url,
        tmp_path_factory.mktemp("oauth-stack"),
        SLACK_CLIENT_ID="111.222",
        SLACK_CLIENT_SECRET="client-secret",
        SLACK_REDIRECT_URI="https://advisor.example.com/slack/oauth_redirect",
    )
    del s.env["SLACK_BOT_TOKEN"]  # installable by any workspace: no token of its own
    redis.Redis.from_url(s.redis_url).flushdb()
    s.start("worker")
    yield s
    s.stop()


def install(stack: Stack, slack: FakeSlack, team: str, token: str) -> None:
    """What a workspace admin's browser does: /slack/install → Slack → /slack/oauth_redirect."""
    start = stack.http.get("/slack/install", follow_redirects=False)
    assert start.status_code == 302
    to_slack = urlparse(start.headers["location"])
    query = parse_qs(to_slack.query)
    assert to_slack.netloc == "slack.com" and query["client_id"] == ["111.222"]
    assert "assistant:write" in query["scope"][0].split(",")
    state = query["state"][0]
    assert start.cookies.get("slack-app-oauth-state") == state
    code = f"code-{next(_codes)}"
    slack.grant(code, team=team, token=token)
    back = stack.http.get(
        "/slack/oauth_redirect",
        params={"code": code, "state": state},
        headers={"Cookie": f"slack-app-oauth-state={state}"},
    )
    assert back.status_code == 200, back.text
    assert "Thank you" in back.text or "success" in back.text.casefold()


def tokens_in(slack: FakeSlack, channel: str) -> set[str]:
    return {t for t, p in slack.calls_with_token("chat.postMessage") if p.get("channel") == channel}


def posted_for(slack: FakeSlack, token: str, thread: bool = False) -> list[dict]:
    """Messages posted with one workspace's token (with ``thread``: those in a thread)."""
    return [
        p
        for t, p in slack.calls_with_token("chat.postMessage")
        if t == token and (p.get("thread_ts") or not thread)
    ]


@pytest.mark.slow
def test_two_workspaces_installed_each_answered_with_its_own_token(
    stack: Stack, slack: FakeSlack
) -> None:
    install(stack, slack, "T2", "xoxb-two")
    install(stack, slack, "T3", "xoxb-three")
    access = slack.calls("oauth.v2.access")
    assert len(access) == 2 and all(a["client_id"] == "111.222" for a in access)
    assert all(a["redirect_uri"].startswith("https://advisor.example.com/") for a in access)

    assert stack.command("consult 3", "U1", channel="C2", team="T2").status_code == 200
    assert stack.command("consult 1", "U1", channel="C3", team="T3").status_code == 200
    slack.wait_for(lambda: tokens_in(slack, "C2") and tokens_in(slack, "C3"))
    assert tokens_in(slack, "C2") == {"xoxb-two"} and tokens_in(slack, "C3") == {"xoxb-three"}

    # an answer in the thread (an event) goes out with the workspace's token too
    parent = next(p for p in slack.requests_with_ts() if p["channel"] == "C2")
    before = len(slack.thread("C2", parent["ts"]))
    stack.message("U1", "C2", parent["ts"], "8", f"EvOauth{time.time_ns()}", team="T2")
    slack.wait_for(lambda: len(slack.thread("C2", parent["ts"])) > before)
    assert tokens_in(slack, "C2") == {"xoxb-two"}


@pytest.mark.slow
def test_a_forged_or_replayed_state_installs_nothing(stack: Stack, slack: FakeSlack) -> None:
    start = stack.http.get("/slack/install", follow_redirects=False)
    state = parse_qs(urlparse(start.headers["location"]).query)["state"][0]
    slack.grant("code-forged", team="T5", token="xoxb-five")
    forged = stack.http.get(
        "/slack/oauth_redirect",
        params={"code": "code-forged", "state": "not-the-state"},
        headers={"Cookie": "slack-app-oauth-state=not-the-state"},
    )
    assert forged.status_code in (400, 401)
    no_cookie = stack.http.get(
        "/slack/oauth_redirect", params={"code": "code-forged", "state": state}
    )
    assert no_cookie.status_code == 400
    assert not [a for a in slack.calls("oauth.v2.access") if a.get("code") == "code-forged"]
    r = redis.Redis.from_url(stack.redis_url)
    assert not r.keys("na:slack:install:*-T5")


@pytest.mark.slow
def test_uninstalling_removes_the_installation_and_the_workspace_data(
    stack: Stack, slack: FakeSlack
) -> None:
    install(stack, slack, "TKEEP", "xoxb-keep")  # another workspace (not another test's)
    install(stack, slack, "T4", "xoxb-four")
    assert stack.command("consult 2", "U4", channel="C4", team="T4").status_code == 200
    slack.wait_for(lambda: tokens_in(slack, "C4"))
    r = redis.Redis.from_url(stack.redis_url)
    slack.wait_for(lambda: r.keys("na:{slack:T4:U4}:*"))  # saved after the thread opens
    slack.wait_for(lambda: posted_for(slack, "xoxb-four", thread=True))  # its first question
    assert r.keys("na:slack:install:*-T4")
    uninstall = stack.event({"type": "app_uninstalled"}, team="T4")
    assert uninstall.status_code == 200
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (
        r.keys("na:slack:install:*-T4") or r.keys("na:{slack:T4:*")
    ):  # the installation goes first, the workspace's data right after
        time.sleep(0.05)
    assert not r.keys("na:slack:install:*-T4") and not r.keys("na:{slack:T4:*")
    assert r.keys("na:slack:install:*-TKEEP")  # the other workspace stays installed
    posts = len(posted_for(slack, "xoxb-four"))
    url = f"{slack.url}/response/oauth-t4"
    again = stack.command("consult 2", "U4", channel="C4", team="T4", response_url=url)
    assert again.status_code == 200
    told = slack.wait_for(lambda: slack.responses("oauth-t4"))
    assert "reinstall" in told[-1]["text"]
    assert len(posted_for(slack, "xoxb-four")) == posts  # nothing posted for T4 any more


def test_the_scopes_asked_at_install_are_the_manifests() -> None:
    """What /slack/install asks for by default is what both manifests declare."""
    import re
    from pathlib import Path

    from consultations.adapters.settings import SLACK_BOT_SCOPES

    root = Path(__file__).resolve().parents[2] / "deploy" / "slack"
    for name in ("manifest.yml", "manifest-socket.yml"):
        text = (root / name).read_text()
        block = text.split("    bot:\n", 1)[1].split("\nsettings:", 1)[0]
        scopes = re.findall(r"^\s+- ([a-z:.]+)", block, re.MULTILINE)
        assert sorted(scopes) == sorted(SLACK_BOT_SCOPES.split(",")), name
        # what a retry reads to find the parts an earlier attempt posted (README, Recovery)
        for read in ("channels:history", "groups:history", "im:history", "files:read"):
            assert read in scopes, (name, read)
        assert "canvases:read" in scopes, name
        events = re.findall(r"^\s+- ([a-z_.]+)", text.split("bot_events:", 1)[1], re.MULTILINE)
        for needed in ("assistant_thread_started", "app_uninstalled", "tokens_revoked"):
            assert needed in events, (name, needed)


@pytest.mark.slow
def test_revoked_bot_tokens_are_deleted_and_the_workspace_is_no_longer_served(
    stack: Stack, slack: FakeSlack
) -> None:
    install(stack, slack, "T6", "xoxb-six")
    r = redis.Redis.from_url(stack.redis_url)
    key = r.keys("na:slack:install:*-T6")[0]
    assert r.hexists(key, "bot")
    revoked = {"type": "tokens_revoked", "tokens": {"oauth": ["UINSTALLER"], "bot": ["UBOT"]}}
    assert stack.event(revoked, team="T6").status_code == 200
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and r.exists(key):
        time.sleep(0.05)
    assert not r.exists(key)  # neither the bot nor the installer's token is kept
    url = f"{slack.url}/response/oauth-t6"
    stack.command("status", "U6", channel="C6", team="T6", response_url=url)
    assert "reinstall" in slack.wait_for(lambda: slack.responses("oauth-t6"))[-1]["text"]
    assert not tokens_in(slack, "C6")


@pytest.mark.slow
def test_a_second_workspace_gets_its_report_from_the_worker_with_its_own_token(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    install(stack, slack, "T7", "xoxb-seven")
    assert stack.command("consult 7", "U7", channel="C7", team="T7").status_code == 200
    parent = slack.wait_for(lambda: [p for p in slack.requests_with_ts() if p["channel"] == "C7"])
    thread = parent[0]["ts"]
    slack.wait_for(lambda: slack.thread("C7", thread))
    for n, q in enumerate(catalog.by_slug("diffusion-ip-risk").questions):
        before = len(slack.thread("C7", thread))
        stack.message("U7", "C7", thread, typical(q), f"EvT7{n}{time.time_ns()}", team="T7")
        slack.wait_for(lambda b=before: len(slack.thread("C7", thread)) > b)
    report = slack.wait_for(
        lambda: [
            (t, p)
            for t, p in slack.calls_with_token("chat.postMessage")
            if p.get("thread_ts") == thread and "header" in str(p.get("blocks"))
        ],
        timeout=30,
    )
    token, post = report[0]
    assert token == "xoxb-seven"  # the worker posted with the installing workspace's token
    assert "report_feedback" in str(post["blocks"])  # 👍/👎 under the report
    canvas = slack.wait_for(lambda: [c for t, c in slack.calls_with_token("canvases.create")])
    assert "Diffusion Model IP Risk Assessment" in str(canvas[0])
    assert tokens_in(slack, "C7") == {"xoxb-seven"}


def test_redis_away_bolt_gets_the_installation_last_read_but_not_an_uninstalled_one(
    tmp_path: Path,
) -> None:
    """Bolt looks the workspace up before every ack; with Redis away, the one read last."""
    import asyncio

    from consultations.adapters.embedded_redis import EmbeddedRedis, free_port

    own = EmbeddedRedis(tmp_path, port=free_port())
    own.start()
    client = redis.Redis.from_url(own.url, socket_timeout=2, socket_connect_timeout=1)
    store = Installations(oauth_settings(), client).store
    store.save(installation("T2", "xoxb-two"))
    store.save(installation("T3", "xoxb-three"))

    def find(team: str, user: str | None = None) -> Installation | None:
        return asyncio.run(
            store.async_find_installation(enterprise_id=None, team_id=team, user_id=user)
        )

    try:
        assert find("T2") is not None and find("T3") is not None
        store.delete_bot(enterprise_id=None, team_id="T3")  # uninstalled from T3
        own.stop()
        found = find("T2")
        assert found is not None and found.bot_token == "xoxb-two"
        assert find("T2", "USOMEONE") is None  # no user token of their own: none needed
        bot = asyncio.run(store.async_find_bot(enterprise_id=None, team_id="T2"))
        assert bot is not None and bot.bot_token == "xoxb-two"
        for gone in ("T3", "T4"):  # uninstalled, or never read: Redis's error, as before
            with pytest.raises(redis.ConnectionError):
                find(gone)
    finally:
        client.close()
        own.stop()
