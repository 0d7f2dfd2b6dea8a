"""Agent runs a day as people type them: per agent, in tokens by mistake, or not live yet; and
the same figures typed at the list of agents, where they name nothing."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.answers.plausible import doubt
from consultations.catalog import Catalog

TELEMETRY = "reasoning-telemetry"


def test_runs_each_of_so_many_agents_are_multiplied_and_said(catalog: Catalog) -> None:
    """'20 agents, ~100 runs each' was 100 runs a day, '“20” left out'."""
    runs = catalog.by_slug(TELEMETRY).question("runs_per_day")
    answer = parse_answer(runs, "20 agents, ~100 runs each")
    assert answer.number == 2_000
    assert answer.note is not None and "20 agents × 100 runs each" in answer.note


def test_figures_typed_at_the_list_of_agents_name_no_agent(catalog: Catalog) -> None:
    """'20 agents, ~100 runs each' at 'Which agents … do you run?' was two agents called
    '20 agents' and '~100 runs each'."""
    agents = catalog.by_slug(TELEMETRY).question("agents")
    with pytest.raises(AnswerError, match="I read a figure, but this question asks for agents"):
        parse_answer(agents, "20 agents, ~100 runs each")
    assert parse_answer(agents, "support bot, 3 sub-agents for billing").items == (
        "support bot",
        "3 sub-agents for billing",
    )


def test_tokens_typed_for_runs_are_questioned(catalog: Catalog) -> None:
    """'50k tokens a day' at 'About how many agent runs happen a day?' was 50,000 runs, with
    nothing asked (no other question of this consultation asks for tokens)."""
    script = catalog.by_slug(TELEMETRY)
    runs = script.question("runs_per_day")
    answer = parse_answer(runs, "50k tokens a day")
    asked = doubt(runs, answer, script.questions)
    assert asked is not None
    assert "“50k tokens”" in asked and "tokens are not runs" in asked and "`yes`" in asked
    assert doubt(runs, parse_answer(runs, "50k runs a day"), script.questions) is None


@pytest.mark.parametrize("typed", ["not live yet", "none yet, launching q1", "still in pilot"])
def test_not_live_yet_asks_for_what_is_expected(catalog: Catalog, typed: str) -> None:
    """'not live yet' said 'I need a number here'."""
    runs = catalog.by_slug(TELEMETRY).question("runs_per_day")
    with pytest.raises(AnswerError) as refused:
        parse_answer(runs, typed)
    assert "how many you expect once it runs" in str(refused.value)
    assert "for example 20k runs a day" in str(refused.value)


@pytest.mark.parametrize("typed", ["yes", "yeah", "yep we do"])
def test_a_bare_yes_where_several_options_mean_yes_asks_which(catalog: Catalog, typed: str) -> None:
    """'yes' at 'Do you need an audit trail of what the agents decided?' said 'Pick one of: 1.
    No, 2. For internal review, 3. Yes, a regulator …', as if nothing had been said."""
    audit = catalog.by_slug(TELEMETRY).question("audit")
    with pytest.raises(AnswerError) as refused:
        parse_answer(audit, typed)
    said = str(refused.value)
    assert said.startswith("Yes — which one:")
    assert "`2` For internal review or `3` Yes, a regulator or customer can ask" in said
    assert "No" not in said.split(":", 1)[1]
    assert parse_answer(audit, "no").choices == ("none",)


def test_yeah_is_yes_where_an_option_says_yes(catalog: Catalog) -> None:
    """'yeah' at 'Do you keep logs of past runs with their outcomes?' was refused, though
    'yes' picks 'Yes, many runs with outcomes'."""
    logs = catalog.by_slug("automation-frontier").question("logs")
    assert parse_answer(logs, "yeah").choices == ("rich",)


@pytest.mark.parametrize("typed", ["too many variations", "Too many variations tbh"])
def test_half_of_an_option_s_label_picks_it(catalog: Catalog, typed: str) -> None:
    """'too many variations' at 'Why were they shelved?' was refused with the pick-list, though
    the option reads 'Too many variations and edge cases' ('edge cases' alone picked it)."""
    why = catalog.by_slug("automation-frontier").question("why_shelved")
    assert parse_answer(why, typed).choices == ("variability",)


@pytest.mark.parametrize(("typed", "picked"), [("two and four", ("price", "compliance"))])
def test_option_numbers_in_words_pick_those_options(
    catalog: Catalog, typed: str, picked: tuple[str, ...]
) -> None:
    """'two and four' at 'Why do you use more than one?' was refused; '2 and 4' picked them."""
    reasons = catalog.by_slug("model-convergence").question("reasons")
    assert parse_answer(reasons, typed).choices == picked
    assert parse_answer(reasons, "one").choices == ("single",)  # "one": we use only one
