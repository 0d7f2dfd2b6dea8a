"""One typed settings object, read from the environment once and passed in."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SLACK_BOT_SCOPES = (
    "commands,chat:write,chat:write.public,im:write,files:write,files:read,reactions:read,"
    "channels:history,groups:history,im:history,assistant:write,canvases:write,canvases:read"
)


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
    neurips_log_level: str = "INFO"
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

    @field_validator("slack_api_url")
    @classmethod
    def _slash(cls, url: str) -> str:
        if not url.startswith(("http://", "https://")):
            raise ValueError("SLACK_API_URL must be an http(s) URL")
        return url if url.endswith("/") else url + "/"

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
