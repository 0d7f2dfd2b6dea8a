"""The one composition root: settings → Redis → store → service, desk, digests, triage jobs,
the job queue, narrators and the chat gateways, each built once.

``bot/`` (the server, the terminal, the CLI) and ``workers/`` are both entry points that call
``bootstrap``; they never import each other. Gateways are built on first use (only workers post
through them), so the web process never loads what it does not need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import redis
import structlog

from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.offline_narrator import OfflineNarrator
from consultations.adapters.place_holders import PlaceHolders
from consultations.adapters.redis_digest import DigestStore
from consultations.adapters.redis_feedback import RedisFeedback
from consultations.adapters.redis_store import ConflictError, EventLedger, RedisConsultationStore
from consultations.adapters.redis_triage import TriageJobs
from consultations.adapters.settings import Settings
from consultations.catalog import DEFAULT_PROMPTS_DIR, Catalog, load_catalog
from consultations.desk import Desk
from consultations.digest import cadence_words
from consultations.digest_service import DigestService
from consultations.ports import ChatGateway, JobQueue, Narrator, Understanding
from consultations.service import ConsultationService
from consultations.state import Consultation

if TYPE_CHECKING:
    from consultations.adapters.slack.installations import Installations

log = structlog.get_logger(__name__)


class NoQueue:
    """The job queue of a process that runs no workers (the terminal chat): nothing is sent;
    the caller does the work in-process."""

    def request_report(self, c: object) -> None:
        pass

    def post_digest(self, key: str, mode: str, period: str = "", user: str = "") -> None:
        raise RuntimeError("digests need the workers (neurips-advisor worker)")

    def start_triage(self, job: str) -> None:
        raise RuntimeError("triage jobs need the workers (neurips-advisor worker)")

    def triage_chunk(self, job: str, index: int) -> None:
        raise RuntimeError("triage jobs need the workers (neurips-advisor worker)")

    def ready(self, timeout_s: float = 0.5) -> bool:
        return True


@dataclass
class App:
    settings: Settings
    catalog: Catalog
    redis: redis.Redis
    redis_url: str
    service: ConsultationService
    store: RedisConsultationStore
    ledger: EventLedger
    narrator: Narrator
    jobs: JobQueue
    digest_store: DigestStore
    digests: DigestService
    triage_jobs: TriageJobs
    desk: Desk
    feedback: RedisFeedback
    holders: PlaceHolders
    embedded: EmbeddedRedis | None = field(default=None)
    _gateways: dict[str, ChatGateway] | None = field(default=None, repr=False)
    _installations: Installations | None = field(default=None, repr=False)

    @property
    def installations(self) -> Installations:
        """Slack installations (OAuth) and each workspace's bot token, built on first use."""
        if self._installations is None:
            from consultations.adapters.slack.installations import Installations

            self._installations = Installations(self.settings, self.redis)
        return self._installations

    def gateway(self, platform: str) -> ChatGateway:
        """The gateway workers post through for ``platform``; raises when it is not set up."""
        if self._gateways is None:
            self._gateways = build_gateways(self, self.service)
        found = self._gateways.get(platform)
        if found is None:
            raise RuntimeError(f"no chat gateway configured for {platform}")
        return found

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
    from consultations.adapters.anthropic_narrator import (
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
    """Claude reads answers the rules cannot, when a key is set; else None (rules alone)."""
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
    return AnthropicUnderstanding(client, settings.anthropic_understanding_model)


def build_gateways(app: App, service: ConsultationService) -> dict[str, ChatGateway]:
    """One gateway per configured platform (Slack, Teams). Slack posts into each workspace
    with its own token: the installation's (OAuth), or SLACK_BOT_TOKEN (single-token mode)."""
    settings = app.settings
    gateways: dict[str, ChatGateway] = {}
    if settings.slack_bot_token is not None or settings.slack_oauth:
        from consultations.adapters.slack.gateway import SlackGateway

        def fresh(c: Consultation) -> Consultation | None:
            return service.store.load(c.owner, c.id)

        gateways["slack"] = SlackGateway.from_settings(settings, fresh, app.installations)
    if settings.microsoft_app_id or settings.neurips_env == "dev":
        from consultations.adapters.teams.gateway import TeamsGateway

        gateways["teams"] = TeamsGateway.from_settings(settings, app.redis)
    return gateways


def build_queue(settings: Settings, redis_url: str, client: redis.Redis) -> JobQueue:
    from consultations.adapters.celery_queue import CeleryJobQueue, leases_from, make_celery

    return CeleryJobQueue(make_celery(settings, redis_url), leases_from(settings, client))


def bootstrap(settings: Settings, *, queue: bool = True) -> App:
    """Everything, once. ``queue=False``: no job queue (the terminal writes reports itself)."""
    url, embedded = connect_redis(settings)
    client = redis.Redis.from_url(
        url,
        socket_timeout=settings.redis_socket_timeout_s,
        socket_connect_timeout=settings.redis_connect_timeout_s,
        health_check_interval=30,
    )
    jobs = build_queue(settings, url, client) if queue else None
    app = assemble(settings, client, url, jobs, embedded=embedded)
    log.info("bootstrap.ready", redis="embedded" if embedded else "external", llm=settings.llm_mode)
    return app


def assemble(
    settings: Settings,
    client: redis.Redis,
    redis_url: str,
    jobs: JobQueue | None,
    *,
    catalog: Catalog | None = None,
    embedded: EmbeddedRedis | None = None,
) -> App:
    """The parts wired together over one Redis client and one job queue (None: reports are
    written in-process by the caller). Tests call this with a job queue at the boundary."""
    catalog = catalog or load_catalog(settings.neurips_prompts_dir or DEFAULT_PROMPTS_DIR)
    queue: JobQueue = jobs if jobs is not None else NoQueue()
    store = RedisConsultationStore(client, ttl_seconds=settings.state_ttl_seconds)
    service = ConsultationService(
        catalog, store, ConflictError, jobs=jobs, understanding=build_understanding(settings)
    )
    digest_store = DigestStore(client)
    cadence = catalog.by_slug("research-curation").question("cadence")
    digests = DigestService(digest_store, queue, cadences=cadence_words(cadence))
    triage_jobs = TriageJobs(client)
    feedback = RedisFeedback(client, ttl_seconds=settings.state_ttl_seconds)
    holders = PlaceHolders(client, settings.state_ttl_seconds)
    return App(
        settings=settings,
        catalog=catalog,
        redis=client,
        redis_url=redis_url,
        service=service,
        store=store,
        ledger=EventLedger(client),
        narrator=build_narrator(settings),
        jobs=queue,
        digest_store=digest_store,
        digests=digests,
        triage_jobs=triage_jobs,
        desk=Desk(service, digests, triage_jobs, queue, feedback, holders),
        feedback=feedback,
        holders=holders,
        embedded=embedded,
    )
