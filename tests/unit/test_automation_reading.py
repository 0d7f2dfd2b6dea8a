"""The automation reassessment as the person who must act on it reads it."""

from __future__ import annotations

from consultations.answers import parse_answer
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


CLAIMS_AND_INVOICES = {
    "workflows": "insurance claims triage, and reconciling supplier invoices against POs",
    "why_shelved": "too many edge cases, and the data was a mess",
    "checkable": "partly - invoices can be checked against the PO, claims need an adjuster",
    "logs": "yes ~5 yrs of claims in guidewire, invoices only since 2023",
    "error_cost": "a wrong claim payout can be 10k+, invoices are just rework",
    "value": "maybe 40-60k EUR/month for claims, invoices ~8k",
}


def test_an_adjuster_is_a_person_judging(catalog: Catalog) -> None:
    """'claims need an adjuster' was read as checkable automatically, like the invoices."""
    out = render_report_markdown(run(catalog, "automation-frontier", CLAIMS_AND_INVOICES))
    assert "insurance claims triage: Only a person can judge" in out


def test_a_value_given_per_workflow_is_read_per_workflow(catalog: Catalog) -> None:
    """'40-60k for claims, invoices ~8k': the verdict said 'Size its own value first: the
    €50,000 a month you gave is for the most valuable of your workflows, which may be another
    one' — the answer had said which, and what the other is worth."""
    r = run(catalog, "automation-frontier", CLAIMS_AND_INVOICES)
    assert r.verdict == "Prototype insurance claims triage now."
    (why,) = section_items(r, "What decides between the leaders")
    assert "is worth €8,000 a month by your answer against €50,000" in why
    assert "8 months to pay back, here 1.3 months" in why


def test_data_shelved_for_what_may_legally_be_used_keeps_that_rule(catalog: Catalog) -> None:
    """A hospital's 'not enough data we could legally use' read as plain 'Not enough data'
    and the prototype said nothing of which records it may use."""
    r = run(
        catalog,
        "automation-frontier",
        {
            "workflows": "discharge summary drafting, coding of outpatient visits (ICD-10)",
            "why_shelved": "not enough data we could legally use, and the models got details wrong",
            "checkable": "coding can be checked against what billing submitted",
        },
    )
    blocked = section_items(r, "What blocked it then, and now")
    data = next(b for b in blocked if b.startswith("Not enough data"))
    assert "only from records your data rules allow" in data, data
    plain = run(catalog, "automation-frontier", {"why_shelved": "not enough data"})
    assert not any("data rules" in b for b in section_items(plain, "What blocked it then"))


def test_a_value_per_workflow_is_noted_as_the_report_uses_it(catalog: Catalog) -> None:
    """'6.000 for NDA review, invoices 15-20k' was noted '6,000 (used the first figure;
    “15-20k” left out …)' while the report used both — and said '$6,000 a month, the value
    you gave for invoice matching'. The largest is the answer, said so, and the report agrees."""
    q = catalog.by_slug("automation-frontier").question("value")
    for typed in ("6.000 for NDA review, invoices 15-20k", "15-20k for invoices, NDAs 6.000"):
        answer = parse_answer(q, typed)
        assert answer.number == 17_500
        assert "“6.000” for another one" in (answer.note or "")
        assert "left out" not in (answer.note or "")
    both = {"workflows": "invoice matching, NDA review", "value": typed}
    r = run(catalog, "automation-frontier", both)
    (payback,) = r.figures
    assert "$17,500 a month, the value you gave for invoice matching" in payback.working
    added = parse_answer(q, "6.000 for NDAs and 15-20k for invoices")  # was 23,500, added up
    assert added.number == 17_500


def test_figures_that_name_nothing_keep_the_first(catalog: Catalog) -> None:
    q = catalog.by_slug("automation-frontier").question("value")
    answer = parse_answer(q, "15-20k, maybe 6.000")
    assert answer.number == 17_500 and "“6.000” left out" in (answer.note or "")


def test_a_count_of_past_records_reads_as_logs_kept(catalog: Catalog) -> None:
    """'~2.000 past NDAs' at 'Do you keep logs of past runs with their outcomes?' matched no
    option and was asked again; 'some for invoices, 6.000 NDAs logged' was noted with
    '“6.000 NDAs logged” matches no option, so it is left out' while the report read the NDAs
    as 'Some, incomplete'."""
    q = catalog.by_slug("automation-frontier").question("logs")
    many = parse_answer(q, "~2.000 past NDAs")
    assert many.choices == ("rich",) and many.note == "read from the count, 2,000"
    assert parse_answer(q, "50 past claims").choices == ("some",)
    r = run(
        catalog,
        "automation-frontier",
        {"workflows": "invoice matching, NDA review", "logs": "some for invoices, 6.000 NDAs"},
    )
    out = render_report_markdown(r)
    assert "invoice matching: Some, incomplete; NDA review: Yes, many runs with outcomes" in out


