"""One typed settings object, read from the environment once and passed in."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SLACK_BOT_SCOPES = (
    "commands,chat:write,chat:write.public,im:write,files:write,files:read,reactions:read,"
    "channels:history,groups:history,im:history,assistant:write,canvases:write,canvases:read"
)


_SECRETS = (
    "anthropic_api_key",
    "slack_bot_token",
    "slack_signing_secret",
    "slack_app_token",
    "slack_client_secret",
)
_HTTP_URLS = (
    "anthropic_base_url",
    "slack_api_url",
    "slack_redirect_uri",
    "slack_authorize_url",
    "arxiv_api_url",
    "openreview_api_url",
    "microsoft_openid_metadata_url",
)
_BOT_TOKEN = ("xoxb-", "xoxe.xoxb-")  # the second: a bot token with token rotation on
# Redis URLs may carry a password: a problem with one is said without its value
_UNSAID = frozenset({*_SECRETS, "microsoft_app_password", "redis_url", "celery_broker_url"})
_REDIS_SCHEMES = ("redis", "rediss", "unix")
_BROKER_ONLY_SCHEMES = ("redis+socket", "sentinel")  # kombu's Redis transport also takes these


def _token_kind(token: SecretStr) -> str:
    """What a Slack token looks like, by its prefix alone (never the token)."""
    head = token.get_secret_value().split("-", 1)[0]
    return (
        f"one starting {head}-"
        if head.startswith(("xo", "xa")) and len(head) <= 10
        else "another kind"
    )


def _check_redis_url(url: str) -> str:
    from redis.connection import parse_url

    scheme = urlsplit(url).scheme
    if scheme in _BROKER_ONLY_SCHEMES:
        return url
    if scheme not in _REDIS_SCHEMES:
        raise ValueError("should be a Redis URL: redis://[:password@]host[:port][/db], rediss://…")
    try:
        parse_url(url)
        path = urlsplit(url).path.strip("/")
    except ValueError as e:
        raise ValueError(f"is not a usable Redis URL: {e}") from None
    if scheme != "unix" and path and not path.isdigit():
        raise ValueError("should end in a database number (/0), not /" + path)
    return url


class SettingsError(ValueError):
    """A setting that cannot work, said once, naming its variable."""


def load_settings() -> Settings:
    """The settings from the environment, or a ``SettingsError`` naming each bad variable."""
    try:
        return Settings()
    except ValidationError as e:
        raise SettingsError(describe(e)) from None


def describe(error: ValidationError) -> str:
    """One line per problem: the variable, what was given (never a secret's or a URL's value)
    and what is wrong, without pydantic's links."""
    lines = []
    for problem in error.errors(include_url=False):
        loc = problem["loc"]
        name = str(loc[0]) if loc else ""
        msg = problem["msg"].removeprefix("Value error, ")
        given: Any = problem.get("input")
        if not name:  # a check across settings: its message names them
            lines.append(msg)
        elif name in _UNSAID or not isinstance(given, str):
            lines.append(f"{name.upper()}: {msg}")
        else:
            lines.append(f"{name.upper()}={given!r}: {msg}")
    return "\n".join(lines)


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "neurips-advisor"


