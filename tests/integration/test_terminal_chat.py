"""The terminal chat as a user runs it: a subprocess, answers on standard input, twice.

No REDIS_URL: the program starts its own Redis under NEURIPS_DATA_DIR (the embedded default),
so the second run resumes from what the first one saved to disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import redis

from consultations.catalog import Catalog
from tests.unit.test_engine import typical


def cli(
    data_dir: Path, *args: str, stdin: str = "", **extra_env: str
) -> subprocess.CompletedProcess[str]:
    """`neurips-advisor ARGS` in a process of its own, on the embedded default, its data under
    ``data_dir`` (no Redis or API key from the environment)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "ANTHROPIC_"))}
    env.update(NEURIPS_DATA_DIR=str(data_dir), NEURIPS_LLM="auto", NO_COLOR="1")
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def chat(
    data_dir: Path, *args: str, stdin: str, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    return cli(data_dir, "chat", *args, "--user", "ada", stdin=stdin, **extra_env)


def test_a_consultation_is_resumed_after_the_program_exits(
    tmp_path: Path, catalog: Catalog
) -> None:
    script = catalog.by_slug("edge-economics")
    answers = [typical(q) for q in script.questions]
    first = chat(tmp_path, "3", stdin="\n".join(["about 5M", "lots", answers[1]]) + "\n")
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "Edge Deployment Economics" in out
    assert f"1/{len(script.questions)}" in out and f"3/{len(script.questions)}" in out
    assert "5,000,000" in out  # the number was read back
    assert out.count(f"2/{len(script.questions)}") == 2  # "lots" got the question again
    assert "Saved" in out

    second = chat(tmp_path, stdin="back\n" + "\n".join(answers[1:]) + "\n")
    assert second.returncode == 0, second.stderr
    out = second.stdout
    assert "Resuming" in out and "2 of" in out
    assert "Offline analysis" in out or "offline analysis" in out
    assert "$40,500" in out or "40,500" in out  # the example's API cost, computed exactly

    third = chat(tmp_path, stdin="")  # nothing in progress now: it offers the eight
    assert "Which consultation?" in third.stdout


def test_unknown_consultation_is_a_clear_error(tmp_path: Path) -> None:
    result = chat(tmp_path, "9", stdin="")
    assert result.returncode == 2
    assert "No consultation called '9'" in result.stdout


def test_skip_and_restart_in_the_terminal(tmp_path: Path, catalog: Catalog) -> None:
    script = catalog.by_slug("model-convergence")
    required = next(q for q in script.questions if not q.optional)
    result = chat(
        tmp_path, "model-convergence", stdin=f"skip\n{typical(required)}\nrestart\nquit\n"
    )
    assert result.returncode == 0, result.stderr
    assert "cannot be skipped" in result.stdout if script.questions[0] is required else True
    assert "Starting over" in result.stdout


def test_undo_after_restarting_a_finished_consultation_keeps_its_report(
    tmp_path: Path, catalog: Catalog
) -> None:
    """`restart` then `undo` on a finished consultation brought the answers back but wrote and
    posted the report a second time; the report posted stands, and `status` says so."""
    script = catalog.by_slug("model-convergence")
    answers = [typical(q) for q in script.questions]
    typed = "\n".join([*answers, "restart", "undo", "status", "quit"]) + "\n"
    result = chat(tmp_path, "1", stdin=typed)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("Report by") == 1, out
    assert "Your report stands as it was posted; nothing is written again." in out
    assert "finished, report delivered" in out
    again = chat(tmp_path, "1", stdin="quit\n")  # stored and read back finished
    assert "You finished" in again.stdout, again.stdout


def test_a_report_that_never_pays_back_does_not_lock_the_user_out(tmp_path: Path) -> None:
    """Edge economics at 30,000 requests a month: local never pays back (issue 10)."""
    answers = [
        "30000",
        "1200 in, 300 out",
        "$3 / $15",
        "2",
        "2",
        "5%",
        "$30,000 hardware, $2,000 a month",
        "36",
    ]
    first = chat(tmp_path, "3", stdin="\n".join(answers) + "\n")
    assert first.returncode == 0, first.stderr
    assert "Report by" in first.stdout
    again = chat(tmp_path, "1", stdin="quit\n")  # any other consultation afterwards
    assert again.returncode == 0, again.stderr
    assert "1/" in again.stdout and "Saved" in again.stdout
    same = chat(tmp_path, "3", stdin="restart\nquit\n")  # the same one: reopened, restartable
    assert same.returncode == 0, same.stderr
    assert "You finished" in same.stdout and "1/" in same.stdout and "Saved" in same.stdout


def test_an_unreadable_record_is_set_aside_and_the_chat_goes_on(
    tmp_path: Path, redis_client: redis.Redis
) -> None:
    owner = "{terminal:local:ada}"
    redis_client.hset(f"na:{owner}:c:dead01", mapping={"v": 3, "doc": '{"slug": "edge-economics"'})
    redis_client.zadd(f"na:{owner}:index", {"dead01": 1.0})
    url = redis_client.connection_pool.connection_kwargs
    result = chat(
        tmp_path,
        stdin="3\nabout 5M\nquit\n",
        REDIS_URL=f"redis://{url['host']}:{url['port']}/{url.get('db', 0)}",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Edge Deployment Economics consultation (number 3) could not be restored" in out
    assert "Which consultation?" in out  # the chat goes on
    assert "5,000,000" in out
    assert redis_client.exists(f"na:{owner}:aside:dead01")


def test_answers_typed_as_people_write_them_reach_the_report(tmp_path: Path) -> None:
    """The phrasings of issue 10, typed into the terminal chat, with a correction mid-way."""
    lines = [
        "1,200 input tokens and 300 output tokens per request",  # tokens, not requests: asked
        "5M",
        "1.200 in, 300 out",
        "$1,200 / $300",  # 80× list prices: asked
        "$3 / $15",
        "under 300 ms",
        "actually it's 8 million requests a month, not 5",
        "customer PII under GDPR",
        "5%",
        "$30k for the box and about 2k a month to run it",
        "three years",
        "edit 6",  # after the report: what if we accepted no quality loss at all?
        "0%",
    ]
    result = chat(tmp_path, "3", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "you mention “tokens”" in out and "question 2" in out
    assert "input 1,200, output 300" in out
    assert "80× the top of today's list prices" in out
    assert "Noted: Within a second." in out
    assert "Changed volume: 5,000,000 requests a month → 8,000,000 requests a month." in out
    assert "Noted: Confidential (customers, contracts)." in out
    assert "Noted: hardware $30,000, monthly $2,000." in out
    assert "Noted: 36 months." in out
    assert (
        "Writing your report with: volume 8,000,000 requests a month · "
        "tokens input 1,200, output 300" in out
    )
    assert "$64,800" in out  # the API total at 8M requests, 1,200/300 tokens, $3/$15
    assert out.count("— Report by") == 2  # the edit wrote the report again
    assert "Changed quality loss: 5% → 0%." in out
    assert "Saved" not in out.split("— Report by")[-1]


def test_locale_formats_and_units_in_the_terminal(tmp_path: Path) -> None:
    lines = [
        "2.500.000",
        "1.200 in, 300 out",
        "3 € / 15 €",
        "300 µs",
        "HIPAA",
        "2,5 %",
        "30.000 € hardware, 2.000 € a month",
        "1 year and 6 months",
    ]
    result = chat(tmp_path, "3", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for shown in (
        "Noted: 2,500,000 requests a month.",
        "Noted: input 1,200, output 300.",
        "Noted: input €3, output €15.",
        "Noted: Instantly (under 100 ms).",
        "Noted: Regulated (health, finance, legal).",
        "Noted: 2.5%.",
        "Noted: hardware €30,000, monthly €2,000.",
        "Noted: 18 months.",
    ):
        assert shown in out, shown
    said_back = [ln for ln in out.splitlines() if ln.startswith("Noted:")]
    assert len(said_back) == 8 and not any("$" in ln for ln in said_back)  # no silent dollar


def test_commands_typed_mid_consultation_go_through_the_router(tmp_path: Path) -> None:
    out = chat(tmp_path, "3", stdin="about 5M\nstatus\nconsult 5\nstatus\nquit\n").stdout
    assert "Noted: 5,000,000" in out
    assert out.count("Your consultations") == 2  # `status` is a command, not an answer
    assert "Edge Deployment Economics" in out and "1 of 8 answered" in out
    assert "Research Curation System" in out  # `consult 5` opened another one
    again = chat(tmp_path, "3", stdin="quit\n").stdout
    assert "Resuming" in again and "1 of 8 answered" in again  # nothing was taken as an answer


def test_edit_typed_in_a_later_run_reopens_the_latest_report(
    tmp_path: Path, catalog: Catalog
) -> None:
    script = catalog.by_slug("edge-economics")
    answers = [typical(q) for q in script.questions]
    first = chat(tmp_path, "3", stdin="\n".join(answers) + "\n")
    assert first.stdout.count("Report by") == 1, first.stdout[-2000:]

    later = chat(tmp_path, stdin="edit 1\n4M\nquit\n")  # the next day: no "which consultation?"
    out = later.stdout
    assert later.returncode == 0, later.stderr
    assert "Your latest report: Edge Deployment Economics" in out
    assert "No consultation called" not in out
    assert out.count("Report by") == 1  # written again once, after the change, not re-shown first
    assert out.index("4,000,000") < out.index("Report by")

    cancelled = chat(tmp_path, stdin="cancel\n")  # at the picker, cancel leaves like quit
    assert cancelled.returncode == 0 and "No consultation called" not in cancelled.stdout


def test_the_picker_lists_once_takes_words_and_lists_again_on_help(tmp_path: Path) -> None:
    run = chat(tmp_path, stdin="zzz\nhelp\nthe telemetry thing\nquit\n")
    out = run.stdout
    assert run.returncode == 0, run.stderr
    assert out.count("1. Model Convergence Strategy") == 2  # at the start, and after `help`
    assert "No consultation called 'zzz'" in out
    assert "Reasoning Telemetry Architecture — consultation 4 of 8" in out


def test_opening_a_finished_consultation_by_number_reopens_its_report(
    tmp_path: Path, catalog: Catalog
) -> None:
    """`chat 3` the day after the report, to correct it: the finished one, not a blank one."""
    script = catalog.by_slug("edge-economics")
    answers = [typical(q) for q in script.questions]
    assert chat(tmp_path, "3", stdin="\n".join(answers) + "\n").stdout.count("Report by") == 1

    later = chat(tmp_path, "3", stdin="sorry, the volume is 4M\nquit\n")
    out = later.stdout
    assert later.returncode == 0, later.stderr
    assert "You finished Edge Deployment Economics" in out
    assert "1. volume: 5,000,000 requests a month" in out  # what `edit 1` would change
    assert "1/8" not in out  # no blank consultation was started
    assert out.index("4,000,000") < out.index("Report by")
    assert out.count("Report by") == 1

    again = chat(tmp_path, "3", stdin="restart\nquit\n").stdout  # a blank page on request
    assert "Starting over" in again and "1/8" in again


def test_a_roadmap_built_on_a_consultation_changed_since_says_so_and_updates(
    tmp_path: Path, catalog: Catalog
) -> None:
    """The edge volume was corrected after the roadmap: opening the roadmap showed the old
    verdict with no word that it was out of date."""
    edge = catalog.by_slug("edge-economics")
    chat(tmp_path, "3", stdin="\n".join(typical(q) for q in edge.questions) + "\n")
    road = catalog.by_slug("strategy-synthesis")
    first = chat(tmp_path, "8", stdin="\n".join(typical(q) for q in road.questions) + "\n")
    assert first.stdout.count("Report by") == 1, first.stdout[-1500:]

    changed = chat(tmp_path, "3", stdin="change the volume to 4000\nquit\n").stdout
    assert "Changed volume" in changed

    later = chat(tmp_path, "8", stdin="update\nquit\n")
    out = later.stdout
    assert later.returncode == 0, later.stderr
    assert "Since it was written you finished or changed: Edge Deployment Economics" in out
    assert out.count("Report by") == 1
    new_verdict = out[out.index("Report by") :]
    assert "4,000 requests" in new_verdict or "at today's volume" in new_verdict, new_verdict[:3000]

    again = chat(tmp_path, "8", stdin="quit\n").stdout  # up to date now: nothing to say
    assert "Since it was written" not in again


def test_a_correction_typed_at_the_picker_reaches_the_report_it_names(
    tmp_path: Path, catalog: Catalog
) -> None:
    """The next day, 'sorry, the price is …' at 'Which consultation?' was 'No consultation
    called …'."""
    script = catalog.by_slug("edge-economics")
    chat(tmp_path, "3", stdin="\n".join(typical(q) for q in script.questions) + "\n")
    later = chat(tmp_path, stdin="sorry, the price is $4 / $16 not $3\nquit\n")
    out = later.stdout
    assert later.returncode == 0, later.stderr
    assert "No consultation called" not in out
    assert "That corrects Edge Deployment Economics" in out
    assert "Changed price: input $3, output $15 → input $4, output $16." in out
    assert out.count("Report by") == 1
