"""The triage and digest core stays pure: no I/O library, no adapter, no environment."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

CORE = [*sorted((ROOT / "consultations" / "triage").glob("*.py")), ROOT / "consultations/digest.py"]
IO_LIBRARIES = {
    "urllib", "http", "socket", "requests", "httpx", "aiohttp", "redis", "anthropic", "celery",
    "slack_sdk", "slack_bolt", "botbuilder", "defusedxml", "os", "subprocess", "threadpoolctl",
}  # fmt: skip


def imports(path) -> set[str]:  # type: ignore[no-untyped-def]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_triage_core_imports_no_io_library_and_no_adapter() -> None:
    assert len(CORE) > 10
    for path in CORE:
        for name in imports(path):
            root = name.split(".")[0]
            assert root not in IO_LIBRARIES, f"{path.name} imports {name}"
            assert not name.startswith(("consultations.adapters", "bot", "workers")), (
                f"{path.name} imports {name}"
            )


def test_the_triage_cli_lives_with_the_other_commands() -> None:
    assert not (ROOT / "consultations" / "triage" / "cli.py").exists()
    assert not (ROOT / "consultations" / "triage" / "sources_http.py").exists()
    assert (ROOT / "bot" / "triage_cli.py").exists()
