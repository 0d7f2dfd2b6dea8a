"""Roadmap of a solo consultant: a service to sell to clients is revenue, not an audit of
their own model calls; 'nothing that needs me to maintain servers' is a rule."""

from __future__ import annotations

from consultations.advisors.synthesis_goals import goal_tags, is_rule
from consultations.catalog import Catalog
from tests.unit.test_roadmap_reads_goals import goal_line
from tests.unit.test_roadmap_serving import roadmap


def test_a_service_offered_to_clients_is_revenue_not_an_audit() -> None:
    assert goal_tags('offer an "AI audit" service to clients by March') == {"revenue"}
    assert goal_tags("sell a compliance check package to our customers") == {"revenue"}
    assert "audit" in goal_tags("pass the SOC 2 audit by March")


def test_nothing_that_needs_servers_is_a_rule() -> None:
    assert is_rule("nothing that needs me to maintain servers")


def test_the_roadmap_never_plans_call_recording_for_a_service_to_sell(catalog: Catalog) -> None:
    r = roadmap(
        catalog,
        "1",
        "budget",
        'get 2 hours a week back; offer an "AI audit" service to clients by March; '
        "nothing that needs me to maintain servers",
    )
    assert not any(rec.title.startswith("Record every model call") for rec in r.recommendations)
    assert "names no outcome" not in goal_line(r, "nothing that needs me to maintain servers")


def test_a_rule_touches_a_step_by_what_it_forbids_not_by_its_little_words() -> None:
    from consultations.advisors.synthesis_goals import rule_touches

    rule = "nothing that needs me to maintain servers"
    cap = "Cap the model bill: a spend limit at each vendor, and the cheapest model that passes"
    assert not rule_touches(rule, cap)
    assert rule_touches(rule, "Add a second server before sensitive traffic moves")
