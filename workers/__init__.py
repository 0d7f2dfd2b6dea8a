"""Celery: the app and thin tasks that call into consultations/ (reports, triage, digests)."""
