"""Messy answers typed in consultations 5-8 by a bank, a Mittelstand firm, a media company and
a logistics scale-up: each test names what the user typed and what they were told before."""

from __future__ import annotations

import pytest

from consultations.advisors.base import EarlierConsultation
from consultations.advisors.indemnity import per_vendor
from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from consultations.state import Status
from tests.unit.test_advisors import run
from tests.unit.test_engine import begin, step


def test_a_bare_upper_figure_takes_the_unit_of_the_lower_one(catalog: Catalog) -> None:
    """'30 min, maybe 45 on a good week' was 22.75 hours a week (0.5 h to 45 h), so the digest
    was sized for a full-time reader; it is 37.5 minutes."""
    q = catalog.by_slug("research-curation").question("hours")
    a = parse_answer(q, "30 min, maybe 45 on a good week")
    assert a.number == 0.625, a
    assert parse_answer(q, "2 hours, maybe 3").number == 2.5


LOGISTICS = {
    "workflows": "invoice matching against POs; customer refund approvals; warehouse slotting",
    "why_shelved": "too many exceptions",
    "checkable": "we can simulate them",
    "logs": "some",
    "error_cost": "some money",
    "value": "invoices save 2 FTE ~ 140.000 EUR/yr, refunds 30k, slotting maybe 1,5 Mio € if "
    "it works",
}


def test_figures_listed_per_workflow_share_the_one_period_given(catalog: Catalog) -> None:
    """'invoices … 140.000 EUR/yr, refunds 30k, slotting maybe 1,5 Mio €' was €1,500,000 a
    month for slotting (the 140k read as a year, the 1,5 Mio beside it as a month), so the
    prototype 'paid back in under a month'; all three are a year: €125,000 a month."""
    q = catalog.by_slug("automation-frontier").question("value")
    a = parse_answer(q, LOGISTICS["value"])
    assert a.number == 125_000, a
    assert "read as a year too" in (a.note or "")
    r = run(catalog, "automation-frontier", LOGISTICS)
    text = render_report_markdown(r)
    assert "€1,500,000" not in text, text
    assert "€125,000 a month" in text, text


def test_shelved_reasons_and_logs_as_people_say_them(catalog: Catalog) -> None:
    """'invoice matching: too many exceptions … refunds: legal said no' read only 'too variable'
    (legal never counted); 'ERP logs for invoices, ticket history for refunds' was refused
    ('Pick one or more of …'), so the next answer landed a question late; 'no logs' is No."""
    script = catalog.by_slug("automation-frontier")
    why = parse_answer(
        script.question("why_shelved"),
        "invoice matching: too many exceptions, vendors format differently. refunds: legal "
        "said no. slotting: seasonality",
    )
    assert why.choices == ("variability", "risk"), why
    logs = script.question("logs")
    said = parse_answer(logs, "ERP logs for invoices, ticket history for refunds")
    assert said.choices == ("rich",), said
    assert parse_answer(logs, "no logs").choices == ("none",)
    assert parse_answer(logs, "we have no history").choices == ("none",)


PHOTO_DESK = {
    "use": "photo desk: illustrations for articles and social cards, no news photos ever",
    "vendors": "Midjourney v6, Adobe Firefly, and the photo guys use SD locally (not sanctioned)",
    "content": "celebrity likenesses, politicians, maybe sports club logos",
    "jurisdictions": "DE, AT, CH, plus UK syndication",
    "indemnity": "Firefly has indemnity via enterprise contract; Midjourney just the ToS; SD none",
    "review": "nobody for social",
}


def test_a_model_run_locally_by_one_team_is_an_open_model_beside_the_vendors(
    catalog: Catalog,
) -> None:
    """'Midjourney v6, Adobe Firefly, and the photo guys use SD locally (not sanctioned)' made
    Adobe Firefly an open model with 'no vendor to send a questionnaire to and no indemnity',
    and Stable Diffusion vanished; Firefly gets the questionnaire, SD is the open model."""
    r = run(catalog, "diffusion-ip-risk", PHOTO_DESK)
    sections = {s.title: s.items for s in r.sections}
    asked = " ".join(sections["Vendor questionnaire"])
    assert "Adobe Firefly" in asked and "Midjourney v6" in asked, asked
    opened = " ".join(sections["Open models you run yourself"])
    assert opened.startswith("Stable Diffusion"), opened
    assert "Firefly" not in opened, opened


