"""A setting that cannot work stops the program at once, in one message that names the variable
and says what is wrong — not a traceback from deep inside redis-py or Bolt on the first request,
and not a quiet fallback. Secrets and Redis URLs (which may carry a password) are never echoed.
Each case runs `neurips-advisor` in a process of its own, as an operator would."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from consultations.adapters.embedded_redis import EmbeddedRedis, free_port
from tests.conftest import ROOT
from tests.integration.test_terminal_chat import cli


def refused(result: subprocess.CompletedProcess[str], *named: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    err = result.stderr
    assert "Traceback" not in err and "errors.pydantic.dev" not in err, err
    for word in named:
        assert word in err, err
    return err


@pytest.mark.parametrize(
    ("env", "named", "unsaid"),
    [
        ({"ANTHROPIC_TIMEOUT_S": "sixty"}, ["ANTHROPIC_TIMEOUT_S='sixty'", "number"], None),
        ({"REDIS_URL": "localhost:6379"}, ["REDIS_URL", "redis://"], None),
        ({"REDIS_URL": "redis://:hunter2@cache:99999/0"}, ["REDIS_URL", "Port"], "hunter2"),
        ({"REDIS_URL": "redis://cache:6379/sessions"}, ["REDIS_URL", "database number"], None),
        ({"CELERY_BROKER_URL": "redis//cache"}, ["CELERY_BROKER_URL"], None),
        (
            {"SLACK_BOT_TOKEN": "xapp-1-A1-s3cret"},
            ["SLACK_BOT_TOKEN", "xoxb-", "SLACK_APP_TOKEN"],
            "s3cret",
        ),
        ({"SLACK_APP_TOKEN": "xoxb-1-s3cret"}, ["SLACK_APP_TOKEN", "xapp-"], "s3cret"),
        ({"ANTHROPIC_API_KEY": ""}, ["ANTHROPIC_API_KEY", "empty"], None),
        ({"SLACK_SIGNING_SECRET": "  "}, ["SLACK_SIGNING_SECRET", "empty"], None),
        ({"NEURIPS_LLM": "anthropic"}, ["NEURIPS_LLM=anthropic needs ANTHROPIC_API_KEY"], None),
        ({"NEURIPS_LOG_LEVEL": "verbose"}, ["NEURIPS_LOG_LEVEL", "DEBUG"], None),
        ({"ANTHROPIC_BASE_URL": "localhost:8080"}, ["ANTHROPIC_BASE_URL", "http(s) URL"], None),
        ({"NEURIPS_DIGEST_SOURCE": "arxiv:"}, ["NEURIPS_DIGEST_SOURCE", "names no query"], None),
        ({"NEURIPS_PROMPTS_DIR": "/nonexistent"}, ["NEURIPS_PROMPTS_DIR", "consultations/"], None),
    ],
)
def test_a_bad_setting_is_one_clear_error_naming_it(
    tmp_path: Path, env: dict[str, str], named: list[str], unsaid: str | None
) -> None:
    err = refused(cli(tmp_path, "consultations", **env), *named)
    if unsaid:
        assert unsaid not in err


def test_every_bad_setting_is_named_at_once(tmp_path: Path) -> None:
    err = refused(
        cli(tmp_path, "consultations", PORT="http", NEURIPS_SWEEP_S="0", REDIS_URL="redis:/x"),
        "PORT='http'",
        "NEURIPS_SWEEP_S='0'",
        "REDIS_URL",
    )
    assert "3 setting(s)" in err


def test_good_settings_are_read_as_an_operator_writes_them(tmp_path: Path) -> None:
    """Lower-case levels, a secret with the newline its file ended with, a rotating bot token."""
    r = cli(
        tmp_path,
        "consultations",
        NEURIPS_LOG_LEVEL="debug",
        SLACK_BOT_TOKEN="xoxe.xoxb-1-abc\n",
        SLACK_SIGNING_SECRET="s3cret\n",
        REDIS_URL="redis://:pw@127.0.0.1:6379/2",
        NEURIPS_DIGEST_SOURCE="colm2025",
    )
    assert r.returncode == 0, r.stderr
    assert "Model Convergence Strategy" in r.stdout


def test_serve_names_the_missing_half_of_slack(tmp_path: Path) -> None:
    refused(
        cli(tmp_path, "serve", SLACK_BOT_TOKEN="xoxb-1-abc"),
        "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET must be set together",
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"MICROSOFT_APP_ID": "00000000-app"}, "MICROSOFT_APP_PASSWORD is required"),
        (
            {
                "MICROSOFT_APP_ID": "00000000-app",
                "MICROSOFT_APP_PASSWORD": "pw",
                "MICROSOFT_APP_TYPE": "SingleTenant",
            },
            "MICROSOFT_APP_TENANT_ID is required",
        ),
    ],
)
def test_serve_refuses_half_a_teams_configuration(
    tmp_path: Path, env: dict[str, str], named: str
) -> None:
    """It used to start with Teams switched off and a warning in the log: /api/messages 404."""
    refused(cli(tmp_path, "serve", "--port", "1", **env), named)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["serve", "--port", "70000"], "'70000' is not a port"),
        (["worker", "--concurrency", "0"], "'0' is not a number of processes"),
        (["triage", "arxiv:"], "'arxiv:' names no query"),
        (["triage", "openreview:"], "'openreview:' names no venue id"),
        (["triage", "no-such-file.csv"], "no such file"),
        (["chat", "--user"], "expected one argument"),
        (["chat-now"], "invalid choice: 'chat-now'"),
    ],
)
def test_a_bad_invocation_says_what_is_wrong_without_a_traceback(
    tmp_path: Path, args: list[str], named: str
) -> None:
    refused(cli(tmp_path, *args), named)


def test_beat_writes_only_json_lines_in_production(
    redis_server: EmbeddedRedis, tmp_path: Path
) -> None:
    """Celery beat printed its banner as plain text on stdout, among the JSON lines."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "NEURIPS_"))}
    env.update(
        REDIS_URL=redis_server.url.rsplit("/", 1)[0] + "/11",
        NEURIPS_LOG_FORMAT="json",
        NEURIPS_DATA_DIR=str(tmp_path),
    )
    out = tmp_path / "beat.log"
    with out.open("wb") as log:
        beat = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "beat"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while b"Starting..." not in out.read_bytes():
            assert beat.poll() is None and time.monotonic() < deadline, out.read_text()
            time.sleep(0.1)
    finally:
        os.killpg(beat.pid, signal.SIGTERM)
        beat.wait(timeout=20)
    lines = [x for x in out.read_text().splitlines() if x.strip()]
    events = [json.loads(x)["event"] for x in lines]  # fails on a plain line (the banner)
    assert "beat: Starting..." in events


def test_chat_with_redis_unreachable_says_where_it_looked(tmp_path: Path) -> None:
    """It was a redis-py traceback two screens long."""
    port = free_port()  # nothing listens there
    r = cli(tmp_path, "chat", "3", REDIS_URL=f"redis://:hunter2@127.0.0.1:{port}/0")
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"cannot reach Redis at REDIS_URL (127.0.0.1:{port})" in r.stderr
    assert "Traceback" not in r.stderr and "hunter2" not in r.stderr
