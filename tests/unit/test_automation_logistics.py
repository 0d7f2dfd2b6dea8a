"""The automation reassessment for a logistics company: customs declarations and dispatch
planning, with figures written the way people write them (5.000 EUR, 30,000 EUR)."""

from __future__ import annotations

from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run, section_items

LOGISTICS = {
    "workflows": "customs declarations for EU imports, dispatch planning for our 120 trucks",
    "why_shelved": "too many variations, plus models weren't good enough in 2022",
    "checkable": "customs we can check against the TARIC rules; dispatch we can simulate in "
    "our TMS",
}


def test_a_thousands_separator_does_not_cut_a_value_in_two(catalog: Catalog) -> None:
    """'30,000 EUR a month for customs, dispatch 15,000' was read as customs worth €0 and
    dispatch €15 a month."""
    r = run(
        catalog,
        "automation-frontier",
        {**LOGISTICS, "value": "30,000 EUR a month for customs, dispatch 15,000"},
    )
    (why,) = section_items(r, "What decides between the leaders")
    assert "€30,000 a month for customs declarations for EU imports against €15,000 for" in why


def test_a_european_thousands_point_does_not_cut_an_error_cost_in_two(catalog: Catalog) -> None:
    """'a wrong customs code can mean a 5.000 EUR fine, a bad dispatch plan is just a late
    truck' was cut at '5.000': customs was read 'Some money or an unhappy customer' and the
    'fine' went to dispatch, which was read 'Serious money, safety or legal exposure'."""
    r = run(
        catalog,
        "automation-frontier",
        {
            **LOGISTICS,
            "error_cost": "a wrong customs code can mean a 5.000 EUR fine, a bad dispatch plan "
            "is just a late truck",
        },
    )
    out = render_report_markdown(r)
    assert "customs declarations for EU imports: Serious money, safety or legal exposure;" in out
    # 'just a late truck': a delay, some money (it was read as the strictest of the answer)
    assert "dispatch planning for our 120 trucks: Some money or an unhappy customer" in out


def test_a_value_given_per_workflow_breaks_a_tie(catalog: Catalog) -> None:
    """Customs and dispatch both scored 0.95 and the verdict was 'Prototype customs
    declarations for EU imports or dispatch planning for our 120 trucks (their value decides
    which) now', though the answer gave €30,000 a month for customs and €15,000 for dispatch."""
    r = run(
        catalog,
        "automation-frontier",
        {**LOGISTICS, "value": "30k EUR a month for customs, dispatch 15k"},
    )
    assert r.verdict == "Prototype customs declarations for EU imports now."
    (why,) = section_items(r, "What decides between the leaders")
    assert "You gave €30,000 a month for customs declarations for EU imports against " in why
    assert "€15,000 for dispatch planning for our 120 trucks" in why


INSURER = {
    "workflows": "FNOL intake, subrogation review",
    "checkable": "both can be checked against the claims system",
    "value": "roughly 150k EUR a month in handler time for FNOL alone",
}


def test_a_value_said_for_one_workflow_is_called_its_value_and_breaks_a_tie(
    catalog: Catalog,
) -> None:
    """'150k EUR a month … for FNOL alone' was 'the value you gave for the most valuable
    workflow', and two workflows as feasible as each other were left to 'their value decides
    which' though the value was FNOL's."""
    r = run(catalog, "automation-frontier", INSURER)
    assert r.verdict == "Prototype FNOL intake now."
    assert "the value you gave for FNOL intake" in (r.figure("Prototype payback").working or "")
    (why,) = section_items(r, "What decides between the leaders")
    assert why.startswith("FNOL intake and subrogation review score the same on feasibility")
    assert "You gave €150,000 a month for FNOL intake: FNOL intake goes first." in why


def test_a_workflows_words_that_match_no_option_are_said_so(catalog: Catalog) -> None:
    """A clause naming a workflow whose words match no option was silently read as the
    strictest of the whole answer; now the report says so."""
    r = run(
        catalog,
        "automation-frontier",
        {
            **LOGISTICS,
            "error_cost": "a wrong customs code can mean a 5.000 EUR fine, a bad dispatch plan "
            "is hard to say",
        },
    )
    assert (
        "dispatch planning for our 120 trucks: Serious money, safety or legal exposure (your "
        "words for it match no option: read as your whole answer)"
    ) in render_report_markdown(r)