def test_an_indemnity_said_vendor_by_vendor_names_who_covers_you(catalog: Catalog) -> None:
    """'Firefly has indemnity via enterprise contract; Midjourney just the ToS' read as 'No
    indemnity' for all ('has indemnity' passed as a typo of 'no indemnity'), and the verdict
    said to tighten the Adobe Firefly contract too."""
    q = catalog.by_slug("diffusion-ip-risk").question("indemnity")
    assert parse_answer(q, "has indemnity").choices == ("full",)
    r = run(catalog, "diffusion-ip-risk", PHOTO_DESK)
    assert "Firefly contract" not in r.verdict, r.verdict
    text = render_report_markdown(r)
    assert "Renegotiate indemnity with Midjourney v6" in text, text


MITTELSTAND = {
    "role": "Leiter IT / Head of IT",
    "industry": "Maschinenbau, Mittelstand, ca. 800 Mitarbeiter",
    "team_size": "12 Entwickler, davon 2 mit ML-Erfahrung",
    "ai_use": "Copilot für Code, ein RAG-Pilot über Wartungshandbücher (Azure OpenAI), sonst wenig",
    "constraints": "Datenschutz / DSGVO und Budget: max 250.000 € für 2026",
    "goals": "Angebotserstellung um 30% schneller, Servicetechniker-Assistent live bis Q3, "
    "Kosten pro Anfrage halbieren",
}


def test_a_thing_to_put_live_by_a_date_and_a_cost_per_request_are_served(
    catalog: Catalog,
) -> None:
    """'Servicetechniker-Assistent live bis Q3' and 'Kosten pro Anfrage halbieren' were both
    'served by: no item here serves it directly', though the plan priced the highest-volume
    workload (the cost per request) and the assistant is the goal with a date."""
    r = run(catalog, "strategy-synthesis", MITTELSTAND)
    goals = next(s for s in r.sections if s.title.startswith("Your goals")).items
    for goal in ("Servicetechniker-Assistent live bis Q3", "Kosten pro Anfrage halbieren"):
        line = next(g for g in goals if g.startswith(goal))
        assert "no item here serves it" not in line, line
    assistant = next(g for g in goals if g.startswith("Servicetechniker"))
    assert "Servicetechniker-Assistent" in assistant.split("served by:")[1], assistant


def test_under_a_data_constraint_nothing_goes_live_before_the_data_map(catalog: Catalog) -> None:
    """With 'Datenschutz / DSGVO' as a constraint the plan put the assistant live in months
    0-3 and mapped where data goes only in months 6-9, while saying 'stop sending data to any
    vendor or region that has not cleared your residency rules'."""
    r = run(catalog, "strategy-synthesis", MITTELSTAND)
    titles = [rec.title for rec in r.recommendations]
    mapped = next(i for i, t in enumerate(titles) if "where each workload's data" in t)
    live = next(i for i, t in enumerate(titles) if t.startswith("Servicetechniker"))
    assert mapped < live, titles


def test_a_part_that_matters_not_so_much_still_counts_a_little(catalog: Catalog) -> None:
    """'cost matters most, compute some, failure not so much' gave failure 0%, so failure
    papers were never ranked; 'not so much' is a little: 50% / 17% / 33%."""
    q = catalog.by_slug("research-curation").question("weights")
    a = parse_answer(q, "cost matters most, compute some, failure not so much")
    assert a.numbers == {"cost": 50.0, "failure": 17.0, "compute": 33.0}, a
    assert parse_answer(q, "cost mostly, failure not at all, compute some").numbers == {
        "cost": 60.0,
        "failure": 0.0,
        "compute": 40.0,
    }


