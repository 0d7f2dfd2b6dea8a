"""``neurips-advisor triage SOURCE``: rank papers offline; print a table, JSONL or CSV."""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from consultations.triage.load import BUILTIN

if TYPE_CHECKING:  # the rest is imported when triage runs: `--help` stays quick
    from consultations.triage.papers import Paper
    from consultations.triage.profile import Profile


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("triage", help="rank papers by cost, failure and compute (offline)")
    p.add_argument(
        "source",
        nargs="+",
        help=f"a built-in data set ({', '.join(BUILTIN)}), a .csv/.jsonl file, arxiv:QUERY, "
        "openreview:VENUE_ID or an RSS/Atom URL (several are merged)",
    )
    p.add_argument(
        "--profile",
        type=Path,
        help="JSON or TOML: topics, canon, weights (default: the profile your Research "
        "Curation saved in the terminal chat, if any)",
    )
    p.add_argument("--user", default=None, help="whose saved profile (default: your login)")
    p.add_argument("--top", type=int, default=20, help="how many papers to print (default: 20)")
    p.add_argument(
        "--format", choices=["table", "jsonl", "csv"], default="table", help="default: table"
    )
    p.add_argument(
        "--llm",
        dest="llm",
        action="store_true",
        help="re-score the top slice with Claude (needs ANTHROPIC_API_KEY)",
    )
    p.add_argument("--no-llm", dest="llm", action="store_false", help="offline only (default)")
    p.add_argument(
        "--budget",
        type=float,
        default=None,
        help="stop before an LLM pass whose estimated cost in US dollars is higher",
    )
    p.set_defaults(llm=False)


def load_profile(path: Path | None) -> Profile:
    from consultations.triage.profile import Profile
    from consultations.triage.sources import SourceError

    if path is None:
        return Profile()
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
        return Profile.model_validate(data)
    except (OSError, ValueError, ValidationError) as e:
        raise SourceError(f"profile {path}: {e}") from e


def _saved_profile(args: argparse.Namespace, settings: Any) -> Path | None:
    """The profile the terminal chat's Research Curation saved for this user, said on stderr."""
    from bot.profiles import profile_path, terminal_user

    if settings is None:
        return None
    path = profile_path(settings.neurips_data_dir, terminal_user(getattr(args, "user", None)))
    if not path.exists():
        return None
    print(f"Ranked with your curation profile ({path}).", file=sys.stderr)
    return path


def _urls(settings: Any) -> tuple[str | None, str | None]:
    """The arXiv and OpenReview base URLs from the settings (defaults without settings)."""
    if settings is None:
        return None, None
    return settings.arxiv_api_url, settings.openreview_api_url


def run(args: argparse.Namespace, settings: Any = None) -> int:
    if args.llm and (settings is None or settings.anthropic_api_key is None):
        print("triage: --llm needs ANTHROPIC_API_KEY", file=sys.stderr)
        return 2
    if args.top < 1:
        print("triage: --top must be at least 1", file=sys.stderr)
        return 2
    from consultations.adapters.paper_sources import papers_from
    from consultations.triage.dedupe import dedupe
    from consultations.triage.sources import SourceError

    progress = sys.stderr.isatty()
    try:
        profile = load_profile(args.profile or _saved_profile(args, settings))
        papers: list[Paper] = []
        for spec in args.source:
            for p in papers_from(spec, *_urls(settings)):
                papers.append(p)
                if progress and len(papers) % 500 == 0:
                    print(f"\rRead {len(papers):,} papers", end="", file=sys.stderr)
    except SourceError as e:
        print(f"triage: {e}", file=sys.stderr)
        return 2
    from consultations.adapters.triage_model import default_model
    from consultations.triage.pipeline import to_csv, to_jsonl, to_table, triage

    t0 = time.perf_counter()
    unique = dedupe(papers)
    if progress:  # the corpus model is learned on first use: seconds without a word otherwise
        print(f"\rRanking {len(unique):,} papers…", end="", file=sys.stderr, flush=True)
    results = triage(unique, profile, top=None if args.llm else args.top, semantic=default_model())
    if args.llm:
        if progress:  # the estimate's line writes over 'Ranking …'
            print("\r", end="", file=sys.stderr)
        try:
            results = _llm_pass(results, unique, profile, settings, args.budget)[: args.top]
        except RuntimeError as e:
            print(f"triage: {e}", file=sys.stderr)
            return 3
    if progress:
        print(
            f"\rTriaged {len(unique):,} of {len(unique):,} papers ({len(papers) - len(unique):,}"
            f" duplicates dropped) in {time.perf_counter() - t0:.2f} s",
            file=sys.stderr,
        )
    out = {"jsonl": to_jsonl, "csv": to_csv, "table": to_table}[args.format](results)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def _llm_pass(results, papers, profile, settings, budget):
    from consultations.adapters.anthropic_triage import claude_triage
    from consultations.triage.llm_rubric import estimate

    claude = claude_triage(settings)
    top, est = claude.plan(results, papers)
    everything = estimate(papers, claude.prices, batch=True)
    print(
        f"LLM pass: {est.papers:,} of {len(papers):,} papers in {est.requests} request(s)"
        f"{' (Message Batches)' if est.batch else ''}: ~{est.input_tokens:,} input + "
        f"~{est.output_tokens:,} output tokens, about ${est.cost_usd:.2f} "
        f"(every paper, even batched: ${everything.cost_usd:.2f})",
        file=sys.stderr,
    )
    limit = budget if budget is not None else settings.neurips_triage_budget_usd
    ranked, _ = claude.rescore(results, papers, profile.weights, budget_usd=limit)
    return ranked
