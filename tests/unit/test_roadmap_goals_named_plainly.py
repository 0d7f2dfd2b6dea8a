"""A payments CTO's goals "cut support cost 30%" and "faster fraud review": the first was "no
item here serves it directly" (a share said straight after the cost hid the cost's name), and
once it had its step the second was left unserved (the fraud review it names was not read as
a workflow). Each goal now gets its own first step, rollout and hardening."""

from __future__ import annotations

import pytest

from consultations.advisors.synthesis_workflows import workflow_named
from consultations.catalog import Catalog
from tests.unit.test_advisors import run


def test_each_goal_said_plainly_is_served_by_its_own_steps(catalog: Catalog) -> None:
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "role": "cto",
            "industry": "fintech, payments, ~80 ppl",
            "team_size": "80",
            "ai_use": "chatbot for support, fraud scoring (classic ML), some copilot usage",
            "constraints": "no PII to US vendors, budget 300k EUR for AI next year",
            "goals": "cut support cost 30%, faster fraud review",
        },
    )
    goals = [i for s in r.sections for i in s.items if i.startswith(("cut support", "faster"))]
    assert len(goals) == 2, goals
    for line in goals:
        assert "no item here serves it" not in line, line
    titles = [rec.title for rec in r.recommendations]
    assert any(t.startswith("Break down support cost") for t in titles), titles
    assert any("prototype fraud review in shadow mode" in t for t in titles), titles
    assert "Roll out in stages: fraud review" in titles, titles


@pytest.mark.parametrize(
    ("goal", "workflow"),
    [
        ("faster fraud review", "fraud review"),
        ("speed up claims handling by 30%", "claims handling"),
        ("faster KYC onboarding, fewer errors", "KYC onboarding"),
        ("faster responses", None),
        ("faster time to market", None),
    ],
)
def test_a_workflow_asked_to_go_faster_is_named(goal: str, workflow: str | None) -> None:
    assert workflow_named(goal) == workflow