def test_a_doubt_typed_after_a_name_is_not_part_of_the_name(catalog: Catalog) -> None:
    """'Qwen team, Allen AI, maybe Karpathy? no idea really' saved 'Karpathy? no idea really'
    in the canon, matched against authors' names."""
    q = catalog.by_slug("research-curation").question("canon")
    a = parse_answer(q, "Qwen team, Allen AI, maybe Karpathy? no idea really")
    assert a.items == ("Qwen team", "Allen AI", "Karpathy"), a


def test_an_option_said_beside_a_workflows_name_is_that_workflows(catalog: Catalog) -> None:
    """'invoice yes, … refunds partly. slotting we could simulate' read invoices as 'We can
    simulate them (your words for it match no option)'; 'yes for invoices and refunds, none
    for slotting' gave refunds 'No'. A bare 'yes' beside a name is that workflow's answer,
    and a name joined by 'and' shares the option before it."""
    answers = {
        **LOGISTICS,
        "checkable": "invoice yes, we have 3 years of matched history. slotting we could "
        "simulate with our WMS data",
        "logs": "yes for invoices and refunds, none for slotting",
    }
    r = run(catalog, "automation-frontier", answers)
    read = " ".join(
        next(s for s in r.sections if s.title.startswith("How your answers were read")).items
    )
    assert "invoice matching against POs: Outcomes can be checked automatically" in read, read
    assert "customer refund approvals: No" not in read, read
    assert "warehouse slotting: No" in read, read


def test_an_amount_typed_at_the_logs_question_is_no_count_of_runs(catalog: Catalog) -> None:
    """'an error in refunds costs maybe 50-200 EUR, invoice mistakes 2.500 EUR each' typed at
    'Do you keep logs…?' was taken as 'Some, incomplete (read from the count, 50)', and every
    later answer landed a question late; it is asked again."""
    q = catalog.by_slug("automation-frontier").question("logs")
    with pytest.raises(AnswerError):
        parse_answer(
            q, "an error in refunds costs maybe 50-200 EUR, invoice mistakes 2.500 EUR each"
        )
    assert parse_answer(q, "15-20k tickets").choices == ("rich",)


SCALE_UP = {
    "role": "VP Eng, well actually also acting CPO",
    "industry": "fintech / payments scale-up",
    "team_size": "60, no wait 45 engineers after the layoffs",
    "ai_use": "we use GPT-4o for support bot, Claude for code review, a fraud model in-house "
    "(not LLM), and a RAG thing over policies nobody uses",
    "constraints": "regulation",
    "goals": "cut support tickets by 40%, but also no new vendors, ship an agent that disputes "
    "chargebacks by Q2, reduce AI spend which is ~18k/month",
}


def _goal_lines(catalog: Catalog, answers: dict[str, str]) -> tuple[str, ...]:
    r = run(catalog, "strategy-synthesis", answers)
    return next(s for s in r.sections if s.title.startswith("Your goals")).items


def test_an_agent_to_ship_by_a_date_gets_its_own_rollout(catalog: Catalog) -> None:
    """'ship an agent that disputes chargebacks by Q2' was 'served by: no item here serves it
    directly', the plan leaving 98% of the year free."""
    line = next(g for g in _goal_lines(catalog, SCALE_UP) if g.startswith("ship an agent"))
    assert "no item here serves it" not in line, line
    r = run(catalog, "strategy-synthesis", SCALE_UP)
    titles = [rec.title for rec in r.recommendations]
    assert any(t.startswith("Ship an agent that disputes chargebacks") for t in titles), titles


def test_a_rule_typed_among_the_goals_is_kept_not_asked_to_be_restated(catalog: Catalog) -> None:
    """'but also no new vendors' among the goals was 'nothing yet: it names no outcome to plan
    for; restate it with the number that would show it worked'."""
    line = next(g for g in _goal_lines(catalog, SCALE_UP) if "no new vendors" in g)
    assert "restate it" not in line, line
    assert "a rule the plan keeps" in line, line


def test_something_nobody_uses_is_on_the_stop_list(catalog: Catalog) -> None:
    """'a RAG thing over policies nobody uses' was carried along: the stop list named only
    tracing."""
    r = run(catalog, "strategy-synthesis", SCALE_UP)
    stop = " ".join(next(s for s in r.sections if s.title.startswith("What to stop")).items)
    assert "RAG thing over policies" in stop, stop


