"""Posting from workers into a consultation's Slack thread, with retries on 429 and errors."""

from __future__ import annotations

import structlog
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.settings import Settings
from bot.slack import blocks as kit
from consultations.digest import Subscription
from consultations.state import Consultation

log = structlog.get_logger(__name__)


def retry_handlers() -> list:  # type: ignore[type-arg]
    return [
        ConnectionErrorRetryHandler(max_retry_count=3),
        RateLimitErrorRetryHandler(max_retry_count=8),
    ]


class SlackGateway:
    def __init__(self, client: WebClient) -> None:
        self._client = client

    @classmethod
    def from_settings(cls, settings: Settings) -> SlackGateway:
        assert settings.slack_bot_token is not None
        client = WebClient(
            token=settings.slack_bot_token.get_secret_value(),
            base_url=settings.slack_api_url,
            timeout=30,
            retry_handlers=retry_handlers(),
        )
        return cls(client)

    def _where(self, c: Consultation) -> tuple[str, str]:
        return c.location["channel"], c.location["thread_ts"]

    def post_report(self, c: Consultation) -> None:
        channel, ts = self._where(c)
        title = c.report.title if c.report else c.slug
        for part in kit.report_messages(title, c.narrative or "", c.narrated_by or "the advisor"):
            self._client.chat_postMessage(
                channel=channel,
                thread_ts=ts,
                blocks=part,
                text=kit.fallback_text(part),
                unfurl_links=False,
                unfurl_media=False,
            )
        if c.report is not None and c.report.chart is not None:
            from bot.charts import chart_png  # noqa: PLC0415

            self._client.files_upload_v2(
                channel=channel,
                thread_ts=ts,
                content=chart_png(c.report.chart),
                filename=f"{c.slug}.png",
                title=c.report.chart.title,
            )
        if progress := c.location.get("progress_ts"):
            self._client.chat_update(
                channel=channel, ts=progress, text="Your report is ready, just below. ✅"
            )
        log.info("slack.report_posted", cid=c.id, channel=channel)

    def post_digest(self, sub: Subscription, markdown: str, ephemeral_user: str | None) -> None:
        text = kit.mrkdwn(kit.neutralise(markdown))
        blocks = [kit.section(t) for t in kit.split_text(text)][: kit.BLOCKS_LIMIT]
        if ephemeral_user:
            self._client.chat_postEphemeral(
                channel=sub.channel, user=ephemeral_user, blocks=blocks, text=text[: kit.TEXT_LIMIT]
            )
        else:
            self._client.chat_postMessage(
                channel=sub.channel,
                blocks=blocks,
                text=text[: kit.TEXT_LIMIT],
                unfurl_links=False,
                unfurl_media=False,
            )

    def post_notice(self, c: Consultation, text: str) -> None:
        channel, ts = self._where(c)
        self._client.chat_postMessage(
            channel=channel,
            thread_ts=ts,
            text=kit.neutralise(text),
            unfurl_links=False,
            unfurl_media=False,
        )
