"""The domain: consultation scripts, the pure engine, advisors, reports and triage.

Core modules here do no I/O and import no Slack, Teams, Redis, Anthropic or Celery code;
those live in ``consultations.adapters`` and in ``bot/`` and ``workers/``.
"""