BANK_ROLE = (
    "Head of AI risk at a retail bank (EU, GDPR). Research should inform model risk approvals "
    "and vendor due diligence"
)


def test_a_role_said_in_two_sentences_names_the_reader_by_the_first(catalog: Catalog) -> None:
    """The roadmap opened 'A roadmap for you as Head of AI risk at a retail bank (EU, in …',
    cut inside the brackets; curation named the reader by both sentences."""
    r = run(catalog, "strategy-synthesis", {"role": BANK_ROLE, "industry": "retail banking"})
    assert r.summary.startswith("A roadmap for you as Head of AI risk at a retail bank, in"), (
        r.summary
    )
    c = run(catalog, "research-curation", {"role": BANK_ROLE})
    assert c.summary.startswith("For you as Head of AI risk at a retail bank (EU, GDPR):"), (
        c.summary
    )


def test_a_goal_naming_whose_time_is_the_workflow_the_automation_consultation_planned(
    catalog: Catalog,
) -> None:
    """After the automation consultation planned 'KYC document checks', the goal 'cut KYC
    analyst time by 30%' added a second prototype, 'prototype KYC analyst in shadow mode',
    its rollout and its hardening beside the KYC ones: two tracks for one workflow."""
    automation = {
        "workflows": "KYC document checks, credit limit reviews for SME clients",
        "why_shelved": "models hallucinated",
        "checkable": "KYC checks can be checked against registries; credit reviews only a person",
        "logs": "some",
        "error_cost": "a few hundred EUR for KYC mistakes",
        "value": "KYC about 1,2 Mio € a year in analyst time",
    }
    earlier = run(catalog, "automation-frontier", automation)
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "role": "Head of AI risk",
            "industry": "retail banking",
            "team_size": "120",
            "ai_use": "vendor chatbot for FAQs, KYC OCR pilot",
            "constraints": "regulation",
            "goals": "cut KYC analyst time by 30%",
        },
        earlier=(EarlierConsultation("automation-frontier", {}, earlier),),
    )
    titles = [rec.title for rec in r.recommendations]
    assert not any("KYC analyst" in t for t in titles), titles
    line = next(s for s in r.sections if s.title.startswith("Your goals")).items[0]
    assert "KYC document checks" in line.split("Measure:")[0], line


def test_a_supervisory_review_with_an_inventory_is_a_goal_the_plan_serves(
    catalog: Catalog,
) -> None:
    """'pass the ECB/EBA model risk review with every AI system inventoried' was 'nothing yet:
    it names no outcome to plan for; restate it'; 'too risky with regulators' matched no
    reason a workflow was shelved."""
    goal = "pass the ECB/EBA model risk review with every AI system inventoried"
    lines = _goal_lines(catalog, {**SCALE_UP, "goals": goal})
    assert "List every AI system" in lines[0].split("Measure:")[0], lines[0]
    why = catalog.by_slug("automation-frontier").question("why_shelved")
    assert parse_answer(why, "too risky with regulators").choices == ("risk",)


def test_a_channel_named_for_the_digest_is_where_the_report_sends_it(catalog: Catalog) -> None:
    """'every two weeks, to the #model-risk channel' became 'Every two weeks' and the report
    sent the digest to the user's direct messages only, the channel never named."""
    r = run(
        catalog, "research-curation", {"cadence": "every two weeks, to the #model-risk channel"}
    )
    first = r.recommendations[0]
    assert "#model-risk" in first.title and "`digest subscribe` in it" in first.detail, first


