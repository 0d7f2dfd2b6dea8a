"""Sources parsed from recorded responses served over real HTTP; the CLI as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from consultations.adapters.paper_feeds import ArxivClient, OpenReviewClient, read_feed
from consultations.adapters.rate_limit import RateLimiter
from tests.conftest import ROOT
from tests.fakes.http import FakeServer, Recorded

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "triage"


class Recorded200(FakeServer):
    def handle(self, rec: Recorded) -> tuple[int, dict[str, str], bytes]:
        if rec.path.startswith("/api/query"):
            return (
                200,
                {"Content-Type": "application/atom+xml"},
                (FIXTURES / "arxiv.xml").read_bytes(),
            )
        if rec.path.startswith("/notes"):
            return (
                200,
                {"Content-Type": "application/json"},
                (FIXTURES / "openreview.json").read_bytes(),
            )
        if rec.path == "/feed.xml":
            return (
                200,
                {"Content-Type": "application/rss+xml"},
                (
                    b"<rss><channel><item><title>On-device LLMs in the browser</title>"
                    b"<link>https://arxiv.org/abs/2501.00002</link>"
                    b"<description>&lt;p&gt;WebGPU inference&lt;/p&gt;</description></item>"
                    b"</channel></rss>"
                ),
            )
        return 404, {}, b""


def test_arxiv_atom_through_the_real_client() -> None:
    with Recorded200() as server:
        papers = list(ArxivClient(f"{server.url}/api/query").search("cat:cs.LG", limit=10))
        (call,) = server.requests
    assert "search_query=cat%3Acs.LG" in call.path
    assert [p.arxiv_id for p in papers] == ["2505.06708", "2501.00001"]
    gated = papers[0]
    assert gated.title.startswith("Gated Attention for Large Language Models: Non-linearity")
    assert gated.authors == ("Zihan Qiu", "Zekun Wang")
    assert gated.affiliations == ("Qwen Team, Alibaba Group",)


def test_openreview_and_rss() -> None:
    with Recorded200() as server:
        notes = list(OpenReviewClient(server.url).venue("NeurIPS.cc/2025/Conference"))
        feed = list(read_feed(f"{server.url}/feed.xml"))
    assert [p.openreview_id for p in notes] == ["abc123", "def456"]
    assert (
        notes[0].authors == ("Liwei Jiang", "Yejin Choi") and notes[0].venue == "NeurIPS 2025 oral"
    )
    assert feed[0].arxiv_id == "2501.00002" and feed[0].abstract == "WebGPU inference"


def test_the_arxiv_limiter_spaces_requests_three_seconds_apart() -> None:
    now = [100.0]
    slept: list[float] = []
    limiter = RateLimiter(
        3.0, clock=lambda: now[0], sleep=lambda s: (slept.append(s), now.__setitem__(0, now[0] + s))
    )
    limiter.wait()
    now[0] += 1.0
    limiter.wait()
    limiter.wait()
    assert slept == [2.0, 3.0]


def test_cli_triages_the_built_in_colm_papers_as_jsonl() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "triage",
            "colm2025",
            "--top",
            "5",
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    ).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 5
    for row in rows:
        assert set(row) == {"id", "title", "score", "scores", "questions", "why", "source"}
        assert set(row["scores"]) == {"cost", "failure", "compute"} and row["questions"]
    assert rows == sorted(rows, key=lambda r: -r["score"])


def test_cli_refuses_a_missing_file() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "bot.cli", "triage", "missing.csv"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert r.returncode == 2 and "no such file" in r.stderr


def test_cli_triages_the_built_in_neurips_titles_out_of_the_box() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "bot.cli", "triage", "neurips2025", "--top", "3", "--format", "csv"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    rows = r.stdout.strip().splitlines()
    assert rows[0].startswith("id,title,score,cost,failure,compute") and len(rows) == 4
    assert all(row.split(",")[-1] == "neurips2025_accepted_titles.csv" for row in rows[1:])


def _triage(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "triage", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_cli_says_plainly_why_a_file_gives_no_papers(tmp_path: Path) -> None:
    """A file that yields no paper is an error that says why, never an empty table with exit 0;
    a file in another encoding and an empty arXiv query are told, not a traceback."""
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"paper_id,title\n1,Caf\xe9 quantization for LLMs\n")
    not_json = tmp_path / "papers.jsonl"
    not_json.write_text("paper_id,title\n1,Fast decoding\n")
    no_titles = tmp_path / "rows.csv"
    no_titles.write_text("paper_id,title\n1,\n2,\n")
    cases = {
        empty: "is empty",
        latin: "not UTF-8",
        not_json: "line 1 is not a JSON object with a title",
        no_titles: "no row has a title",
    }
    for path, said in cases.items():
        r = _triage(str(path))
        assert r.returncode == 2, (path.name, r.stdout, r.stderr)
        assert said in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert r.stdout == ""
    r = _triage("arxiv:")
    assert r.returncode == 2 and "'arxiv:' names no query" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_cli_refuses_a_file_with_more_papers_than_one_run_triages(tmp_path: Path) -> None:
    """A 50 MB file (about 600,000 rows) took two minutes and 3.8 GB before printing; it is
    refused as soon as the reading passes the limit, with the limit and what to do."""
    from consultations.triage.sources import MAX_PAPERS

    big = tmp_path / "big.csv"
    with big.open("w") as f:
        f.write("paper_id,title\n")
        f.writelines(f"{i},Efficient decoding number {i}\n" for i in range(MAX_PAPERS + 1))
    r = _triage(str(big))
    assert r.returncode == 2 and r.stdout == "", r.stderr
    assert f"more than {MAX_PAPERS:,} papers" in r.stderr and "split" in r.stderr, r.stderr


def test_cli_in_a_terminal_says_it_is_ranking_before_the_seconds_of_ranking() -> None:
    """After 'Read 6,000 papers' the terminal stayed silent for the seconds of ranking (the
    corpus model is learned then); it now says 'Ranking 6,279 papers…' first."""
    import os
    import pty

    main, tty = pty.openpty()
    p = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "triage", "neurips2025", "colm2025", "--top", "1"],
        stdout=subprocess.PIPE,
        stderr=tty,
        cwd=ROOT,
    )
    os.close(tty)
    said = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the other end closed: the process is done
            break
        if not chunk:
            break
        said += chunk
    p.communicate(timeout=120)
    os.close(main)
    text = said.decode()
    assert p.returncode == 0
    assert "Ranking 6,279 papers…" in text and text.index("Ranking") < text.index("Triaged")
