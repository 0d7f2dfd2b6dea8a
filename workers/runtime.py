"""What a worker process needs, built once per process on first use: the composition root."""

from __future__ import annotations

import threading

from consultations.adapters.bootstrap import App, bootstrap
from consultations.adapters.settings import Settings

_lock = threading.Lock()
_runtime: App | None = None


def runtime() -> App:
    global _runtime
    with _lock:
        if _runtime is None:
            _runtime = bootstrap(Settings())
        return _runtime
