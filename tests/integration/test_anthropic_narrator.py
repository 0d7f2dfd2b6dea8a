"""The Anthropic narrator through the real SDK against a local server speaking the Messages API."""

from __future__ import annotations

from consultations.adapters.anthropic_narrator import AnthropicNarrator, build_anthropic_client
from consultations.adapters.offline_narrator import OfflineNarrator
from consultations.advisors import advise
from consultations.advisors.base import AdvisorInput
from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.fakes.anthropic_api import FakeAnthropic
from tests.unit.test_engine import typical


def edge_request(catalog: Catalog) -> AdvisorInput:
    script = catalog.by_slug("edge-economics")
    answers = {q.key: parse_answer(q, typical(q)) for q in script.questions}
    return AdvisorInput(script, answers, catalog.context)


def narrator(url: str, timeout: float = 5.0, retries: int = 2) -> AnthropicNarrator:
    client = build_anthropic_client("sk-test-key", url, timeout_s=timeout, max_retries=retries)
    return AnthropicNarrator(client, "claude-test", fallback=OfflineNarrator())


def test_claude_writes_the_narrative_with_a_cached_context(catalog: Catalog) -> None:
    request = edge_request(catalog)
    with FakeAnthropic(("ok", "**Verdict: run it locally.** Break-even about 349,800.")) as api:
        result = narrator(api.url).narrate(request, advise(request))
    assert result.text.startswith("**Verdict: run it locally.**")
    assert result.author == "Claude (claude-test)" and result.notice is None
    (call,) = api.messages
    sent = call.headers.get("x-api-key") or call.headers.get("authorization", "")
    assert sent.removeprefix("Bearer ") == "sk-test-key"  # SDK 2 sends it as a bearer token
    system = call.json["system"]
    assert system[0]["cache_control"] == {"type": "ephemeral"}
    assert "46.7%" in system[0]["text"]  # the shared research context
    user = call.json["messages"][0]["content"]
    assert "<user_answers>" in user and "5,000,000" in user and "$40,500" in user


def test_overloaded_then_success(catalog: Catalog) -> None:
    request = edge_request(catalog)
    with FakeAnthropic(("overloaded",), ("ok", "Run it locally, says Claude.")) as api:
        result = narrator(api.url).narrate(request, advise(request))
    assert len(api.messages) == 2
    assert result.text == "Run it locally, says Claude." and result.notice is None


def test_timeout_falls_back_to_the_offline_report_with_a_notice(catalog: Catalog) -> None:
    request = edge_request(catalog)
    report = advise(request)
    with FakeAnthropic(("slow", 2.0)) as api:
        result = narrator(api.url, timeout=0.5, retries=0).narrate(request, report)
    assert result.notice and "timed out" in result.notice
    assert result.text == OfflineNarrator().narrate(request, report).text
    assert result.author == "offline analysis"


def test_server_errors_fall_back_after_retries(catalog: Catalog) -> None:
    request = edge_request(catalog)
    with FakeAnthropic(("server_error",)) as api:
        result = narrator(api.url, retries=1).narrate(request, advise(request))
    assert len(api.messages) == 2 and "HTTP 500" in (result.notice or "")


def test_model_output_cannot_mention_or_link(catalog: Catalog) -> None:
    request = edge_request(catalog)
    hostile = (
        "<!channel> Verdict <@U123> see [this](https://evil.example) and "
        "www.evil.example/x @here done"
    )
    with FakeAnthropic(("ok", hostile)) as api:
        result = narrator(api.url).narrate(request, advise(request))
    for bad in ("<!channel>", "<@U123>", "evil.example", "@here", "http"):
        assert bad not in result.text
    assert "Verdict" in result.text and "this" in result.text


def test_the_brief_holds_claude_to_the_computed_figures_and_decisions(catalog: Catalog) -> None:
    request = edge_request(catalog)
    with FakeAnthropic(("ok", "**Verdict: run it locally.**")) as api:
        narrator(api.url).narrate(request, advise(request))
    rules = api.messages[0].json["system"][1]["text"]
    assert "state no figure that is not in the analysis" in rules
    assert "stand as given" in rules


def test_claude_is_told_the_research_with_its_conditions_and_not_to_go_beyond_it(
    catalog: Catalog,
) -> None:
    request = edge_request(catalog)
    with FakeAnthropic(("ok", "**Verdict: run it locally.**")) as api:
        narrator(api.url).narrate(request, advise(request))
    context, rules = (" ".join(b["text"].split()) for b in api.messages[0].json["system"])
    assert "add no paper, lab, result or figure beyond it" in rules
    assert "keep each figure's conditions" in rules
    # the figures come with whose measurement and which setting they are
    assert "In the Qwen team's measurements, the share of attention on the first token" in context
    assert "2x-50x better on simulated locomotion and manipulation" in context
    assert "in the article's illustration, memorising 0.01%" in context


def test_a_figure_nothing_computed_sends_the_offline_report(catalog: Catalog) -> None:
    request = edge_request(catalog)
    report = advise(request)
    invented = (
        "**Verdict: run it locally.** The API costs $12,000 a month, so you save 85% by moving."
    )
    with FakeAnthropic(("ok", invented)) as api:
        result = narrator(api.url).narrate(request, report)
    assert result.author == "offline analysis"
    assert result.text == OfflineNarrator().narrate(request, report).text
    assert result.notice and "$12,000" in result.notice and "did not compute" in result.notice


def test_rounded_figures_from_the_report_and_answers_are_fine(catalog: Catalog) -> None:
    request = edge_request(catalog)
    report = advise(request)
    faithful = (
        "**Verdict: run it locally — a pilot first.** About $40.5k a month on the API against "
        "about $2,833 locally; break-even near 350,000 requests, at 5,000,000 a month today; "
        "4-bit models keep 90-95% of their accuracy (46.7% of attention on the first token "
        "before gating)."
    )
    with FakeAnthropic(("ok", faithful)) as api:
        result = narrator(api.url).narrate(request, report)
    assert result.text == faithful and result.notice is None


def test_a_narrative_without_the_verdict_gets_the_computed_one_on_top(catalog: Catalog) -> None:
    request = edge_request(catalog)
    report = advise(request)
    with FakeAnthropic(("ok", "Local inference looks attractive; consider the API too.")) as api:
        result = narrator(api.url).narrate(request, report)
    assert result.text.startswith(f"**Verdict: {report.verdict}**")
    assert result.author == "Claude (claude-test)"
