"""The triage LLM pass through Claude: strict tool output, per-paper fallback, Message Batches.

Only the top slice of the offline ranking goes to the model. A paper whose answer is missing
or fails validation keeps its offline score, and the run goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import anthropic
import structlog

from consultations.triage.llm_rubric import (
    RUBRIC,
    TOOL,
    Estimate,
    LLMScore,
    Prices,
    chunks,
    estimate,
    merge,
    slice_size,
    user_prompt,
    validate,
)
from consultations.triage.papers import Paper
from consultations.triage.pipeline import TriageResult

log = structlog.get_logger(__name__)


class BudgetExceeded(RuntimeError):
    pass


class ClaudeTriage:
    def __init__(
        self,
        client: anthropic.Anthropic,
        model: str,
        *,
        prices: Prices | None = None,
        batch_threshold: int = 500,
        poll_s: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client, self._model = client, model
        self.prices = prices or Prices()
        self.batch_threshold = batch_threshold
        self._poll_s, self._sleep = poll_s, sleep

    def plan(
        self,
        ranked: Sequence[TriageResult],
        papers: Sequence[Paper],
        fraction: float = 0.05,
        cap: int = 200,
    ) -> tuple[list[Paper], Estimate]:
        by_id = {p.id: p for p in papers}
        top = [by_id[r.id] for r in ranked[: slice_size(len(ranked), fraction, cap)]]
        return top, estimate(top, self.prices, batch=len(top) > self.batch_threshold)

    def rescore(
        self,
        ranked: Sequence[TriageResult],
        papers: Sequence[Paper],
        weights: dict[str, float],
        *,
        fraction: float = 0.05,
        cap: int = 200,
        budget_usd: float | None = None,
    ) -> tuple[list[TriageResult], Estimate]:
        top, est = self.plan(ranked, papers, fraction, cap)
        if budget_usd is not None and est.cost_usd > budget_usd:
            raise BudgetExceeded(
                f"estimated ${est.cost_usd:.2f} is over the ${budget_usd:.2f} budget"
            )
        groups = chunks(top)
        scores = self._batch(groups) if est.batch else self._direct(groups)
        log.info("triage.llm_done", asked=len(top), scored=len(scores), batch=est.batch)
        return merge(ranked, scores, weights), est

    def _params(self, group: Sequence[Paper]) -> dict:  # type: ignore[type-arg]
        return {
            "model": self._model,
            "max_tokens": 120 * len(group) + 200,
            "system": [{"type": "text", "text": RUBRIC, "cache_control": {"type": "ephemeral"}}],
            "tools": [TOOL],
            "tool_choice": {"type": "tool", "name": "record_scores"},
            "messages": [{"role": "user", "content": user_prompt(group)}],
        }

    def _direct(self, groups: list[Sequence[Paper]]) -> dict[str, LLMScore]:
        scores: dict[str, LLMScore] = {}
        for group in groups:
            try:
                message = self._client.messages.create(**self._params(group))
            except anthropic.APIError as e:
                log.warning("triage.llm_chunk_failed", error=type(e).__name__, papers=len(group))
                continue  # these papers keep their offline scores
            scores.update(validate(_tool_items(message.content), group))
        return scores

    def _batch(self, groups: list[Sequence[Paper]]) -> dict[str, LLMScore]:
        requests = [
            {"custom_id": f"chunk-{i}", "params": self._params(g)} for i, g in enumerate(groups)
        ]
        batch = self._client.messages.batches.create(requests=requests)  # type: ignore[arg-type]
        while batch.processing_status != "ended":
            self._sleep(self._poll_s)
            batch = self._client.messages.batches.retrieve(batch.id)
        scores: dict[str, LLMScore] = {}
        for entry in self._client.messages.batches.results(batch.id):
            if entry.result.type != "succeeded":
                continue
            index = int(entry.custom_id.removeprefix("chunk-"))
            if 0 <= index < len(groups):
                scores.update(validate(_tool_items(entry.result.message.content), groups[index]))
        return scores


def _tool_items(content: list) -> object:  # type: ignore[type-arg]
    for block in content:
        if getattr(block, "type", "") == "tool_use" and getattr(block, "name", "") == TOOL["name"]:
            data = block.input if isinstance(block.input, dict) else {}
            return data.get("papers")
    return None


def claude_triage(settings) -> ClaudeTriage:  # type: ignore[no-untyped-def]
    """A ClaudeTriage built from the settings object (needs ANTHROPIC_API_KEY)."""
    from consultations.adapters.anthropic_narrator import build_anthropic_client

    client = build_anthropic_client(
        settings.anthropic_api_key.get_secret_value(),
        settings.anthropic_base_url,
        settings.anthropic_timeout_s,
        settings.anthropic_max_retries,
    )
    return ClaudeTriage(
        client, settings.anthropic_model, batch_threshold=settings.neurips_triage_batch_threshold
    )
