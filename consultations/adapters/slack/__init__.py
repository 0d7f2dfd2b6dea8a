"""Posting to Slack from anywhere (workers, the server): formatting and the Web API gateway."""