def test_a_vendor_tried_once_is_named_as_the_vendor(catalog: Catalog) -> None:
    """'just ChatGPT (DALL-E) honestly, tried Midjourney once' made the verdict 'Read the IP
    clause of the ChatGPT and tried Midjourney once contracts'."""
    q = catalog.by_slug("diffusion-ip-risk").question("vendors")
    a = parse_answer(q, "just ChatGPT (DALL-E) honestly, tried Midjourney once")
    assert a.items == ("ChatGPT (DALL-E)", "Midjourney (tried once)"), a
    r = run(
        catalog,
        "diffusion-ip-risk",
        {
            "use": "product shots for our Shopify store + some Instagram ads",
            "vendors": "just ChatGPT (DALL-E) honestly, tried Midjourney once",
            "content": "sometimes a celebrity-ish model in lifestyle shots",
            "jurisdictions": "US and EU",
            "indemnity": "no idea, we are on the $20 plan",
            "review": "me, I look at them",
        },
    )
    assert "tried Midjourney once contracts" not in r.verdict, r.verdict
    assert "ChatGPT and Midjourney" in r.verdict, r.verdict


def test_a_small_teams_words_for_its_shelved_workflows(catalog: Catalog) -> None:
    """A 5-person startup: 'stripe: too fiddly' named no reason; 'stripe yes fully
    checkable, … emails no' left Stripe out ('matches no option') and read all three as 'Only
    a person can judge'; 'stripe has all the data, emails in helpscout' was refused twice."""
    script = catalog.by_slug("automation-frontier")
    why = parse_answer(script.question("why_shelved"), "stripe: too fiddly")
    assert why.choices == ("variability",), why
    answers = {
        "workflows": "1) auto-answering customer emails 2) reconciling Stripe payouts with "
        "invoices 3) writing release notes from git history",
        "checkable": "stripe yes fully checkable, release notes a human reads them, emails no",
        "logs": "stripe has all the data, emails in helpscout, git obviously",
    }
    r = run(catalog, "automation-frontier", answers)
    read = " ".join(
        next(s for s in r.sections if s.title.startswith("How your answers were read")).items
    )
    assert (
        "reconciling Stripe payouts with invoices: Outcomes can be checked automatically" in read
    ), read
    assert r.verdict.startswith("Prototype reconciling Stripe payouts"), r.verdict


def test_time_at_an_hourly_rate_is_what_it_is_worth(catalog: Catalog) -> None:
    """'maybe 10 hours a week of my time across all of them? I bill 150/h' at 'What would
    automating it be worth a month?' was refused ('I read “10 hours” as a time'): it is
    10 × 150 = 1,500 a week, about 6,522 a month."""
    q = catalog.by_slug("automation-frontier").question("value")
    a = parse_answer(
        q, "no idea honestly. maybe 10 hours a week of my time across all of them? I bill 150/h"
    )
    assert a.number == 6522, a
    assert "10 hours a week × 150 an hour = 1,500 a week" in (a.note or ""), a.note
    assert parse_answer(q, "2 days a month at 800 EUR a day").number == 1600


def test_an_error_that_does_not_matter_costs_little(catalog: Catalog) -> None:
    """'notes whatever' read release notes as 'Some money or an unhappy customer (your words
    for it match no option)'."""
    q = catalog.by_slug("automation-frontier").question("error_cost")
    assert parse_answer(q, "notes whatever").choices == ("low",)
    assert parse_answer(q, "no big deal").choices == ("low",)


def test_a_quoted_title_in_chatter_is_triaged_by_its_title(catalog: Catalog) -> None:
    """'also this one i saw on twitter: "Diffusion watermarks are broken" idk' was ranked
    under that whole sentence; with no canon the plan said 'Prune the canon each quarter'."""
    r = run(
        catalog,
        "research-curation",
        {
            "canon": "skip",
            "to_triage": 'Artificial Hivemind\nalso this one i saw on twitter: "Diffusion '
            'watermarks are broken" idk',
        },
    )
    first = next(s for s in r.sections if s.title.startswith("First triage")).items
    assert any(x.startswith("Diffusion watermarks are broken — ") for x in first), first
    titles = [rec.title for rec in r.recommendations]
    assert "Prune the canon each quarter" not in titles, titles
    assert "Start a canon this quarter" in titles, titles


