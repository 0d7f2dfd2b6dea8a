"""Wires the real parts together once: settings → Redis → store → service → narrator."""

from __future__ import annotations

from dataclasses import dataclass, field

import redis
import structlog

from bot.settings import Settings
from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.offline_narrator import OfflineNarrator
from consultations.adapters.redis_store import ConflictError, EventLedger, RedisConsultationStore
from consultations.catalog import DEFAULT_PROMPTS_DIR, Catalog, load_catalog
from consultations.ports import Narrator, Understanding
from consultations.service import ConsultationService

log = structlog.get_logger(__name__)


@dataclass
class App:
    settings: Settings
    catalog: Catalog
    redis: redis.Redis
    redis_url: str
    service: ConsultationService
    ledger: EventLedger
    narrator: Narrator
    embedded: EmbeddedRedis | None = field(default=None)

    def close(self) -> None:
        self.redis.close()
        if self.embedded is not None:
            self.embedded.stop()


def connect_redis(settings: Settings) -> tuple[str, EmbeddedRedis | None]:
    """The configured Redis, or an embedded one under NEURIPS_DATA_DIR."""
    if settings.redis_url:
        return settings.redis_url, None
    embedded = EmbeddedRedis(settings.neurips_data_dir / "redis")
    url = embedded.start()
    return url, (embedded if embedded.owned else None)


def build_narrator(settings: Settings) -> Narrator:
    offline = OfflineNarrator()
    if settings.llm_mode == "offline":
        return offline
    if settings.anthropic_api_key is None:
        raise ValueError("NEURIPS_LLM=anthropic needs ANTHROPIC_API_KEY")
    from consultations.adapters.anthropic_narrator import (  # noqa: PLC0415
        AnthropicNarrator,
        build_anthropic_client,
    )

    client = build_anthropic_client(
        api_key=settings.anthropic_api_key.get_secret_value(),
        base_url=settings.anthropic_base_url,
        timeout_s=settings.anthropic_timeout_s,
        max_retries=settings.anthropic_max_retries,
    )
    return AnthropicNarrator(client, settings.anthropic_model, fallback=offline)


def build_understanding(settings: Settings) -> Understanding | None:
    """Claude reads answers the rules cannot, when a key is set (issue 10); else None."""
    if settings.llm_mode == "offline" or settings.anthropic_api_key is None:
        return None
    from consultations.adapters.anthropic_narrator import build_anthropic_client
    from consultations.adapters.anthropic_understanding import AnthropicUnderstanding

    client = build_anthropic_client(
        api_key=settings.anthropic_api_key.get_secret_value(),
        base_url=settings.anthropic_base_url,
        timeout_s=min(settings.anthropic_timeout_s, 15.0),
        max_retries=settings.anthropic_max_retries,
    )
    return AnthropicUnderstanding(client, settings.anthropic_model)


def bootstrap(settings: Settings) -> App:
    catalog = load_catalog(settings.neurips_prompts_dir or DEFAULT_PROMPTS_DIR)
    url, embedded = connect_redis(settings)
    client = redis.Redis.from_url(
        url, socket_timeout=10, socket_connect_timeout=5, health_check_interval=30
    )
    store = RedisConsultationStore(client, ttl_seconds=settings.state_ttl_seconds)
    service = ConsultationService(
        catalog, store, ConflictError, understanding=build_understanding(settings)
    )
    narrator = build_narrator(settings)
    log.info("bootstrap.ready", redis="embedded" if embedded else "external", llm=settings.llm_mode)
    return App(
        settings=settings,
        catalog=catalog,
        redis=client,
        redis_url=url,
        service=service,
        ledger=EventLedger(client),
        narrator=narrator,
        embedded=embedded,
    )
