"""``neurips-advisor``: the command line. Each subcommand builds what it needs, once."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, entry_points, version
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import structlog

from consultations.adapters.logs import configure_logging
from consultations.adapters.settings import Settings, SettingsError, load_settings

log = structlog.get_logger(__name__)


_ABOUT = """\
NeurIPS 2025 research turned into decisions: eight strategy consultations, in the terminal
here, or in Slack and Microsoft Teams through `serve` (or `socket`) with `worker` and `beat`."""

_EXAMPLES = """\
examples:
  neurips-advisor chat                  pick a consultation (resumes the one in progress)
  neurips-advisor chat 3                Edge Deployment Economics (or: chat edge-economics)
  printf '5M\\n1200 in, 300 out\\n' | neurips-advisor chat 3     piped: one answer a line
  neurips-advisor triage neurips2025 --top 10
  neurips-advisor serve --port 3000     Slack and Teams over HTTP (needs their settings)

Settings come from the environment (README, "Configuration"). Without REDIS_URL an embedded
Redis keeps its data under NEURIPS_DATA_DIR; without ANTHROPIC_API_KEY reports are the
built-in offline analysis. `neurips-advisor COMMAND --help` shows a command's options."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="neurips-advisor",
        description=_ABOUT,
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("consultations", help="list the eight consultations")
    chat = sub.add_parser(
        "chat", help="run a consultation in the terminal (resumes one in progress)"
    )
    chat.add_argument("consultation", nargs="?", help="number (1-8) or name, e.g. edge-economics")
    chat.add_argument("--user", default=None, help="whose consultations (default: your login)")
    roadmap = sub.add_parser(
        "roadmap",
        help="your 2026 AI roadmap: the strategy synthesis (consultation 8) in the terminal",
    )
    roadmap.add_argument("--user", default=None, help="whose consultations (default: your login)")
    sub.add_parser("digest", help="where the research digest is delivered (Slack and Teams)")
    forget = sub.add_parser("forget", help="delete every consultation of a terminal user")
    forget.add_argument("--user", default=None, help="whose consultations (default: your login)")
    serve = sub.add_parser(
        "serve",
        help="the HTTP server: Slack at /slack/events, Teams at "
        "/api/messages, /healthz and /readyz",
    )
    serve.add_argument("--port", type=_port, default=None, help="default: PORT or 3000")
    sub.add_parser("socket", help="the Slack app over Socket Mode (needs SLACK_APP_TOKEN)")
    from bot import triage_cli

    triage_cli.add_parser(sub)
    for plugin in _plugins():
        plugin.add_parsers(sub)
    return p


def _version() -> str:
    try:
        return version("neurips-advisor")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (1-65535)")
    return port


class _Plugin(Protocol):
    COMMANDS: tuple[str, ...]

    def add_parsers(self, sub: argparse._SubParsersAction) -> None: ...
    def run(self, args: argparse.Namespace, settings: Settings) -> int: ...


def _plugins() -> list[_Plugin]:
    """Commands other packages contribute (``worker`` and ``beat`` from ``workers``), found
    through the ``neurips_advisor.commands`` entry points, so this package never imports them."""
    return [ep.load() for ep in entry_points(group="neurips_advisor.commands")]


def _terminal_user(name: str | None) -> str:
    from bot.profiles import terminal_user

    return terminal_user(name)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `neurips-advisor chat 7 | head`: the reader left; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as e:
        problems = str(e).splitlines()
        print(
            f"neurips-advisor: {len(problems)} setting(s) cannot work (README, Configuration):",
            *(f"  {p}" for p in problems),
            sep="\n",
            file=sys.stderr,
        )
        return 2
    if args.command == "digest":
        from bot.terminal import DIGEST_HERE

        print(DIGEST_HERE.replace("`", ""))
        return 0
    if args.command == "roadmap":  # `chat 8` by its name
        args.command, args.consultation = "chat", "strategy-synthesis"
    interactive = args.command in ("chat", "consultations", "forget")
    configure_logging(
        settings.neurips_log_format, "WARNING" if interactive else settings.neurips_log_level
    )
    if args.command in ("serve", "socket"):
        from bot import services

        return services.run(args, settings)
    for plugin in _plugins():
        if args.command in plugin.COMMANDS:
            return plugin.run(args, settings)
    if args.command == "triage":
        from bot import triage_cli

        return int(triage_cli.run(args, settings))
    from consultations.adapters.bootstrap import bootstrap

    if args.command == "consultations":
        from consultations import messages
        from consultations.catalog import load_catalog

        catalog = load_catalog(settings.neurips_prompts_dir or _prompts_default())
        print(messages.catalog_list(catalog).replace("**", ""))
        return 0
    import redis

    try:
        app = bootstrap(settings, queue=False)
    except Exception as e:  # a clear message instead of a traceback for set-up problems
        where = ""
        if isinstance(e, OSError) and settings.redis_url is None:
            where = f" (the embedded Redis's data: NEURIPS_DATA_DIR={settings.neurips_data_dir})"
        print(f"neurips-advisor: cannot start: {e}{where}", file=sys.stderr)
        return 1
    try:
        app.redis.ping()
        from consultations.state import Owner

        owner = Owner(platform="terminal", workspace="local", user=_terminal_user(args.user))
        if args.command == "forget":
            n = app.service.forget(owner)
            print(f"Deleted {n} stored item(s) for {owner.user}.")
            return 0
        from bot.terminal import Terminal, run_chat

        if app.settings.llm_mode == "offline" and sys.stdout.isatty():
            print("(No ANTHROPIC_API_KEY: reports are the built-in offline analysis.)\n")
        from bot.profiles import profile_path

        term = Terminal(sys.stdin, sys.stdout, profile_path(settings.neurips_data_dir, owner.user))
        return run_chat(app.service, app.narrator, owner, args.consultation, term)
    except KeyboardInterrupt:
        from bot.terminal import program

        print(f"\nSaved. Run `{program()} chat` again to continue.")
        return 130
    except (redis.ConnectionError, redis.TimeoutError) as e:
        print(f"neurips-advisor: {_redis_gone(settings, e)}", file=sys.stderr)
        return 1
    finally:
        app.close()


def _redis_gone(settings: Settings, error: Exception) -> str:
    """Redis unreachable, said with where it was looked for (never the URL's password)."""
    if settings.redis_url is None:
        return f"the embedded Redis stopped answering ({error}); run the command again"
    url = urlsplit(settings.redis_url)
    where = url.path if url.scheme == "unix" else f"{url.hostname}:{url.port or 6379}"
    return (
        f"cannot reach Redis at REDIS_URL ({where}): {error} Start it, or unset REDIS_URL "
        "to use an embedded one; answers already given are kept in Redis."
    )


def _prompts_default() -> Path:
    from consultations.catalog import DEFAULT_PROMPTS_DIR

    return DEFAULT_PROMPTS_DIR


if __name__ == "__main__":
    raise SystemExit(main())
