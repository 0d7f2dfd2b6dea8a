"""Adapters: Redis state, the embedded Redis server, and the report narrators."""
