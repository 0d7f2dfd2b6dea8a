"""What a worker process needs, built once per process on first use."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from bot.bootstrap import App, bootstrap
from bot.settings import Settings
from consultations.adapters.redis_digest import DigestStore
from consultations.ports import ChatGateway

_lock = threading.Lock()
_runtime: Runtime | None = None


@dataclass
class Runtime:
    app: App
    gateways: dict[str, ChatGateway]

    @property
    def digests(self) -> DigestStore:
        return DigestStore(self.app.redis)


def build_gateways(app: App) -> dict[str, ChatGateway]:
    """One gateway per configured platform (Slack, Teams)."""
    gateways: dict[str, ChatGateway] = {}
    s = app.settings
    if s.slack_bot_token is not None:
        from bot.slack.gateway import SlackGateway  # noqa: PLC0415

        gateways["slack"] = SlackGateway.from_settings(s)
    if s.microsoft_app_id or s.neurips_env == "dev":
        try:
            from bot.teams.gateway import TeamsGateway  # noqa: PLC0415
        except ImportError:  # the Teams adapter is optional
            pass
        else:
            gateways["teams"] = TeamsGateway.from_settings(s, app.redis)
    return gateways


def runtime() -> Runtime:
    global _runtime
    with _lock:
        if _runtime is None:
            app = bootstrap(Settings())
            _runtime = Runtime(app=app, gateways=build_gateways(app))
        return _runtime