def test_topics_typed_in_german_are_read_in_english(catalog: Catalog) -> None:
    """'RAG, Dokumentenverarbeitung, kleine Modelle auf eigener Hardware, Agenten' was saved
    as typed, so no English paper title ever matched a German topic."""
    r = run(
        catalog,
        "research-curation",
        {
            "topics": "RAG, Dokumentenverarbeitung, kleine Modelle auf eigener Hardware, Agenten",
            "to_triage": "Small Language Models for On-Device Document Processing Agents",
        },
    )
    profile = next(s for s in r.sections if s.title.startswith("Your curation profile")).items
    topics = next(x for x in profile if x.startswith("Topics:"))
    assert topics.startswith(
        "Topics: RAG, document processing, small models, on-device, agents (read in English"
    ), topics
    first = next(s for s in r.sections if s.title.startswith("First triage")).items[0]
    assert "on your topic" in first, first


def test_a_publishers_goals_are_each_served(catalog: Catalog) -> None:
    """A regional newspaper group: 'no IP incident in 2026' and 'summaries on every article
    by March' were 'nothing yet: it names no outcome to plan for; restate it'; 'no customer
    data leaves the EU' likewise."""
    lines = _goal_lines(
        catalog,
        {
            "role": "Head of Digital Product",
            "industry": "regional newspaper group",
            "team_size": "30",
            "ai_use": "image gen at the photo desk, an article summariser on GPT-4o-mini",
            "constraints": "budget, and legal is nervous about images",
            "goals": "no IP incident in 2026, summaries on every article by March, no customer "
            "data leaves the EU",
        },
    )
    for line in lines:
        assert "restate it" not in line and "rule the plan keeps" not in line, line
        assert "no item here serves it" not in line, line


MASCHINENBAU_IP = {
    "use": "Produktbilder und Katalogbilder für unsere Maschinen, auch Messestände",
    "vendors": "wir nutzen Firefly über die Adobe-Lizenz, und ein Praktikant hat mal Midjourney "
    "probiert",
    "content": "keine fremden Marken, nur unsere eigenen Logos. evtl. Personen auf Bildern",
    "jurisdictions": "Deutschland, EU, USA (Messe in Chicago)",
    "indemnity": "weiß nicht genau, steht irgendwo im Adobe-Vertrag",
    "review": "Marketing schaut drüber, Rechtsabteilung nur bei Kampagnen",
}


def test_a_mittelstand_firm_answering_in_german_gets_its_vendors_and_content_right(
    catalog: Catalog,
) -> None:
    """'wir nutzen Firefly über die Adobe-Lizenz, und ein Praktikant hat mal Midjourney
    probiert' made the questionnaire 'Ask each of wir nutzen Firefly über die Adobe-Lizenz and
    ein Praktikant hat mal Midjourney probiert'; 'keine fremden Marken, nur unsere eigenen
    Logos. evtl. Personen auf Bildern' was rated as 'Brands and logos' at risk."""
    content = catalog.by_slug("diffusion-ip-risk").question("content")
    assert parse_answer(content, MASCHINENBAU_IP["content"]).choices == ("likenesses",)
    assert parse_answer(content, "keine Marken").choices == ("none",)
    r = run(catalog, "diffusion-ip-risk", MASCHINENBAU_IP)
    asked = next(s for s in r.sections if s.title == "Vendor questionnaire").items[0]
    assert asked == "Ask each of Firefly and Midjourney:", asked


def test_german_staff_and_a_german_no_at_the_automation_questions(catalog: Catalog) -> None:
    """'Ersatzteile: ca. 2 Vollzeitstellen, also so 12.000 € im Monat' was said back as
    '“2” for another one' (the 2 staff read as another workflow's value); 'Fotos eher nicht'
    left the photo workflow at 'Yes, many runs'."""
    script = catalog.by_slug("automation-frontier")
    value = parse_answer(
        script.question("value"), "Ersatzteile: ca. 2 Vollzeitstellen, also so 12.000 € im Monat"
    )
    assert value.number == 12_000 and "another one" not in (value.note or ""), value
    assert parse_answer(script.question("logs"), "Fotos eher nicht").choices == ("none",)


