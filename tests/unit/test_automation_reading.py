"""The automation reassessment as the person who must act on it reads it."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run, section_items


def test_the_words_of_an_option_name_no_workflow(catalog: Catalog) -> None:
    """'a refund or an unhappy customer' named 'SQL report requests from customers' by the
    word 'customer': the other two workflows were read 'cautiously' as serious legal exposure,
    and the verdict moved to another workflow."""
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "tier-2 support escalations, invoice dispute handling, SQL report "
            "requests from customers",
            "error_cost": "a refund or an unhappy customer",
        },
    )
    out = render_report_markdown(r)
    assert "read cautiously" not in out
    assert "Serious money, safety or legal exposure" not in out


def test_a_low_value_is_said_with_a_workflow_not_yet_checkable(catalog: Catalog) -> None:
    """A startup's $2k a month: 'Not yet: make manual onboarding emails checkable first', with
    nothing about the 32 months a prototype would take to pay back, and 'emails's own'."""
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "manual onboarding emails, churn prediction",
            "checkable": "not really",
            "logs": "nope",
            "value": "maybe 2k a month",
        },
    )
    assert r.verdict == (
        "Not yet: make manual onboarding emails checkable first. Then size its value: at "
        "$2,000 a month, a prototype would take 32 months to pay back."
    )
    assert "manual onboarding emails' own may be less" in (
        r.figure("Prototype payback").working or ""
    )


def test_game_levels_replayed_in_the_engine_get_a_policy_trained_in_it(catalog: Catalog) -> None:
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "QA playtesting of new levels, matchmaking tuning",
            "checkable": "we can simulate matches with bots and replay levels in the engine",
        },
    )
    (line,) = section_items(r, "Approach per workflow")
    assert "goal-conditioned RL in your simulator" in line