def test_logs_for_one_workflow_and_none_for_another_are_both_noted(catalog: Catalog) -> None:
    """'yes for NDAs, nothing for invoices' was noted 'Yes, many runs with outcomes' alone,
    while the report read the invoices as 'No'."""
    q = catalog.by_slug("automation-frontier").question("logs")
    answer = parse_answer(q, "yes for NDAs, nothing for invoices")
    assert answer.display(q) == "Yes, many runs with outcomes, No"
    r = run(
        catalog,
        "automation-frontier",
        {"workflows": "NDA triage, invoice matching", "logs": answer.raw},
    )
    out = render_report_markdown(r)
    assert "NDA triage: Yes, many runs with outcomes; invoice matching: No" in out


LOGISTICS = {
    "workflows": "sorting customer complaints, checking customs papers, re-planning routes "
    "when trucks fail",
    "why_shelved": "too many edge cases, and the models back then just hallucinated",
    "checkable": "customs: yes, checkable against the tariff db; complaints: not really; "
    "routing: via our simulator",
    "logs": "complaints ~3 yrs of tickets w/ outcomes, customs declarations too, routing only "
    "partly",
    "error_cost": "a wrong customs code = fine up to 10k, wrong complaint routing = annoyed "
    "customer, bad route = late truck",
    "value": "customs maybe 8.000/month, complaints 3-4k, routing no idea",
}


def test_a_workflow_named_then_told_in_the_next_clause_keeps_what_was_told(
    catalog: Catalog,
) -> None:
    """'customs: yes, checkable against the tariff db' read customs as 'Only a person can judge'
    (the checkable clause names no workflow, 'customs: yes' picks no option) while the note
    said '“customs: yes” matches no option, so it is left out'; 'customs declarations too'
    lost the years of logs said before it; 'wrong complaint routing = annoyed customer' did
    not name the complaints workflow ('complaint' is also an option's word), so it was read
    'cautiously' as serious legal exposure."""
    out = render_report_markdown(run(catalog, "automation-frontier", LOGISTICS))
    assert "checking customs papers: Outcomes can be checked automatically" in out, out
    assert (
        "sorting customer complaints and checking customs papers: Yes, many runs with outcomes"
        in out
    ), out
    assert "read cautiously" not in out
    checkable = catalog.by_slug("automation-frontier").question("checkable")
    assert parse_answer(checkable, LOGISTICS["checkable"]).note is None
    logs = catalog.by_slug("automation-frontier").question("logs")
    assert parse_answer(logs, LOGISTICS["logs"]).note is None


def test_a_workflow_labelled_with_an_arrow_or_equals_is_told_by_the_next_clause(
    catalog: Catalog,
) -> None:
    """'customs -> yes, checkable against the tariff db' read customs right in the report but
    the answer said back '“customs -> yes” matches no option, so it is left out': the note and
    the report each cut the answer their own way; they share one reading of 'X: …' now."""
    for sign in ("->", "=", "→", ":"):
        typed = f"customs {sign} yes, checkable against the tariff db; complaints: only a person"
        checkable = catalog.by_slug("automation-frontier").question("checkable")
        answer = parse_answer(checkable, typed)
        assert answer.note is None, typed
        r = run(
            catalog,
            "automation-frontier",
            {**LOGISTICS, "checkable": typed},
        )
        out = render_report_markdown(r)
        assert "checking customs papers: Outcomes can be checked automatically" in out, typed


def test_a_yes_or_no_told_per_workflow_is_read_for_each(catalog: Catalog) -> None:
    """'invoices yes, claims no' at 'Can the outcome … be checked automatically?' showed the
    options again; 'customs: yes, complaints: only a person' left 'customs: yes' out."""
    checkable = catalog.by_slug("automation-frontier").question("checkable")
    for typed in (
        "invoices yes, claims no",
        "customs: yes; complaints: only a person",
        "les factures oui, contre l'ERP; les réclamations seulement un humain",
    ):
        answer = parse_answer(checkable, typed)
        assert answer.choices == ("verify", "human"), typed
        assert answer.note is None, (typed, answer.note)
    r = run(
        catalog,
        "automation-frontier",
        {**LOGISTICS, "checkable": "customs: yes; complaints: only a person; routing: simulator"},
    )
    out = render_report_markdown(r)
    assert "checking customs papers: Outcomes can be checked automatically" in out, out
