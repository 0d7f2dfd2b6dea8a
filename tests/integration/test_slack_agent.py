"""The agent DM: Slack's assistant thread. In process (Bolt dispatching signed requests against
the local Slack API and a real Redis) and end to end (our server and worker processes)."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
import redis
from pydantic import SecretStr
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.slack.routes import build_bolt_app
from consultations.adapters.bootstrap import bootstrap
from consultations.adapters.embedded_redis import EmbeddedRedis
from consultations.adapters.settings import Settings
from consultations.adapters.slack.client import close_client
from consultations.catalog import Catalog
from consultations.state import Owner
from tests.fakes.slack_api import FakeSlack
from tests.integration.stack import SECRET, Stack, running
from tests.unit.test_engine import typical

_n = itertools.count(1)


def thread_started(user: str, channel: str, thread_ts: str) -> dict[str, Any]:
    return {
        "type": "assistant_thread_started",
        "assistant_thread": {
            "user_id": user,
            "context": {"channel_id": "C1", "team_id": "T1"},
            "channel_id": channel,
            "thread_ts": thread_ts,
        },
        "event_ts": f"{time.time():.6f}",
    }


def dm(user: str, channel: str, thread_ts: str, text: str) -> dict[str, Any]:
    return {
        "type": "message",
        "channel": channel,
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": f"{time.time():.6f}",
        "thread_ts": thread_ts,
    }


def top_level(user: str, channel: str, ts: str, text: str) -> dict[str, Any]:
    """A message in the app's Messages tab, outside any thread."""
    event = {**dm(user, channel, ts, text), "ts": ts}
    del event["thread_ts"]
    return event


def envelope(event: dict[str, Any], team: str = "T1") -> dict[str, Any]:
    return {
        "type": "event_callback",
        "team_id": team,
        "api_app_id": "A1",
        "event_id": f"EvAgent{next(_n):05d}",
        "event_time": int(time.time()),
        "event": event,
    }


def text_of(post: dict[str, Any]) -> str:
    blocks = post.get("blocks") or []
    return json.dumps(blocks) + (post.get("text") or "")


def calls_in(slack: FakeSlack, method: str, channel: str, ts: str) -> list[dict[str, Any]]:
    return [
        p
        for p in slack.calls(method)
        if p.get("channel_id") == channel and p.get("thread_ts") == ts
    ]


# --- in process: Bolt's dispatch of signed requests ------------------------------------------


@pytest.fixture
def dispatch(
    redis_server: EmbeddedRedis, slack: FakeSlack, tmp_path
) -> Iterator[Callable[[dict[str, Any], Callable[[], Any]], Any]]:  # type: ignore[no-untyped-def]
    """Send one event to an in-process Bolt app; wait (in its loop) until ``until()`` holds."""
    url = redis_server.url.rsplit("/", 1)[0] + "/7"
    redis.Redis.from_url(url).flushdb()
    settings = Settings(
        redis_url=url,
        slack_bot_token=SecretStr("xoxb-fake"),
        slack_signing_secret=SecretStr(SECRET),
        slack_api_url=f"{slack.url}/api/",
        neurips_llm="offline",
        neurips_data_dir=tmp_path,
    )
    app = bootstrap(settings, queue=False)
    bolt = build_bolt_app(app)

    def send(body: dict[str, Any], until: Callable[[], Any]) -> Any:
        """An event (JSON), or an interaction (``block_actions``, ``view_submission``: a form)."""
        ctype = "application/json"
        raw = json.dumps(body)
        if body.get("type") in ("block_actions", "view_submission"):
            ctype, raw = "application/x-www-form-urlencoded", urlencode({"payload": raw})
        ts = str(int(time.time()))
        sig = SignatureVerifier(SECRET).generate_signature(timestamp=ts, body=raw)
        headers = {
            "content-type": [ctype],
            "x-slack-request-timestamp": [ts],
            "x-slack-signature": [sig],
        }

        async def go() -> Any:
            try:
                resp = await bolt.async_dispatch(AsyncBoltRequest(body=raw, headers=headers))
                assert resp.status == 200, resp.body
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline:
                    found = until()
                    if found:
                        return found
                    await asyncio.sleep(0.02)
                raise AssertionError("timed out waiting for Slack calls")
            finally:  # this loop's session closes with it
                await close_client(bolt.client)

        return asyncio.run(go())

    send.app = app  # type: ignore[attr-defined]  # for tests that read what was stored
    yield send
    app.close()


