"""Slack: Bolt listeners, Block Kit formatting, and the gateway workers post through."""
