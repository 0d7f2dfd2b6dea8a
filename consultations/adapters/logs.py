"""The one structlog configuration: readable on a terminal, JSON in production.

Our structlog loggers render and write their lines themselves; stdlib loggers (Celery, kombu,
botbuilder, aiohttp) go through the same processors via structlog's ``ProcessorFormatter`` to
the same stream, so JSON mode writes only JSON lines, each with the context bound for the
request or task.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

import structlog

_SHARED: list[structlog.typing.Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.processors.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    structlog.processors.StackInfoRenderer(),
]


class LineWriter:
    """structlog's ``WriteLogger`` without its lock: each line is one ``write()`` to the
    stream and a flush, as the stdlib handler does. Its lock, unlike the stdlib handler's,
    is not renewed in a process forked while another thread holds it (a Celery pool child)."""

    def __init__(self, stream: TextIO) -> None:
        self._write, self._flush = stream.write, stream.flush

    def msg(self, message: str) -> None:
        self._write(message + "\n")
        self._flush()

    log = debug = info = warn = warning = error = err = critical = exception = fatal = msg


def configure_logging(fmt: str = "auto", level: str = "INFO", stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    as_json = fmt == "json" or (fmt == "auto" and not stream.isatty())
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if as_json else structlog.dev.ConsoleRenderer()
    )
    number = logging.getLevelName(level.upper())
    # our own lines are rendered and written by structlog itself, not handed to stdlib logging
    # as a record to format (a LogRecord, the caller's frame looked up, the handler's lock):
    # the same line at about a third of the CPU, and a server answer logs one
    structlog.configure(
        processors=[*_SHARED, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(number),
        logger_factory=lambda *_: LineWriter(stream),
        cache_logger_on_first_use=False,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[structlog.stdlib.add_logger_name, *_SHARED],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer,
        ],
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(number)
    logging.captureWarnings(True)  # warnings (Celery's superuser warning) as log lines too
    for name in ("celery", "kombu", "amqp"):  # their own handlers would print plain text
        lib = logging.getLogger(name)
        lib.handlers[:] = []
        lib.propagate = True
