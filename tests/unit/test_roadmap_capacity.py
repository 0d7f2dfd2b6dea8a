"""A roadmap's capacity says one thing: a 14-person hospital group's plan used 2% of its
year, yet put off a prototype worth €90k a month ('Not this year, no track is free') while a
half-week seat count took a quarter's slot."""

from __future__ import annotations

import re

from consultations.catalog import Catalog
from consultations.report import Report
from tests.unit.test_advisors import section_items
from tests.unit.test_roadmap_serving import report, roadmap

OR_SCHEDULING = {
    "workflows": "operating room scheduling, bed allocation, discharge summaries",
    "why_shelved": "too many variations",
    "checkable": "we can simulate OR schedules from historical cases; discharge summaries "
    "need a clinician",
    "logs": "years of OR logs with outcomes",
    "error_cost": "high, a cancelled surgery",
    "value": "about €90k a month for OR scheduling",
}


def hospital(catalog: Catalog, team: str) -> Report:
    return roadmap(
        catalog,
        team,
        "patient data rules, budget, regulation",
        "cut OR cancellations by 20%, cut AI spend by 30%, reduce discharge delays by 1 day",
        report(catalog, "automation-frontier", OR_SCHEDULING),
    )


def test_a_team_with_room_in_its_year_schedules_the_prototype_that_pays(
    catalog: Catalog,
) -> None:
    r = hospital(catalog, "14")
    titles = [x.title for x in r.recommendations]
    assert "Prototype in shadow mode: operating room scheduling" in titles, titles
    stop = section_items(r, "What to stop or not start")
    assert not any("no track is free" in s for s in stop), stop
    tracks = r.figure("Tracks at once")
    assert tracks.value == 2
    assert "one more, as the steps that would wait a year fit" in tracks.working, tracks.working
    cost = r.figure("What the plan costs").display  # "about €…: 32 person-weeks, 5% of …"
    assert f"the plan then takes {cost.split(': ', 1)[1]}" in tracks.working, tracks.working
    assert any(a.startswith("One more track when a step would otherwise") for a in r.assumptions)


def test_a_step_put_off_says_the_true_reason_with_its_figures(catalog: Catalog) -> None:
    """A 4-person team has no one to spare for a second track: what waits says so, in numbers."""
    r = hospital(catalog, "4")
    assert r.figure("Tracks at once").value == 1
    waits = [s for s in section_items(r, "What to stop or not start") if "Not this year" in s]
    assert waits, section_items(r, "What to stop or not start")
    for line in waits:
        assert "no track is free" not in line
        assert re.search(r"\d+% of your team's year", line), line
        assert "a second track at once would take" in line, line


def test_one_track_still_fits_the_prototype_that_pays_within_a_quarter(catalog: Catalog) -> None:
    """A 4-person team has one track: its €90k-a-month prototype comes before recording
    every model call, and still after the map of where patient data goes."""
    r = hospital(catalog, "4")
    titles = [x.title for x in r.recommendations]
    prototype = titles.index("Prototype in shadow mode: operating room scheduling")
    assert any(t.startswith("Map where each workload's data") for t in titles[:prototype])