def test_opening_the_agent_thread_offers_prompts_and_the_eight(dispatch, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    dispatch(
        envelope(thread_started("U30", "D30", "1800000000.000100")),
        lambda: calls_in(
            slack, "assistant.threads.setSuggestedPrompts", "D30", "1800000000.000100"
        ),
    )
    offered = calls_in(slack, "assistant.threads.setSuggestedPrompts", "D30", "1800000000.000100")
    messages = [p["message"] for p in offered[-1]["prompts"]]
    assert len(messages) <= 4 and {"consult", "resume", "digest mine preview"} <= set(messages)
    greeting = slack.thread("D30", "1800000000.000100")[-1]
    buttons = [b["accessory"]["action_id"] for b in greeting["blocks"] if "accessory" in b]
    assert buttons == [f"agent_consult_{n}" for n in range(1, 9)]


def test_prompts_resume_and_digest_preview_answer_in_the_thread(dispatch, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    ts = "1800000001.000100"
    dispatch(envelope(thread_started("U31", "D31", ts)), lambda: slack.thread("D31", ts))
    for text, expect in (
        ("resume", "Nothing in progress"),
        ("digest preview", "has no digest yet"),
        ("digest mine preview", "You have no digest of your own"),
        ("status", "no consultations yet"),
    ):
        before = len(slack.thread("D31", ts))
        new = dispatch(
            envelope(dm("U31", "D31", ts, text)),
            lambda b=before: slack.thread("D31", ts)[b:],
        )
        assert expect in new[0]["text"], new


def test_a_dm_thread_that_is_not_an_agent_thread_is_left_to_the_thread_listener(
    dispatch, slack: FakeSlack
) -> None:  # type: ignore[no-untyped-def]
    before = len(slack.requests)
    later = time.monotonic() + 1.0  # the listeners run after the ack: give them a second
    dispatch(
        envelope(dm("U32", "D32", "1800000002.000100", "consult 3")),
        lambda: time.monotonic() > later,
    )
    assert not [r for r in slack.requests[before:] if "D32" in r.body.decode(errors="replace")]


# --- end to end: our server and a worker -----------------------------------------------------


@pytest.fixture(scope="module")
def stack(redis_server: EmbeddedRedis, slack: FakeSlack, tmp_path_factory) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    with running(redis_server.url, 8, slack.url, tmp_path_factory.mktemp("agent-stack")) as s:
        yield s


def say(stack: Stack, slack: FakeSlack, user: str, ch: str, ts: str, text: str) -> list[dict]:
    before = len(slack.thread(ch, ts))
    assert stack.event(dm(user, ch, ts, text)).status_code == 200
    return slack.wait_for(lambda: slack.thread(ch, ts)[before:])


@pytest.mark.slow
def test_a_whole_consultation_in_the_agent_thread(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    script = catalog.by_slug("edge-economics")
    ch, ts = "D40", "1800000010.000100"
    assert stack.event(thread_started("U40", ch, ts)).status_code == 200
    slack.wait_for(lambda: calls_in(slack, "assistant.threads.setSuggestedPrompts", ch, ts))
    first = say(stack, slack, "U40", ch, ts, "consult 3")  # the prompt, then "3"
    assert "1/8" in text_of(first[-1]) and script.questions[0].text in text_of(first[-1])
    assert [t["title"] for t in calls_in(slack, "assistant.threads.setTitle", ch, ts)] == [
        script.title
    ]
    for i, q in enumerate(script.questions[:-1], 2):
        new = say(stack, slack, "U40", ch, ts, typical(q))
        assert f"{i}/8" in text_of(new[0])
    say(stack, slack, "U40", ch, ts, typical(script.questions[-1]))
    report = slack.wait_for(
        lambda: [
            p for p in slack.thread(ch, ts) if (p.get("blocks") or [{}])[0].get("type") == "header"
        ]
    )
    assert "$40,500" in text_of(report[0])
    statuses = [p["status"] for p in calls_in(slack, "assistant.threads.setStatus", ch, ts)]
    assert statuses.count("reading your answers…") == len(script.questions)
    assert statuses[-1] == "writing your report…"


@pytest.mark.slow
def test_a_button_starts_the_consultation_in_the_agent_thread(
    stack: Stack, slack: FakeSlack, catalog: Catalog
) -> None:
    ch, ts = "D41", "1800000011.000100"
    stack.event(thread_started("U41", ch, ts))
    greeting = slack.wait_for(lambda: slack.thread(ch, ts))[-1]
    button = next(b["accessory"] for b in greeting["blocks"] if "accessory" in b)
    payload = {
        "type": "block_actions",
        "user": {"id": "U41", "team_id": "T1"},
        "team": {"id": "T1"},
        "channel": {"id": ch},
        "api_app_id": "A1",
        "actions": [button],
        "container": {"type": "message", "channel_id": ch, "message_ts": "x", "thread_ts": ts},
        "trigger_id": "1.2.3",
    }
    from urllib.parse import urlencode

    stack.post(
        urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded"
    )
    first = slack.wait_for(lambda: [p for p in slack.thread(ch, ts) if "1/" in text_of(p)])
    assert catalog.scripts[0].questions[0].text in text_of(first[0])


@pytest.mark.slow
def test_slack_refusing_the_status_line_does_not_stop_the_consultation(
    stack: Stack, slack: FakeSlack
) -> None:
    ch, ts = "D42", "1800000012.000100"
    stack.event(thread_started("U42", ch, ts))
    slack.wait_for(lambda: slack.thread(ch, ts))
    slack.refuse["assistant.threads.setStatus"] = "missing_scope"
    slack.refuse["assistant.threads.setTitle"] = "missing_scope"
    try:
        say(stack, slack, "U42", ch, ts, "consult 1")
        new = say(stack, slack, "U42", ch, ts, "GPT-4o for chat, Claude for code")
        assert "2/6" in text_of(new[0])
    finally:
        slack.refuse.clear()


@pytest.mark.slow
def test_answers_in_a_dm_fallback_thread_still_move_the_consultation(
    stack: Stack, slack: FakeSlack
) -> None:
    slack.no_post_channels.add("C43")
    stack.command("consult 1", "U43", channel="C43")
    parent = slack.wait_for(
        lambda: [
            p for p in slack.requests_with_ts() if p["channel"] == "DU43" and "thread_ts" not in p
        ]
    )[0]
    slack.wait_for(lambda: slack.thread("DU43", parent["ts"]))
    new = say(stack, slack, "U43", "DU43", parent["ts"], "GPT-4o for chat, Claude for code")
    assert "2/6" in text_of(new[0])


@pytest.mark.slow
def test_a_suggested_prompt_mid_consultation_is_a_command_not_an_answer(
    stack: Stack, slack: FakeSlack
) -> None:
    """Slack keeps the suggested prompts on screen: picking 'Where do my consultations stand?'
    or 'Resume where I left off' while a question waits answers the prompt, records nothing, and
    the question is asked again last (it was taken as the answer 'status', 'resume'…)."""
    ch, ts = "D44", "1800000014.000100"
    stack.event(thread_started("U44", ch, ts))
    slack.wait_for(lambda: slack.thread(ch, ts))
    say(stack, slack, "U44", ch, ts, "consult 7")
    for text, told in (
        ("status", "0 of 6 answered, in progress"),
        ("resume", "Picking up *Diffusion Model IP Risk Assessment*"),
        ("digest preview", "digest"),
    ):
        before = len(slack.thread(ch, ts))
        assert stack.event(dm("U44", ch, ts, text)).status_code == 200
        new = slack.wait_for(
            lambda b=before: slack.thread(ch, ts)[b:][1:] and slack.thread(ch, ts)[b:]
        )
        assert told in text_of(new[0]) and "Noted" not in text_of(new[0]), (text, new)
        assert "1/6 What will the generated images be used for?" in text_of(new[-1])
    new = say(stack, slack, "U44", ch, ts, "ads for our shop")
    assert "Noted: ads for our shop" in text_of(new[0]) and "2/6" in text_of(new[0])


@pytest.mark.slow
def test_resume_in_the_agent_thread_takes_the_answers_for_the_resumed_one(
    stack: Stack, slack: FakeSlack
) -> None:
    """A second consultation started in the same agent thread, then cancelled: `resume` asked
    the first one's question there, and the answer typed met 'Which consultation?' (the thread
    still pointed at the cancelled one)."""
    ch, ts = "D45", "1800000015.000100"
    stack.event(thread_started("U45", ch, ts))
    slack.wait_for(lambda: slack.thread(ch, ts))
    say(stack, slack, "U45", ch, ts, "consult 7")
    say(stack, slack, "U45", ch, ts, "ads for our shop")
    (started,) = say(stack, slack, "U45", ch, ts, "consult 3")
    assert (  # the one this thread held is not gone
        "*Diffusion Model IP Risk Assessment* (1 of 6 answered) is paused meanwhile: "
        "`/neurips resume` continues it when this one is done." in text_of(started)
    )
    say(stack, slack, "U45", ch, ts, "cancel")
    before = len(slack.thread(ch, ts))
    assert stack.event(dm("U45", ch, ts, "resume")).status_code == 200
    resumed = slack.wait_for(lambda: slack.thread(ch, ts)[before:][1:] and slack.thread(ch, ts))
    assert "2/6 Which vendors" in text_of(resumed[-1])
    new = say(stack, slack, "U45", ch, ts, "Midjourney")
    assert "Noted: Midjourney" in text_of(new[0]) and "3/6" in text_of(new[0])


@pytest.mark.slow
def test_undo_in_the_agent_thread_takes_back_a_cancel(stack: Stack, slack: FakeSlack) -> None:
    """After `cancel` in the agent thread, `undo` was read as a consultation's name and the
    eight were offered again; the cancelled one stayed lost."""
    ch, ts = "D46", "1800000016.000100"
    stack.event(thread_started("U46", ch, ts))
    slack.wait_for(lambda: calls_in(slack, "assistant.threads.setSuggestedPrompts", ch, ts))
    say(stack, slack, "U46", ch, ts, "consult 3")
    say(stack, slack, "U46", ch, ts, "5M")
    say(stack, slack, "U46", ch, ts, "cancel")
    (back,) = say(stack, slack, "U46", ch, ts, "undo")
    assert "Picked up again where you were: 1 of 8 answered." in text_of(back)
    assert "2/8" in text_of(back)


@pytest.mark.slow
def test_writing_after_cancel_in_the_agent_thread_says_it_was_cancelled(
    stack: Stack, slack: FakeSlack
) -> None:
    """An answer typed after `cancel` in the agent thread was met with a bare 'Which
    consultation?' and the eight, as if nothing had run there; in a channel thread (and in
    Teams) the user is told it was cancelled and how to pick it up again."""
    ch, ts = "D49", "1800000019.000100"
    stack.event(thread_started("U49", ch, ts))
    slack.wait_for(lambda: calls_in(slack, "assistant.threads.setSuggestedPrompts", ch, ts))
    say(stack, slack, "U49", ch, ts, "consult 3")
    say(stack, slack, "U49", ch, ts, "cancel")
    (told,) = say(stack, slack, "U49", ch, ts, "5M")
    assert "*Edge Deployment Economics* was cancelled" in text_of(told)
    assert "`undo` picks it up again, or `consult 3` starts it afresh" in text_of(told)
    assert len([b for b in told["blocks"] if "accessory" in b]) == 8  # or another, picked
    (back,) = say(stack, slack, "U49", ch, ts, "undo")
    assert "Picked up again where you were" in text_of(back)


@pytest.mark.slow
def test_triage_typed_in_the_agent_thread_is_not_noted_as_a_vendor(
    stack: Stack, slack: FakeSlack
) -> None:
    """'triage colm2025' at 'Which models and vendors do you use?' was noted as the vendor."""
    ch, ts = "D50", "1800000020.000100"
    stack.event(thread_started("U50", ch, ts))
    slack.wait_for(lambda: calls_in(slack, "assistant.threads.setSuggestedPrompts", ch, ts))
    say(stack, slack, "U50", ch, ts, "consult 1")
    before = len(slack.thread(ch, ts))
    stack.event(dm("U50", ch, ts, "triage colm2025"))
    told, again = slack.wait_for(
        lambda: (
            len(slack.thread(ch, ts)) >= before + 2
            and (
                slack.thread(ch, ts)[before : before + 2]  # the reply, then the question again
            )
        )
    )
    assert "`triage colm2025` was not taken as an answer" in text_of(told)
    assert "Noted" not in text_of(again) and "1/6 Which models" in text_of(again)


@pytest.mark.slow
def test_a_message_in_the_apps_messages_tab_is_answered_in_its_thread(
    stack: Stack, slack: FakeSlack
) -> None:
    """'consult 3' (or 'help') sent to the app's Messages tab, outside any thread, met silence."""
    ch, ts = "D47", f"{time.time():.6f}"
    assert stack.event(top_level("U47", ch, ts, "consult 3")).status_code == 200
    first = slack.wait_for(lambda: slack.thread(ch, ts))
    assert "*Edge Deployment Economics*" in text_of(first[0]) and "1/8" in text_of(first[-1])
    (noted,) = say(stack, slack, "U47", ch, ts, "5M")  # answered in that thread
    assert "Noted: 5,000,000 requests a month." in text_of(noted) and "2/8" in text_of(noted)
    ts2 = f"{time.time():.6f}"
    stack.event(top_level("U47", ch, ts2, "hello?"))
    (picker,) = slack.wait_for(lambda: slack.thread(ch, ts2))
    # the eight, to start one, under where the one in progress waits (a slip of the thread)
    assert "Or start another consultation here: *which one?*" in text_of(picker)
    assert "go in its thread, where question 2 is waiting" in text_of(picker)
    assert len([b for b in picker["blocks"] if "accessory" in b]) == 8


@pytest.mark.slow
def test_help_in_the_agent_thread_says_what_to_type_there(stack: Stack, slack: FakeSlack) -> None:
    """Help in the agent thread listed `/neurips consult`, `/neurips status`…: slash commands,
    where the thread takes the words as they are."""
    ch, ts = "D48", "1800000018.000100"
    stack.event(thread_started("U48", ch, ts))
    slack.wait_for(lambda: calls_in(slack, "assistant.threads.setSuggestedPrompts", ch, ts))
    (told,) = say(stack, slack, "U48", ch, ts, "help")
    assert "/neurips" not in text_of(told)
    assert "`consult` — pick one of eight consultations (or `consult 3`" in text_of(told)
    assert "Answer each question here" in text_of(told)


def test_a_question_typed_to_the_agent_is_said_to_be_heard_before_the_eight(
    dispatch, slack: FakeSlack
) -> None:  # type: ignore[no-untyped-def]
    """A question no consultation is named in gets the picker with why (it was the bare
    'Which consultation?', as if the question had not been read); a greeting, the picker."""
    ts = "1800000003.000100"
    dispatch(envelope(thread_started("U33", "D33", ts)), lambda: slack.thread("D33", ts))
    for text, lead in (
        ("does running our models on device pay off?", "I don't answer questions directly"),
        ("hi", "*Which consultation?*"),
        ("thanks, very useful", "*Which consultation?*"),  # no question to be said heard
    ):
        before = len(slack.thread("D33", ts))
        (reply,) = dispatch(
            envelope(dm("U33", "D33", ts, text)), lambda b=before: slack.thread("D33", ts)[b:]
        )
        assert reply["blocks"][0]["text"]["text"].startswith(lead)
        assert reply["text"].startswith(lead.strip("*"))  # the notification says it too
        buttons = [b["accessory"]["action_id"] for b in reply["blocks"] if "accessory" in b]
        assert buttons == [f"agent_consult_{n}" for n in range(1, 9)]


def test_an_answer_written_in_the_messages_tab_points_to_the_waiting_thread(
    dispatch, slack: FakeSlack
) -> None:  # type: ignore[no-untyped-def]
    """An answer typed in the Messages tab, outside the consultation's thread, got the eight
    consultations as if it were a new request ('Which consultation?')."""
    first, later = "1800000004.000100", "1800000004.000200"
    dispatch(
        envelope(top_level("U34", "D34", first, "consult 7")), lambda: slack.thread("D34", first)
    )
    (reply,) = dispatch(
        envelope(top_level("U34", "D34", later, "ads for our shop")),
        lambda: slack.thread("D34", later),
    )
    lead = reply["blocks"][0]["text"]["text"]
    assert lead.startswith("Was that an answer? I did not take it as one: answers to ")
    assert (
        "*Diffusion Model IP Risk Assessment* go in its thread, where question 1 is waiting" in lead
    )
    assert f"<https://slack.com/archives/D34/p{first.replace('.', '')}|open thread>" in lead
    assert len([b for b in reply["blocks"] if "accessory" in b]) == 8  # or start another
    c = dispatch.app.service.at(  # type: ignore[attr-defined]
        Owner(platform="slack", workspace="T1", user="U34"), f"D34/{first}"
    )
    assert c is not None and c.answers == {}


def test_an_answer_edited_in_the_agent_thread_says_what_stands(dispatch, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    """Bolt's assistant middleware dropped every edit in a DM thread before our listeners:
    the answer edited there changed nothing, and nothing was said."""
    ts = "1800000005.000100"
    dispatch(envelope(thread_started("U35", "D35", ts)), lambda: slack.thread("D35", ts))
    for text in ("consult 3", "5M"):
        before = len(slack.thread("D35", ts))
        dispatch(envelope(dm("U35", "D35", ts, text)), lambda b=before: slack.thread("D35", ts)[b:])
    sent = {"type": "message", "user": "U35", "text": "5M", "ts": "1.000001", "thread_ts": ts}
    edit = {
        "type": "message",
        "subtype": "message_changed",
        "channel": "D35",
        "channel_type": "im",
        "hidden": True,
        "ts": f"{time.time():.6f}",
        "message": {**sent, "text": "6M", "edited": {"user": "U35", "ts": "2"}},
        "previous_message": sent,
    }
    (told,) = dispatch(
        envelope(edit),
        lambda: [p for p in slack.calls("chat.postEphemeral") if p["channel"] == "D35"],
    )
    assert told["user"] == "U35" and told["thread_ts"] == ts
    assert told["text"].startswith("I do not read edits, so question 1 keeps your answer")


def test_under_the_report_in_the_agent_thread_edit_n_and_questions_are_answered(
    dispatch, slack: FakeSlack, catalog: Catalog
) -> None:  # type: ignore[no-untyped-def]
    """Under a finished report the line says 'Type `edit N` …'; in the agent thread `edit 1`
    got the eight consultations ('Which consultation?') instead."""
    ts = "1800000006.000100"
    dispatch(envelope(thread_started("U36", "D36", ts)), lambda: slack.thread("D36", ts))

    def say(text: str) -> list[dict[str, Any]]:
        before = len(slack.thread("D36", ts))
        return dispatch(  # type: ignore[no-any-return]
            envelope(dm("U36", "D36", ts, text)), lambda b=before: slack.thread("D36", ts)[b:]
        )

    say("consult 7")
    for q in catalog.by_slug("diffusion-ip-risk").questions:
        say(typical(q))
    (asked,) = say("why is the risk rated high?")
    assert asked["text"].startswith("I cannot answer questions about the report")
    (again,) = say("edit 1")
    assert "1/6" in text_of(again) and "Which consultation?" not in text_of(again)


def test_thanks_under_the_report_in_the_agent_thread_is_welcomed_not_refused(
    dispatch, slack: FakeSlack, catalog: Catalog
) -> None:  # type: ignore[no-untyped-def]
    """'thanks, very useful' under a finished report got "I don't answer questions directly"
    and the eight consultations, as if it were a question no consultation matched."""
    ts = "1800000009.000100"
    dispatch(envelope(thread_started("U39", "D39", ts)), lambda: slack.thread("D39", ts))

    def say(text: str) -> list[dict[str, Any]]:
        before = len(slack.thread("D39", ts))
        return dispatch(  # type: ignore[no-any-return]
            envelope(dm("U39", "D39", ts, text)), lambda b=before: slack.thread("D39", ts)[b:]
        )

    say("consult 7")
    for q in catalog.by_slug("diffusion-ip-risk").questions:
        say(typical(q))
    for typed in ("thanks, very useful", "thank you", "great, thanks", "merci", "danke"):
        (told,) = say(typed)
        assert told["text"].startswith("Glad it helps."), (typed, told)
        assert "Type `edit N` to change answer N" in told["text"]
        assert "`consult` to start another consultation" in told["text"]
        assert not told.get("blocks"), typed  # no picker of the eight
    (again,) = say("edit 1")  # the consultation still takes its corrections
    assert "1/6" in text_of(again)


def test_resume_in_an_agent_thread_picks_up_its_own_consultation(
    dispatch, slack: FakeSlack
) -> None:  # type: ignore[no-untyped-def]
    """`resume` in an agent thread whose consultation is paused picked up the one answered
    last anywhere (another agent thread's), and asked that one's question."""
    mine, other = "1800000010.000100", "1800000010.000200"

    def say(ts: str, text: str, n: int = 1) -> list[dict[str, Any]]:
        before = len(slack.thread("D40", ts))
        return dispatch(  # type: ignore[no-any-return]
            envelope(dm("U40", "D40", ts, text)),
            lambda: len(slack.thread("D40", ts)[before:]) >= n and slack.thread("D40", ts)[before:],
        )

    for ts in (mine, other):
        dispatch(envelope(thread_started("U40", "D40", ts)), lambda t=ts: slack.thread("D40", t))
    say(mine, "consult 7")
    say(mine, "ads for our shop")
    say(other, "consult 3")
    say(other, "5M")  # answered last: the latest consultation in progress
    said, asked = say(mine, "resume", n=2)
    assert "Picking up *Diffusion Model IP Risk Assessment* here" in text_of(said)
    assert "2/6 Which vendors" in text_of(asked) and asked["thread_ts"] == mine
    (noted,) = say(mine, "Midjourney")
    assert "Noted: Midjourney" in text_of(noted) and "3/6" in text_of(noted)


def test_after_forget_the_agent_thread_still_answers(dispatch, slack: FakeSlack) -> None:  # type: ignore[no-untyped-def]
    """`forget` deleted the mark that made the thread an agent thread with everything else:
    whatever was typed there afterwards ('consult 3') met silence."""
    ts, ch = "1800000007.000100", "D37"
    dispatch(envelope(thread_started("U37", ch, ts)), lambda: slack.thread(ch, ts))

    def say(text: str) -> list[dict[str, Any]]:
        before = len(slack.thread(ch, ts))
        return dispatch(  # type: ignore[no-any-return]
            envelope(dm("U37", ch, ts, text)), lambda b=before: slack.thread(ch, ts)[b:]
        )

    say("consult 3")
    (confirm,) = say("forget")
    click = {
        "type": "block_actions",
        "user": {"id": "U37", "team_id": "T1"},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "channel": {"id": ch},
        "container": {"type": "message", "channel_id": ch, "thread_ts": ts},
        "actions": [{"type": "button", "action_id": "forget_confirm", "value": "yes"}],
        "response_url": f"{slack.url}/response/forget37",
        "trigger_id": "1.2.3",
    }
    assert confirm["blocks"][1]["elements"][0]["action_id"] == "forget_confirm"
    (done,) = dispatch(click, lambda: slack.responses("forget37"))
    assert "Done: deleted" in done["text"]
    (asked,) = say("consult 3")
    assert "1/8" in text_of(asked)


def test_an_agent_thread_in_use_stays_one_past_the_days_it_was_opened_for(
    dispatch, slack: FakeSlack
) -> None:  # type: ignore[no-untyped-def]
    """The mark that makes a DM thread an agent thread lapsed a state TTL after the thread was
    opened however often it was used: a consultation answered there over weeks then lost the
    agent's replies (`consult 3` under its report opened a new DM thread instead)."""
    from bot.slack.assistant import marker

    ts, ch = "1800000008.000100", "D38"
    dispatch(envelope(thread_started("U38", ch, ts)), lambda: slack.thread(ch, ts))
    key = marker(Owner(platform="slack", workspace="T1", user="U38"), ch, ts)
    dispatch.app.redis.expire(key, 60)  # days later: a minute of its mark left
    before = len(slack.thread(ch, ts))
    dispatch(envelope(dm("U38", ch, ts, "consult 3")), lambda: slack.thread(ch, ts)[before:])
    assert dispatch.app.redis.ttl(key) > 60 * 60 * 24  # used: kept for as long again


def test_digest_weekly_at_the_cadence_question_in_the_agent_thread_is_the_answer(
    dispatch, slack: FakeSlack, catalog: Catalog
) -> None:  # type: ignore[no-untyped-def]
    """'digest weekly on Monday' at 'How often should the digest arrive?' got the digest's
    help there, as in a channel's thread."""
    ts, ch = "1800000009.000100", "D39"
    dispatch(envelope(thread_started("U39", ch, ts)), lambda: slack.thread(ch, ts))

    def say(text: str) -> list[dict[str, Any]]:
        before = len(slack.thread(ch, ts))
        return dispatch(  # type: ignore[no-any-return]
            envelope(dm("U39", ch, ts, text)), lambda b=before: slack.thread(ch, ts)[b:]
        )

    say("consult 5")
    script = catalog.by_slug("research-curation")
    for q in script.questions[: [q.key for q in script.questions].index("cadence")]:
        say(typical(q))
    (noted,) = say("digest weekly on Monday")
    assert "_Noted: Weekly._" in text_of(noted) and "8/8" in text_of(noted)
