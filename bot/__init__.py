"""Entry points: the CLI, the terminal chat, the HTTP server, and the Slack and Teams adapters."""
