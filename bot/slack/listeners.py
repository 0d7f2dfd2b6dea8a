"""Every Bolt listener, by kind. Each acks at once; the work then runs in the same process
(Bolt's async runner) with blocking calls moved to threads.

Slack event → ``commands``/``threads``/``actions``/``events`` → ``consultations.router`` →
the desk or the service → engine → store (→ job queue → worker → gateway).
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack import actions, asides, assistant, commands, events, feedback, threads
from bot.slack.context import SlackContext
from bot.slack.conversation import Conversation


def register(bolt: AsyncApp, ctx: SlackContext) -> Conversation:
    conv = Conversation(ctx)
    asides.register(bolt, ctx)  # DM edits, before the assistant middleware drops them
    assistant.register(bolt, ctx, conv)  # the agent DM's threads, before the thread listener
    commands.register(bolt, ctx, conv)
    threads.register(bolt, ctx, conv)
    actions.register(bolt, ctx, conv)
    events.register(bolt, ctx)
    feedback.register(bolt, ctx)
    return conv