class Settings(BaseSettings):
    """Every setting, named as its environment variable (case-insensitive)."""

    model_config = SettingsConfigDict(extra="ignore", case_sensitive=False)

    # state
    redis_url: str | None = Field(default=None, description="Unset: start an embedded Redis.")
    neurips_data_dir: Path = Field(default_factory=_default_data_dir)
    neurips_state_ttl_days: int = Field(default=30, ge=1, le=3650)
    neurips_prompts_dir: Path | None = None
    neurips_env: Literal["dev", "prod"] = "prod"
    # logs
    neurips_log_format: Literal["auto", "console", "json"] = "auto"
    neurips_log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # the LLM
    neurips_llm: Literal["auto", "anthropic", "offline"] = "auto"
    anthropic_api_key: SecretStr | None = None
    anthropic_base_url: str | None = None
    anthropic_model: str = "claude-sonnet-4-5"
    # reading one short answer needs a fast, cheap model, not the report writer's
    anthropic_understanding_model: str = "claude-haiku-4-5"
    anthropic_timeout_s: float = Field(default=60.0, gt=0, le=600)
    anthropic_max_retries: int = Field(default=2, ge=0, le=10)
    # Slack
    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    # Slack, installable by any workspace (OAuth): set both instead of SLACK_BOT_TOKEN
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_scopes: str = SLACK_BOT_SCOPES
    slack_redirect_uri: str | None = None  # unset: the one configured in the app's settings
    slack_authorize_url: str = "https://slack.com/oauth/v2/authorize"
    # Celery
    celery_broker_url: str | None = None
    celery_visibility_timeout_s: int = Field(default=3 * 3600, ge=1)  # above the longest task
    # recovery (README "Recovery"): a job's lease, renewed while it runs; the workers' sweep
    # period; how long a queued job may wait before it is sent again. A dead worker's job is sent
    # again at most lease + sweep seconds after the worker's last renewal (defaults: 55 s)
    neurips_job_lease_s: float = Field(default=40.0, ge=1, le=600)
    neurips_sweep_s: float = Field(default=15.0, ge=0.5, le=600)
    neurips_job_start_grace_s: float = Field(default=90.0, ge=1, le=24 * 3600)
    # workers sharing cores with the server (one machine, compose): a nice value (0-19) the
    # worker takes at start, so answers in a thread get the CPU before report rendering
    neurips_worker_nice: int = Field(default=0, ge=0, le=19)
    # Redis client: short, so a request fails fast (and says so) while Redis is away
    redis_socket_timeout_s: float = Field(default=2.0, gt=0, le=60)
    redis_connect_timeout_s: float = Field(default=1.0, gt=0, le=60)
    # paper sources
    arxiv_api_url: str = "http://export.arxiv.org/api/query"
    openreview_api_url: str = "https://api2.openreview.net"
    # the triage LLM pass (with an Anthropic key): above this many papers, Message Batches
    neurips_triage_batch_threshold: int = Field(default=500, ge=1)
    neurips_triage_budget_usd: float | None = Field(default=None, ge=0)
    # the weekly digest: where papers come from, and how often beat checks who is due
    neurips_digest_source: str = "arxiv:cat:cs.LG OR cat:cs.CL OR cat:cs.AI"
    neurips_digest_tick_s: float = Field(default=900.0, ge=0.5)
    # HTTP server
    port: int = Field(default=3000, ge=1, le=65535)
    # Microsoft Teams
    microsoft_app_id: str = ""
    microsoft_app_password: SecretStr = SecretStr("")
    microsoft_app_type: Literal["MultiTenant", "SingleTenant", "UserAssignedMSI"] = "MultiTenant"
    microsoft_app_tenant_id: str = ""
    microsoft_openid_metadata_url: str | None = None  # sovereign clouds; tests

    @field_validator("neurips_log_level", mode="before")
    @classmethod
    def _level(cls, level: object) -> object:
        return level.strip().upper() if isinstance(level, str) else level

    @field_validator(*_SECRETS, mode="before")
    @classmethod
    def _secret(cls, value: object) -> object:
        """A secret set but empty is a mistake (a Secret left blank), not "unset"; the newline
        a secret file ends with is not part of it."""
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if isinstance(value, str):
            value = value.strip()
            if not value:
                raise ValueError("is set but empty: give the value, or unset the variable")
        return value

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, token: SecretStr | None) -> SecretStr | None:
        if token is not None and not token.get_secret_value().startswith(_BOT_TOKEN):
            raise ValueError(
                f"should be a bot token (xoxb-…), not {_token_kind(token)}; an app-level "
                "token (xapp-…) goes in SLACK_APP_TOKEN"
            )
        return token

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, token: SecretStr | None) -> SecretStr | None:
        if token is not None and not token.get_secret_value().startswith("xapp-"):
            raise ValueError(
                f"should be an app-level token (xapp-…, with connections:write), not "
                f"{_token_kind(token)}; the bot token (xoxb-…) goes in SLACK_BOT_TOKEN"
            )
        return token

    @field_validator(*_HTTP_URLS)
    @classmethod
    def _http(cls, url: str | None) -> str | None:
        if url is not None:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError("should be an http(s) URL, e.g. https://host/path")
        return url

    @field_validator("slack_api_url")
    @classmethod
    def _slash(cls, url: str) -> str:
        return url if url.endswith("/") else url + "/"

    @field_validator("redis_url", "celery_broker_url")
    @classmethod
    def _redis(cls, url: str | None) -> str | None:
        return None if url is None else _check_redis_url(url)

    @field_validator("neurips_prompts_dir")
    @classmethod
    def _prompts(cls, path: Path | None) -> Path | None:
        if path is not None and not (path / "consultations").is_dir():
            raise ValueError("should be a folder holding consultations/*.toml (see prompts/)")
        return path

    @field_validator("neurips_digest_source")
    @classmethod
    def _digest_source(cls, spec: str) -> str:
        from consultations.triage.load import parse_spec
        from consultations.triage.sources import SourceError

        try:
            parse_spec(spec)
        except SourceError as e:
            raise ValueError(str(e)) from None
        return spec

    @model_validator(mode="after")
    def _llm(self) -> Settings:
        if self.neurips_llm == "anthropic" and self.anthropic_api_key is None:
            raise ValueError("NEURIPS_LLM=anthropic needs ANTHROPIC_API_KEY")
        return self

    @property
    def slack_oauth(self) -> bool:
        """Installable by any workspace: the OAuth routes and per-workspace tokens."""
        return bool(self.slack_client_id) and self.slack_client_secret is not None

    @property
    def state_ttl_seconds(self) -> int:
        return self.neurips_state_ttl_days * 24 * 3600

    @property
    def llm_mode(self) -> Literal["anthropic", "offline"]:
        if self.neurips_llm == "auto":
            return "anthropic" if self.anthropic_api_key else "offline"
        return self.neurips_llm
