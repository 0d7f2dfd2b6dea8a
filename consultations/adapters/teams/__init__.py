"""Posting to Microsoft Teams: Bot Framework auth, cards, conversation references, and the
proactive gateway workers post through."""
