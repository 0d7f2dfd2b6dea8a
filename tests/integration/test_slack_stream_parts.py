"""The pieces of a streamed report, over real HTTP: Claude's text through the SDK's streaming
against the local Messages API server, and Slack's chat.*Stream against the local Slack API."""

from __future__ import annotations

import time

from slack_sdk import WebClient

from consultations.adapters.anthropic_narrator import SafeText, clean_model_text
from consultations.adapters.offline_narrator import OfflineNarrator
from consultations.adapters.slack.stream import SlackReportStream
from consultations.advisors import advise
from consultations.catalog import Catalog
from tests.fakes.anthropic_api import FakeAnthropic
from tests.fakes.slack_api import FakeSlack
from tests.integration.test_anthropic_narrator import edge_request, narrator

FAITHFUL = (
    "**Verdict: run it locally — a pilot first.** About $40.5k a month on the API against "
    "about $2,833 locally; break-even near 350,000 requests, at 5,000,000 a month today.\n\n"
    "- Start with one model.\n- Keep the API as a fallback."
)


def test_claude_text_arrives_piece_by_piece_and_the_narrative_is_what_arrived(
    catalog: Catalog,
) -> None:
    request = edge_request(catalog)
    got: list[tuple[float, str]] = []
    with FakeAnthropic(("ok", FAITHFUL), tokens_per_s=50) as api:  # about 1 s of stream
        t0 = time.monotonic()
        result = narrator(api.url).narrate_streaming(
            request, advise(request), lambda t: got.append((time.monotonic() - t0, t))
        )
    assert api.messages[0].json["stream"] is True
    assert len(got) > 10  # word by word, not all at the end
    # the first words came well before the last (a span, not a share: start-up may lag)
    assert got[-1][0] - got[0][0] > 0.5
    assert "".join(t for _, t in got) == FAITHFUL
    assert result.text == FAITHFUL and result.notice is None
    assert result.author == "Claude (claude-test)"


def test_streamed_text_is_cleaned_like_the_whole(catalog: Catalog) -> None:
    hostile = (
        "<!channel> Verdict <@U123> see [this link](https://evil.example/a) and "
        "www.evil.example/x @here done"
    )
    for size in (1, 3, 7, 50):  # however the text is cut into pieces
        safe = SafeText()
        out = "".join(safe.feed(hostile[i : i + size]) for i in range(0, len(hostile), size))
        out += safe.close()
        for bad in ("<!channel>", "<@U123>", "evil.example", "@here", "http", "]("):
            assert bad not in out
        assert out.split() == clean_model_text(hostile).split()


def test_a_streamed_narrative_with_invented_figures_is_replaced(catalog: Catalog) -> None:
    request = edge_request(catalog)
    report = advise(request)
    invented = "**Verdict: run it locally.** The API costs $12,000 a month, you save 85%."
    got: list[str] = []
    with FakeAnthropic(("ok", invented), tokens_per_s=500) as api:
        result = narrator(api.url).narrate_streaming(request, report, got.append)
    assert "".join(got) == invented  # shown as written...
    assert result.author == "offline analysis"  # ...but the report is the computed one
    assert result.text == OfflineNarrator().narrate(request, report).text
    assert result.notice and "$12,000" in result.notice


def test_a_stream_that_breaks_off_falls_back_with_a_notice(catalog: Catalog) -> None:
    request = edge_request(catalog)
    got: list[str] = []
    with FakeAnthropic(("break", FAITHFUL, 40), tokens_per_s=500) as api:
        result = narrator(api.url, retries=0).narrate_streaming(
            request, advise(request), got.append
        )
    assert got and len("".join(got)) <= 40
    assert result.author == "offline analysis" and result.notice
    # the error came mid-stream, with the stream's HTTP 200: said was "(HTTP 200)"
    assert result.notice == "Claude stopped mid-way (overloaded); this is the offline analysis."


def client(slack: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-fake", base_url=f"{slack.url}/api/")  # noqa: S106


def test_appends_are_batched_to_respect_rate_limits(slack: FakeSlack) -> None:
    slack.reset()
    stream = SlackReportStream(
        client(slack), "C1", "1.0", recipient_user_id="U1", recipient_team_id="T1", interval_s=0.2
    )
    words = [f"word{n} " for n in range(100)]
    began = time.monotonic()
    for w in words:  # 100 pieces over about 1 s (longer on a busy machine)
        stream.append(w)
        time.sleep(0.01)
    took = time.monotonic() - began
    assert stream.finish() and stream.state == "done"
    (shown,) = slack.streamed("C1", "1.0")
    assert shown["text"] == "".join(words) and shown["state"] == "stopped"
    assert (shown["recipient_user_id"], shown["recipient_team_id"]) == ("U1", "T1")
    methods = [m for m, _ in shown["calls"]]
    assert methods[0] == "chat.startStream" and methods[-1] == "chat.stopStream"
    # batched: the start, at most one append each 0.2 s the pieces kept coming, the stop
    assert 3 <= len(methods) <= 2 + int(took / 0.2) + 1
    gaps = [b - a for (_, a), (_, b) in zip(shown["calls"], shown["calls"][1:-1], strict=False)]
    assert all(g >= 0.19 for g in gaps)


def test_refused_at_start_shows_nothing_and_says_refused(slack: FakeSlack) -> None:
    slack.reset()
    slack.refuse["chat.startStream"] = "not_allowed"  # as where Slack offers no streaming
    stream = SlackReportStream(client(slack), "C1", "2.0", recipient_user_id="U1")
    stream.append("Hello ")
    stream.append("there")
    assert stream.state == "refused" and not stream.finish()
    assert slack.streamed("C1", "2.0") == []


def test_a_stream_that_expires_midway_is_broken(slack: FakeSlack) -> None:
    slack.reset()
    slack.fail("chat.appendStream", on_call=2, error="message_not_in_streaming_state")
    stream = SlackReportStream(
        client(slack), "C1", "3.0", recipient_user_id="U1", recipient_team_id="T1", interval_s=0
    )
    for n in range(5):
        stream.append(f"part{n} ")
    assert stream.state == "broken" and not stream.finish()
    (shown,) = slack.streamed("C1", "3.0")
    assert shown["text"] == "part0 part1 "  # what Slack took before it refused
