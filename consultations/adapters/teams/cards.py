"""Teams message shapes: Markdown text and Adaptive Cards for choice questions. Pure."""

from __future__ import annotations

import re
from typing import Any

from botbuilder.core import CardFactory, MessageFactory
from botbuilder.schema import Activity

from consultations import messages
from consultations.engine import Asked
from consultations.scripts import QuestionType

MESSAGE_LIMIT = 20_000  # characters per message: well inside Teams' ~80 KB with markup
_CODE = re.compile(r"`([^`\n]+)`")


def card_markdown(markdown: str) -> str:
    """Our Markdown as an Adaptive Card's TextBlock renders it: bold, italic, lists and links
    only, so what we quote as code (`1`, `skip`) is bold there, not shown with its backticks."""
    return _CODE.sub(r"**\1**", markdown)


def text(markdown: str) -> Activity:
    activity = MessageFactory.text(markdown)
    activity.text_format = "markdown"
    return activity


def report_text(title: str, author: str, body: str) -> str:
    """A report as Teams shows it: its title and who wrote it on the first line, then the body
    with its own title line left out (it opened the body as well: the title came twice)."""
    kept = "\n".join(line for line in body.split("\n") if line.strip() != f"**{title}**")
    return f"**{title}** — report by {author}\n\n{kept.strip()}"


def with_feedback(activity: Activity) -> Activity:
    """👍/👎 under a message (Teams' default feedback form, which also asks what was off); a
    click comes back as a ``message/submitAction`` invoke naming this message."""
    activity.channel_data = {**(activity.channel_data or {}), "feedbackLoop": {"type": "default"}}
    return activity


def question(asked: Asked, cid: str) -> Activity:
    """A choice question as a card: a button per option, or for "pick one or more" a box per
    option and one button sending the ticked ones ("1,3", read as typed numbers are)."""
    q = asked.question
    if q.type is not QuestionType.CHOICE:
        return text(messages.question(asked))
    labels = messages.choice_labels(q)
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": card_markdown(messages.question(asked)), "wrap": True}
    ]
    data = {"cid": cid, "key": q.key}
    if q.multiple:
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": "answer",  # Teams sends the ticked values here, joined with commas
                "isMultiSelect": True,
                "style": "expanded",
                "isRequired": True,
                "errorMessage": "Tick at least one.",
                "choices": [{"title": label, "value": number} for number, label in labels],
            }
        )
        actions = [{"type": "Action.Submit", "title": "Done", "data": data}]
    else:
        actions = [
            {"type": "Action.Submit", "title": label[:75], "data": {"answer": number, **data}}
            for number, label in labels
        ]
    card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.4",
        "body": body,
        "actions": actions,
    }
    return MessageFactory.attachment(CardFactory.adaptive_card(card))


def confirm_forget() -> Activity:
    card = {
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [
            {
                "type": "TextBlock",
                "wrap": True,
                "text": "Delete everything stored about "
                "you: every consultation, answer and report? This cannot be undone.",
            }
        ],
        "actions": [
            {"type": "Action.Submit", "title": "Delete everything", "data": {"forget": "yes"}},
            {"type": "Action.Submit", "title": "Keep", "data": {"forget": "no"}},
        ],
    }
    return MessageFactory.attachment(CardFactory.adaptive_card(card))
