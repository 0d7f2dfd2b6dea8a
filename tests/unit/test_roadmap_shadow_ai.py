"""Hospital group: 'stop shadow ChatGPT use by Q2' was served by nothing ('work beside this
roadmap'), while the residency map that finds and stops such use came in Jun–Aug."""

from __future__ import annotations

from consultations.advisors.synthesis_goals import goal_tags
from consultations.catalog import Catalog
from tests.unit.test_roadmap_concrete_goals import served_by
from tests.unit.test_roadmap_reads_goals import goal_line
from tests.unit.test_roadmap_serving import roadmap


def test_shadow_ai_use_is_a_data_residency_goal() -> None:
    assert "compliance" in goal_tags("stop shadow ChatGPT use by Q2")
    assert "compliance" in goal_tags("no unsanctioned AI tools with patient data")


def test_stopping_shadow_use_is_served_by_the_map_of_where_data_goes(catalog: Catalog) -> None:
    r = roadmap(
        catalog,
        "14",
        "budget, data residency",
        "all inference on-prem; cut discharge letter writing time by 30%; "
        "stop shadow ChatGPT use by Q2",
    )
    line = goal_line(r, "stop shadow ChatGPT use by Q2")
    assert "Map where each workload's data is processed" in served_by(line), line