def test_a_step_that_touches_a_rule_among_the_goals_says_it_keeps_it(catalog: Catalog) -> None:
    """'move all inference on-prem, but no hardware purchases this year' planned 'Pilot a small
    quantised open model on your own hardware' with no word about the rule against buying
    hardware."""
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "role": "Head of Platform",
            "industry": "e-commerce marketplace",
            "team_size": "8 engineers",
            "ai_use": "GPT-4o for product descriptions, some Llama experiments on a spare GPU",
            "constraints": "skills",
            "goals": "move all inference on-prem, but no hardware purchases this year",
        },
    )
    pilot = next(rec for rec in r.recommendations if "hardware" in rec.title)
    assert "Your rule “no hardware purchases this year” holds" in pilot.detail, pilot.detail


def test_a_founder_with_nothing_live_gets_a_plan_for_what_they_have(catalog: Catalog) -> None:
    """'idk, founder i guess' made the roadmap 'for you as idk' with 'idk' owning steps; with
    'nothing yet honestly' running it still planned 'Put every model call behind one internal
    model interface' and 'Measure p95 latency per workload'; 'make money' was 'nothing yet:
    restate it'."""
    r = run(
        catalog,
        "strategy-synthesis",
        {
            "role": "idk, founder i guess",
            "industry": "healthcare",
            "team_size": "4",
            "ai_use": "nothing yet honestly",
            "constraints": "all of them",
            "goals": "make money",
        },
    )
    assert r.summary.startswith("A roadmap for you as founder, in healthcare"), r.summary
    titles = [rec.title for rec in r.recommendations]
    assert not any(t.startswith(("Put every model call", "Measure p95")) for t in titles), titles
    assert all(rec.owner != "idk" for rec in r.recommendations)
    line = next(s for s in r.sections if s.title.startswith("Your goals")).items[0]
    assert "restate it" not in line, line


def test_a_workflow_said_to_be_partly_checkable_is_read_cautiously(catalog: Catalog) -> None:
    """'invoice yes, … refunds partly. slotting we could simulate' read refunds as 'We can
    simulate them (your words for it match no option)' and put them first on feasibility
    (0.95); 'no idea for slotting' at the logs question read slotting as 'Yes, many runs'."""
    answers = {
        **LOGISTICS,
        "checkable": "invoice yes, we have 3 years of matched history. refunds partly. slotting "
        "we could simulate with our WMS data",
        "logs": "ERP logs for invoices, ticket history for refunds, no idea for slotting",
    }
    r = run(catalog, "automation-frontier", answers)
    read = " ".join(
        next(s for s in r.sections if s.title.startswith("How your answers were read")).items
    )
    assert "customer refund approvals: Only a person can judge" in read, read
    assert "warehouse slotting: No" in read, read


def test_a_pasted_clause_where_the_customer_indemnifies_the_vendor_is_no_cover(
    catalog: Catalog,
) -> None:
    """'Midjourney ToS says WE indemnify THEM' gave Midjourney 'indemnifies you'; 'legal is
    checking, no answer yet' was refused."""
    q = catalog.by_slug("diffusion-ip-risk").question("indemnity")
    pasted = (
        "Adobe: 'Adobe will defend and indemnify Customer against third-party IP claims arising "
        "from Firefly output' (enterprise only); Midjourney ToS says WE indemnify THEM"
    )
    assert per_vendor(q, pasted, ["Midjourney v6", "Adobe Firefly"]) == {
        "Adobe Firefly": "full",
        "Midjourney v6": "none",
    }
    assert parse_answer(q, "legal is checking, no answer yet").choices == ("unknown",)


def test_a_market_added_after_the_report_is_added_to_the_jurisdictions(catalog: Catalog) -> None:
    """'actually we also sell in Japan' after the IP report was ignored ('This consultation is
    finished; … write the correction in your own words'); it adds Japan where images are
    published."""
    script = catalog.by_slug("diffusion-ip-risk")
    d = begin(script)
    for q in script.questions:
        d = step(script, d.consultation, MASCHINENBAU_IP[q.key])
    assert d.consultation.status is Status.COMPLETED
    d = step(script, d.consultation, "actually we also sell in Japan")
    assert d.consultation.answers["jurisdictions"].items[-1] == "Japan", d.consultation.answers
